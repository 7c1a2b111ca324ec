/**
 * The pivotal's urgency (BRIEF §6: "what tips it past one half is P's urgency (its discount
 * factor falls as casualties mount or a deadline nears)"; issue 12, item 6).
 *
 *   d_P(t) = patience
 *          * (1 - urgency * shortfall_t / demand_t)        unmet demand
 *          * (1 - s_P * min(1, deaths_t / tolerance_P))     own casualties
 *          * (1 - u_D / H_t)                                deadline, H_t rounds left to it
 *
 * The deadline factor follows from the value of the coalition: if the operation's value
 * accrues per round until the deadline, closing a deal one round later loses 1/H_t of what
 * is left of it, so a deal next round is worth (H_t - 1)/H_t of a deal now; u_D in [0, 1]
 * (`deadlineUrgency`) is the share of the coalition's value that depends on meeting the
 * deadline (1: all of it, the factor falls to 0 in the deadline's round; 0: the deadline does
 * not matter). Past the deadline the coalition is late and H stays 1. No deadline: the factor is 1. The casualty factor: each of its own dead raises the domestic price of
 * waiting (its own soldiers fill the gap meanwhile), up to `s_P` at its tolerance.
 */

export interface UrgencyInputs {
  /** Base discount factor per round, (0, 1] (`pivotal.bargaining.patience`). */
  readonly patience: number;
  /** Weight of the unmet share of demand, [0, 1] (`pivotal.bargaining.urgency`). */
  readonly urgency: number;
  /** Troops sought this round (>= 0). */
  readonly demand: number;
  /** Troops deployed (>= 0). */
  readonly deployed: number;
  /** The pivotal's casualty sensitivity s_P, [0, 1]; 0: casualties do not hurry it. */
  readonly casualtySensitivity: number;
  /** The pivotal's own dead so far. */
  readonly ownDeaths: number;
  /** Own dead at which its casualty factor is fully spent (> 0). */
  readonly casualtyTolerance: number;
  /** Rounds left until its deadline, this one included (>= 1), or null for none. */
  readonly roundsToDeadline: number | null;
  /** u_D, the share of the coalition's value that hangs on the deadline, [0, 1]; 1 when omitted. */
  readonly deadlineUrgency?: number;
}

/** Unmet share of demand, [0, 1]. */
export function shortfallShare(demand: number, deployed: number): number {
  return demand > 0 ? Math.max(0, demand - deployed) / demand : 0;
}

/** Factor from the approaching deadline: 1 - u_D / H ((H - 1) / H at u_D = 1), or 1 without a deadline. */
export function deadlineFactor(roundsToDeadline: number | null, weight = 1): number {
  if (roundsToDeadline === null) return 1;
  const h = Math.max(1, roundsToDeadline);
  return 1 - Math.min(1, Math.max(0, weight)) / h;
}

/** Factor from its own casualties: 1 - s_P min(1, deaths / tolerance). */
export function casualtyFactor(sensitivity: number, deaths: number, tolerance: number): number {
  if (sensitivity <= 0 || deaths <= 0) return 1;
  return 1 - sensitivity * Math.min(1, deaths / Math.max(1e-9, tolerance));
}

/** d_P(t), in [0, patience]. At the deadline's last round it is 0: no later deal is worth anything. */
export function pivotalDiscountFactor(x: UrgencyInputs): number {
  return x.patience * (1 - x.urgency * shortfallShare(x.demand, x.deployed)) * casualtyFactor(x.casualtySensitivity, x.ownDeaths, x.casualtyTolerance) * deadlineFactor(x.roundsToDeadline, x.deadlineUrgency ?? 1);
}
