/**
 * Recruitment by value (issue 12, item 1; BRIEF §1 "Why they want partners at all:
 * legitimacy (more flags), and cost (a foreign soldier is often far cheaper than one of
 * their own)"; §3 "value of each additional flag ... value of particular critical partners";
 * §6 R_i = e_i c_P + L / k_i + kappa_i V).
 *
 * The pivotal's expected net value per year of approaching party i for k troops:
 *
 *   N_i(k) = k (e_i c_P - delta_i - phat_i(k)) + [new member] (L + kappa_i V)
 *   phat_i(k) = a_i + b_i k
 *
 * where phat_i(k) is the price per soldier-year it expects under its belief: a_i the mean
 * of its belief about r_i for a small contingent, b_i the rise of the average reservation
 * per extra soldier (market/contingent: h_i / (2 K_i), public: it follows from the size of
 * the partner's forces). More troops from a member bring no new flag or criticality; a first
 * contingent arrives only after its force generation, and delta_i (market/forceGeneration) is
 * what the pivotal's own soldiers cost meanwhile, per soldier-year of the deal (0 for a member).
 *
 * Size: on the gap, N_i is concave in k with its top at k*_i = (e_i c_P - delta_i - a_i) / (2 b_i);
 * the pivotal asks for k_i = clamp(k*_i, kMin, min(K_i, gap)) (K_i what i could offer).
 *
 * Ranking: by net value per troop of the gap it fills, N_i(k_i) / k_i, so a flag counts
 * (a flag spread over a small contingent is worth a lot per troop). Selection, one pass
 * with running sums: fill the gap in that order while N > 0 and the budget holds (shrinking
 * the last contingent to what is left: the pivotal may take part of what is offered).
 *
 * Flags beyond the troop demand: once the gap is filled, a further soldier saves no
 * own-soldier cost, but a new flag is still worth L + kappa V. So the pivotal also seeks a
 * token contingent (kMin troops) from a new member whenever L + kappa_i V > kMin phat_i(kMin)
 * and the budget allows: the "More Flags" pattern (Vietnam, Iraq 2003) as a choice, not a rule.
 * With L = 0 and no criticality no such token is worth anything, and none is sought.
 */
import { sortIndices } from '../indexSort';

/** Candidates as a structure of arrays, all of the same length n (or at least `count`); an index i names a candidate. */
export interface RecruitCandidates {
  /** How many candidates (indices 0..count-1), when the arrays are longer (reused buffers). Omitted: the arrays' length. */
  readonly count?: number;
  /** e_i, one of its soldiers replaces e_i of the pivotal's. */
  readonly effectiveness: ArrayLike<number>;
  /** kappa_i, 0-1. */
  readonly criticality: ArrayLike<number>;
  /** 1 when already deployed (an enlargement: no new flag, no criticality), else 0. */
  readonly member: ArrayLike<number>;
  /** a_i, expected price per soldier-year of a small contingent (its belief mean). */
  readonly priceIntercept: ArrayLike<number>;
  /** b_i >= 0, rise of the expected price per soldier-year per extra soldier. */
  readonly priceSlope: ArrayLike<number>;
  /** K_i, the most troops it could offer now (spare capacity). */
  readonly maxTroops: ArrayLike<number>;
  /**
   * The exact price per soldier-year it expects for k troops from candidate i, when known
   * (complete information: r_i(k) with its liquidity floor and a duty value that covers only the
   * troops up to the duty floor). The line a_i + b_i k still sizes the ask; this prices it, ranks
   * it and charges the budget. Omitted (or undefined): the line.
   */
  readonly price?: ((i: number, k: number) => number) | undefined;
  /**
   * delta_i per soldier-year: the own-soldier cost of the rounds before a first contingent
   * arrives (market/forceGeneration `fillInCost`; 0 for a member). Omitted: 0 for everyone.
   */
  readonly delayCost?: ArrayLike<number>;
}

export interface Recruiter {
  /** c_P per soldier-year. */
  readonly ownSoldierCost: number;
  /** L per year. */
  readonly flagValue: number;
  /** V per year. */
  readonly criticalPartnerValue: number;
  /** Troops still sought (>= 0). */
  readonly gap: number;
  /** Smallest contingent worth a deal (`engine.minContingent`). */
  readonly minContingent: number;
  /** Money it can still promise. */
  readonly budget: number;
  /** Years a deal signed now runs (> 0). */
  readonly years: number;
}

export interface Approach {
  readonly index: number;
  readonly troops: number;
  /** N_i(k) per year, under its belief. */
  readonly netValue: number;
  /** k phat_i(k) years: what it expects to promise. */
  readonly expectedCost: number;
  /** True for a flag-only (token) approach beyond the troop demand. */
  readonly token: boolean;
}

/** phat_i(k) = a_i + b_i k, or the exact price when the candidates carry one. */
export function expectedPrice(c: RecruitCandidates, i: number, k: number): number {
  if (c.price) return c.price(i, k);
  return (c.priceIntercept[i] ?? 0) + Math.max(0, c.priceSlope[i] ?? 0) * k;
}

/** What one of its soldiers saves the pivotal per year of the deal: e_i c_P - delta_i. */
function saved(c: RecruitCandidates, r: Recruiter, i: number): number {
  return (c.effectiveness[i] ?? 0) * r.ownSoldierCost - (c.delayCost?.[i] ?? 0);
}

/** N_i(k) per year; `savesOwn` false once demand is met (extra soldiers replace none of its own). */
export function netValue(c: RecruitCandidates, r: Recruiter, i: number, k: number, savesOwn = true): number {
  if (k <= 0) return 0;
  const saving = savesOwn ? saved(c, r, i) : 0;
  const flag = c.member[i] ? 0 : r.flagValue + (c.criticality[i] ?? 0) * r.criticalPartnerValue;
  return k * (saving - expectedPrice(c, i, k)) + flag;
}

/** k_i on the gap: clamp((e c_P - a) / (2b), kMin, min(K_i, cap)); 0 when even kMin is out of reach. */
export function preferredTroops(c: RecruitCandidates, r: Recruiter, i: number, cap: number): number {
  const upper = Math.floor(Math.min(c.maxTroops[i] ?? 0, cap));
  const kMin = Math.max(1, r.minContingent);
  if (upper < kMin) return 0;
  const b = Math.max(0, c.priceSlope[i] ?? 0);
  const margin = saved(c, r, i) - (c.priceIntercept[i] ?? 0);
  // Indifferent at the margin (no slope, price = saving): it takes what the gap needs, as a zero-surplus deal is still a deal (issue 12 item 11).
  const top = b > 0 ? margin / (2 * b) : margin >= 0 ? upper : kMin;
  return Math.min(upper, Math.max(kMin, Math.floor(top)));
}

/** Largest k <= k0 whose expected cost k phat(k) years fits the budget. */
function affordable(c: RecruitCandidates, i: number, k0: number, budget: number, years: number): number {
  const perYear = budget / Math.max(1e-9, years);
  if (c.price) {
    if (k0 * c.price(i, k0) <= perYear) return k0;
    // Largest whole k with k r(k) within the budget (bisection: k r(k) rises with k above the liquidity floor).
    let lo = 0;
    let hi = k0;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (mid * c.price(i, mid) <= perYear) lo = mid;
      else hi = mid;
    }
    return lo;
  }
  const a = c.priceIntercept[i] ?? 0;
  const b = Math.max(0, c.priceSlope[i] ?? 0);
  if (k0 * (a + b * k0) <= perYear) return k0;
  // b k^2 + a k - perYear = 0
  const k = b > 0 ? (-a + Math.sqrt(a * a + 4 * b * perYear)) / (2 * b) : a > 0 ? perYear / a : k0;
  return Math.max(0, Math.min(k0, Math.floor(k)));
}

/**
 * Reusable buffers for `selectApproachesInto`, for up to `capacity` candidates: the chosen
 * approaches as a structure of arrays (`count` of them, best first), and the ranking's scratch.
 * A run's round loop keeps one in its state (engine/scratch.ts) instead of building arrays and
 * records every round.
 */
export interface ApproachBuffer {
  count: number;
  /** Candidate index of each chosen approach. */
  readonly index: Int32Array;
  readonly troops: Float64Array;
  /** N_i(k) per year, under its belief. */
  readonly netValue: Float64Array;
  /** k phat_i(k) years: what it expects to promise. */
  readonly expectedCost: Float64Array;
  /** 1 for a flag-only (token) approach beyond the troop demand. */
  readonly token: Uint8Array;
  // Scratch of the ranking, by candidate index (density, size) and by rank (order, sortTmp).
  readonly density: Float64Array;
  readonly size: Float64Array;
  readonly order: Int32Array;
  readonly sortTmp: Int32Array;
}

export function approachBuffer(capacity: number): ApproachBuffer {
  return {
    count: 0,
    index: new Int32Array(capacity),
    troops: new Float64Array(capacity),
    netValue: new Float64Array(capacity),
    expectedCost: new Float64Array(capacity),
    token: new Uint8Array(capacity),
    density: new Float64Array(capacity),
    size: new Float64Array(capacity),
    order: new Int32Array(capacity),
    sortTmp: new Int32Array(capacity),
  };
}

/**
 * Whom to approach and for how many troops, best first. O(n log n) for the ranking, one
 * pass for the selection. Deterministic: ties by index.
 */
export function selectApproaches(c: RecruitCandidates, r: Recruiter): Approach[] {
  const n = c.count ?? c.effectiveness.length;
  const out = approachBuffer(n);
  selectApproachesInto(c, r, out);
  const chosen: Approach[] = [];
  for (let q = 0; q < out.count; q++) {
    chosen.push({ index: out.index[q]!, troops: out.troops[q]!, netValue: out.netValue[q]!, expectedCost: out.expectedCost[q]!, token: out.token[q] === 1 });
  }
  return chosen;
}

/**
 * `selectApproaches` into `out` (capacity >= the candidates' count), allocating nothing:
 * sets and returns `out.count`.
 */
export function selectApproachesInto(c: RecruitCandidates, r: Recruiter, out: ApproachBuffer): number {
  const n = c.count ?? c.effectiveness.length;
  const kMin = Math.max(1, r.minContingent);
  const { density, size, order } = out;
  for (let i = 0; i < n; i++) {
    const k = preferredTroops(c, r, i, r.gap >= kMin ? r.gap : kMin);
    size[i] = k;
    density[i] = k > 0 ? netValue(c, r, i, k, r.gap >= kMin) / k : -Infinity;
    order[i] = i;
  }
  // Best density first, ties by index (the order of `density[y] - density[x] || x - y`).
  sortIndices(order, n, out.sortTmp, density, null, true);

  let count = 0;
  let gap = r.gap;
  let budget = r.budget;
  for (let q = 0; q < n; q++) {
    const i = order[q]!;
    const filling = gap >= kMin;
    let k: number;
    if (filling) k = Math.min(size[i]!, preferredTroops(c, r, i, gap));
    else if (!c.member[i]) k = (c.maxTroops[i] ?? 0) >= kMin ? kMin : 0; // a token contingent for its flag
    else continue;
    k = affordable(c, i, k, budget, r.years);
    if (k < kMin) continue;
    const value = netValue(c, r, i, k, filling);
    if (value < 0 || (value === 0 && !filling)) continue;
    const cost = k * expectedPrice(c, i, k) * r.years;
    out.index[count] = i;
    out.troops[count] = k;
    out.netValue[count] = value;
    out.expectedCost[count] = cost;
    out.token[count] = filling ? 0 : 1;
    count++;
    budget -= Math.max(0, cost);
    if (filling) gap -= k;
  }
  out.count = count;
  return count;
}
