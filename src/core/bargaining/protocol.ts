/**
 * The negotiation mechanism: owns turn order, the deadline and the outcome. Each call
 * plays one exchange (one round of the simulation): the proposer offers, the responder
 * updates its belief from the offer and answers; a rejection teaches the proposer too.
 * Pure: values in, values out. A negotiator that throws or returns nonsense ends the
 * negotiation with an 'error' outcome instead of crashing the run.
 */
import { above, atMost, mean, type Belief } from './beliefs';
import type { BeliefSnapshot, NegotiationOutcome, Role, SimEvent } from '../events';
import { cents } from '../money';
import type { NegotiatorView, Response, Strategy } from './strategies/types';

export interface Side {
  readonly strategy: Strategy;
  /** Own reservation: the pivotal's current ceiling, or the third party's r_i. */
  readonly reservation: number;
  readonly discount: number;
  readonly belief: Belief;
  readonly lastOffer: number | null;
  /** What this side expects the other believes its reservation to be. */
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

  let price: number;
  try {
    const raw = sideOf(proposer).strategy.propose(view(input, proposer, proposer === 'pivotal' ? pivotalBelief : partyBelief));
    if (raw === null) return { outcome: 'breakdown', price: null, pivotalBelief, partyBelief, pivotalOffer: input.pivotal.lastOffer, partyOffer: input.thirdParty.lastOffer, detail: `${proposer} walked away: no acceptable offer` };
    if (!Number.isFinite(raw) || raw < 0) return fail(`${proposer} strategy "${sideOf(proposer).strategy.name}" proposed an invalid price (${String(raw)})`);
    price = cents(raw);
  } catch (err) {
    return fail(`${proposer} strategy "${sideOf(proposer).strategy.name}" failed: ${(err as Error).message}`);
  }
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
  if (detailed) events.push({ type: 'response', round, party, by: responder, exchange, price, response });
  const base = { pivotalOffer, partyOffer };
  if (response === 'accept') return { outcome: 'agreement', price, pivotalBelief, partyBelief, ...base };
  if (response === 'walk-away') return { outcome: 'breakdown', price: null, pivotalBelief, partyBelief, ...base };

  // A rejection that ends the talks (the last exchange) reveals the responder's reservation is
  // on the far side of the offer. Earlier, a strategic responder may reject an acceptable
  // offer to hold out for more, so nothing certain is learned then.
  const done = input.exchange + 1 >= input.deadline;
  if (done && proposer === 'pivotal') {
    pivotalBelief = above(pivotalBelief, price);
    if (detailed) events.push({ type: 'belief-updated', round, party, holder: 'pivotal', cause: 'rejection', price, belief: snapshot(pivotalBelief) });
  } else if (done) {
    partyBelief = atMost(partyBelief, price);
    if (detailed) events.push({ type: 'belief-updated', round, party, holder: 'third-party', cause: 'rejection', price, belief: snapshot(partyBelief) });
  }
  return { outcome: done ? 'deadline' : 'continue', price: null, pivotalBelief, partyBelief, ...base };
}
