/**
 * Recruitment by negotiation under private information (pricing rule "negotiation").
 *
 * The pivotal state does not know third parties' reservations: it ranks candidates by
 * the mean of its belief, prices its outside option from those beliefs (the next
 * substitute, or its own reservation when the market is scarce), and negotiates with as
 * many as its gap needs, one exchange per round. Third parties do not know the
 * pivotal's ceiling either: they know what is public (the cost of its own soldiers, the
 * state of the market) and learn the rest from how openly it recruits and from offers.
 */
import type { Draft } from 'immer';
import type { Belief } from '../../bargaining/beliefs';
import { cdf, mean } from '../../bargaining/beliefs';
import { playExchange, snapshot } from '../../bargaining/protocol';
import type { SimEvent } from '../../events';
import { cents } from '../../money';
import { competitiveCeiling } from '../../market/reservation';
import { substitutePrice, supplyCurve, type Offer } from '../../market/supply';
import type { Rng } from '../../rng';
import type { PartyState, SimState } from '../../state';
import type { Model, NegotiationSettings } from '../model';
import { recordNoDeal, signDeal } from './deals';
import { admitVolunteers, isAvailable, spare, surveyMarket } from './market';

/** Below this believed chance that a deal is possible at all, the pivotal does not open talks. */
const MIN_DEAL_PROBABILITY = 0.05;

/** The pivotal's discount factor this round: patience eroded by the share of demand still unmet. */
export function pivotalDiscount(model: Model, demand: number, deployed: number): number {
  const b = model.scenario.pivotal.bargaining;
  const shortfall = demand > 0 ? Math.max(0, demand - deployed) / demand : 0;
  return b.patience * (1 - b.urgency * shortfall);
}

/**
 * The pivotal's prior about a party's reservation. Uninformed, it assumes the partner
 * wants its deployment cost covered (the cost is visible; interest, signalling value and
 * markups are not); intelligence moves the mean towards the truth and shrinks the spread.
 */
export function pivotalPrior(model: Model, settings: NegotiationSettings, p: PartyState, rng: Rng): Belief {
  const spec = model.partySpecs.get(p.id)!;
  const intel = model.scenario.pivotal.bargaining.intelligence;
  // What it can see: the partner's deployment cost. Interest, signalling and markups are private.
  const pub = spec.deploymentCostPerYear;
  const sigma = (1 - intel) * settings.priorWidth * pub;
  const z = rng.stream(`belief:pivotal:${p.id}`).normal();
  return { shape: settings.beliefShape, mu: pub + intel * (p.reservation - pub) + sigma * z, sigma, lo: 0, hi: Infinity };
}

/**
 * A party's prior about the pivotal's ceiling. Uninformed, it anchors on its own
 * reservation (it has no idea how much the pivotal gains from its troops); open
 * recruitment reveals the surplus: the mean moves towards the true ceiling and the spread
 * (a share of the surplus) shrinks.
 */
export function partyPrior(model: Model, settings: NegotiationSettings, p: PartyState, ceiling: number, round: number, rng: Rng): Belief {
  const openness = model.scenario.pivotal.bargaining.openness;
  const anchor = Math.min(Math.max(0, p.reservation), ceiling);
  const sigma = (1 - openness) * settings.priorWidth * (ceiling - anchor);
  const z = rng.stream(`belief:party:${p.id}`, round).normal();
  return { shape: settings.beliefShape, mu: anchor + openness * (ceiling - anchor) + sigma * z, sigma, lo: 0, hi: Infinity };
}

export function recruitByNegotiation(draft: Draft<SimState>, model: Model, settings: NegotiationSettings, round: number, rng: Rng, events: SimEvent[]): number {
  const { scenario } = model;
  const { minContingent } = scenario.engine;
  const survey = surveyMarket(draft, model, round);
  const dP = pivotalDiscount(model, draft.demand, survey.deployed);
  let gap = admitVolunteers(draft, survey.volunteers, draft.demand - survey.deployed, minContingent, round, events);

  // The pivotal's view of the market: every available partner (in talks or not) at its belief mean.
  const perceived = (): Offer[] => {
    const offers: Offer[] = [];
    for (const id of model.partyOrder) {
      const p = draft.parties[id]!;
      if (!isAvailable(draft, model, id, round) || p.reservation <= 0) continue;
      p.pivotalBelief ??= pivotalPrior(model, settings, p, rng) as Draft<Belief>;
      offers.push({ party: id, troops: spare(p), reservation: mean(p.pivotalBelief), effectiveness: model.partySpecs.get(id)!.effectiveness });
    }
    return supplyCurve(offers);
  };
  // Its outside option for a partner: the substitutes that would fill the whole gap without it.
  const unmet = gap;
  const ceilingFor = (id: string, troops: number, curve: readonly Offer[]): { R: number; ceiling: number } =>
    competitiveCeiling(scenario.pivotal, model.partySpecs.get(id)!, troops, substitutePrice(curve, id, unmet), draft.parties[id]!.troops > 0);

  // Its view at the start of this round's recruitment (beliefs move during the round; the
  // ranking it acts on does not). Partners deployed meanwhile drop out of the substitutes.
  const curveAtStart = perceived();
  const signed = new Set<string>();
  const stillOut = (): Offer[] => curveAtStart.filter((o) => !signed.has(o.party));

  // 1. Talks already under way take their next exchange.
  for (const id of model.partyOrder) {
    const p = draft.parties[id]!;
    if (!p.negotiation) continue;
    if (gap <= 0 || !isAvailable(draft, model, id, round)) {
      endNegotiation(draft, settings, id, round, gap <= 0 ? 'not-needed' : 'breakdown', null, events);
      continue;
    }
    const { ceiling } = ceilingFor(id, p.negotiation.troops, stillOut());
    const deployed = exchange(draft, model, settings, id, round, ceiling, dP, gap, events);
    if (deployed > 0) signed.add(id);
    gap -= deployed;
  }

  // 2. Open talks with the cheapest-looking candidates until the gap is covered.
  const approached = new Set<string>();
  for (;;) {
    const pending = model.partyOrder.reduce((a, id) => a + (draft.parties[id]!.negotiation?.troops ?? 0), 0);
    if (gap - pending < minContingent) break;
    const curve = stillOut();
    const next = curve.find((o) => !approached.has(o.party) && !draft.parties[o.party]!.negotiation && draft.parties[o.party]!.reapproachFrom <= round);
    if (!next) break;
    approached.add(next.party);
    const p = draft.parties[next.party]!;
    const troops = Math.min(spare(p), gap - pending);
    const { R, ceiling } = ceilingFor(next.party, troops, curve);
    if (cdf(p.pivotalBelief!, ceiling) < MIN_DEAL_PROBABILITY) {
      recordNoDeal(p, round, 'above-ceiling', ceiling, events);
      continue;
    }
    const partyBelief = partyPrior(model, settings, p, ceiling, round, rng);
    const deadline = settings.protocol === 'take-it-or-leave-it' ? 1 : settings.deadline;
    p.negotiation = { openedRound: round, troops, exchanges: 0, deadline, pivotalReservation: cents(R), partyBelief, lastPivotalOffer: null, lastPartyOffer: null } as Draft<PartyState['negotiation']>;
    const s = model.negotiators.get(next.party)!;
    events.push({
      type: 'negotiation-opened', round, party: next.party, troops, protocol: settings.protocol, deadline,
      reservation: p.reservation, pivotalReservation: cents(R), ceiling: cents(ceiling),
      pivotalBelief: snapshot(p.pivotalBelief!), partyBelief: snapshot(partyBelief),
      pivotalStrategy: s.pivotal.name, partyStrategy: s.party.name,
    });
    const deployed = exchange(draft, model, settings, next.party, round, ceiling, dP, gap, events);
    if (deployed > 0) signed.add(next.party);
    gap -= deployed;
  }
  return dP;
}

/** One exchange with one party. Returns the troops deployed if it ended in a deal (never more than `gapLeft`). */
function exchange(draft: Draft<SimState>, model: Model, settings: NegotiationSettings, id: string, round: number, ceiling: number, dP: number, gapLeft: number, events: SimEvent[]): number {
  const p = draft.parties[id]!;
  const neg = p.negotiation!;
  const s = model.negotiators.get(id)!;
  const { openness, intelligence } = model.scenario.pivotal.bargaining;
  const spec = model.partySpecs.get(id)!;
  // Second-order expectations from the (common-knowledge) information structure.
  const rHat = Math.min(mean(p.pivotalBelief!), ceiling);
  const partyViewOfCeiling = rHat + openness * (ceiling - rHat);
  const pivotalViewOfReservation = spec.deploymentCostPerYear + intelligence * (p.reservation - spec.deploymentCostPerYear);
  const result = playExchange(
    {
      round, party: id, exchange: neg.exchanges, deadline: neg.deadline, firstProposer: settings.firstProposer, horizon: settings.horizon,
      pivotal: { strategy: s.pivotal, reservation: ceiling, discount: dP, belief: p.pivotalBelief!, lastOffer: neg.lastPivotalOffer, otherEstimateOfMine: partyViewOfCeiling },
      thirdParty: { strategy: s.party, reservation: p.reservation, discount: spec.bargaining.patience, belief: neg.partyBelief, lastOffer: neg.lastPartyOffer, otherEstimateOfMine: pivotalViewOfReservation },
    },
    events,
  );
  p.pivotalBelief = result.pivotalBelief as Draft<Belief>;
  neg.partyBelief = result.partyBelief as Draft<Belief>;
  neg.lastPivotalOffer = result.pivotalOffer;
  neg.lastPartyOffer = result.partyOffer;
  neg.exchanges += 1;
  if (result.outcome === 'continue') return 0;
  if (result.outcome === 'agreement') {
    // Demand may have shrunk since talks opened: deploy no more than is still sought.
    const troops = signDeal(draft, model, { party: id, troops: Math.min(neg.troops, gapLeft), pricePerSoldierYear: result.price!, ceiling, mechanism: `negotiation:${settings.protocol}` }, round, events);
    endNegotiation(draft, settings, id, round, troops > 0 ? 'agreement' : 'breakdown', troops > 0 ? result.price : null, events, troops > 0 ? undefined : 'the budget could not cover the agreed package');
    return troops;
  }
  endNegotiation(draft, settings, id, round, result.outcome, null, events, result.detail);
  return 0;
}

function endNegotiation(
  draft: Draft<SimState>,
  settings: NegotiationSettings,
  id: string,
  round: number,
  outcome: 'agreement' | 'breakdown' | 'deadline' | 'not-needed' | 'error',
  price: number | null,
  events: SimEvent[],
  detail?: string,
): void {
  const p = draft.parties[id]!;
  const exchanges = p.negotiation?.exchanges ?? 0;
  p.negotiation = null;
  events.push({ type: 'negotiation-ended', round, party: id, outcome, exchanges, price, ...(detail !== undefined ? { detail } : {}) });
  if (outcome !== 'agreement' && outcome !== 'not-needed') {
    p.reapproachFrom = round + settings.reapproachAfter;
    recordNoDeal(p, round, 'negotiation-failed', 0, events);
  }
}
