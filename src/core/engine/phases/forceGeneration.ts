/**
 * Force generation of first contingents in the round loop (market/forceGeneration): delta_i per
 * soldier-year for party i in this round, the own-soldier cost of the rounds before its first
 * contingent would arrive. Zero for a deployed member (it enlarges along its supply line), with
 * contingent choice off (fixed contingents: no member can enlarge, the baseline), and for the
 * opening demand (generated before round 1, the deployment date): the wait counts from the
 * round the troops sought last rose (schedule, `demand` event or random shock: `RunState.demandRoseRound`). `engine.operation.firstContingentLeadYears` sets the lead.
 */
import { fillInCost, fillInShare, leadRounds, roundsToWait } from '../../market/forceGeneration';
import type { Model } from '../model';
import type { RunState } from '../runState';

/** f = min(1, d / T) this round for any first contingent (0 when the lead does not apply). */
export function firstContingentFillIn(s: RunState, model: Model, round: number): number {
  if (s.motives === null) return 0;
  const { clock, engine } = model.scenario;
  const lead = leadRounds(engine.operation.firstContingentLeadYears, clock.roundsPerYear);
  return fillInShare(roundsToWait(lead, s.demandRoseRound, round), model.lastRound - round + 1);
}

/** delta_i per soldier-year for party i, given this round's fill-in share `share`. */
export function delayCostOf(s: RunState, model: Model, i: number, share: number): number {
  return fillInCost(model.specs[i]!.effectiveness, model.scenario.pivotal.ownSoldierCostPerYear, share, s.parties[i]!.troops > 0);
}
