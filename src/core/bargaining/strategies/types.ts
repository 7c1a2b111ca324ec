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
  /**
   * How sides plan: 'open-ended' as if talks could go on (Rubinstein's stationary split; the
   * deadline only ends them), or 'deadline' by backward induction from the known last exchange (Ståhl).
   */
  readonly horizon: 'open-ended' | 'deadline';
  /**
   * What it expects the other side believes its own reservation to be. The information
   * structure (how openly the pivotal recruits, how good its intelligence is) is common
   * knowledge; the values are not. Under complete information this is the truth.
   * It is a second-order belief: the mean of the other's prior as the information structure
   * implies (`bargaining/priors`), so openness and intelligence act only through beliefs.
   */
  readonly otherEstimateOfMine: number;
}

export type Response = 'accept' | 'reject' | 'walk-away';

export interface Strategy {
  readonly name: string;
  /** A price, or null to walk away when no acceptable offer exists. */
  propose(view: NegotiatorView): number | null;
  respond(view: NegotiatorView, offer: number): Response;
}

/** The negotiator's surplus from a deal at `price` (negative: worse than no deal). */
export function gain(view: Pick<NegotiatorView, 'role' | 'ownReservation'>, price: number): number {
  return view.role === 'pivotal' ? view.ownReservation - price : price - view.ownReservation;
}

/** Prices are rounded to cents, so acceptance allows a cent of slack. */
export const CENT = 0.01;
