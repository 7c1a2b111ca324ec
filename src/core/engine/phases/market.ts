/**
 * Surveying the market for forces at the start of recruitment: who is deployed, who
 * volunteers, who would come (or add troops to a contingent already deployed) at a price the
 * pivotal would pay (an observer's measure, from true reservations), and how tight that
 * makes the market.
 */
import { pivotalReservation } from '../../market/reservation';
import { supplyCurve, tightness, type Offer } from '../../market/supply';
import type { PartyState } from '../../state';
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
  readonly volunteers: readonly PartyOffer[];
  /** Available, not volunteering, r_i <= R_i: the supply at the pivotal's reservation. */
  readonly willing: readonly PartyOffer[];
  /** Available but too dear for the pivotal even with full information. */
  readonly unwilling: readonly PartyOffer[];
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
  return !p.blocked && round >= model.specs[i]!.availableFromRound && spare(p) > 0 && Number.isFinite(p.reservation);
}

/**
 * An available party's offer at its true reservation: all it could still add (fixed
 * contingents), or, with chosen contingents, what it would add at the worth of one of its
 * soldiers to the pivotal (e_i c_P), at its reservation for that many (so a substitute is priced
 * at the size it would supply, political cost included).
 */
export function offerOf(s: RunState, model: Model, i: number): PartyOffer {
  const p = s.parties[i]!;
  const spec = model.specs[i]!;
  if (s.motives === null) return { party: p.id, index: i, troops: spare(p), reservation: p.reservation, effectiveness: spec.effectiveness };
  const troops = Math.max(1, offeredAt(s, i, spec.effectiveness * model.scenario.pivotal.ownSoldierCostPerYear));
  return { party: p.id, index: i, troops, reservation: dealReservation(s, i, troops), effectiveness: spec.effectiveness };
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
  return (s.motives === null ? s.parties[i]!.reservation : offer.reservation) > 0;
}

/** Would the pivotal, knowing its reservation, want party `i`'s spare troops at all? */
export function isWilling(s: RunState, model: Model, i: number): boolean {
  const p = s.parties[i]!;
  return p.reservation <= pivotalReservation(model.scenario.pivotal, model.specs[i]!, spare(p), p.troops > 0);
}

export function surveyMarket(s: RunState, model: Model, round: number): MarketSurvey {
  let deployed = 0;
  let supply = 0;
  const volunteers: PartyOffer[] = [];
  const willing: PartyOffer[] = [];
  const unwilling: PartyOffer[] = [];
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    deployed += p.troops;
    if (!isAvailable(s, model, i, round)) continue;
    const offer = offerOf(s, model, i);
    const unpaid = unpaidSupply(s, i);
    if (unpaid > 0) {
      volunteers.push(unpaid === offer.troops ? offer : { ...offer, troops: unpaid });
      supply += unpaid;
    } else if (asksToBePaid(s, i, offer) && isWilling(s, model, i)) {
      willing.push(offer);
      // With chosen contingents, what it would add at the worth of a soldier to the pivotal (e_i c_P).
      supply += offer.troops;
    } else if (asksToBePaid(s, i, offer)) unwilling.push(offer);
  }
  supply += deployed;
  s.market.supply = supply;
  s.market.tightness = tightness(s.demand, supply);
  return { deployed, volunteers, willing, unwilling };
}

/** Volunteers join unpaid, cheapest first, as far as there is a gap. Returns the gap left. */
export function admitVolunteers(s: RunState, volunteers: readonly PartyOffer[], gap: number, minContingent: number, round: number, log: EventSink): number {
  for (const v of supplyCurve(volunteers)) {
    if (gap < minContingent) break;
    const troops = Math.min(v.troops, gap);
    const p = s.parties[v.index]!;
    deploy(p, p.troops + troops, round, null);
    log.push({ type: 'volunteered', round, party: v.party, troops, reservation: p.reservation });
    gap -= troops;
  }
  return gap;
}
