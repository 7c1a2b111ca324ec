/**
 * Recruitment under complete information (pricing rules nash, fixed-rate, reservation):
 * volunteers join unpaid; then the pivotal state approaches willing partners cheapest
 * per effective soldier first, and the rule prices each deal against the competitive
 * ceiling (the next substitute's price, or the pivotal's own reservation when there is no
 * substitute: scarcity).
 */
import { competitiveCeiling, pivotalReservation } from '../../market/reservation';
import { substitutePrice, supplyCurve } from '../../market/supply';
import type { RandomStream, Rng } from '../../rng';
import type { Model } from '../model';
import type { Mechanism } from '../../bargaining/mechanism';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';
import { recordNoDeal, signDeal } from './deals';
import { admitVolunteers, surveyMarket } from './market';

export function recruitWithCompleteInformation(s: RunState, model: Model, mechanism: Mechanism, round: number, rng: RandomStream, runRng: Rng, log: EventSink): void {
  const { scenario } = model;
  const pivotal = scenario.pivotal;
  const { minContingent } = scenario.engine;
  const survey = surveyMarket(s, model, round);
  for (const o of survey.unwilling) {
    recordNoDeal(s.parties[o.index]!, round, 'above-ceiling', pivotalReservation(pivotal, model.specs[o.index]!, o.troops), log);
  }
  let gap = admitVolunteers(s, survey.volunteers, s.demand - survey.deployed, minContingent, round, log);

  const curve = supplyCurve(survey.willing);
  // The candidates not yet approached are curve[next..]: a cursor, not a shrinking copy.
  for (let next = 0; gap >= minContingent && next < curve.length; ) {
    const offer = curve[next++]!;
    const p = s.parties[offer.index]!;
    const troops = Math.min(offer.troops, gap);
    const { R, ceiling } = competitiveCeiling(pivotal, model.specs[offer.index]!, troops, substitutePrice(curve, offer.party, gap, next), p.troops > 0);
    const outcome = mechanism.decide({ round, party: offer.party, troops, reservation: p.reservation, pivotalReservation: R, ceiling, roundsPerYear: scenario.clock.roundsPerYear }, rng);
    if (outcome.kind === 'no-deal') {
      recordNoDeal(p, round, outcome.reason, ceiling, log);
      continue;
    }
    gap -= signDeal(s, model, { party: offer.index, troops, pricePerSoldierYear: outcome.pricePerSoldierYear, ceiling, mechanism: mechanism.name }, round, runRng, log);
  }
}
