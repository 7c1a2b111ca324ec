/**
 * "Equilibrium": plays the subgame-perfect split of alternating offers with a deadline
 * (Ståhl/Rubinstein) on the pie it believes exists, using the mean of its belief about the
 * other side's reservation. Under complete information both sides see the same pie and
 * agree at once on the Rubinstein split; under private information they may not.
 */
import { cdf, mean } from '../beliefs';
import { finiteHorizonProposerShare } from '../rubinstein';
import { CENT, gain, type NegotiatorView, type Response, type Strategy } from './types';

/** Believed pie: [low, high] price bounds of a deal both would accept. */
export function believedPie(view: NegotiatorView): { low: number; high: number } {
  const other = mean(view.belief);
  return view.role === 'pivotal' ? { low: other, high: view.ownReservation } : { low: view.ownReservation, high: other };
}

/** Probability, under its belief, that any deal is possible at all. */
export function dealProbability(view: NegotiatorView): number {
  return view.role === 'pivotal' ? cdf(view.belief, view.ownReservation) : 1 - cdf(view.belief, view.ownReservation);
}

/** Price at which the proposer takes `share` of the believed pie. */
export function priceForShare(view: NegotiatorView, share: number): number {
  const { low, high } = believedPie(view);
  const pie = Math.max(0, high - low);
  return view.role === 'pivotal' ? high - share * pie : low + share * pie;
}

/** Surplus it expects from proposing at the next exchange, discounted to now. */
export function continuationGain(view: NegotiatorView): number {
  if (view.remaining <= 1) return 0;
  const share = finiteHorizonProposerShare(view.ownDiscount, view.otherDiscount, view.remaining - 1);
  const { low, high } = believedPie(view);
  return view.ownDiscount * share * Math.max(0, high - low);
}

export const equilibrium: Strategy = {
  name: 'equilibrium',
  propose(view) {
    const share = finiteHorizonProposerShare(view.ownDiscount, view.otherDiscount, view.remaining);
    const price = priceForShare(view, share);
    // Never propose a deal worse than none.
    return view.role === 'pivotal' ? Math.min(price, view.ownReservation) : Math.max(price, view.ownReservation);
  },
  respond(view, offer): Response {
    const g = gain(view, offer);
    if (g < -CENT) return dealProbability(view) < 0.01 ? 'walk-away' : 'reject';
    return g >= continuationGain(view) - CENT ? 'accept' : 'reject';
  },
};
