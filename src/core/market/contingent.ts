/**
 * Contingent size as a choice (issue 12, item 2; BRIEF §3 "armed forces size and deployable
 * share ... intrinsic interest ... alliance depth and preference similarity ... casualty
 * sensitivity"; §6 "s_i grows with g_i and with the share of its forces deployed").
 *
 * A state deploying k troops (per soldier-year, at price p paid by the pivotal) bears
 *
 *   Cost_i(k) = w_i k + (h_i / (2 K_i)) k^2 - D_i min(k, F_i)
 *   w_i = c_i - u_i - s_i + m_i + t_i
 *
 * c_i deployment cost, u_i intrinsic value of the mission, s_i signalling value (item 3),
 * m_i opportunist's markup, t_i stance cost (item 4, infinite for open opposition), D_i the
 * value of meeting its alliance duty per soldier up to the duty floor F_i (item 3). The
 * quadratic term is the political cost of committing a growing share of its forces: the
 * marginal soldier costs h_i k / K_i more, reaching h_i at its deployable capacity K_i
 * (armed forces x deployable share, a hard cap). Casualty-sensitive governments have a
 * steeper h_i (see `politicalCostAtCapacity`). It also cannot deploy at a price below its
 * liquidity need (1 - f_i) c_i: it could not fund the rest.
 *
 * Supply at price p (profit p k - Cost(k) is concave; marginal cost w + h k / K - D 1[k < F]):
 *
 *   k*(p) = 0                                   if p < liquidity need
 *         = K (p - w + D) / h                   if that is <= F   (below the duty floor)
 *         = max(F, K (p - w) / h)               otherwise          (F when it sits at the kink)
 *   clipped to [0, K].
 *
 * A deal fixes troops and price together: the state accepts k troops at p per soldier-year
 * iff p >= r_i(k), the average reservation
 *
 *   r_i(k) = max((1 - f_i) c_i, Cost_i(k) / k) = max(liq, w + h k / (2K) - D min(k, F) / k),
 *
 * which rises in k (both the political term and the spreading of the duty value). At k -> 0
 * it is BRIEF §6's r_i = c_i - u_i - s_i + m_i, less the duty value. The pivotal may take
 * any part k <= k*(p) of what is offered. A deployed state with k0 troops adds
 * `enlargementSupply` at a new price for the extra troops, and accepts an extra dk at q iff q
 * covers the incremental cost (Cost(k0 + dk) - Cost(k0)) / dk.
 *
 * The share of forces it deploys, k*(p) / A = sigma (p - w) / h (above the floor, sigma the
 * deployable share), rises with unrealized alliance potential g through s = S g with slope
 * sigma S / h per unit of potential: a slope produced by the mechanism (the ISAF paper's
 * Table 1 finding, BRIEF §4), not a coded share formula.
 */

export interface ContingentMotives {
  /** c_i, deployment cost per soldier-year (>= 0). */
  readonly deploymentCost: number;
  /** u_i, intrinsic value of the mission per soldier-year. */
  readonly intrinsicValue: number;
  /** s_i, signalling value per soldier-year (`signallingValue` in politics/alliance). */
  readonly signallingValue: number;
  /** m_i, an opportunist's markup per soldier-year (>= 0). */
  readonly markup: number;
  /** t_i, the cost of acting against its stance on this mission, per soldier-year (politics/stance; Infinity: never). */
  readonly stanceCost: number;
  /** (1 - f_i) c_i, the part of the cost it cannot fund, per soldier-year. */
  readonly liquidityNeed: number;
  /** D_i, value per soldier-year of meeting its alliance duty, for troops up to the floor (politics/alliance). */
  readonly dutyValue: number;
  /** F_i, the duty floor in troops (politics/alliance). */
  readonly dutyFloor: number;
  /** K_i, most troops it can deploy: armed forces x deployable share (or an explicit cap). */
  readonly deployable: number;
  /** h_i, marginal political cost per soldier-year at full deployable capacity (>= 0). */
  readonly politicalCostAtCapacity: number;
}

/** w_i = c_i - u_i - s_i + m_i + t_i: the linear part of its cost per soldier-year. */
export function netCostPerSoldier(m: ContingentMotives): number {
  return m.deploymentCost - m.intrinsicValue - m.signallingValue + m.markup + m.stanceCost;
}

/**
 * h_i = c_i (1 + casualty sensitivity): at full deployable capacity the political cost of the
 * marginal soldier equals its deployment cost, more for a casualty-sensitive government
 * (more troops, more dead, a higher price at home).
 */
export function politicalCostAtCapacity(deploymentCost: number, casualtySensitivity: number): number {
  return Math.max(0, deploymentCost) * (1 + Math.max(0, casualtySensitivity));
}

/** Cost_i(k), per year, for k troops (>= 0). Infinity under open opposition. */
export function contingentCost(m: ContingentMotives, k: number): number {
  if (k <= 0) return 0;
  const w = netCostPerSoldier(m);
  if (!Number.isFinite(w)) return Infinity;
  const h = m.deployable > 0 ? m.politicalCostAtCapacity / m.deployable : 0;
  return w * k + 0.5 * h * k * k - m.dutyValue * Math.min(k, m.dutyFloor);
}

/** Troops it offers at price p per soldier-year: k*(p), in [0, K]. */
export function supplyAt(m: ContingentMotives, p: number): number {
  const K = Math.max(0, m.deployable);
  const w = netCostPerSoldier(m);
  if (K === 0 || !Number.isFinite(w) || p < m.liquidityNeed) return 0;
  const F = Math.min(Math.max(0, m.dutyFloor), K);
  const h = m.politicalCostAtCapacity;
  let k: number;
  if (h <= 0) {
    // No political cost: all it can deploy if it gains at the margin, its floor if only duty makes it worth it.
    k = p > w ? K : p > w - m.dutyValue ? F : 0;
  } else {
    const below = (K * (p - w + m.dutyValue)) / h;
    k = below <= F ? below : Math.max(F, (K * (p - w)) / h);
  }
  return Math.min(K, Math.max(0, k));
}

/** r_i(k): the least price per soldier-year it accepts for a deal of exactly k troops (k > 0). */
export function averageReservation(m: ContingentMotives, k: number): number {
  if (k <= 0) return Math.max(m.liquidityNeed, netCostPerSoldier(m) - (m.dutyFloor > 0 ? m.dutyValue : 0));
  if (k > m.deployable) return Infinity;
  return Math.max(m.liquidityNeed, contingentCost(m, k) / k);
}

/** The least price per soldier-year for `extra` troops on top of `deployed` already there. */
export function enlargementReservation(m: ContingentMotives, deployed: number, extra: number): number {
  if (extra <= 0) return Math.max(m.liquidityNeed, marginalReservation(m, deployed));
  if (deployed + extra > m.deployable) return Infinity;
  return Math.max(m.liquidityNeed, (contingentCost(m, deployed + extra) - contingentCost(m, deployed)) / extra);
}

/** Marginal cost of its k-th soldier per year: w + h k / K - D 1[k < F]. */
export function marginalReservation(m: ContingentMotives, k: number): number {
  const h = m.deployable > 0 ? m.politicalCostAtCapacity / m.deployable : 0;
  return netCostPerSoldier(m) + h * k - (k < m.dutyFloor ? m.dutyValue : 0);
}

/**
 * Extra troops a state with `deployed` troops offers at price q per soldier-year for the
 * extra ones (its existing contract unchanged): k*(q) - deployed, at least 0. Rising demand
 * raises duty floors (politics/alliance `dutyFloor`), so deployed allies also grow unpaid.
 */
export function enlargementSupply(m: ContingentMotives, deployed: number, q: number): number {
  return Math.max(0, supplyAt(m, q) - Math.max(0, deployed));
}
