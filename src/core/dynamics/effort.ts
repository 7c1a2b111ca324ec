/**
 * Effort after deployment. Pay crowds out the intrinsic motivation of contingents that
 * care little about the mission: they take fewer risks and add caveats, unless the
 * pivotal watches closely. A partner retaliating for (perceived) reneging withholds more.
 * Effective force = troops x effectiveness x effort.
 */
import type { Scenario, ThirdPartySpec } from '../../scenario/schema';
import { alliancePotential } from '../market/reservation';
import type { PartyState } from '../state';
import type { Model } from '../engine/model';
import type { RunState } from '../engine/runState';
import type { EventSink } from '../engine/sink';

/** Effort of a contingent given how it was recruited (paid or not) and whether it is retaliating. */
export function effortOf(spec: ThirdPartySpec, p: Pick<PartyState, 'costPerYear' | 'deal' | 'grievanceUntil' | 'allianceDepth'>, scenario: Scenario, round: number): number {
  const op = scenario.engine.operation;
  let effort = 1;
  if (p.deal && p.deal.pricePerSoldierYear > 0) {
    // Intrinsic motivation: what the mission (and the signal) is worth to it per soldier-year, against the cost.
    // The signal at the alliance depth of the run so far: an alliance deepened for over-contributing
    // leaves less unrealized potential to signal (issue 12 item 3), here as in its reservation.
    const intrinsic = spec.intrinsicValuePerYear + spec.signallingValuePerYear * alliancePotential({ preferenceSimilarity: spec.preferenceSimilarity, allianceDepth: p.allianceDepth });
    const motivation = p.costPerYear > 0 ? Math.min(1, intrinsic / p.costPerYear) : 1;
    effort = 1 - op.crowdingOut * (1 - motivation) * (1 - scenario.pivotal.monitoring);
  }
  if (p.grievanceUntil >= round) effort *= 1 - op.retaliationEffortCut;
  return Math.max(op.minEffort, Math.min(1, effort));
}

/** Recompute every deployed contingent's effort at the end of the round, logging changes. */
export function updateEffort(s: RunState, model: Model, round: number, log: EventSink): void {
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    if (p.troops <= 0) continue;
    const to = effortOf(model.specs[i]!, p, model.scenario, round);
    if (Math.abs(to - p.effort) < 1e-9) continue;
    const reason = p.grievanceUntil >= round ? 'retaliation' : p.joinedRound === round || p.effort === 1 ? 'deployed' : 'restored';
    log.push({ type: 'effort-changed', round, party: p.id, from: p.effort, to, reason });
    p.effort = to;
  }
}
