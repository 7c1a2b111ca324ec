/**
 * Credibility of a hold-up threat under private information (issue 12 item 5; BRIEF §1 "they
 * succeed when partners are scarce", §6 "P pays when the concession costs less than replacement
 * ..."). Pure functions over plain numbers and beliefs; the engine phase is dynamics/holdUp.ts.
 *
 * A partner paid p per soldier-year that would rather stay at p than leave makes an empty threat.
 * Whether it would leave depends on its reservation *now*,
 *
 *     r_i(t) = r_i + z_i(t)                                                  (currency per soldier-year)
 *
 * where z_i(t) is what its government needs, per soldier-year, to bear the deaths it now expects
 * by the end of the operation. A casualty-sensitive government withdraws after T deaths
 * (dynamics/casualties.ts, T = (1 - s_i) T_max, raised by compensation as retention payments raise
 * it: T(z) = T (1 + eps z / c_i), dynamics/retention.ts). With D deaths so far and mu expected per
 * round at today's risk, exposure and effort, it expects F = D + mu H by the end (H rounds left
 * after this one), so staying to the end needs T(z) >= F:
 *
 *     z_i(t) = c_i max(0, F / T - 1) / eps                                   (0 when s_i = 0)
 *
 * Casualties and a risk event (an enemy's entry) raise F, so they make a threat genuine (Korea 1951).
 *
 * The pivotal does not know r_i. It knows that the partner accepted its current price (at signing,
 * or when a hold-up was paid): r_i <= p; after calling a bluff at round t it knows r_i <= p_t - z_t.
 * The casualty part z is public (deaths, risk, exposure and the government's sensitivity are). So it
 * believes the partner would really leave, refused, with probability
 *
 *     lambda = P(r_i > p - z | belief about r_i, r_i <= bound)                (0-1)
 *
 * from its negotiation belief (bargaining/beliefs.ts, shaped by intelligence); under a
 * complete-information pricing rule it knows r_i and lambda is 0 or 1. With z = 0 the partner's
 * acceptance of p already shows the threat to be empty: lambda = 0. Refusing loses the partner with
 * probability lambda, at Pi per soldier-year beyond today's price (dynamics/threat.ts); paying costs
 * the demand delta: it pays iff delta <= lambda Pi and its budget allows (threat.ts `pivotalPays`
 * with the premium lambda Pi).
 */
import { cdf, type Belief, atMost } from '../bargaining/beliefs';

export interface CasualtyPressureInputs {
  /** c_i per soldier-year (> 0). */
  readonly deploymentCost: number;
  /** D: its deaths so far. */
  readonly deaths: number;
  /** mu: deaths expected per round now (>= 0). */
  readonly expectedDeathsPerRound: number;
  /** H: rounds of the operation after this one (>= 0). */
  readonly roundsAfter: number;
  /** T: deaths its government bears now, compensation included (null: casualties never force it out). */
  readonly tolerance: number | null;
  /** eps: how far compensation raises its tolerance (>= 0). */
  readonly elasticity: number;
}

/** z_i(t): the rise of its reservation per soldier-year from the deaths it now expects (Infinity when no money can make it bear them). */
export function casualtyPremium(x: CasualtyPressureInputs): number {
  if (x.tolerance === null || x.tolerance <= 0) return 0;
  const expected = Math.max(0, x.deaths) + Math.max(0, x.expectedDeathsPerRound) * Math.max(0, x.roundsAfter);
  const over = expected / x.tolerance - 1;
  if (over <= 0) return 0;
  if (x.elasticity <= 0) return Infinity;
  return (Math.max(0, x.deploymentCost) * over) / x.elasticity;
}

export interface LeaveInputs {
  /** Today's price p per soldier-year. */
  readonly price: number;
  /** z_i(t), public. */
  readonly casualtyPremium: number;
  /** What is known of r_i from above: p at its last acceptance, or less after a called bluff. */
  readonly bound: number;
}

/** lambda under complete information: whether the partner would really leave (r_i + z > p). */
export function leavesForSure(reservation: number, x: Pick<LeaveInputs, 'price' | 'casualtyPremium'>): boolean {
  return reservation + x.casualtyPremium > x.price;
}

/** lambda = P(r_i > p - z | b, r_i <= bound): the believed probability that, refused, it leaves. */
export function leaveProbability(b: Belief, x: LeaveInputs): number {
  if (!Number.isFinite(x.casualtyPremium)) return 1;
  const known = atMost(b, x.bound);
  return Math.min(1, Math.max(0, 1 - cdf(known, x.price - x.casualtyPremium)));
}

/** The bound after a called bluff at price p with casualty premium z: now r_i <= p - z. */
export function boundAfterCalledBluff(bound: number, x: Pick<LeaveInputs, 'price' | 'casualtyPremium'>): number {
  return Math.min(bound, x.price - x.casualtyPremium);
}
