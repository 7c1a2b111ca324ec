/**
 * Time-dependent concession (Faratin et al. 1998): the offer moves from an anchor a towards a
 * limit z as the deadline nears, x(tau) = a + (z - a) tau^(1/e). e < 1 concedes late
 * ("Boulware"), e > 1 concedes early ("Conceder"). It accepts an offer at least as good as
 * the one it would make next.
 *
 * The limit z is its best final offer under its belief, the take-it-or-leave-it optimum
 * (screening.ts: argmax (x - r_i)(1 - G(x)) for a third party, argmax (R - x) F(x) for the
 * pivotal), not its bare reservation as in Faratin et al.: a negotiator that knows the talks
 * end does not concede in its last offer what it believes it need not. Conceding to the bare
 * reservation made the belief irrelevant where deals close (at the exchange before its last
 * offer it would accept anything above r_i), so openness could not move the price.
 *
 * The anchor is the mean of its belief about the other side's reservation (within its own):
 * what it believes the other side will bear. A tail quantile would make the less informed
 * side open more aggressively and so reward ignorance; with the mean, the side that knows
 * more about the other's reservation gets the better deal (BRIEF §1), and how openly the
 * pivotal recruits moves the third party's anchor through its belief (issue 12, item 8).
 */
import { mean } from '../beliefs';
import { optimalScreeningPrice } from './screening';
import { CENT, gain, type NegotiatorView, type Response, type Strategy } from './types';

export function concessionPrice(view: NegotiatorView, exponent: number, exchange: number): number {
  const tau = view.deadline <= 1 ? 1 : Math.min(1, exchange / (view.deadline - 1));
  const believed = mean(view.belief);
  const r = view.ownReservation;
  const anchor = view.role === 'pivotal' ? Math.max(0, Math.min(believed, r)) : Math.max(believed, r);
  // The limit lies between its anchor and its reservation: it never concedes past its best
  // final offer, and never demands more at the end than at the start.
  const best = optimalScreeningPrice(view).price;
  const limit = view.role === 'pivotal' ? Math.max(anchor, Math.min(r, best)) : Math.min(anchor, Math.max(r, best));
  return anchor + (limit - anchor) * Math.pow(tau, 1 / exponent);
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
