/**
 * Time-dependent concession (Faratin et al. 1998): the offer moves from an optimistic
 * anchor to the own reservation as the deadline nears, x(tau) = a + (r - a) tau^(1/e).
 * e < 1 concedes late ("Boulware"), e > 1 concedes early ("Conceder"). It accepts an offer
 * at least as good as the one it would make next.
 */
import { quantile } from '../beliefs';
import { CENT, gain, type NegotiatorView, type Response, type Strategy } from './types';

export function concessionPrice(view: NegotiatorView, exponent: number, exchange: number): number {
  const tau = view.deadline <= 1 ? 1 : Math.min(1, exchange / (view.deadline - 1));
  // Optimistic anchor: the 10th percentile of what it believes the other side accepts.
  const anchor = view.role === 'pivotal' ? Math.max(0, Math.min(quantile(view.belief, 0.1), view.ownReservation)) : Math.max(quantile(view.belief, 0.9), view.ownReservation);
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
