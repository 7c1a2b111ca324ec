/**
 * Surveying the market for forces at the start of recruitment: who is deployed, who
 * volunteers, who would come (or add troops to a contingent already deployed) at a price the
 * pivotal would pay (an observer's measure, from true reservations), and how tight that
 * makes the market.
 */
import { pivotalReservation } from '../../market/reservation';
import { supplyCurve, tightness, type Offer } from '../../market/supply';
import type { PartyState } from '../../state';
import { dealCasualtyPressure } from '../../dynamics/holdUp';
import type { Model } from '../model';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';
import { deploy } from './deals';
import { dealReservation, offeredAt, unpaidSupply } from './contingents';

/** An offer from party `index` (its integer id in the engine). */
export interface PartyOffer extends Offer {
  readonly index: number;
}

export interface MarketSurvey {
  readonly deployed: number;
  /** Offers of the troops each volunteer would add unpaid. The paid offers: `surveyedOffers`. */
  readonly volunteers: readonly PartyOffer[];
}

/** Troops it could still add: all of its capacity, or what a deployed contingent leaves. */
export function spare(p: Pick<PartyState, 'capacity' | 'troops'>): number {
  return p.capacity - p.troops;
}

/**
 * Can the pivotal approach party `i` now (for a first contingent, or to enlarge one)? A state
 * in open opposition to the mission has an infinite reservation (market/reservation.ts): no
 * price would do, and its stance is public, so it is never approached.
 */
export function isAvailable(s: RunState, model: Model, i: number, round: number): boolean {
  const p = s.parties[i]!;
  if (p.blocked || round < model.specs[i]!.availableFromRound || spare(p) <= 0 || !Number.isFinite(p.reservation)) return false;
  // A partner that lost soldiers, whose government no money could make bear the deaths more
  // troops would bring (dynamics/holdUp.ts `dealCasualtyPressure`), is not asked for more.
  return p.deaths <= 0 || Number.isFinite(dealCasualtyPressure(s, model, i, spare(p)));
}

/**
 * An available party's offer at its true reservation: all it could still add (fixed
 * contingents), or, with chosen contingents, what it would add at the worth of one of its
 * soldiers to the pivotal (e_i c_P), at its reservation for that many (so a substitute is priced
 * at the size it would supply, political cost included).
 */
export function offerOf(s: RunState, model: Model, i: number): PartyOffer {
  const troops = offerTroops(s, model, i);
  return { party: s.parties[i]!.id, index: i, troops, reservation: dealReservation(s, model, i, troops), effectiveness: model.specs[i]!.effectiveness };
}

/** The troops of party i's offer (`offerOf`), without building the record. */
export function offerTroops(s: RunState, model: Model, i: number): number {
  if (s.motives === null) return spare(s.parties[i]!);
  return Math.max(1, offeredAt(s, i, model.specs[i]!.effectiveness * model.scenario.pivotal.ownSoldierCostPerYear));
}

/**
 * Does party `i` ask to be paid for what it would add (`offer`, its `offerOf`)? With fixed
 * contingents, when its reservation r_i is positive. With chosen contingents, when the price of
 * the troops it would add is: a member's own reservation is that of its whole contingent, r_i(k0),
 * which the duty value spread over it can bring to 0 or below (a self-funded ally deployed unpaid)
 * while its next soldiers still cost it something (`enlargementReservation`): read from r_i(k0),
 * such a member was neither a volunteer nor a candidate, and could never enlarge at a surge.
 */
export function asksToBePaid(s: RunState, i: number, offer: PartyOffer): boolean {
  return asksToBePaidAt(s, i, offer.reservation);
}

/** `asksToBePaid` for party i's offer of `troops` (`offerTroops`), without building the record. */
export function asksToBePaidFor(s: RunState, model: Model, i: number, troops: number): boolean {
  return asksToBePaidAt(s, i, dealReservation(s, model, i, troops));
}

/** `asksToBePaid` for an offer whose reservation is `reservation`. */
function asksToBePaidAt(s: RunState, i: number, reservation: number): boolean {
  return (s.motives === null ? s.parties[i]!.reservation : reservation) > 0;
}

/** Would the pivotal, knowing its reservation, want party `i`'s spare troops at all? */
export function isWilling(s: RunState, model: Model, i: number): boolean {
  const p = s.parties[i]!;
  return p.reservation <= pivotalReservation(model.scenario.pivotal, model.specs[i]!, spare(p), p.troops > 0);
}

/** No volunteers (shared, never written). */
const NONE: readonly PartyOffer[] = Object.freeze([]);

/**
 * The survey: troops deployed, the volunteers' offers (the troops each would add unpaid), and
 * the market's supply and tightness (set on `s.market`). Every available party's class and
 * offer are left in the run's scratch (`offerClass`, `offerTroops`, `offerReservation`) for
 * `surveyedOffers`; nothing else is built unless someone volunteers.
 */
export function surveyMarket(s: RunState, model: Model, round: number): MarketSurvey {
  const { offerClass, offerTroops: troopsOf, offerReservation: reservationOf } = s.scratch;
  let deployed = 0;
  let supply = 0;
  let volunteers: PartyOffer[] | null = null;
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    deployed += p.troops;
    offerClass[i] = 0;
    if (!isAvailable(s, model, i, round)) continue;
    const troops = offerTroops(s, model, i);
    const reservation = dealReservation(s, model, i, troops);
    troopsOf[i] = troops;
    reservationOf[i] = reservation;
    const unpaid = unpaidSupply(s, i);
    if (unpaid > 0) {
      offerClass[i] = 1;
      (volunteers ??= []).push({ party: p.id, index: i, troops: unpaid, reservation, effectiveness: model.specs[i]!.effectiveness });
      supply += unpaid;
    } else if (asksToBePaidAt(s, i, reservation) && isWilling(s, model, i)) {
      offerClass[i] = 2;
      // With chosen contingents, what it would add at the worth of a soldier to the pivotal (e_i c_P).
      supply += troops;
    } else if (asksToBePaidAt(s, i, reservation)) offerClass[i] = 3;
  }
  supply += deployed;
  s.market.supply = supply;
  s.market.tightness = tightness(s.demand, supply);
  return { deployed, volunteers: volunteers ?? NONE };
}

/**
 * The offers of the last `surveyMarket` (read before anything else surveys the market) of one
 * class, in party order: `willing`, available, not volunteering, r_i <= R_i (the supply at the
 * pivotal's reservation); `unwilling`, available but too dear for the pivotal even with full
 * information.
 */
export function surveyedOffers(s: RunState, model: Model, kind: 'willing' | 'unwilling'): PartyOffer[] {
  const { offerClass, offerTroops: troopsOf, offerReservation: reservationOf } = s.scratch;
  const want = kind === 'willing' ? 2 : 3;
  const offers: PartyOffer[] = [];
  for (let i = 0; i < s.parties.length; i++) {
    if (offerClass[i] !== want) continue;
    offers.push({ party: s.parties[i]!.id, index: i, troops: troopsOf[i]!, reservation: reservationOf[i]!, effectiveness: model.specs[i]!.effectiveness });
  }
  return offers;
}

/**
 * Volunteers join unpaid, cheapest first, as far as there is a gap; returns the gap left (below
 * 0 when new flags came beyond it). With flags valued (`flagValued`: L > 0) a state that is not
 * yet a member is never turned away: its flag is worth L to the pivotal and costs it nothing
 * (recruitment by value, docs/model.md §1; BRIEF §1 legitimacy, §4 "the US wanted as many
 * partners as possible"), so it joins with the whole contingent it offers, gap or no gap. A
 * member's unpaid enlargement brings no new flag and stays within the gap. Before 2026-12-07 a
 * volunteer arriving after the gap was filled was turned away, so which willing states took part
 * turned on who arrived first, not on their motives.
 */
export function admitVolunteers(s: RunState, volunteers: readonly PartyOffer[], gap: number, minContingent: number, round: number, log: EventSink, flagValued = false): number {
  for (const v of supplyCurve(volunteers)) {
    const p = s.parties[v.index]!;
    const newFlag = flagValued && p.troops === 0;
    if (newFlag ? v.troops < minContingent : gap < minContingent) continue;
    const troops = newFlag ? v.troops : Math.min(v.troops, gap);
    deploy(p, p.troops + troops, round, null);
    log.push({ type: 'volunteered', round, party: v.party, troops, reservation: p.reservation });
    gap -= troops;
  }
  return gap;
}
