/**
 * Surveying the market for forces at the start of recruitment: who is deployed, who
 * volunteers, who would come (or add troops to a contingent already deployed) at a price the
 * pivotal would pay (an observer's measure, from true reservations), and how tight that
 * makes the market.
 */
import type { Draft } from 'immer';
import type { SimEvent } from '../../events';
import { pivotalReservation } from '../../market/reservation';
import { supplyCurve, tightness, type Offer } from '../../market/supply';
import type { PartyState, SimState } from '../../state';
import type { Model } from '../model';
import { deploy } from './deals';

export interface MarketSurvey {
  readonly deployed: number;
  readonly volunteers: readonly Offer[];
  /** Available, not volunteering, r_i <= R_i: the supply at the pivotal's reservation. */
  readonly willing: readonly Offer[];
  /** Available but too dear for the pivotal even with full information. */
  readonly unwilling: readonly Offer[];
}

/** Troops it could still add: all of its capacity, or what a deployed contingent leaves. */
export function spare(p: Pick<PartyState, 'capacity' | 'troops'>): number {
  return p.capacity - p.troops;
}

/** Can the pivotal approach this party now (for a first contingent, or to enlarge one)? */
export function isAvailable(draft: Draft<SimState>, model: Model, id: string, round: number): boolean {
  const p = draft.parties[id]!;
  return !p.blocked && round >= model.partySpecs.get(id)!.availableFromRound && spare(p) > 0;
}

export function surveyMarket(draft: Draft<SimState>, model: Model, round: number): MarketSurvey {
  let deployed = 0;
  const volunteers: Offer[] = [];
  const willing: Offer[] = [];
  const unwilling: Offer[] = [];
  for (const id of model.partyOrder) {
    const p = draft.parties[id]!;
    deployed += p.troops;
    if (!isAvailable(draft, model, id, round)) continue;
    const spec = model.partySpecs.get(id)!;
    const offer: Offer = { party: id, troops: spare(p), reservation: p.reservation, effectiveness: spec.effectiveness };
    if (p.reservation <= 0) volunteers.push(offer);
    else if (p.reservation <= pivotalReservation(model.scenario.pivotal, spec, spare(p), p.troops > 0)) willing.push(offer);
    else unwilling.push(offer);
  }
  let supply = deployed;
  for (const o of volunteers) supply += o.troops;
  for (const o of willing) supply += o.troops;
  draft.market = { supply, tightness: tightness(draft.demand, supply) };
  return { deployed, volunteers, willing, unwilling };
}

/** Volunteers join unpaid, cheapest first, as far as there is a gap. Returns the gap left. */
export function admitVolunteers(draft: Draft<SimState>, volunteers: readonly Offer[], gap: number, minContingent: number, round: number, events: SimEvent[]): number {
  for (const v of supplyCurve(volunteers)) {
    if (gap < minContingent) break;
    const troops = Math.min(v.troops, gap);
    const p = draft.parties[v.party]!;
    deploy(p, p.troops + troops, round, null);
    events.push({ type: 'volunteered', round, party: v.party, troops, reservation: p.reservation });
    gap -= troops;
  }
  return gap;
}
