/**
 * Optional random shocks (engine.operation.randomShocks): demand jumps up or down by a
 * share of its level; a random available third party becomes unavailable for a few
 * rounds. Drawn from their own streams, so turning them on changes nothing else.
 */
import { NO_PARTY, STREAM, type Rng } from '../rng';
import type { Model } from '../engine/model';
import type { RunState } from '../engine/runState';
import type { EventSink } from '../engine/sink';

export function applyRandomShocks(s: RunState, model: Model, round: number, rng: Rng, log: EventSink): void {
  const shocks = model.scenario.engine.operation.randomShocks;
  // Supply shocks that have run their course end first (in the order they began).
  for (const [i, until] of s.shockedUntil) {
    if (until < round) {
      s.shockedUntil.delete(i);
      s.parties[i]!.blocked = false;
      log.push({ type: 'availability-changed', round, party: s.parties[i]!.id, available: true, label: 'random supply shock over' });
    }
  }
  if (shocks.demandProbability > 0) {
    const draw = rng.stream(STREAM.shockDemand, NO_PARTY, round);
    if (draw.next() < shocks.demandProbability && s.demand > 0) {
      const sign = draw.next() < 0.5 ? -1 : 1;
      const to = Math.max(0, Math.round(s.demand * (1 + sign * shocks.demandShare)));
      log.push({ type: 'demand-changed', round, from: s.demand, to, cause: 'random', label: sign > 0 ? 'random demand surge' : 'random drawdown' });
      s.demand = to;
    }
  }
  if (shocks.supplyProbability > 0) {
    const draw = rng.stream(STREAM.shockSupply, NO_PARTY, round);
    if (draw.next() < shocks.supplyProbability) {
      const candidates: number[] = [];
      for (let i = 0; i < s.parties.length; i++) if (s.parties[i]!.status === 'out' && !s.parties[i]!.blocked) candidates.push(i);
      const i = candidates[draw.int(candidates.length)];
      if (i !== undefined) {
        s.parties[i]!.blocked = true;
        s.shockedUntil.set(i, round + shocks.supplyRounds - 1);
        log.push({ type: 'availability-changed', round, party: s.parties[i]!.id, available: false, label: 'random supply shock' });
      }
    }
  }
}
