/**
 * Payment arithmetic and the ledger. Subsidies are paid per round in whole cents; a deal
 * reserves (commits) the money for all its remaining rounds when it is signed, so the
 * budget can never be overdrawn by payments already promised.
 */
import { cents } from '../money';
import type { EventOf, PaymentKind, SimEvent } from '../events';

export function paymentPerRound(pricePerSoldierYear: number, troops: number, roundsPerYear: number): number {
  return cents((pricePerSoldierYear * troops) / roundsPerYear);
}

/** Money to reserve when a deal is signed in `round`, paid every round to the last. */
export function commitment(pricePerSoldierYear: number, troops: number, roundsPerYear: number, round: number, lastRound: number): number {
  return cents(paymentPerRound(pricePerSoldierYear, troops, roundsPerYear) * (lastRound - round + 1));
}

/** Most troops whose payments to the end of the operation fit in `money`. */
export function affordableTroops(pricePerSoldierYear: number, roundsPerYear: number, round: number, lastRound: number, money: number): number {
  if (pricePerSoldierYear <= 0) return Number.MAX_SAFE_INTEGER;
  let k = Math.floor(money / ((pricePerSoldierYear / roundsPerYear) * (lastRound - round + 1)));
  // Cent rounding can tip the floor by one; step down until it really fits.
  while (k > 0 && commitment(pricePerSoldierYear, k, roundsPerYear, round, lastRound) > money) k--;
  return Math.max(0, k);
}

export interface LedgerRow {
  readonly round: number;
  readonly payer: string;
  readonly recipient: string;
  readonly kind: PaymentKind | 'donation';
  /** deal: the terms of a troop deal; hold-up: a concession to a threat; access: an access deal; promise: a promised side deal delivered; retention: a payment to keep a partner in (issue 16 item 4); donation: money to the pivotal. */
  readonly cause: 'deal' | 'hold-up' | 'access' | 'promise' | 'retention' | 'donation';
  readonly item: string;
  /** Cost to the payer. */
  readonly amount: number;
  /** Worth to the recipient (a side deal's differs from its cost). */
  readonly value_to_recipient: number;
  /** The lead nation the money passed through (issue 16: payer -> via -> recipient); empty when paid directly. */
  readonly via: string;
}

/** The ledger is a view of the event log: payments to partners and donations to the pivotal. */
export function ledger(events: readonly SimEvent[], pivotalId: string): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const e of events) {
    if (e.type === 'payment') rows.push({ round: e.round, payer: e.payer, recipient: e.recipient, kind: e.kind, cause: e.cause, item: e.item, amount: e.amount, value_to_recipient: e.value, via: e.via ?? '' });
    else if (e.type === 'budget-changed' && isDonation(e)) rows.push({ round: e.round, payer: e.source, recipient: pivotalId, kind: 'donation', cause: 'donation', item: e.label ?? '', amount: e.amount, value_to_recipient: e.amount, via: '' });
  }
  return rows;
}

function isDonation(e: EventOf<'budget-changed'>): boolean {
  // Budget events from the scenario itself are not donations; every other source is a donor.
  return e.source !== 'scenario-event';
}
