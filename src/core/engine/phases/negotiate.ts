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
import type { Belief } from '../../bargaining/beliefs';
import { belief, cdf, mean } from '../../bargaining/beliefs';
import { playExchange, snapshot } from '../../bargaining/protocol';
import { partyPriorFor, revealedOpenness } from '../../bargaining/priors';
import type { NegotiationOutcome } from '../../events';
import { cents } from '../../money';
import { competitiveCeiling, type CeilingLimits } from '../../market/reservation';
import { pivotalDiscountFactor } from '../../bargaining/urgency';
import { missionStance, urgencyOf } from '../../../scenario/mechanismInputs';
import type { ThirdPartySpec } from '../../../scenario/schema';
import { stanceCost } from '../../politics/stance';
import { STREAM, type Rng } from '../../rng';
import type { PartyState } from '../../state';
import type { Model, NegotiationSettings } from '../model';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';
import type { RunScratch } from '../scratch';
import { sortIndices } from '../../indexSort';
import { promisableValue, recordNoDeal, signDeal } from './deals';
import { chooseApproaches, type PriceLine } from './approach';
import { delayCostOf, firstContingentFillIn } from './forceGeneration';
import { dealReservation, publicSlope } from './contingents';
import { dealCasualtyPressure } from '../../dynamics/holdUp';
import { admitVolunteers, asksToBePaidFor, isAvailable, offerTroops, spare, surveyMarket } from './market';

/** Below this believed chance that a deal is possible at all, the pivotal does not open talks. */
const MIN_DEAL_PROBABILITY = 0.05;

/**
 * The pivotal's discount factor this round (issue 12 item 6, bargaining/urgency.ts): patience
 * eroded by the share of demand still unmet and by an approaching deadline
 * (`pivotal.bargaining.deadlineRound`, weighted by `deadlineUrgency`; past it, as urgent as in
 * its round). Its own casualties enter with weight `casualtyUrgency`, but the engine does not
 * deploy the pivotal's own soldiers, so there is no source for its own dead: that term is 1.
 */
export function pivotalDiscount(model: Model, demand: number, deployed: number, round: number): number {
  const b = model.scenario.pivotal.bargaining;
  const u = urgencyOf(model.scenario.pivotal);
  return pivotalDiscountFactor({
    patience: b.patience,
    urgency: b.urgency,
    demand,
    deployed,
    casualtySensitivity: u.casualtyUrgency,
    ownDeaths: 0,
    casualtyTolerance: model.scenario.engine.operation.maxCasualtyTolerance,
    roundsToDeadline: u.deadlineRound === null ? null : Math.max(1, u.deadlineRound - round + 1),
    deadlineUrgency: u.deadlineUrgency,
  });
}

/** What the pivotal sees of a partner's reservation: its deployment cost plus its (public) stance cost on this mission. */
export function visibleCost(spec: ThirdPartySpec): number {
  return spec.deploymentCostPerYear + stanceCost(missionStance(spec), spec.deploymentCostPerYear);
}

/**
 * The pivotal's prior about a party's reservation. Uninformed, it assumes the partner
 * wants its deployment cost covered (the cost is visible; interest, signalling value and
 * markups are not); intelligence moves the mean towards the truth and shrinks the spread.
 */
export function pivotalPrior(model: Model, settings: NegotiationSettings, p: Pick<PartyState, 'id' | 'reservation'>, rng: Rng): Belief {
  const spec = model.partySpecs.get(p.id)!;
  const intel = model.scenario.pivotal.bargaining.intelligence;
  // What it can see: the partner's deployment cost and its public stance on the mission.
  // Interest, signalling and markups are private.
  const pub = visibleCost(spec);
  const sigma = (1 - intel) * settings.priorWidth * pub;
  const z = rng.stream(STREAM.beliefPivotal, model.partyKeys[model.indexOf.get(p.id)!]).normal();
  return belief(settings.beliefShape, pub + intel * (p.reservation - pub) + sigma * z, sigma, 0, Infinity);
}

/**
 * A party's prior about the pivotal's ceiling. Uninformed, it anchors on its own
 * reservation (it has no idea how much the pivotal gains from its troops); open
 * recruitment, and a public shortage, reveal the surplus (priors.ts `revealedOpenness`):
 * the mean moves towards the true ceiling and the spread (a share of the surplus) shrinks.
 * `tightness`: this round's demand / supply (`s.market.tightness`).
 */
export function partyPrior(model: Model, settings: NegotiationSettings, p: Pick<PartyState, 'id' | 'reservation'>, ceiling: number, round: number, rng: Rng, tightness: number | null): Belief {
  const openness = revealedOpenness(model.scenario.pivotal.bargaining.openness, tightness);
  const z = rng.stream(STREAM.beliefParty, model.partyKeys[model.indexOf.get(p.id)!], round).normal();
  return partyPriorFor({ anchor: p.reservation, ceiling, openness, priorWidth: settings.priorWidth, z, shape: settings.beliefShape });
}

/**
 * The round's supply curve (scratch `curve[0..length)`, cheapest first) in last round's order
 * (scratch `order`), then that order updated: the offered first, cheapest first, then the rest
 * as they were. The next round's offers come nearly sorted; the order only speeds the sort,
 * never changes it.
 */
function rememberOrder(sc: RunScratch, length: number, n: number): void {
  const { order, curve, mark, sortTmp: rest } = sc;
  mark.fill(0);
  for (let k = 0; k < length; k++) mark[curve[k]!] = 1;
  let r = 0;
  for (let k = 0; k < n; k++) if (mark[order[k]!] === 0) rest[r++] = order[k]!;
  for (let k = 0; k < length; k++) order[k] = curve[k]!;
  for (let k = 0; k < r; k++) order[length + k] = rest[k]!;
}

/** What the ceiling for a partner is judged on this round (set once, before any talks). */
interface CeilingContext {
  /**
   * Troops still sought when recruitment by deal began. Partners signed this round leave the
   * substitutes (`signed`) while the troops they filled stay in this need, so a substitute must
   * cover the whole month's gap without the partner in talks. Lowering it with each deal (the
   * rest of the gap only) was tried on 2026-12-07 after a teacher's audit: it moved the ISAF
   * replication's rank check (New Zealand fell below the Netherlands), halved the effect of
   * openness in a slack synthetic market and stopped punishments in the retention case, so it
   * needs a recalibration of its own and is not in this version (docs/model.md, "The market").
   */
  readonly unmet: number;
  /** Years a deal signed now runs. */
  readonly years: number;
  /** This round's fill-in share for first contingents (forceGeneration). */
  readonly fillIn: number;
  /** Entries on the supply curve (scratch `curve`). */
  readonly length: number;
}

/**
 * Bounds on the ceiling for k troops from i (market/reservation CeilingLimits): the flag spread
 * over the contingent i would bring (its offer, at most the gap), and no more per soldier-year
 * than it can still promise: free budget, plus what open side deals add over their cost, plus
 * payers' free money on lines open to i (deals.ts promisableValue), over k x years left.
 */
function limitsFor(s: RunState, model: Model, c: CeilingContext, i: number, troops: number): Required<CeilingLimits> {
  return {
    flagTroops: Math.min(s.scratch.offered[i]!, Math.max(c.unmet, troops)),
    affordable: troops > 0 && c.years > 0 ? promisableValue(s, model, i) / (troops * c.years) : Infinity,
    delayCost: delayCostOf(s, model, i, c.fillIn),
  };
}

/**
 * Its outside option for a partner: the substitutes still out (on the curve, not signed this
 * round) that would fill the whole gap without it (the price of the marginal one), or none:
 * scarcity.
 */
function ceilingFor(s: RunState, model: Model, c: CeilingContext, i: number, troops: number): { R: number; ceiling: number } {
  const { curve, offered, price, signed } = s.scratch;
  let filled = 0;
  let substitute: number | undefined;
  for (let k = 0; k < c.length; k++) {
    const o = curve[k]!;
    if (o === i || signed[o] === 1) continue;
    filled += offered[o]!;
    if (filled >= c.unmet) {
      substitute = price[o]!;
      break;
    }
  }
  return competitiveCeiling(model.scenario.pivotal, model.specs[i]!, troops, substitute, s.parties[i]!.troops > 0, limitsFor(s, model, c, i, troops));
}

/**
 * Troops it expects from talks still under way: each partner's troops times its believed
 * chance of a deal at the ceiling (the belief, updated by every refusal). Counting them in
 * full let one long negotiation in a slack market keep every other partner waiting until it
 * ended; a deal is still capped at the gap left, so the coalition does not overshoot.
 */
function expectedFill(s: RunState, model: Model, i: number, ceiling: number): number {
  const neg = s.parties[i]!.negotiation;
  if (!neg) return 0;
  return neg.troops * cdf(shifted(s.parties[i]!.pivotalBelief!, beliefOffset(s, model, i, neg.troops)), ceiling);
}

export function recruitByNegotiation(s: RunState, model: Model, settings: NegotiationSettings, round: number, rng: Rng, log: EventSink): number {
  const { scenario } = model;
  const { minContingent } = scenario.engine;
  const survey = surveyMarket(s, model, round);
  const dP = pivotalDiscount(model, s.demand, survey.deployed, round);
  let gap = admitVolunteers(s, survey.volunteers, s.demand - survey.deployed, minContingent, round, log, model.scenario.pivotal.flagValuePerYear > 0);

  // The pivotal's view of the market at the start of this round's recruitment: every available
  // partner (in talks or not) at its belief mean, cheapest first. Beliefs move during the round;
  // the ranking it acts on does not. Partners deployed meanwhile drop out of the substitutes.
  // The curve lives in the run's scratch: party indices (`curve`), with each offer's troops
  // (`offered`, what each partner would bring: the contingent its flag is spread over) and price
  // per effective soldier-year (`price`), computed once.
  const sc = s.scratch;
  const n = s.parties.length;
  const { order, curve, offered, price, signed } = sc;
  offered.fill(0);
  signed.fill(0);
  let length = 0;
  const fillIn = firstContingentFillIn(s, model, round);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const p = s.parties[i]!;
    if (!isAvailable(s, model, i, round)) continue;
    const troops = offerTroops(s, model, i);
    // A deployed member asks to be paid for its next soldiers when their reservation is positive,
    // whatever its whole contingent's r_i(k0) (a volunteer's is 0 or below): read from r_i(k0) it
    // could never be asked to enlarge under negotiation (market.ts asksToBePaid says why).
    if (s.motives !== null && p.troops > 0 ? !asksToBePaidFor(s, model, i, troops) : p.reservation <= 0) continue;
    p.pivotalBelief ??= pivotalPrior(model, settings, p, rng);
    // With chosen contingents a substitute is priced at the size it would supply (its belief about the intercept plus the public rise).
    const reservation = mean(p.pivotalBelief) + beliefOffset(s, model, i, troops);
    offered[i] = troops;
    // A substitute that would be a first contingent costs the pivotal its fill-in too (forceGeneration).
    price[i] = (reservation + delayCostOf(s, model, i, fillIn)) / model.specs[i]!.effectiveness;
    curve[length++] = i;
  }
  // supplyCurve's order (effectivePrice, then id: a total order, so the result does not depend
  // on the input's order), with each price computed once. The offers come in last round's
  // order, which is nearly this round's, and the sort runs through a nearly sorted list fast.
  sortIndices(curve, length, sc.sortTmp, price, sc.idRank, false);
  rememberOrder(sc, length, n);
  const ctx: CeilingContext = { unmet: gap, years: (model.lastRound - round + 1) / scenario.clock.roundsPerYear, fillIn, length };

  // 1. Talks already under way take their next exchange.
  let pending = 0;
  for (let i = 0; i < n; i++) {
    const neg = s.parties[i]!.negotiation;
    if (!neg) continue;
    if (gap <= 0 || !isAvailable(s, model, i, round)) {
      endNegotiation(s, settings, i, round, gap <= 0 ? 'not-needed' : 'breakdown', null, log);
      continue;
    }
    const { ceiling } = ceilingFor(s, model, ctx, i, neg.troops);
    const deployed = exchange(s, model, settings, i, round, ceiling, dP, gap, rng, log);
    if (deployed > 0) signed[i] = 1;
    gap -= deployed;
    // Troops still under negotiation (talks that go on into the next round), as expected.
    pending += expectedFill(s, model, i, ceiling);
  }

  // 2. Open talks with the partners worth most to it (recruitment by value, phases/approach.ts),
  // judged by its belief: the mean of its belief about each one's reservation for a small
  // contingent, rising with size along the public slope. Candidates in the curve's order.
  const { candidates, intercept, slope, room } = sc;
  let m = 0;
  for (let k = 0; k < length; k++) {
    const i = curve[k]!;
    const p = s.parties[i]!;
    if (signed[i] === 1 || p.negotiation || p.reapproachFrom > round) continue;
    candidates[m++] = i;
  }
  for (let j = 0; j < m; j++) {
    const i = candidates[j]!;
    const line = publicSlope(s, i);
    intercept[j] = mean(s.parties[i]!.pivotalBelief!) + line.memberRise;
    slope[j] = line.slope;
    room[j] = spare(s.parties[i]!);
  }
  const beliefLine: PriceLine = { intercept, slope };
  const chosen = sc.approaches;
  // As in complete-information recruitment (recruit.ts): a partner passed over (the pivotal
  // believes a deal at its ceiling all but impossible) or whose talks end at once leaves its troops
  // unfilled, and the pivotal goes on down its ranking among those not yet approached this round
  // (their room zeroed). Without this, a plan that covered the gap on paper with partners too dear
  // for the ceiling left every other candidate unapproached, round after round.
  for (let first = true; first || Math.floor(gap - pending) >= minContingent; first = false) {
    let unfilled = 0;
    const count = chooseApproaches(s, model, round, candidates, m, beliefLine, room, Math.floor(gap - pending));
    for (let q = 0; q < count; q++) {
      const j = chosen.index[q]!;
      room[j] = 0;
      const open = Math.floor(gap - pending);
      if (open < minContingent) break;
      const i = candidates[j]!;
      const p = s.parties[i]!;
      const troops = Math.min(chosen.troops[q]!, open);
      const { R, ceiling } = ceilingFor(s, model, ctx, i, troops);
      if (cdf(shifted(p.pivotalBelief!, beliefOffset(s, model, i, troops)), ceiling) < MIN_DEAL_PROBABILITY) {
        recordNoDeal(p, round, 'above-ceiling', ceiling, log);
        unfilled++;
        continue;
      }
      const reservation = dealReservation(s, model, i, troops);
      const partyBelief = partyPrior(model, settings, { id: p.id, reservation }, ceiling, round, rng, s.market.tightness);
      const deadline = settings.protocol === 'take-it-or-leave-it' ? 1 : settings.deadline;
      p.negotiation = { openedRound: round, troops, exchanges: 0, deadline, pivotalReservation: cents(R), partyBelief, lastPivotalOffer: null, lastPartyOffer: null };
      if (log.detailed !== false) {
        const n = model.negotiators[i]!;
        log.push({
          type: 'negotiation-opened', round, party: p.id, troops, protocol: settings.protocol, deadline,
          reservation, pivotalReservation: cents(R), ceiling: cents(ceiling),
          pivotalBelief: snapshot(shifted(p.pivotalBelief!, beliefOffset(s, model, i, troops))), partyBelief: snapshot(partyBelief),
          pivotalStrategy: n.pivotal.name, partyStrategy: n.party.name,
        });
      }
      const deployed = exchange(s, model, settings, i, round, ceiling, dP, gap, rng, log);
      if (deployed > 0) signed[i] = 1;
      gap -= deployed;
      pending += expectedFill(s, model, i, ceiling);
      if (deployed === 0 && !p.negotiation) unfilled++;
    }
    if (unfilled === 0) break;
  }
  return dP;
}

/** One exchange with party `i`. Returns the troops deployed if it ended in a deal (never more than `gapLeft`). */
function exchange(s: RunState, model: Model, settings: NegotiationSettings, i: number, round: number, ceiling: number, dP: number, gapLeft: number, rng: Rng, log: EventSink): number {
  const p = s.parties[i]!;
  const neg = p.negotiation!;
  const n = model.negotiators[i]!;
  const { intelligence } = model.scenario.pivotal.bargaining;
  // What the party reads of its ceiling this round: openness and the public shortage.
  const openness = revealedOpenness(model.scenario.pivotal.bargaining.openness, s.market.tightness);
  const spec = model.specs[i]!;
  // The pivotal's belief is about the reservation of a small contingent (and learning is kept
  // about that); for these troops it expects that plus the public rise with size.
  const offset = beliefOffset(s, model, i, neg.troops);
  const belief = shifted(p.pivotalBelief!, offset);
  const reservation = dealReservation(s, model, i, neg.troops);
  // Second-order expectations from the (common-knowledge) information structure.
  const rHat = Math.min(mean(belief), ceiling);
  const partyViewOfCeiling = rHat + openness * (ceiling - rHat);
  const pub = visibleCost(spec) + offset;
  const pivotalViewOfReservation = pub + intelligence * (reservation - pub);
  const result = playExchange(
    {
      round, party: p.id, exchange: neg.exchanges, deadline: neg.deadline, firstProposer: settings.firstProposer, horizon: settings.horizon,
      pivotal: { strategy: n.pivotal, reservation: ceiling, discount: dP, belief, lastOffer: neg.lastPivotalOffer, otherEstimateOfMine: partyViewOfCeiling },
      thirdParty: { strategy: n.party, reservation, discount: spec.bargaining.patience, belief: neg.partyBelief, lastOffer: neg.lastPartyOffer, otherEstimateOfMine: pivotalViewOfReservation },
    },
    log,
  );
  p.pivotalBelief = shifted(result.pivotalBelief, -offset);
  neg.partyBelief = result.partyBelief;
  neg.lastPivotalOffer = result.pivotalOffer;
  neg.lastPartyOffer = result.partyOffer;
  neg.exchanges += 1;
  if (result.outcome === 'continue') return 0;
  if (result.outcome === 'agreement') {
    // Demand may have shrunk since talks opened: deploy no more than is still sought.
    const agreed = Math.min(neg.troops, gapLeft);
    const troops = signDeal(s, model, { party: i, troops: agreed, pricePerSoldierYear: result.price!, ceiling, mechanism: `negotiation:${settings.protocol}`, reservation: agreed === neg.troops ? reservation : dealReservation(s, model, i, agreed) }, round, rng, log);
    const why = p.lastNoDeal === 'ratification-failed' ? 'its parliament did not ratify the agreed deal' : 'the budget could not cover the agreed package';
    endNegotiation(s, settings, i, round, troops > 0 ? 'agreement' : 'breakdown', troops > 0 ? result.price : null, log, troops > 0 ? undefined : why);
    return troops;
  }
  endNegotiation(s, settings, i, round, result.outcome, null, log, result.detail);
  return 0;
}

/** The rise of the pivotal's expected price for `troops` (more) from party i above its belief's small-contingent level: b_i k (+ 2 b_i k0 for a member). */
function beliefOffset(s: RunState, model: Model, i: number, troops: number): number {
  const line = publicSlope(s, i);
  // The casualty premium of a partner that lost soldiers is public (deaths, risk, its government's sensitivity).
  return line.slope * troops + line.memberRise + dealCasualtyPressure(s, model, i, troops);
}

/** A belief moved by `by` (a shift of location: the same learning about the intercept). */
function shifted(b: Belief, by: number): Belief {
  return by === 0 ? b : { ...b, mu: b.mu + by, lo: b.lo + by, hi: b.hi + by };
}

function endNegotiation(s: RunState, settings: NegotiationSettings, i: number, round: number, outcome: NegotiationOutcome, price: number | null, log: EventSink, detail?: string): void {
  const p = s.parties[i]!;
  const exchanges = p.negotiation?.exchanges ?? 0;
  p.negotiation = null;
  log.push({ type: 'negotiation-ended', round, party: p.id, outcome, exchanges, price, ...(detail !== undefined ? { detail } : {}) });
  if (outcome !== 'agreement' && outcome !== 'not-needed') {
    p.reapproachFrom = round + settings.reapproachAfter;
    recordNoDeal(p, round, 'negotiation-failed', 0, log);
  }
}
