/**
 * Force generation of a first contingent (issue 12 item 2, "most surge troops should then come
 * from states already there"; BRIEF §1 cost: "a foreign soldier is often far cheaper than one of
 * their own", §6 R_i = e_i c_P + ...).
 *
 * A state that is not yet deployed needs a lead time before its first soldier arrives: a
 * national mandate, pre-deployment training, a national support element and strategic lift. A
 * member that enlarges reuses the mandate, the support element and the supply line it already
 * has in theatre, and its extra troops arrive with the next rotation. Until a first contingent
 * arrives the pivotal's own soldiers fill the gap it was signed for, so of a deal that runs T
 * rounds from now it saves its own soldiers for T - d of them:
 *
 *   d   = ceil(lead x roundsPerYear)                 rounds, lead in years
 *   d_t = max(0, t_r + d - t)                        rounds still to wait at round t
 *   f_i = min(1, d_t / T)                            share of the deal its own soldiers fill in
 *
 * t_r is the round the troops sought last rose (the schedule, a `demand` event or a random demand
 * shock): force generation starts when the
 * need is announced (a force generation conference), so a deal signed later waits only the rest
 * of the lead. The opening demand was generated before the operation's first round (t_r = none,
 * d_t = 0): a scenario's round 1 is the deployment date.
 *   delta_i = e_i c_P f_i  (new member), 0 (member)  per soldier-year of the deal
 *
 * delta_i is the same fill-in cost the hold-up module prices for a replacement
 * (dynamics/threat.ts `replacementPremium`, `c_P delayRounds / roundsLeft`). It lowers the
 * pivotal's value of a first contingent (`recruitValue`), its reservation for it and the price of
 * a substitute that would itself be a first contingent (market/reservation `competitiveCeiling`).
 */

/** d: whole rounds a first contingent takes to arrive, lead time `leadYears` (>= 0) at `roundsPerYear`. */
export function leadRounds(leadYears: number, roundsPerYear: number): number {
  if (!(leadYears > 0) || !(roundsPerYear > 0)) return 0;
  // The epsilon keeps 0.5 year x 4 rounds a year at 2 rounds despite binary fractions.
  return Math.ceil(leadYears * roundsPerYear - 1e-9);
}

/** d_t = max(0, t_r + d - t): rounds a first contingent signed in `round` still waits; 0 without a rise (`riseRound` null). */
export function roundsToWait(lead: number, riseRound: number | null, round: number): number {
  if (riseRound === null || lead <= 0) return 0;
  return Math.max(0, riseRound + lead - round);
}

/** f_i = min(1, d_t / T): the share of a deal signed now, running `roundsLeft` rounds, its own soldiers fill in. */
export function fillInShare(lead: number, roundsLeft: number): number {
  if (lead <= 0) return 0;
  return Math.min(1, lead / Math.max(1, roundsLeft));
}

/** delta_i per soldier-year: e_i c_P f_i for a first contingent, 0 for an enlargement (`member`). */
export function fillInCost(effectiveness: number, ownSoldierCost: number, share: number, member: boolean): number {
  if (member || share <= 0) return 0;
  return Math.max(0, effectiveness) * Math.max(0, ownSoldierCost) * share;
}
