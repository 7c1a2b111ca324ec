/**
 * "Equilibrium": plays the subgame-perfect split of alternating offers (Rubinstein's
 * stationary split, or Ståhl's finite-horizon one when sides plan back from the deadline)
 * on the pie it believes exists, using the mean of its belief about the
 * other side's reservation. Under complete information both sides see the same pie and
 * agree at once on the Rubinstein split; under private information they may not.
 */
import { cdf, mean } from '../beliefs';
import { finiteHorizonProposerShare, rubinsteinProposerShare } from '../rubinstein';
import { CENT, gain, type NegotiatorView, type Response, type Strategy } from './types';

/** Proposer's share with `remaining` exchanges left, under the view's planning horizon. */
export function proposerShare(view: NegotiatorView, dProposer: number, dResponder: number, remaining: number): number {
  return view.horizon === 'deadline' ? finiteHorizonProposerShare(dProposer, dResponder, remaining) : rubinsteinProposerShare(dProposer, dResponder);
}

/** Believed pie: [low, high] price bounds of a deal both would accept. */
export function believedPie(view: NegotiatorView): { low: number; high: number } {
  const other = mean(view.belief);
  return view.role === 'pivotal' ? { low: other, high: view.ownReservation } : { low: view.ownReservation, high: other };
}

/** Probability, under its belief, that any deal is possible at all. */
export function dealProbability(view: NegotiatorView): number {
  return view.role === 'pivotal' ? cdf(view.belief, view.ownReservation) : 1 - cdf(view.belief, view.ownReservation);
}

/** Surplus it expects from proposing at the next exchange, discounted to now. */
export function continuationGain(view: NegotiatorView): number {
  if (view.remaining <= 1) return 0;
  const share = proposerShare(view, view.ownDiscount, view.otherDiscount, view.remaining - 1);
  const { low, high } = believedPie(view);
  return view.ownDiscount * share * Math.max(0, high - low);
}

/**
 * The proposer offers the responder exactly the responder's continuation value, reckoned
 * on the pie as the responder sees it: from the responder's reservation (the proposer's
 * estimate) to what the responder believes the proposer's reservation is. The latter is
 * the proposer's second-order belief (`otherEstimateOfMine`: the mean of the responder's
 * prior as the common-knowledge information structure implies, bargaining/priors). A side
 * that has revealed little can therefore offer little; under complete information this is
 * the Rubinstein (or Ståhl) split.
 *
 * Why a second-order belief, not the proposer's own pie (issue 12, item 8): with the
 * pivotal proposing first, any rule that does not depend on what the party believes either
 * pays every party the same (openness could not matter) or, to pay a less informed party
 * less, must offer below the Rubinstein split to a fully informed one, who rejects: the
 * complete-information agreement at once would be lost. Openness moves the party's belief;
 * the pivotal's offer moves with its belief about that belief, never with openness itself.
 */
export const equilibrium: Strategy = {
  name: 'equilibrium',
  propose(view) {
    const other = mean(view.belief);
    const responderShare = proposerShare(view, view.otherDiscount, view.ownDiscount, view.remaining - 1);
    const continuation = view.remaining <= 1 ? 0 : view.otherDiscount * responderShare;
    const price =
      view.role === 'pivotal'
        ? other + continuation * Math.max(0, view.otherEstimateOfMine - other)
        : other - continuation * Math.max(0, other - view.otherEstimateOfMine);
    // Never propose a deal worse than none.
    return view.role === 'pivotal' ? Math.min(price, view.ownReservation) : Math.max(price, view.ownReservation);
  },
  respond(view, offer): Response {
    const g = gain(view, offer);
    if (g < -CENT) return dealProbability(view) < 0.01 ? 'walk-away' : 'reject';
    return g >= continuationGain(view) - CENT ? 'accept' : 'reject';
  },
};
