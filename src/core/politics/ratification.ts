/**
 * Domestic ratification (issue 12, item 4; BRIEF §4: Turkey 2003 "its parliament refused; a
 * much smaller deal followed").
 *
 * A deal needs approval at home; the larger it is relative to what the state can give, the
 * more of the domestic opposition q_i in [0, 1] it mobilises. The parliament's tolerance is a
 * latent u_i ~ U(0, 1), drawn once per run (it is the same parliament at every vote), and a deal
 * of relative size s (troops after the deal over those it could deploy, capped at 1) passes iff
 *
 *   u_i >= q_i s,   so   P(ratified | s) = 1 - q_i s   before any vote.
 *
 * Votes are not independent draws: a parliament that rejected a deal rejects any deal at least as
 * large, and a smaller one passes iff it asks less than its tolerance. After a failure at size s
 * the pivotal knows u_i < q_i s, so a proposal of size s' < s passes with probability 1 - s'/s;
 * the expected value of proposing it, (1 - s'/s) s' v (v its value per troop), is largest at
 * s' = s/2 whatever q_i: the follow-up is half the failed deal, each failure halves it again, and
 * below the minimum contingent it gives up. (Drawing each vote afresh, as before, let the pivotal
 * put the same deal to the same parliament until it passed: Turkey in 2003 joined in 40 of 40
 * seeds with the 1 March vote's opposition.)
 */

/** s = min(1, troops / deployable); 1 when nothing is deployable. */
export function relativeSize(troops: number, deployable: number): number {
  return deployable > 0 ? Math.min(1, Math.max(0, troops) / deployable) : 1;
}

/** The tolerance a deal of relative size `scale` needs: q s. */
export function toleranceNeeded(opposition: number, scale: number): number {
  return clamp01(opposition) * clamp01(scale);
}

/** Whether a parliament of tolerance `u` (its latent draw, 0-1) ratifies a deal that needs `needed`. */
export function ratifies(u: number, needed: number): boolean {
  return needed <= 0 || u >= needed;
}

/**
 * What the pivotal knows of the tolerance after the votes so far, `lo <= u < hi` (0 and 1 before
 * any), and the chance it gives a deal that needs `needed`: (hi - needed) / (hi - lo), clamped.
 */
export function ratificationChance(needed: number, lo: number, hi: number): number {
  if (needed <= lo) return 1;
  if (needed >= hi || hi <= lo) return 0;
  return (hi - needed) / (hi - lo);
}

/** Troops in the follow-up after a failed deal for `failed` more: half of it, floored; 0 below `minContingent` (it gives up). */
export function followUpTroops(failed: number, minContingent: number): number {
  const k = Math.floor(Math.max(0, failed) / 2);
  return k >= Math.max(1, minContingent) ? k : 0;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
