/**
 * One round: (state, rng) -> { state, events }. One immer `produce` wraps the whole round
 * (immer's own advice: not one per agent). The phases run in a fixed order; how deals
 * are made (an instant complete-information rule, or negotiation under private
 * information) is chosen once per run in the model.
 */
import { produce } from 'immer';
import type { SimEvent } from '../events';
import type { Rng } from '../rng';
import type { SimState } from '../state';
import { invariant } from '../errors';
import type { Model } from './model';
import { applyScheduled } from './phases/scheduled';
import { releaseExcess } from './phases/release';
import { recruitWithCompleteInformation } from './phases/recruit';
import { pivotalDiscount, recruitByNegotiation } from './phases/negotiate';
import { payDeployed } from './phases/pay';

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
    let dP: number;
    if (model.dealMaking.kind === 'negotiation') {
      dP = recruitByNegotiation(draft, model, model.dealMaking.settings, round, rng, events);
    } else {
      let deployedBefore = 0;
      for (const id of model.partyOrder) deployedBefore += draft.parties[id]!.troops;
      dP = pivotalDiscount(model, draft.demand, deployedBefore);
      recruitWithCompleteInformation(draft, model, model.dealMaking.mechanism, round, rng.stream('bargaining', round), events);
    }
    payDeployed(draft, model, round, events);
    let deployed = 0;
    let weighted = 0;
    let paidTroops = 0;
    for (const id of model.partyOrder) {
      const p = draft.parties[id]!;
      invariant(p.troops >= 0 && p.troops <= p.capacity, 'troops-out-of-range', () => `${id} has ${p.troops} troops, capacity ${p.capacity}`);
      deployed += p.troops;
      if (p.troops > 0 && p.deal && p.deal.share !== null) {
        weighted += p.deal.share * p.troops;
        paidTroops += p.troops;
      }
    }
    events.push({
      type: 'market',
      round,
      demand: draft.demand,
      deployed,
      supply: draft.market.supply,
      tightness: draft.market.tightness,
      shortfall: Math.max(0, draft.demand - deployed),
      powerIndex: paidTroops > 0 ? weighted / paidTroops : null,
      pivotalDiscount: dP,
    });
  });
  return { state: next, events };
}
