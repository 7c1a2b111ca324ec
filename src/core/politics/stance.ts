/**
 * A state's stance on this particular mission (issue 12, item 4): a UN mandate, recorded
 * positions, a domestic impossibility. Stance is in [-1, 1]: 1 open support, 0 no position,
 * -1 open opposition. Opposition o = max(0, -stance) makes deploying politically dearer:
 *
 *   t_i = c_i o / (1 - o)   per soldier-year,  infinite at o = 1.
 *
 * A government that has openly opposed the war cannot be paid to join it: no price the
 * pivotal would pay covers an infinite cost, so it stays out as an outcome of its own
 * reservation, not by a rule. Half-opposed (o = 0.5) doubles its cost. Support adds nothing
 * here: how much it values the mission is its intrinsic interest u_i (no double counting);
 * support matters for ratification through lower domestic opposition.
 */

/** t_i per soldier-year; Infinity for open opposition (stance <= -1). */
export function stanceCost(stance: number, deploymentCost: number): number {
  const o = Math.min(1, Math.max(0, -stance));
  if (o >= 1) return Infinity;
  return (Math.max(0, deploymentCost) * o) / (1 - o);
}
