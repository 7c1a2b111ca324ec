/** Shrinking the coalition: demand fell, or a partner left. Promised money is released too. */
import type { Draft } from 'immer';
import { cents } from '../../money';
import type { ReleaseReason, SimEvent } from '../../events';
import { paymentPerRound } from '../../payments/ledger';
import type { SimState } from '../../state';
import type { Model } from '../model';

/**
 * Take `troops` out of a party's contingent at the start of `round`, before it is paid.
 * The money promised for those troops is released from the pivotal's commitments.
 */
export function withdraw(draft: Draft<SimState>, model: Model, id: string, troops: number, round: number, reason: ReleaseReason, events: SimEvent[], paidThisRound = false): void {
  const party = draft.parties[id]!;
  const remaining = party.troops - troops;
  if (party.deal && party.deal.subsidyPerSoldierYear > 0) {
    const rpy = model.scenario.clock.roundsPerYear;
    // Rounds still promised: from this one, or from the next if this round's payment was made.
    const roundsLeft = model.lastRound - round + (paidThisRound ? 0 : 1);
    const before = paymentPerRound(party.deal.subsidyPerSoldierYear, party.troops, rpy) * roundsLeft;
    const after = paymentPerRound(party.deal.subsidyPerSoldierYear, remaining, rpy) * roundsLeft;
    draft.pivotal.committed = cents(draft.pivotal.committed - (before - after));
  }
  party.troops = remaining;
  if (remaining === 0) {
    party.status = 'out';
    party.deal = null;
  }
  events.push({ type: 'contingent-released', round, party: id, troops, remaining, reason });
}

/** When demand falls below what is deployed, the dearest contingents (per effective soldier) go home first. */
export function releaseExcess(draft: Draft<SimState>, model: Model, round: number, events: SimEvent[]): void {
  let excess = -draft.demand;
  const deployed: { id: string; price: number }[] = [];
  for (const id of model.partyOrder) {
    const p = draft.parties[id]!;
    excess += p.troops;
    if (p.troops > 0) deployed.push({ id, price: (p.deal?.pricePerSoldierYear ?? 0) / model.partySpecs.get(id)!.effectiveness });
  }
  if (excess <= 0) return;
  deployed.sort((a, b) => b.price - a.price || (a.id < b.id ? -1 : 1));
  for (const d of deployed) {
    if (excess <= 0) break;
    const cut = Math.min(excess, draft.parties[d.id]!.troops);
    withdraw(draft, model, d.id, cut, round, 'demand-fell', events);
    excess -= cut;
  }
}
