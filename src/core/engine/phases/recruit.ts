/**
 * Phase 3: the market for forces clears. Volunteers join unpaid; then the pivotal state
 * approaches willing partners cheapest-per-effective-soldier first, and the bargaining
 * mechanism prices each deal against the competitive ceiling (the next substitute's
 * price, or the pivotal's own reservation when there is no substitute: scarcity).
 */
import type { Draft } from 'immer';
import type { NoDealReason, SimEvent } from '../../events';
import { cents } from '../../money';
import { affordableTroops, commitment } from '../../payments/ledger';
import { pivotalReservation } from '../../market/reservation';
import { substitutePrice, supplyCurve, tightness, type Offer } from '../../market/supply';
import type { RandomStream } from '../../rng';
import type { PartyState, SimState } from '../../state';
import type { Model } from '../model';
import { isReversal, surplusShare } from '../../metrics/power';

export function clearMarket(draft: Draft<SimState>, model: Model, round: number, rng: RandomStream, events: SimEvent[]): void {
  const { scenario } = model;
  const pivotal = scenario.pivotal;
  const { minContingent, reversalCapabilityRatio } = scenario.engine;
  const rpy = scenario.clock.roundsPerYear;

  let deployed = 0;
  const willing: Offer[] = [];
  const volunteers: Offer[] = [];
  for (const id of model.partyOrder) {
    const p = draft.parties[id]!;
    deployed += p.troops;
    const spec = model.partySpecs.get(id)!;
    if (p.status !== 'out' || p.blocked || round < spec.availableFromRound || p.capacity <= 0) continue;
    const offer: Offer = { party: id, troops: p.capacity, reservation: p.reservation, effectiveness: spec.effectiveness };
    if (p.reservation <= 0) volunteers.push(offer);
    else if (p.reservation <= pivotalReservation(pivotal, spec, p.capacity)) willing.push(offer);
    else noDeal(draft.parties[id]!, round, 'above-ceiling', pivotalReservation(pivotal, spec, p.capacity), events);
  }
  const supply = deployed + sum(volunteers) + sum(willing);
  const tight = tightness(draft.demand, supply);
  draft.market = { supply, tightness: tight };

  let gap = draft.demand - deployed;
  for (const v of supplyCurve(volunteers)) {
    if (gap < minContingent) break;
    const troops = Math.min(v.troops, gap);
    const p = draft.parties[v.party]!;
    deploy(p, troops, round, null);
    events.push({ type: 'volunteered', round, party: v.party, troops, reservation: p.reservation });
    gap -= troops;
  }

  const remaining = supplyCurve(willing);
  while (gap >= minContingent && remaining.length > 0) {
    const offer = remaining.shift()!;
    const spec = model.partySpecs.get(offer.party)!;
    const p = draft.parties[offer.party]!;
    let troops = Math.min(offer.troops, gap);
    const R = pivotalReservation(pivotal, spec, troops);
    const substitute = substitutePrice(remaining, offer.party, gap);
    const ceiling = substitute === undefined ? R : Math.min(R, substitute * offer.effectiveness);
    const outcome = model.mechanism.decide({ round, party: offer.party, troops, reservation: p.reservation, pivotalReservation: R, ceiling, roundsPerYear: rpy }, rng);
    if (outcome.kind === 'no-deal') {
      noDeal(p, round, outcome.reason, ceiling, events);
      continue;
    }
    const price = cents(outcome.pricePerSoldierYear);
    const free = draft.pivotal.budgetTotal - draft.pivotal.spent - draft.pivotal.committed;
    troops = Math.min(troops, affordableTroops(price, rpy, round, model.lastRound, free));
    if (troops < minContingent || troops <= 0) {
      noDeal(p, round, 'budget', ceiling, events);
      continue;
    }
    const Rk = pivotalReservation(pivotal, spec, troops);
    const share = surplusShare(price, p.reservation, Rk);
    const deal = { party: offer.party, troops, pricePerSoldierYear: price, reservation: p.reservation, pivotalReservation: cents(Rk), ceiling: cents(ceiling), share, mechanism: model.mechanism.name };
    deploy(p, troops, round, { ...deal, round });
    draft.pivotal.committed = cents(draft.pivotal.committed + commitment(price, troops, rpy, round, model.lastRound));
    events.push({ type: 'deal-signed', round, ...deal });
    const ratio = pivotal.capability.armedForces / Math.max(1, (spec.capability ?? spec).armedForces);
    if (share !== null && isReversal(share, ratio, reversalCapabilityRatio)) {
      events.push({ type: 'reversal', round, party: offer.party, share, capabilityRatio: ratio });
    }
    gap -= troops;
  }
}

function deploy(p: Draft<PartyState>, troops: number, round: number, deal: PartyState['deal']): void {
  p.status = 'deployed';
  p.troops = troops;
  p.deal = deal;
  p.joinedRound ??= round;
  p.lastNoDeal = null;
}

/** Record a failed approach; log it only when the reason is new, not every round. */
function noDeal(p: Draft<PartyState>, round: number, reason: NoDealReason, ceiling: number, events: SimEvent[]): void {
  if (p.lastNoDeal === reason) return;
  p.lastNoDeal = reason;
  events.push({ type: 'no-deal', round, party: p.id, reason, reservation: p.reservation, ceiling: cents(ceiling) });
}

function sum(offers: readonly Offer[]): number {
  let s = 0;
  for (const o of offers) s += o.troops;
  return s;
}
