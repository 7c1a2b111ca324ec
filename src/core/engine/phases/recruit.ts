/**
 * Recruitment under complete information (pricing rules nash, fixed-rate, reservation):
 * volunteers join unpaid; then the pivotal state approaches willing partners cheapest
 * per effective soldier first, and the rule prices each deal against the competitive
 * ceiling (the next substitute's price, or the pivotal's own reservation when there is no
 * substitute: scarcity).
 */
import type { Draft } from 'immer';
import type { SimEvent } from '../../events';
import { competitiveCeiling, pivotalReservation } from '../../market/reservation';
import { substitutePrice, supplyCurve } from '../../market/supply';
import type { RandomStream } from '../../rng';
import type { SimState } from '../../state';
import type { Model } from '../model';
import type { Mechanism } from '../../bargaining/mechanism';
import { recordNoDeal, signDeal } from './deals';
import { admitVolunteers, surveyMarket } from './market';

export function recruitWithCompleteInformation(draft: Draft<SimState>, model: Model, mechanism: Mechanism, round: number, rng: RandomStream, events: SimEvent[]): void {
  const { scenario } = model;
  const pivotal = scenario.pivotal;
  const { minContingent } = scenario.engine;
  const survey = surveyMarket(draft, model, round);
  for (const o of survey.unwilling) {
    const spec = model.partySpecs.get(o.party)!;
    recordNoDeal(draft.parties[o.party]!, round, 'above-ceiling', pivotalReservation(pivotal, spec, o.troops), events);
  }
  let gap = admitVolunteers(draft, survey.volunteers, draft.demand - survey.deployed, minContingent, round, events);

  const remaining = supplyCurve(survey.willing);
  while (gap >= minContingent && remaining.length > 0) {
    const offer = remaining.shift()!;
    const spec = model.partySpecs.get(offer.party)!;
    const p = draft.parties[offer.party]!;
    const troops = Math.min(offer.troops, gap);
    const { R, ceiling } = competitiveCeiling(pivotal, spec, troops, substitutePrice(remaining, offer.party, gap), p.troops > 0);
    const outcome = mechanism.decide({ round, party: offer.party, troops, reservation: p.reservation, pivotalReservation: R, ceiling, roundsPerYear: scenario.clock.roundsPerYear }, rng);
    if (outcome.kind === 'no-deal') {
      recordNoDeal(p, round, outcome.reason, ceiling, events);
      continue;
    }
    gap -= signDeal(draft, model, { party: offer.party, troops, pricePerSoldierYear: outcome.pricePerSoldierYear, ceiling, mechanism: mechanism.name }, round, events);
  }
}
