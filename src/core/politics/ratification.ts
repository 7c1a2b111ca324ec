/**
 * Domestic ratification (issue 12, item 4; BRIEF §4: Turkey 2003 "its parliament refused; a
 * much smaller deal followed").
 *
 * A deal needs approval at home; the larger it is relative to what the state can deploy,
 * the more of the domestic opposition q_i in [0, 1] it mobilises:
 *
 *   P(ratified | k) = 1 - q_i min(1, k / K_i).
 *
 * After a failure the pivotal updates its view of the opposition: it held q as the mean of
 * a Beta prior of strength n (n pseudo-votes; n = 1 is the weakest informative prior), and
 * since P(fail | q) is proportional to q, the posterior mean is q' = (q n + 1) / (n + 1) > q.
 * Its follow-up is the size that maximises the expected value of a proposal,
 * (1 - q' k / K) k v (v its value per troop), i.e. k' = K / (2 q'), never larger than the
 * failed deal: a smaller deal, as a function of the failed one.
 */

/** P(ratified) for k troops, K deployable, opposition q. 1 when nothing needs ratifying (q = 0 or k = 0). */
export function ratificationProbability(opposition: number, troops: number, deployable: number): number {
  const q = Math.min(1, Math.max(0, opposition));
  if (q === 0 || troops <= 0) return 1;
  const scale = deployable > 0 ? Math.min(1, troops / deployable) : 1;
  return 1 - q * scale;
}

/** q' = (q n + 1) / (n + 1): the pivotal's view of the opposition after a failed vote. */
export function oppositionAfterFailure(opposition: number, priorStrength = 1): number {
  const q = Math.min(1, Math.max(0, opposition));
  const n = Math.max(0, priorStrength);
  return (q * n + 1) / (n + 1);
}

/** The size of deal worth proposing at opposition q: argmax (1 - q k / K) k = K / (2q), capped at K. */
export function bestProposalSize(opposition: number, deployable: number): number {
  const q = Math.min(1, Math.max(0, opposition));
  return q <= 0.5 ? deployable : deployable / (2 * q);
}

export interface FailedDeal {
  /** Troops in the deal that failed ratification. */
  readonly troops: number;
}

/**
 * Troops in the follow-up deal: min(failed, K / (2 q')), floored to whole troops; 0 when
 * below `minContingent` (no follow-up worth proposing). The price is bargained afresh for
 * the new size (r_i(k') and R_i(k') both change with k).
 */
export function followUpTroops(failed: FailedDeal, opposition: number, deployable: number, minContingent: number, priorStrength = 1): number {
  const k = Math.floor(Math.min(failed.troops, bestProposalSize(oppositionAfterFailure(opposition, priorStrength), deployable)));
  return k >= Math.max(1, minContingent) ? k : 0;
}
