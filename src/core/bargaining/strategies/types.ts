/**
 * What a negotiator sees (a frozen view) and what it returns. Prices are per soldier-year;
 * the pivotal state wants them low, the third party high. Strategies are small named
 * policies; the mechanism (protocol.ts) owns turns, deadlines and outcomes.
 */
import type { Belief } from '../beliefs';

export type Role = 'pivotal' | 'third-party';

export interface NegotiatorView {
  readonly role: Role;
  /** 0-based index of the current exchange. */
  readonly exchange: number;
  /** Exchanges left, this one included (1 = the last chance). */
  readonly remaining: number;
  readonly deadline: number;
  /** The pivotal's ceiling (min of its reservation and the substitute), or the third party's r_i. */
  readonly ownReservation: number;
  /** Belief about the other side's reservation. */
  readonly belief: Belief;
  /** Per-round discount factors (common knowledge, as in Rubinstein's model). */
  readonly ownDiscount: number;
  readonly otherDiscount: number;
  readonly lastOwnOffer: number | null;
  readonly lastOtherOffer: number | null;
}

export type Response = 'accept' | 'reject' | 'walk-away';

export interface Strategy {
  readonly name: string;
  propose(view: NegotiatorView): number;
  respond(view: NegotiatorView, offer: number): Response;
}

/** The negotiator's surplus from a deal at `price` (negative: worse than no deal). */
export function gain(view: Pick<NegotiatorView, 'role' | 'ownReservation'>, price: number): number {
  return view.role === 'pivotal' ? view.ownReservation - price : price - view.ownReservation;
}

/** Prices are rounded to cents, so acceptance allows a cent of slack. */
export const CENT = 0.01;
