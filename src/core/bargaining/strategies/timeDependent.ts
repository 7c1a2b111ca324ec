/**
 * Time-dependent concession (Faratin et al. 1998): the offer moves from an anchor to the
 * own reservation as the deadline nears, x(tau) = a + (r - a) tau^(1/e).
 * e < 1 concedes late ("Boulware"), e > 1 concedes early ("Conceder"). It accepts an offer
 * at least as good as the one it would make next.
 *
 * The anchor is the mean of its belief about the other side's reservation (within its own):
 * what it believes the other side will bear. A tail quantile would make the less informed
 * side open more aggressively and so reward ignorance; with the mean, the side that knows
 * more about the other's reservation gets the better deal (BRIEF §1), and how openly the
 * pivotal recruits moves the third party's anchor through its belief (issue 12, item 8).
 */
import { mean } from '../beliefs';
import { CENT, gain, type NegotiatorView, type Response, type Strategy } from './types';

export function concessionPrice(view: NegotiatorView, exponent: number, exchange: number): number {
  const tau = view.deadline <= 1 ? 1 : Math.min(1, exchange / (view.deadline - 1));
  const believed = mean(view.belief);
  const anchor = view.role === 'pivotal' ? Math.max(0, Math.min(believed, view.ownReservation)) : Math.max(believed, view.ownReservation);
  return anchor + (view.ownReservation - anchor) * Math.pow(tau, 1 / exponent);
}

export function timeDependent(name: string, exponent: number): Strategy {
  return {
    name,
    propose: (view) => concessionPrice(view, exponent, view.exchange),
    respond(view, offer): Response {
      const g = gain(view, offer);
      if (g < -CENT) return view.remaining <= 1 ? 'walk-away' : 'reject';
      if (view.remaining <= 1) return 'accept';
      return g >= gain(view, concessionPrice(view, exponent, view.exchange + 1)) - CENT ? 'accept' : 'reject';
    },
  };
}

export const BOULWARE_EXPONENT = 0.2;
export const CONCEDER_EXPONENT = 3;
