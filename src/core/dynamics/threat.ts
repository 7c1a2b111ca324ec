/**
 * Strategic hold-ups (issue 12, item 5; BRIEF §1 "Opportunists ... deploy and later threaten
 * to cut or withdraw their forces unless paid more ... They succeed when partners are
 * scarce"; §6 "a deployed opportunist compares its expected gain from threatening
 * (probability P pays, which rises when replacing it is dear) with the cost of a called
 * bluff; P pays when the concession costs less than replacement at today's market price plus
 * the flag lost plus the delay").
 *
 * The pivotal's pay rule. For a deployed partner with k troops at price p (per soldier-year),
 * replacing it costs, per soldier-year beyond today's price,
 *
 *   Pi = phi max(0, e q - p) + (1 - phi) (e c_P - p + L / k + e c_P delay / H) + kappa V / k
 *
 * phi = clamp((S - short) / k, 0, 1) is the share of its troops substitutes could replace now:
 * S troops available now from willing non-members, `short` the coalition's shortfall (a
 * substitute counts only if it is available now and not already needed to fill the gap). q
 * is the substitute's price per effective soldier, c_P the own-soldier cost, L the flag
 * (lost only where no substitute brings one), kappa V the criticality lost, and the delay:
 * `delay` rounds of e c_P out of the H rounds left while its own soldiers are raised (a
 * substitute available now signs this round, so the delay applies to the rest). The pivotal pays a
 * demand delta iff delta <= Pi (and its budget allows).
 *
 * The partner's choice. It knows the public parts (market, its own terms, c_P) and holds a
 * normal belief Pi ~ N(mu, sd) about the rest (flag and criticality values are the
 * pivotal's private information: the spread shrinks with openness, as its prior does).
 * The pivotal pays only what the threat's credibility is worth (dynamics/credibility.ts: delta <=
 * lambda Pi), and the partner estimates that lambda too (lambda'), so it believes
 * P(pays | delta) = 1 - Phi((delta - lambda' mu) / (lambda' sd)). Refused, it leaves iff leaving
 * really beats staying, r_i(t) > p (its reservation now, casualty pressure included); a called
 * bluff then costs it
 *
 *   C = 0 if r_i(t) > p (it leaves, which it prefers anyway);  C = face + A otherwise
 *   face = (s_i + D_i) k Y + phi rent,  rent = (p - r_i(t)) k Y
 *   A = alpha k c_i Y                                     (domestic audience cost)
 *
 * Backing down costs it its signal and duty value (a signaller or ally that blackmails
 * loses what it deployed for) plus the rent with the share phi the pivotal could replace
 * it (a bluffer exposed while substitutes are at hand can be replaced), plus its audience
 * cost A (Fearon 1994, APSR 88(3) "Domestic Political Audiences and the Escalation of
 * International Disputes"): a government that publicly threatens to bring its troops home
 * and then keeps them there on the terms it called unacceptable loses standing at home, in
 * proportion to what it staked publicly (audience costs rise with the level of escalation:
 * Tomz 2007, IO 61(4)). The stake of a withdrawal threat is the deployment itself, so A is
 * the share alpha (`engine.operation.audienceCost`) of what the deployment costs the
 * government over the rest of the operation, k c_i Y. A is a fixed cost where the gain
 * scales with credibility (the partner's P(pays | delta) sees lambda' Pi), so a partner with
 * little credibility no longer bluffs for a pittance; a partner that would really leave never
 * pays it. Scaling A with the demand instead would not do: P(pays | delta -> 0) does not fall
 * with lambda', so a small enough demand would still be worth making at any credibility.
 * It threatens iff max_delta [P(delta) delta k Y - (1 - P(delta)) C] > 0, with the best delta
 * its demand, at least the gap r_i(t) - p (paid less, a genuine partner would still rather leave: so
 * when replacement is cheap, Pi below the gap, a genuine threat is refused and it leaves). A partner whose acceptance of p shows it would stay (no casualty pressure) has
 * lambda' = 0 and never threatens. A tremble eps (at most 0.05, default 0) lets an otherwise
 * quiet partner threaten with probability eps as if its threat were believed (lambda' = 1).
 */
import { errorFunction } from 'simple-statistics';

export interface ReplacementInputs {
  /** e_i. */
  readonly effectiveness: number;
  /** Its troops k (> 0). */
  readonly troops: number;
  /** Today's price per soldier-year p. */
  readonly price: number;
  /** c_P per soldier-year. */
  readonly ownSoldierCost: number;
  /** L per year. */
  readonly flagValue: number;
  /** kappa_i V per year. */
  readonly criticalValue: number;
  /** Troops willing, available now, outside the coalition (excluding this partner). */
  readonly substituteTroops: number;
  /** Their marginal price per effective soldier-year q (ignored when substituteTroops = 0). */
  readonly substitutePrice: number;
  /** Demand - deployed, this round, >= 0 (before this partner leaves). */
  readonly shortfall: number;
  /**
   * Deployed - demand, this round, >= 0: troops the pivotal has beyond what it seeks (after a
   * demand cut). Omitted: 0. Only the partner's troops it still needs, k - surplus, cost it
   * anything to lose; a partner wholly surplus is sent home anyway (engine/phases/release.ts).
   */
  readonly surplus?: number;
  /** Rounds a replacement takes to arrive (>= 0). */
  readonly delayRounds: number;
  /** Rounds left in the operation, this one included (>= 1). */
  readonly roundsLeft: number;
}

/** phi: the share of its troops that substitutes available now could replace. */
export function replaceableShare(x: Pick<ReplacementInputs, 'substituteTroops' | 'shortfall' | 'troops'>): number {
  if (x.troops <= 0) return 1;
  return Math.min(1, Math.max(0, (x.substituteTroops - Math.max(0, x.shortfall)) / x.troops));
}

/** Pi, per soldier-year beyond today's price: what replacing the partner would cost the pivotal. */
/** nu: the share of the partner's troops the pivotal still needs (k - surplus) / k; it pays nothing to keep troops it would release. */
export function neededShare(x: Pick<ReplacementInputs, 'troops' | 'surplus'>): number {
  return x.troops > 0 ? Math.min(1, Math.max(0, x.troops - Math.max(0, x.surplus ?? 0)) / x.troops) : 1;
}

export function replacementPremium(x: ReplacementInputs): number {
  const nu = neededShare(x);
  if (nu === 0) return 0;
  return nu * fullReplacementPremium(x);
}

function fullReplacementPremium(x: ReplacementInputs): number {
  const phi = replaceableShare(x);
  const own = x.effectiveness * x.ownSoldierCost;
  const k = Math.max(1, x.troops);
  const bySubstitute = Math.max(0, x.effectiveness * x.substitutePrice - x.price);
  const byOwn = Math.max(0, own - x.price) + x.flagValue / k;
  const delay = (own * Math.max(0, x.delayRounds)) / Math.max(1, x.roundsLeft);
  return phi * bySubstitute + (1 - phi) * (byOwn + delay) + x.criticalValue / k;
}

/**
 * The partner's belief about Pi from this round's public information: the market (S_now,
 * shortfall, q as the market shows it), c_P and its own terms are public; the flag and
 * criticality values are the pivotal's private information, revealed by openness as its
 * prior is (mean share O of the truth). Spread: w ((1 - O) x private part + phi x the
 * substitute premium), since others' reservations, hence q, are private to them.
 */
export function partnerBelief(x: ReplacementInputs, openness: number, priorWidth: number): { mean: number; sd: number } {
  const O = Math.min(1, Math.max(0, openness));
  const phi = replaceableShare(x);
  const k = Math.max(1, x.troops);
  const mean = replacementPremium({ ...x, flagValue: O * x.flagValue, criticalValue: O * x.criticalValue });
  const privatePart = ((1 - phi) * x.flagValue + x.criticalValue) / k;
  const substitutePremium = Math.max(0, x.effectiveness * x.substitutePrice - x.price);
  // Demand and deployed troops are public: a partner knows when the pivotal no longer needs its troops.
  return { mean, sd: neededShare(x) * Math.max(0, priorWidth) * ((1 - O) * privatePart + phi * substitutePremium) };
}

/** The pivotal pays a demand delta (per soldier-year) iff it costs less than replacement and the budget allows. */
export function pivotalPays(demand: number, premium: number, affordable: boolean): boolean {
  return affordable && demand > 0 && demand <= premium;
}

export interface ThreatInputs {
  /** The partner's belief about Pi: mean and spread per soldier-year (sd >= 0). */
  readonly premiumMean: number;
  readonly premiumSd: number;
  /** phi as the partner sees it (public: market and shortfall this round). */
  readonly replaceable: number;
  /** Its troops k, price p and reservation now r_i(t) per soldier-year (casualty pressure included). */
  readonly troops: number;
  readonly price: number;
  readonly reservation: number;
  /** s_i + D_i per soldier-year: what backing down after a threat costs it in signal and duty. */
  readonly allianceValue: number;
  /** Years left Y (> 0). */
  readonly yearsLeft: number;
  /** Share of a paid demand it expects to keep after the sanction it saw for an earlier threat (phases/punishment.ts; 1 when never punished). */
  readonly keptShare?: number;
  /** A: what backing down after a public threat costs its government at home, money (`audienceCost`; 0 when omitted). */
  readonly audienceCost?: number;
}

export interface ThreatChoice {
  /** Demand per soldier-year that maximises its expected gain (0 when there is none). */
  readonly demand: number;
  /** Its believed P(pays | demand). */
  readonly pPays: number;
  /** Expected gain of threatening at that demand, per operation (money). */
  readonly expectedGain: number;
  /** Cost of a called bluff C (money): face plus the audience cost A; 0 when it would leave. */
  readonly calledCost: number;
  /** Whether, refused, it would follow through (leave): r_i(t) > p. */
  readonly resolute: boolean;
}

/**
 * A = alpha k c_i Y: the domestic audience cost of a called bluff, money. alpha (share, >= 0) is
 * `engine.operation.audienceCost`, k the troops, c_i its deployment cost per soldier-year, Y the
 * years left: the share alpha of what its government stakes on the deployment for the rest of
 * the operation (Fearon 1994; module comment).
 */
export function audienceCost(alpha: number, troops: number, deploymentCost: number, yearsLeft: number): number {
  return Math.max(0, alpha) * Math.max(0, troops) * Math.max(0, deploymentCost) * Math.max(0, yearsLeft);
}

function survival(x: number, mean: number, sd: number): number {
  if (sd <= 0) return x <= mean ? 1 : 0;
  return 0.5 * (1 - errorFunction((x - mean) / (sd * Math.SQRT2)));
}

/** The partner's best threat and its value; it threatens iff `shouldThreaten`. */
export function bestThreat(x: ThreatInputs): ThreatChoice {
  const k = Math.max(0, x.troops);
  const Y = Math.max(0, x.yearsLeft);
  const rent = Math.max(0, x.price - x.reservation) * k * Y;
  const resolute = x.reservation > x.price;
  const kept = Math.min(1, Math.max(0, x.keptShare ?? 1));
  const face = Math.max(0, x.allianceValue) * k * Y + Math.min(1, Math.max(0, x.replaceable)) * rent;
  const calledCost = resolute ? 0 : face + Math.max(0, x.audienceCost ?? 0);
  const value = (d: number): number => {
    const p = survival(d, x.premiumMean, x.premiumSd);
    return p * kept * d * k * Y - (1 - p) * calledCost;
  };
  // A genuine partner asks at least the gap r_i(t) - p: paid less, it would still rather leave.
  const floor = Math.max(0, x.reservation - x.price);
  // The best demand lies within the belief's reach: grid, then golden-section refinement.
  const hi = Math.max(floor, x.premiumMean + 5 * Math.max(0, x.premiumSd));
  if (hi <= 0 || k <= 0 || Y <= 0) return { demand: 0, pPays: 0, expectedGain: -calledCost, calledCost, resolute };
  const n = 200;
  const step = (hi - floor) / n;
  let best = floor;
  let bestV = floor > 0 ? value(floor) : -Infinity;
  for (let i = 1; i <= n; i++) {
    const d = floor + step * i;
    const v = value(d);
    if (v > bestV) {
      bestV = v;
      best = d;
    }
  }
  if (step <= 0) return { demand: best, pPays: survival(best, x.premiumMean, x.premiumSd), expectedGain: bestV, calledCost, resolute };
  let lo = Math.max(floor, best - step);
  let up = Math.min(hi, best + step);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 50; i++) {
    const a = up - r * (up - lo);
    const b = lo + r * (up - lo);
    if (value(a) >= value(b)) up = b;
    else lo = a;
  }
  const refined = (lo + up) / 2;
  const demand = value(refined) >= bestV ? refined : best;
  return { demand, pPays: survival(demand, x.premiumMean, x.premiumSd), expectedGain: value(demand), calledCost, resolute };
}

/**
 * Threaten iff the expected gain is strictly positive (at a positive demand). A tremble (engine:
 * `engine.operation.holdUpTremble`, at most 0.05) is a partner misjudging its credibility, which
 * dynamics/holdUp.ts models as this choice made with lambda' = 1.
 */
export function shouldThreaten(choice: ThreatChoice): boolean {
  return choice.demand > 0 && choice.expectedGain > 0;
}
