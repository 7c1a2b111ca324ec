/**
 * Effort after deployment. Pay crowds out the intrinsic motivation of contingents that
 * care little about the mission: they take fewer risks and add caveats, unless the
 * pivotal watches closely. A partner retaliating for (perceived) reneging withholds more.
 * Effective force = troops x effectiveness x effort.
 */
import type { Draft } from 'immer';
import type { Scenario, ThirdPartySpec } from '../../scenario/schema';
import type { SimEvent } from '../events';
import { alliancePotential } from '../market/reservation';
import type { PartyState, SimState } from '../state';
import type { Model } from '../engine/model';

/** Effort of a contingent given how it was recruited (paid or not) and whether it is retaliating. */
export function effortOf(spec: ThirdPartySpec, p: Pick<PartyState, 'costPerYear' | 'deal' | 'grievanceUntil'>, scenario: Scenario, round: number): number {
  const op = scenario.engine.operation;
  let effort = 1;
  if (p.deal && p.deal.pricePerSoldierYear > 0) {
    // Intrinsic motivation: what the mission (and the signal) is worth to it per soldier-year, against the cost.
    const intrinsic = spec.intrinsicValuePerYear + spec.signallingValuePerYear * alliancePotential(spec);
    const motivation = p.costPerYear > 0 ? Math.min(1, intrinsic / p.costPerYear) : 1;
    effort = 1 - op.crowdingOut * (1 - motivation) * (1 - scenario.pivotal.monitoring);
  }
  if (p.grievanceUntil >= round) effort *= 1 - op.retaliationEffortCut;
  return Math.max(op.minEffort, Math.min(1, effort));
}

/** Recompute every deployed contingent's effort at the end of the round, logging changes. */
export function updateEffort(draft: Draft<SimState>, model: Model, round: number, events: SimEvent[]): void {
  for (const id of model.partyOrder) {
    const p = draft.parties[id]!;
    if (p.troops <= 0) continue;
    const to = effortOf(model.partySpecs.get(id)!, p, model.scenario, round);
    if (Math.abs(to - p.effort) < 1e-9) continue;
    const reason = p.grievanceUntil >= round ? 'retaliation' : p.joinedRound === round || p.effort === 1 ? 'deployed' : 'restored';
    events.push({ type: 'effort-changed', round, party: id, from: p.effort, to, reason });
    p.effort = to;
  }
}
