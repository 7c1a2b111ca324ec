/** Shrinking the coalition: demand fell, or a partner left. Promised money is released too. */
import type { ReleaseReason } from '../../events';
import { recommit } from './commit';
import type { Model } from '../model';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';

/**
 * Take `troops` out of party `i`'s contingent at the start of `round`, before it is paid.
 * The money promised for those troops is released from the pivotal's commitments.
 */
export function withdraw(s: RunState, model: Model, i: number, troops: number, round: number, reason: ReleaseReason, log: EventSink, paidThisRound = false): void {
  const party = s.parties[i]!;
  const remaining = party.troops - troops;
  party.troops = remaining;
  if (remaining === 0) {
    party.status = 'out';
    party.deal = null;
  }
  // The money promised for those troops is released: rounds still promised run from this one,
  // or from the next if this round's payment was made.
  recommit(s, model, i, model.lastRound - round + (paidThisRound ? 0 : 1));
  log.push({ type: 'contingent-released', round, party: party.id, troops, remaining, reason });
}

/**
 * When demand falls below what is deployed, the dearest contingents (per effective soldier) go
 * home first, as far as demand fell this round (from `demandBefore`): flag-only token
 * contingents recruited beyond the troop demand (recruitment by value) stay while it holds.
 */
export function releaseExcess(s: RunState, model: Model, demandBefore: number, round: number, log: EventSink): void {
  let excess = -s.demand;
  for (const p of s.parties) excess += p.troops;
  excess = Math.min(excess, demandBefore - s.demand);
  if (excess <= 0) return;
  const deployed: { i: number; id: string; price: number }[] = [];
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    if (p.troops > 0) deployed.push({ i, id: p.id, price: (p.deal?.pricePerSoldierYear ?? 0) / model.specs[i]!.effectiveness });
  }
  deployed.sort((a, b) => b.price - a.price || (a.id < b.id ? -1 : 1));
  for (const d of deployed) {
    if (excess <= 0) break;
    const cut = Math.min(excess, s.parties[d.i]!.troops);
    withdraw(s, model, d.i, cut, round, 'demand-fell', log);
    excess -= cut;
  }
}
