/**
 * Retention payments (issue 16 item 4): what a casualty-sensitive partner's withdrawal threshold
 * becomes when the pivotal compensates it, and how much the pivotal chooses to pay to keep it in.
 * Pure functions over plain numbers; the engine phase is engine/phases/retention.ts.
 *
 * Sources: BRIEF §1 ("casualty-sensitive governments withdraw (Dutch collapse of government in
 * 2010; Latvia after two deaths in Iraq)"); §4 ("ISAF surge 2010-15: about $9.4 billion of
 * coalition payments"); issue 16 item 4 ("Retention payments against pressure to withdraw (ISAF's
 * Coalition Support Funds): the pivotal pays a deployed partner whose domestic pressure rises,
 * before any threat"). Why money raises tolerance: publics tolerate casualties in proportion to
 * what they believe the mission is worth to them (Gelpi, Feaver & Reifler 2009, *Paying the Human
 * Costs of War*), and a government compensated for the cost of deploying has more to show for it.
 *
 * Tolerance. A government with casualty sensitivity s withdraws after `T = (1 - s) T_max` deaths
 * (dynamics/casualties.ts). Paid a retention z per soldier-year, against its deployment cost c:
 *
 *     T(z) = T (1 + eps z / c)                                   eps = pivotal.retention.toleranceElasticity
 *
 * Forecast. With D deaths so far and mu deaths expected per round at today's risk, size, exposure
 * and effort, it is expected to stay `t(z) = min(H, (T(z) - D) / mu)` more rounds of the H left.
 *
 * Choice. Losing it costs the pivotal Pi per soldier-year beyond its price (replacement at this
 * round's market, the flag and criticality lost: hold-ups' Pi, dynamics/threat.ts
 * `replacementPremium` via dynamics/holdUp.ts `replacementCostNow`), for each round it
 * is gone. Already paying z0, it chooses z >= z0 to maximise (per soldier, in years times Y)
 *
 *     V(z) = (Pi - z) t(z)
 *
 * the premium saved on the rounds the partner stays, less the retention paid on them. Below the z*
 * that keeps it to the end, `t` is linear in z with slope `a = eps T / (c mu)`, V is concave and its
 * peak is `z_int = (Pi - c (1 - D / T) / eps) / 2`; above z*, V falls. So the optimum is z0, z_int
 * or z* (within the budget), and the pivotal pays iff V rises: iff keeping the partner longer saves
 * more than the payment costs. Buying time (z < z*) is a choice too.
 */

export interface RetentionInputs {
  /** T: deaths its government accepts without retention (> 0). */
  readonly baseTolerance: number;
  /** D: its deaths so far (< T(z0)). */
  readonly deaths: number;
  /** mu: deaths expected per round now (>= 0). */
  readonly expectedDeathsPerRound: number;
  /** H: rounds whose deaths are still to come, the rounds after this one (this round's casualties are drawn before retention; phases/retention.ts passes `lastRound - round`, as a hold-up's z counts them; the payments' horizon, this round included, is the caller's). */
  readonly roundsLeft: number;
  /** c: its deployment cost per soldier-year (> 0). */
  readonly deploymentCost: number;
  /** eps: tolerance elasticity (>= 0). */
  readonly elasticity: number;
  /** Pi: what losing it costs per soldier-year beyond its price. */
  readonly premium: number;
  /** z0: retention per soldier-year it already receives. */
  readonly current: number;
  /** The most z per soldier-year the pivotal's free budget allows (>= z0). */
  readonly affordable: number;
}

export interface RetentionChoice {
  /** Retention per soldier-year chosen (= current when it pays nothing more). */
  readonly perSoldierYear: number;
  /** Expected rounds the partner stays (capped at the rounds left) at the current and the chosen retention. */
  readonly roundsBefore: number;
  readonly roundsAfter: number;
  /** z*: the retention that keeps it to the end (Infinity when none can: eps = 0). */
  readonly toEnd: number;
}

/** T(z) = T (1 + eps z / c): deaths a government paid z per soldier-year bears. */
export function raisedTolerance(base: number, perSoldierYear: number, deploymentCost: number, elasticity: number): number {
  if (perSoldierYear <= 0 || deploymentCost <= 0 || elasticity <= 0) return base;
  return base * (1 + (elasticity * perSoldierYear) / deploymentCost);
}

/** t(z): rounds it is expected to stay, at most `roundsLeft`. */
export function expectedStay(tolerance: number, deaths: number, perRound: number, roundsLeft: number): number {
  if (perRound <= 0) return roundsLeft;
  return Math.min(roundsLeft, Math.max(0, (tolerance - deaths) / perRound));
}

/** V(z) = (Pi - z) t(z), per soldier-year of stay (times k / Y for money). */
export function retentionValue(x: RetentionInputs, z: number): number {
  const t = expectedStay(raisedTolerance(x.baseTolerance, z, x.deploymentCost, x.elasticity), x.deaths, x.expectedDeathsPerRound, x.roundsLeft);
  return (x.premium - z) * t;
}

/** The pivotal's choice of retention (see the module comment). */
export function chooseRetention(x: RetentionInputs): RetentionChoice {
  const z0 = Math.max(0, x.current);
  const T = x.baseTolerance;
  const c = x.deploymentCost;
  const stay = (z: number): number => expectedStay(raisedTolerance(T, z, c, x.elasticity), x.deaths, x.expectedDeathsPerRound, x.roundsLeft);
  const before = stay(z0);
  const none = { perSoldierYear: z0, roundsBefore: before, roundsAfter: before };
  if (x.elasticity <= 0 || c <= 0 || T <= 0) return { ...none, toEnd: Infinity };
  // z*: T(z*) = D + mu H.
  const toEnd = Math.max(0, (c / x.elasticity) * ((x.deaths + x.expectedDeathsPerRound * x.roundsLeft) / T - 1));
  // No pressure: it is expected to stay to the end as things are.
  if (before >= x.roundsLeft || x.premium <= 0) return { ...none, toEnd };
  const top = Math.min(toEnd, Math.max(z0, x.affordable));
  const interior = (x.premium - (c * (1 - x.deaths / T)) / x.elasticity) / 2;
  let best = z0;
  let bestV = retentionValue(x, z0);
  for (const z of [Math.min(top, Math.max(z0, interior)), top]) {
    const v = retentionValue(x, z);
    // A cent's improvement at least, so that rounding never buys a payment.
    if (z > z0 + 0.005 && v > bestV + 0.005) {
      best = z;
      bestV = v;
    }
  }
  return { perSoldierYear: best, roundsBefore: before, roundsAfter: stay(best), toEnd };
}
