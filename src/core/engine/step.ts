/**
 * One round: (state, rng) -> { state, events }. One immer `produce` wraps the whole round
 * (immer's own advice: not one per agent). The phases run in a fixed order:
 *   1. scheduled events and random shocks   4. the dearest contingents go home if demand fell
 *   2. casualties and forced withdrawals    5. recruitment: volunteers, then deals (bargaining)
 *   3. hold-up threats by deployed partners 6. payments (and reneging), effort, accounting
 * How deals are made (an instant complete-information rule, or negotiation under private
 * information) is chosen once per run in the model.
 */
import { produce } from 'immer';
import type { SimEvent } from '../events';
import type { Rng } from '../rng';
import type { SimState } from '../state';
import { invariant } from '../errors';
import { applyCasualties } from '../dynamics/casualties';
import { updateEffort } from '../dynamics/effort';
import { considerHoldUps } from '../dynamics/holdUp';
import { applyRandomShocks } from '../dynamics/shocks';
import { rewardOverContributors } from '../dynamics/signalling';
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
    applyRandomShocks(draft, model, round, rng, events);
    applyCasualties(draft, model, round, rng, events);
    considerHoldUps(draft, model, round, rng, events);
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
    payDeployed(draft, model, round, rng, events);
    updateEffort(draft, model, round, events);
    for (const id of model.partyOrder) {
      const p = draft.parties[id]!;
      if (p.troops > p.peakTroops) p.peakTroops = p.troops;
    }
    if (round === model.lastRound) rewardOverContributors(draft, model, round, events);

    let deployed = 0;
    let effective = 0;
    let weighted = 0;
    let paidTroops = 0;
    for (const id of model.partyOrder) {
      const p = draft.parties[id]!;
      invariant(p.troops >= 0 && p.troops <= p.capacity, 'troops-out-of-range', () => `${id} has ${p.troops} troops, capacity ${p.capacity}`);
      deployed += p.troops;
      effective += p.troops * model.partySpecs.get(id)!.effectiveness * p.effort;
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
      effectiveDeployed: Math.round(effective * 100) / 100,
      risk: draft.risk,
      powerIndex: paidTroops > 0 ? weighted / paidTroops : null,
      pivotalDiscount: dP,
    });
  });
  return { state: next, events };
}
