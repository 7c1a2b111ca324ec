/**
 * One round, applied in place to the run's working state. The phases run in a fixed order:
 *   1. scheduled events and random shocks,  4. the dearest contingents go home if demand fell
 *      then the alliance review and motives
 *   2. casualties and forced withdrawals    5. recruitment: volunteers, then deals (bargaining)
 *   3. retention payments, then hold-up        then access deals (phases/access.ts)
 *      threats by deployed partners (on this 6. payments (troops, then access, retention;
 *      round's market survey), punishment       reneging and sanctions),
 *                                              promises due (kept or broken), effort, accounting
 * How deals are made (an instant complete-information rule, or negotiation under private
 * information) is chosen once per run in the model. The round's events go to `log`.
 */
import { NO_PARTY, STREAM, type Rng } from '../rng';
import { InvariantError } from '../errors';
import { applyCasualties } from '../dynamics/casualties';
import { updateEffort } from '../dynamics/effort';
import { considerHoldUps } from '../dynamics/holdUp';
import { applyRandomShocks } from '../dynamics/shocks';
import { reviewAlliances } from '../dynamics/signalling';
import type { Model } from './model';
import type { RunState } from './runState';
import type { EventSink } from './sink';
import { applyScheduled } from './phases/scheduled';
import { releaseExcess } from './phases/release';
import { refreshMotives } from './phases/contingents';
import { recruitWithCompleteInformation } from './phases/recruit';
import { pivotalDiscount, recruitByNegotiation } from './phases/negotiate';
import { payDeployed } from './phases/pay';
import { payAccess, tradeAccess } from './phases/access';
import { deliverPromises } from './phases/promises';
import { considerRetention, payRetention } from './phases/retention';
import { considerPunishment, watchThreats } from './phases/punishment';

export function step(model: Model, s: RunState, rng: Rng, log: EventSink): void {
  const round = s.round + 1;
  log.push({ type: 'round-started', round });
  s.round = round;
  const demandBefore = s.demand;
  applyScheduled(s, model, round, log);
  applyRandomShocks(s, model, round, rng, log);
  // A rise in the troops sought (schedule, event or shock) starts force generation; the opening demand is no rise.
  if (round > 1 && s.demand > demandBefore) s.demandRoseRound = round;
  // The alliance review comes first: this round's motives rest on the depth it leaves.
  reviewAlliances(s, model, round, log);
  // Each party's motives for the size of its contingent this round (contingent choice on).
  refreshMotives(s, model);
  applyCasualties(s, model, round, rng, log);
  // Retention payments (issue 16 item 4) come before any threat: the pivotal pays to keep partners whose dead near their limit.
  considerRetention(s, model, round, log);
  // Hold-ups are judged on this round's market: considerHoldUps surveys it (supply, tightness) before the first threat.
  considerHoldUps(s, model, round, rng, watchThreats(s, model, log));
  // Punishing a threat (issue 16 item 4): decided now, withheld in this round's payments.
  considerPunishment(s, model, round, log);
  releaseExcess(s, model, demandBefore, round, log);
  let dP: number;
  if (model.dealMaking.kind === 'negotiation') {
    dP = recruitByNegotiation(s, model, model.dealMaking.settings, round, rng, log);
  } else {
    let deployedBefore = 0;
    for (const p of s.parties) deployedBefore += p.troops;
    dP = pivotalDiscount(model, s.demand, deployedBefore, round);
    recruitWithCompleteInformation(s, model, model.dealMaking.mechanism, round, rng.stream(STREAM.bargaining, NO_PARTY, round), rng, log);
  }
  // Access deals (issue 16): bargained after troop recruitment, paid after the troops.
  tradeAccess(s, model, round, rng, log);
  payDeployed(s, model, round, rng, log);
  payAccess(s, model, round, log);
  payRetention(s, model, round, log);
  // Promised side deals falling due (issue 16): kept or broken after the round's payments.
  deliverPromises(s, model, round, rng, log);
  updateEffort(s, model, round, log);
  for (const p of s.parties) if (p.troops > p.peakTroops) p.peakTroops = p.troops;

  let deployed = 0;
  let effective = 0;
  let weighted = 0;
  let paidTroops = 0;
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    // Tested before building the message: a closure per party per round was most of this loop's garbage.
    if (!(p.troops >= 0 && p.troops <= p.capacity)) throw new InvariantError('troops-out-of-range', `${p.id} has ${p.troops} troops, capacity ${p.capacity}`);
    deployed += p.troops;
    effective += p.troops * model.specs[i]!.effectiveness * p.effort;
    if (p.troops > 0 && p.deal && p.deal.share !== null) {
      weighted += p.deal.share * p.troops;
      paidTroops += p.troops;
    }
  }
  log.push({
    type: 'market',
    round,
    demand: s.demand,
    deployed,
    supply: s.market.supply,
    tightness: s.market.tightness,
    shortfall: Math.max(0, s.demand - deployed),
    effectiveDeployed: Math.round(effective * 100) / 100,
    risk: s.risk,
    powerIndex: paidTroops > 0 ? weighted / paidTroops : null,
    pivotalDiscount: dP,
  });
}
