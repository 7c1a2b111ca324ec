/**
 * The negotiation mechanism: owns turn order, the deadline and the outcome. Each call
 * plays one exchange (one round of the simulation): the proposer offers, the responder
 * updates its belief from the offer and answers; a rejection teaches the proposer too.
 * Pure: values in, values out. A negotiator that throws or returns nonsense ends the
 * negotiation with an 'error' outcome instead of crashing the run.
 *
 * Learning from every refusal (issue 12, item 7): a refusal that ends the talks, whether a
 * rejection at the deadline or a walk-away, tells the proposer that the responder's
 * reservation is on the far side of the offer. And no proposer repeats an offer the
 * responder has already refused: a proposal no better for the responder than a refused one
 * (the proposer's last offer in these talks, or the bound its belief holds from talks that
 * ended in a refusal) becomes a concession: the proposer gives up, of the gap between the refused
 * offer and its own reservation, the share 1 - d that one more round of delay would cost it (d its
 * discount factor this round), at least a cent; or, if even a cent is past its reservation, it
 * walks away. A patient proposer concedes little, an impatient one much, as in Rubinstein (1982),
 * where the first mover's advantage is what the other loses by waiting.
 */
import { above, atMost, mean, type Belief } from './beliefs';
import type { BeliefSnapshot, NegotiationOutcome, Role, SimEvent } from '../events';
import { cents } from '../money';
import { CENT, type NegotiatorView, type Response, type Strategy } from './strategies/types';

export interface Side {
  readonly strategy: Strategy;
  /** Own reservation: the pivotal's current ceiling, or the third party's r_i. */
  readonly reservation: number;
  readonly discount: number;
  readonly belief: Belief;
  readonly lastOffer: number | null;
  /**
   * What this side expects the other believes its reservation to be: its second-order
   * belief, the mean of the other's prior as the information structure implies
   * (`partyPriorFor` / `pivotalPriorFor` with z = 0, from what this side can see).
   */
  readonly otherEstimateOfMine: number;
}

export interface ExchangeInput {
  readonly round: number;
  readonly party: string;
  /** Exchanges already made. */
  readonly exchange: number;
  readonly deadline: number;
  readonly firstProposer: Role;
  readonly horizon: 'open-ended' | 'deadline';
  readonly pivotal: Side;
  readonly thirdParty: Side;
}

export interface ExchangeResult {
  readonly outcome: NegotiationOutcome | 'continue';
  readonly price: number | null;
  readonly pivotalBelief: Belief;
  readonly partyBelief: Belief;
  readonly pivotalOffer: number | null;
  readonly partyOffer: number | null;
  readonly detail?: string;
}

export function snapshot(b: Belief): BeliefSnapshot {
  return { shape: b.shape, mu: cents(b.mu), sd: cents(b.sigma), lo: cents(b.lo), hi: Number.isFinite(b.hi) ? cents(b.hi) : null, mean: cents(mean(b)) };
}

function view(input: ExchangeInput, role: Role, belief: Belief): NegotiatorView {
  const own = role === 'pivotal' ? input.pivotal : input.thirdParty;
  const other = role === 'pivotal' ? input.thirdParty : input.pivotal;
  return {
    role,
    exchange: input.exchange,
    remaining: input.deadline - input.exchange,
    deadline: input.deadline,
    ownReservation: own.reservation,
    belief,
    ownDiscount: own.discount,
    otherDiscount: other.discount,
    lastOwnOffer: own.lastOffer,
    lastOtherOffer: other.lastOffer,
    horizon: input.horizon,
    otherEstimateOfMine: own.otherEstimateOfMine,
  };
}

export function proposerAt(exchange: number, first: Role): Role {
  return exchange % 2 === 0 ? first : first === 'pivotal' ? 'third-party' : 'pivotal';
}

/**
 * The best offer (for the responder) that the responder has already refused, or null:
 * the proposer's own last offer in these talks (talks that go on after it were a
 * rejection), and the bound its belief carries from earlier talks that ended in a refusal
 * (for the pivotal the lower bound of its belief about r_i, above 0; for the third party
 * the upper bound of its belief about the pivotal's ceiling, when finite).
 */
export function refusedOffer(role: Role, lastOwnOffer: number | null, belief: Belief): number | null {
  if (role === 'pivotal') {
    const bound = belief.lo > 0 ? belief.lo : null;
    return lastOwnOffer === null ? bound : bound === null ? lastOwnOffer : Math.max(bound, lastOwnOffer);
  }
  const bound = Number.isFinite(belief.hi) ? belief.hi : null;
  return lastOwnOffer === null ? bound : bound === null ? lastOwnOffer : Math.min(bound, lastOwnOffer);
}

/**
 * No repeated refused offer: a proposal no better for the responder than `refused` becomes a
 * concession of (1 - discount) of the gap between `refused` and the proposer's reservation (at
 * least one cent), or null (walk away) when even a cent is past that reservation. US$ per
 * soldier-year in and out; `discount` in (0, 1], the proposer's discount factor this round.
 */
export function unrepeated(role: Role, price: number, refused: number | null, ownReservation: number, discount: number): number | null {
  if (refused === null) return price;
  const step = (gap: number) => Math.max(CENT, (1 - Math.min(1, Math.max(0, discount))) * gap);
  if (role === 'pivotal') {
    if (price > refused + CENT / 2) return price;
    if (refused + CENT > ownReservation + CENT / 2) return null;
    return cents(Math.min(ownReservation, refused + step(ownReservation - refused)));
  }
  if (price < refused - CENT / 2) return price;
  if (refused - CENT < ownReservation - CENT / 2) return null;
  return cents(Math.max(ownReservation, refused - step(refused - ownReservation)));
}

/**
 * No proposal worse for the proposer than the other side's offer still on the table in these
 * talks: a third party never asks less than the pivotal has already offered, and the pivotal
 * never offers more than the third party has already asked. Whatever a strategy's formula
 * gives, such a proposal is dominated: the proposer could have had the standing offer by
 * accepting it (a belief that the other side would pay more can make a rejection reasonable;
 * it cannot make a lower counter-offer so). A strategy that plans on its own believed pie can
 * otherwise undercut the offer it refused (Georgia, isaf-surge seed 12: refused the US's
 * $93,987.82, then asked $92,211.40). US$ per soldier-year in and out.
 */
export function withinStandingOffer(proposer: Role, price: number, standing: number | null): number {
  if (standing === null) return price;
  return proposer === 'third-party' ? Math.max(price, standing) : Math.min(price, standing);
}

/** A proposal under the mechanism's rules, or why there is none. */
type Proposal = { readonly price: number } | { readonly walk: string } | { readonly error: string };

/**
 * What `role` proposes at `input.exchange` under the mechanism's rules: its strategy's price,
 * valid (finite, >= 0), no better for the responder than an offer it has had refused repeated
 * (`unrepeated`), and never worse for itself than the other side's standing offer
 * (`withinStandingOffer`). `boundToReservation` also holds the strategy's price to its own
 * reservation (the built-in strategies already do). Used for the offer made now and for the
 * counter a responder weighs (`nextProposal`), so both follow the same rules.
 */
function proposalOf(input: ExchangeInput, role: Role, belief: Belief, boundToReservation: boolean): Proposal {
  const own = role === 'pivotal' ? input.pivotal : input.thirdParty;
  const other = role === 'pivotal' ? input.thirdParty : input.pivotal;
  try {
    const raw = own.strategy.propose(view(input, role, belief));
    if (raw === null) return { walk: 'no acceptable offer' };
    if (!Number.isFinite(raw) || raw < 0) return { error: `${role} strategy "${own.strategy.name}" proposed an invalid price (${String(raw)})` };
    const bounded = !boundToReservation ? raw : role === 'pivotal' ? Math.min(raw, own.reservation) : Math.max(raw, own.reservation);
    const refused = refusedOffer(role, own.lastOffer, belief);
    const fresh = unrepeated(role, cents(bounded), refused, own.reservation, own.discount);
    if (fresh === null) return { walk: `no acceptable offer better than the ${cents(refused!)} already refused` };
    return { price: withinStandingOffer(role, fresh, other.lastOffer) };
  } catch (err) {
    return { error: `${role} strategy "${own.strategy.name}" failed: ${(err as Error).message}` };
  }
}

/**
 * What `role` would propose at the next exchange, with its belief as it now stands and `offer`
 * the other side's standing offer, under the rules of `proposalOf` and never past its own
 * reservation (so taking an offer as good as it can never lose it money); null at the deadline
 * (no next exchange), when it would walk away, or when its strategy fails (the exchange then
 * goes on as the strategy said).
 */
export function nextProposal(input: ExchangeInput, role: Role, belief: Belief, offer: number): number | null {
  if (input.exchange + 1 >= input.deadline) return null;
  const next: ExchangeInput =
    role === 'pivotal'
      ? { ...input, exchange: input.exchange + 1, thirdParty: { ...input.thirdParty, lastOffer: offer } }
      : { ...input, exchange: input.exchange + 1, pivotal: { ...input.pivotal, lastOffer: offer } };
  const p = proposalOf(next, role, belief, true);
  return 'price' in p ? p.price : null;
}

/**
 * Whether `price` is at least as good for the responder as its own offer still on the table
 * (`standing`), and within its reservation (a pivotal whose ceiling has since fallen, because
 * others filled its demand, need not take back what it offered). US$ per soldier-year.
 */
export function ownOfferMatched(responder: Role, price: number, standing: number | null, reservation: number): boolean {
  if (standing === null) return false;
  return responder === 'pivotal' ? price <= standing + CENT / 2 && price <= reservation + CENT / 2 : price >= standing - CENT / 2 && price >= reservation - CENT / 2;
}

/**
 * `events` receives the exchange's offers, responses and belief updates; a sink with
 * `detailed: false` (sweep mode) gets none of them, and the snapshots are not even built.
 */
export function playExchange(input: ExchangeInput, events: { push(e: SimEvent): void; readonly detailed?: boolean }): ExchangeResult {
  const { round, party, exchange } = input;
  const detailed = events.detailed !== false;
  const proposer = proposerAt(exchange, input.firstProposer);
  const responder: Role = proposer === 'pivotal' ? 'third-party' : 'pivotal';
  let pivotalBelief = input.pivotal.belief;
  let partyBelief = input.thirdParty.belief;
  const sideOf = (r: Role) => (r === 'pivotal' ? input.pivotal : input.thirdParty);
  const fail = (detail: string): ExchangeResult => ({ outcome: 'error', price: null, pivotalBelief, partyBelief, pivotalOffer: input.pivotal.lastOffer, partyOffer: input.thirdParty.lastOffer, detail });

  const proposal = proposalOf(input, proposer, proposer === 'pivotal' ? pivotalBelief : partyBelief, false);
  if ('error' in proposal) return fail(proposal.error);
  if ('walk' in proposal) return { outcome: 'breakdown', price: null, pivotalBelief, partyBelief, pivotalOffer: input.pivotal.lastOffer, partyOffer: input.thirdParty.lastOffer, detail: `${proposer} walked away: ${proposal.walk}` };
  const price = proposal.price;
  if (detailed) events.push({ type: 'offer', round, party, by: proposer, exchange, price });
  const pivotalOffer = proposer === 'pivotal' ? price : input.pivotal.lastOffer;
  const partyOffer = proposer === 'third-party' ? price : input.thirdParty.lastOffer;

  // An offer reveals the proposer's reservation is on the acceptable side of it.
  if (responder === 'third-party') {
    partyBelief = above(partyBelief, price);
    if (detailed) events.push({ type: 'belief-updated', round, party, holder: 'third-party', cause: 'offer', price, belief: snapshot(partyBelief) });
  } else {
    pivotalBelief = atMost(pivotalBelief, price);
    if (detailed) events.push({ type: 'belief-updated', round, party, holder: 'pivotal', cause: 'offer', price, belief: snapshot(pivotalBelief) });
  }

  let response: Response;
  try {
    response = sideOf(responder).strategy.respond(view(input, responder, responder === 'pivotal' ? pivotalBelief : partyBelief), price);
  } catch (err) {
    return fail(`${responder} strategy "${sideOf(responder).strategy.name}" failed: ${(err as Error).message}`);
  }
  // Consistency of the responder's plan (the one-shot deviation principle): it takes an offer at
  // least as good as what it would itself propose next, which it could only get later, if at
  // all; and its own offer still on the table, coming back within its reservation.
  if (response !== 'accept') {
    const me = sideOf(responder);
    const counter = nextProposal(input, responder, responder === 'pivotal' ? pivotalBelief : partyBelief, price);
    if (counter !== null && (responder === 'third-party' ? price >= counter - CENT / 2 : price <= counter + CENT / 2)) response = 'accept';
    else if (ownOfferMatched(responder, price, me.lastOffer, me.reservation)) response = 'accept';
  }
  if (detailed) events.push({ type: 'response', round, party, by: responder, exchange, price, response });
  const base = { pivotalOffer, partyOffer };
  if (response === 'accept') return { outcome: 'agreement', price, pivotalBelief, partyBelief, ...base };

  // A refusal that ends the talks (a rejection at the last exchange, or a walk-away at any)
  // reveals the responder's reservation is on the far side of the offer: it gave up the deal
  // for good, so it was not holding out. Earlier rejections teach nothing certain: a
  // strategic responder may reject an acceptable offer to hold out for more.
  const walked = response === 'walk-away';
  const done = walked || input.exchange + 1 >= input.deadline;
  if (done && proposer === 'pivotal') {
    pivotalBelief = above(pivotalBelief, price);
    if (detailed) events.push({ type: 'belief-updated', round, party, holder: 'pivotal', cause: 'rejection', price, belief: snapshot(pivotalBelief) });
  } else if (done) {
    partyBelief = atMost(partyBelief, price);
    if (detailed) events.push({ type: 'belief-updated', round, party, holder: 'third-party', cause: 'rejection', price, belief: snapshot(partyBelief) });
  }
  return { outcome: walked ? 'breakdown' : done ? 'deadline' : 'continue', price: null, pivotalBelief, partyBelief, ...base };
}
