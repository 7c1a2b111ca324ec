/**
 * Optional random shocks (engine.operation.randomShocks): demand jumps up or down by a
 * share of its level; a random available third party becomes unavailable for a few
 * rounds. Drawn from their own streams, so turning them on changes nothing else.
 */
import type { Draft } from 'immer';
import type { SimEvent } from '../events';
import type { Rng } from '../rng';
import type { SimState } from '../state';
import type { Model } from '../engine/model';

export function applyRandomShocks(draft: Draft<SimState>, model: Model, round: number, rng: Rng, events: SimEvent[]): void {
  const shocks = model.scenario.engine.operation.randomShocks;
  // Supply shocks that have run their course end first.
  for (const id of Object.keys(draft.shockedUntil)) {
    if (draft.shockedUntil[id]! < round) {
      delete draft.shockedUntil[id];
      draft.parties[id]!.blocked = false;
      events.push({ type: 'availability-changed', round, party: id, available: true, label: 'random supply shock over' });
    }
  }
  if (shocks.demandProbability > 0) {
    const s = rng.stream('shock:demand', round);
    if (s.next() < shocks.demandProbability && draft.demand > 0) {
      const sign = s.next() < 0.5 ? -1 : 1;
      const to = Math.max(0, Math.round(draft.demand * (1 + sign * shocks.demandShare)));
      events.push({ type: 'demand-changed', round, from: draft.demand, to, cause: 'random', label: sign > 0 ? 'random demand surge' : 'random drawdown' });
      draft.demand = to;
    }
  }
  if (shocks.supplyProbability > 0) {
    const s = rng.stream('shock:supply', round);
    if (s.next() < shocks.supplyProbability) {
      const candidates = model.partyOrder.filter((id) => draft.parties[id]!.status === 'out' && !draft.parties[id]!.blocked);
      const id = candidates[s.int(candidates.length)];
      if (id !== undefined) {
        draft.parties[id]!.blocked = true;
        draft.shockedUntil[id] = round + shocks.supplyRounds - 1;
        events.push({ type: 'availability-changed', round, party: id, available: false, label: 'random supply shock' });
      }
    }
  }
}
