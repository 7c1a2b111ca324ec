/**
 * Recruitment under complete information (pricing rules nash, fixed-rate, reservation):
 * volunteers join unpaid; then the pivotal state approaches partners by value (phases/approach.ts:
 * own-soldier cost saved, flags, criticality, less the true price it knows, within budget), for
 * the troops that value says, and the rule prices each deal against the competitive ceiling (the
 * next substitute's price, or the pivotal's own reservation when there is no substitute:
 * scarcity). Flag-only token contingents beyond the troop demand are not sought (approach.ts).
 */
import { competitiveCeiling, pivotalReservation } from '../../market/reservation';
import { effectivePrice, supplyCurve, type Offer } from '../../market/supply';
import type { RandomStream, Rng } from '../../rng';
import type { Model } from '../model';
import type { Mechanism } from '../../bargaining/mechanism';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';
import { recordNoDeal, signDeal } from './deals';
import { admitVolunteers, surveyedOffers, surveyMarket, type PartyOffer } from './market';
import { chooseApproaches } from './approach';
import { dealReservation, truePriceLine } from './contingents';
import { delayCostOf, firstContingentFillIn } from './forceGeneration';

export function recruitWithCompleteInformation(s: RunState, model: Model, mechanism: Mechanism, round: number, rng: RandomStream, runRng: Rng, log: EventSink): void {
  const { scenario } = model;
  const pivotal = scenario.pivotal;
  const { minContingent } = scenario.engine;
  const survey = surveyMarket(s, model, round);
  const willing = surveyedOffers(s, model, 'willing');
  const unwilling = surveyedOffers(s, model, 'unwilling');
  let gap = admitVolunteers(s, survey.volunteers, s.demand - survey.deployed, minContingent, round, log, model.scenario.pivotal.flagValuePerYear > 0);

  // Candidates: every available partner that asks to be paid, at its true price line.
  const offers: PartyOffer[] = [...willing, ...unwilling];
  const n = offers.length;
  if (n === 0) return;
  const candidates = new Array<number>(n);
  const intercept = new Float64Array(n);
  const slope = new Float64Array(n);
  const spare = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const i = offers[j]!.index;
    const line = truePriceLine(s, i);
    candidates[j] = i;
    intercept[j] = line.intercept;
    slope[j] = line.slope;
    spare[j] = s.parties[i]!.capacity - s.parties[i]!.troops;
  }
  // With contingent choice the pivotal knows r_i(k) itself (floored at the liquidity need, duty
  // valued only up to the duty floor): the line sizes the ask, the exact reservation prices it.
  const exact = s.motives !== null ? (i: number, k: number) => dealReservation(s, model, i, k) : undefined;
  // Substitutes: the willing, cheapest per effective soldier first (a competitive market's yardstick),
  // each at its price plus the own soldiers that fill in until it arrives (0 for a member: forceGeneration).
  const fillIn = firstContingentFillIn(s, model, round);
  const delay = (i: number) => delayCostOf(s, model, i, fillIn);
  const curve = supplyCurve(willing.map((o) => ({ ...o, reservation: o.reservation + delay(o.index) })));
  // Partners approached so far this round are no longer substitutes for the next.
  const approached = new Uint8Array(s.parties.length);
  // A refusal leaves its troops unfilled: the pivotal goes on down its ranking, among those not yet
  // approached this round (their room is zeroed, so `selectApproaches` passes them over), with the
  // gap that is still open. Without this, a plan that filled the gap on paper with partners asked for
  // more than the competitive ceiling allows left every other candidate unapproached, round after round.
  let first = true;
  for (;;) {
    if (!first && gap < minContingent) break;
    let refused = 0;
    const chosen = s.scratch.approaches;
    const count = chooseApproaches(s, model, round, candidates, n, { intercept, slope, ...(exact ? { exact } : {}) }, spare, gap);
    for (let q = 0; q < count; q++) {
      const j = chosen.index[q]!;
      const i = candidates[j]!;
      approached[i] = 1;
      spare[j] = 0;
      if (gap < minContingent) continue;
      const p = s.parties[i]!;
      const troops = Math.min(chosen.troops[q]!, gap);
      const member = p.troops > 0;
      const sub = substituteFor(curve, i, approached, gap);
      const { R, ceiling } = competitiveCeiling(pivotal, model.specs[i]!, troops, sub, member, { delayCost: delay(i) });
      const reservation = dealReservation(s, model, i, troops);
      const outcome = mechanism.decide({ round, party: p.id, troops, reservation, pivotalReservation: R, ceiling, roundsPerYear: scenario.clock.roundsPerYear }, rng);
      if (outcome.kind === 'no-deal') {
        recordNoDeal(p, round, outcome.reason, ceiling, log);
        refused++;
        continue;
      }
      const deployed = signDeal(s, model, { party: i, troops, pricePerSoldierYear: outcome.pricePerSoldierYear, ceiling, mechanism: mechanism.name, reservation }, round, runRng, log);
      gap -= deployed;
    }
    first = false;
    if (refused === 0) break;
  }
  // Those it would not pay for at any size it considered: too dear even with full information.
  for (const o of unwilling) {
    if (approached[o.index] === 1) continue;
    recordNoDeal(s.parties[o.index]!, round, 'above-ceiling', pivotalReservation(pivotal, model.specs[o.index]!, o.troops), log);
  }
}

/**
 * What filling `gap` without party `excluded` would cost per effective soldier: the marginal
 * offer of the substitutes not approached this round, or undefined (scarcity).
 */
function substituteFor(curve: readonly (Offer & { index: number })[], excluded: number, approached: Uint8Array, gap: number): number | undefined {
  let filled = 0;
  for (const o of curve) {
    if (o.index === excluded || approached[o.index] === 1) continue;
    filled += o.troops;
    if (filled >= gap) return effectivePrice(o);
  }
  return undefined;
}
