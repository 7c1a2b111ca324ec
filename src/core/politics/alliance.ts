/**
 * Alliance duty and signalling, two distinct motives (issue 12, item 3; BRIEF §1: "States
 * whose formal alliance with the leader is weaker than their shared interests would predict
 * ... deploy a larger share, as a costly signal ... Close, locked-in allies do only enough
 * not to look like free riders").
 *
 * Duty (locked-in allies). The leader asks everyone for a share of their forces,
 * a = demand / sum_j A_j (the coalition's forces: armed forces of every third party asked).
 * An ally's bindingness is lambda_i = (milsup_i + depth_i) / 2 (a formal military-support
 * pact, ATOP `atop_milsup_us`, and its depth, `bc_depth`; both 0-1, equal weights). Its
 * duty floor is its bound fair share, F_i = min(K_i, lambda_i a A_i) troops, but at least a token
 * contingent for an ally whose pact the mission invokes (`dutyFloor`), and meeting it
 * is worth D_i = lambda_i (c_i + h_i) per soldier-year to it (the cost of a free-rider label
 * to a fully bound ally is the full cost of its fair share, deployment and politics). The
 * floor rises with depth and with what the leader asks.
 *
 * Signalling (acquaintances). s_i = S_i g_i with unrealized potential g_i = max(0, sim_i -
 * depth_i) (`agree_us` - `bc_depth`): it falls as the alliance deepens, while duty rises.
 *
 * Reward during the run. Each round the pivotal deepens its alliance with a member whose
 * share of forces deployed exceeds the share asked of everyone: by rate * g_i *
 * min(1, share_i / a - 1) / roundsPerYear, so a year of deploying twice the ask closes
 * `rate` of the unrealized potential (depth approaches similarity and never passes it).
 * A deeper alliance then means more duty and less signal in every later round.
 */

export interface AllianceTies {
  /** Formal military-support pact with the pivotal, 0-1 (ATOP `atop_milsup_us`; 0/1 in the data). */
  readonly milsup: number;
  /** Alliance depth, 0-1 (`bc_depth_max_01`). */
  readonly depth: number;
  /** Foreign-policy similarity with the pivotal, 0-1 (UN agreement `agree_us`). */
  readonly similarity: number;
}

/** g_i = max(0, similarity - depth). */
export function unrealizedPotential(t: Pick<AllianceTies, 'similarity' | 'depth'>): number {
  return Math.max(0, t.similarity - t.depth);
}

/** lambda_i = (milsup + depth) / 2, in [0, 1]: how binding its alliance with the pivotal is. */
export function bindingness(t: Pick<AllianceTies, 'milsup' | 'depth'>): number {
  return (clamp01(t.milsup) + clamp01(t.depth)) / 2;
}

/** a = demand / coalition forces, in [0, 1]: the share of their forces the leader asks of everyone. */
export function leaderAsk(demand: number, coalitionForces: number): number {
  return coalitionForces > 0 ? clamp01(Math.max(0, demand) / coalitionForces) : 0;
}

/**
 * F_i = min(deployable, max(token_i, lambda_i a A_i)), troops. token_i is the smallest contingent
 * that counts (`engine.minContingent`) for an ally whose pact the mission invokes (milsup = 1)
 * when the leader asks anything (a > 0), else 0: the free-rider label attaches first to absence,
 * so a bound ally is present with at least a token, however small its fair share (Luxembourg's
 * 9 and Iceland's 4 soldiers in ISAF, Nov 2010, where lambda a A is 1.6 and 0.1).
 */
export function dutyFloor(t: Pick<AllianceTies, 'milsup' | 'depth'>, ask: number, armedForces: number, deployable: number, token = 0): number {
  const fair = bindingness(t) * clamp01(ask) * Math.max(0, armedForces);
  const present = t.milsup >= 1 && ask > 0 ? Math.max(0, token) : 0;
  return Math.min(Math.max(0, deployable), Math.max(present, fair));
}

/** D_i = lambda_i (c_i + h_i), per soldier-year up to the floor. */
export function dutyValue(t: Pick<AllianceTies, 'milsup' | 'depth'>, deploymentCost: number, politicalCostAtCapacity: number): number {
  return bindingness(t) * (Math.max(0, deploymentCost) + Math.max(0, politicalCostAtCapacity));
}

/** s_i = S_i g_i, per soldier-year; S_i the value of a signal at full potential (`signallingValuePerYear`). */
export function signallingValue(t: Pick<AllianceTies, 'similarity' | 'depth'>, valueAtFullPotential: number): number {
  return Math.max(0, valueAtFullPotential) * unrealizedPotential(t);
}

export interface RewardInputs {
  /** Its depth now. */
  readonly depth: number;
  readonly similarity: number;
  /** Troops it has deployed / its armed forces. */
  readonly shareDeployed: number;
  /** a, the share asked of everyone this round. */
  readonly ask: number;
  /** Share of unrealized potential closed per year of deploying twice the ask (`engine.operation.allianceReward`). */
  readonly rate: number;
  readonly roundsPerYear: number;
}

/**
 * The depth after this round's review: deepened when it over-contributes (share > ask),
 * unchanged otherwise. Never above its similarity, never below its current depth.
 */
export function reviewedDepth(x: RewardInputs): number {
  const g = unrealizedPotential(x);
  if (g <= 0 || x.rate <= 0 || x.ask <= 0 || x.shareDeployed <= x.ask) return x.depth;
  const over = Math.min(1, x.shareDeployed / x.ask - 1);
  return Math.min(x.similarity, x.depth + (x.rate * g * over) / Math.max(1, x.roundsPerYear));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
