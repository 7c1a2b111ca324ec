/**
 * One round: (state, rng) -> { state, events }. One immer `produce` wraps the whole round
 * (immer's own advice: not one per agent). The phases run in a fixed order; the
 * bargaining engine plugs in through the mechanism used by clearMarket.
 */
import { produce } from 'immer';
import type { SimEvent } from '../events';
import type { Rng } from '../rng';
import type { SimState } from '../state';
import type { Model } from './model';
import { applyScheduled } from './phases/scheduled';
import { releaseExcess } from './phases/release';
import { clearMarket } from './phases/recruit';
import { payDeployed } from './phases/pay';
import { invariant } from '../errors';

export interface StepResult {
  readonly state: SimState;
  readonly events: readonly SimEvent[];
}

export function step(model: Model, state: SimState, rng: Rng): StepResult {
  const round = state.round + 1;
  const events: SimEvent[] = [{ type: 'round-started', round }];
  const next = produce(state, (draft) => {
    draft.round = round;
    applyScheduled(draft, model, round, events);
    releaseExcess(draft, model, round, events);
    clearMarket(draft, model, round, rng.stream('bargaining', round), events);
    payDeployed(draft, model, round, events);
    let deployed = 0;
    for (const id of model.partyOrder) {
      const p = draft.parties[id]!;
      invariant(p.troops >= 0 && p.troops <= p.capacity, 'troops-out-of-range', () => `${id} has ${p.troops} troops, capacity ${p.capacity}`);
      deployed += p.troops;
    }
    events.push({
      type: 'market',
      round,
      demand: draft.demand,
      deployed,
      supply: draft.market.supply,
      tightness: draft.market.tightness,
      shortfall: Math.max(0, draft.demand - deployed),
    });
  });
  return { state: next, events };
}
