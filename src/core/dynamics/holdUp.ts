/**
 * Hold-ups (BRIEF §1, §6; issue 12 item 5): a deployed partner threatens to withdraw unless
 * paid more when its expected gain beats the expected cost of a called bluff, judged from this
 * round's public information (dynamics/threat.ts `bestThreat`). The pivotal pays when the
 * concession costs less than replacement at today's market times the probability that the
 * partner would really leave (dynamics/credibility.ts): a partner that accepted its price would
 * stay at it unless its reservation has risen since, as casualties raise it. Refused, it leaves
 * iff leaving really beats staying; otherwise its bluff is called, the pivotal learns, and its
 * government pays a domestic audience cost (threat.ts `audienceCost`, Fearon 1994), which the
 * partner weighs before threatening.
 */
import { cents } from '../money';
import { recommit } from '../engine/phases/commit';
import { alliancePotential, pivotalReservation } from '../market/reservation';
import { belief, type Belief } from '../bargaining/beliefs';
import { expectedPivotalView } from '../bargaining/priors';
import { casualtyTolerance } from './casualties';
import { boundAfterCalledBluff, casualtyPremium, leaveProbability, leavesForSure } from './credibility';
import { audienceCost, bestThreat, partnerBelief, pivotalPays, replaceableShare, replacementPremium as premiumAtMarket, shouldThreaten, type ReplacementInputs } from './threat';
import { substitutePrice, supplyCurve } from '../market/supply';
import { isReversal, surplusShare } from '../metrics/power';
import { composePackage } from '../payments/package';
import { STREAM, type Rng } from '../rng';
import { freeBudget } from '../state';
import type { Model } from '../engine/model';
import type { RunState } from '../engine/runState';
import type { EventSink } from '../engine/sink';
import { asksToBePaid, isAvailable, isWilling, offerOf, surveyMarket, type PartyOffer } from '../engine/phases/market';
import { withdraw } from '../engine/phases/release';
import { visibleCost } from '../engine/phases/negotiate';
import { catalogFor, grantSideDeals } from '../engine/phases/deals';
import { threatDeterrence } from '../engine/phases/punishment';
import { expectedDeathsPerRound, retainedTolerance, toleranceElasticity } from '../engine/phases/retention';

/** Largest tremble allowed (issue 12 item 5: at most a few per cent). */
const MAX_TREMBLE = 0.05;

/**
 * The substitutes the pivotal could turn to now: available partners willing at a price it
 * would pay (true reservations: the threat is judged on what it would really cost),
 * cheapest first. Built once per round, and again only if a partner left meanwhile.
 */
export function substituteMarket(s: RunState, model: Model, round: number): PartyOffer[] {
  const offers: PartyOffer[] = [];
  for (let i = 0; i < s.parties.length; i++) {
    if (!isAvailable(s, model, i, round)) continue;
    const offer = offerOf(s, model, i);
    if (asksToBePaid(s, i, offer) && isWilling(s, model, i)) offers.push(offer);
  }
  return supplyCurve(offers);
}

/** A partner's hold-up record in a run: what the pivotal has learned and what it conceded. Mutable inside the engine only. */
export interface HoldUpRecord {
  /** Upper bound the pivotal knows on r_i after calling a bluff (Infinity: none called). */
  bound: number;
  /** Concessions paid to it per soldier-year: compensation that raises its casualty tolerance. */
  conceded: number;
}

/** Party i's hold-up record, if any. */
export function holdUpRecord(s: RunState, i: number): HoldUpRecord | undefined {
  return s.holdUps?.[i];
}

/** z_i(t) for party i now (dynamics/credibility.ts): the rise of its reservation from the deaths it expects by the end. */
export function casualtyPressure(s: RunState, model: Model, i: number, round: number): number {
  return premiumFor(s, model, i, s.parties[i]!.troops, round);
}

/**
 * z_i(t) for a deal for `troops` more from party i once it has lost soldiers: the premium of
 * dynamics/credibility.ts for the contingent it would then have (its troops now plus these), with
 * the deaths so far and those that contingent would bring at this round's risk, its exposure and
 * last effort, to the end of the operation. It is charged on a return (a resolute partner refused
 * at a hold-up goes home and may be re-approached) and on an enlargement alike: without it a
 * partner that left because r_i + z > p came back for less than r_i + z, or came back small and
 * then enlarged at its old price. 0 for a partner that never lost a soldier (first deals are
 * priced as before), and Infinity when no money can make it bear those deaths. Per soldier-year.
 */
export function dealCasualtyPressure(s: RunState, model: Model, i: number, troops: number): number {
  return s.parties[i]!.deaths <= 0 ? 0 : premiumFor(s, model, i, s.parties[i]!.troops + troops, s.round);
}

/** credibility.ts `casualtyPremium` for party i with `contingent` troops deployed, judged at `round`. */
function premiumFor(s: RunState, model: Model, i: number, contingent: number, round: number): number {
  const p = s.parties[i]!;
  const spec = model.specs[i]!;
  const base = casualtyTolerance(spec.casualtySensitivity, model.scenario.engine.operation.maxCasualtyTolerance);
  return casualtyPremium({
    deploymentCost: p.costPerYear,
    deaths: p.deaths,
    expectedDeathsPerRound: expectedDeathsPerRound(s, model, i, contingent),
    roundsAfter: model.lastRound - round,
    tolerance: retainedTolerance(s, model, i, base),
    elasticity: toleranceElasticity(model),
  });
}

/**
 * The top of the interval a belief `b` bounded above by `bound` can put r_i in (beliefs.ts
 * `atMost`, then `cdf`'s interval, whose top is never above this): at or above it the CDF is 1.
 */
function knownCeiling(b: Belief, bound: number): number {
  return bound < b.hi ? Math.max(bound, b.lo) : b.hi;
}

/**
 * Pi for party i (dynamics/threat.ts `replacementPremium`), per soldier-year beyond its price:
 * what replacing it would cost the pivotal at today's market, `market` being this round's
 * `substituteMarket` and `roundsLeft` the rounds left this one included. Hold-ups, retention
 * offers (engine/phases/retention.ts) and punishment (engine/phases/punishment.ts) all price
 * the loss of a partner with it.
 */
export function replacementCostNow(s: RunState, model: Model, i: number, market: readonly PartyOffer[], roundsLeft: number): number {
  return premiumAtMarket(replacementInputs(s, model, i, market, roundsLeft));
}

/** The replacement inputs of threat.ts for party i at this round's market (true substitutes, this round's shortfall). */
function replacementInputs(s: RunState, model: Model, i: number, market: readonly PartyOffer[], roundsLeft: number): ReplacementInputs {
  const { pivotal } = model.scenario;
  const p = s.parties[i]!;
  const spec = model.specs[i]!;
  let deployed = 0;
  for (const q of s.parties) deployed += q.troops;
  const shortfall = Math.max(0, s.demand - deployed);
  let substituteTroops = 0;
  for (const o of market) if (o.party !== p.id) substituteTroops += o.troops;
  // The marginal substitute once the shortfall is filled: those needed for the gap do not count twice.
  const reach = Math.min(substituteTroops, shortfall + p.troops);
  const q = reach > shortfall ? substitutePrice(market, p.id, reach) : undefined;
  return {
    effectiveness: spec.effectiveness,
    troops: p.troops,
    price: p.deal?.pricePerSoldierYear ?? 0,
    ownSoldierCost: pivotal.ownSoldierCostPerYear,
    flagValue: pivotal.flagValuePerYear,
    criticalValue: spec.criticality * pivotal.criticalPartnerValuePerYear,
    substituteTroops: q === undefined ? 0 : substituteTroops,
    substitutePrice: q ?? 0,
    shortfall,
    surplus: Math.max(0, deployed - s.demand),
    // The engine recruits a substitute in the round the partner leaves (recruitment follows hold-ups).
    delayRounds: 0,
    roundsLeft,
  };
}

/**
 * Step 3: strategic hold-ups (issue 12 item 5; dynamics/threat.ts, dynamics/credibility.ts).
 * Each deployed paid partner weighs a threat from this round's public information: the market
 * (surveyed first: the round's events and casualties have moved it), its terms, and the
 * casualty pressure z. The pivotal pays iff the demand is at most lambda Pi; refused, the partner
 * leaves iff r_i(t) > p, otherwise its bluff is called and the pivotal learns r_i <= p - z.
 */
export function considerHoldUps(s: RunState, model: Model, round: number, rng: Rng, log: EventSink): void {
  const { scenario } = model;
  const rpy = scenario.clock.roundsPerYear;
  const roundsLeft = model.lastRound - round + 1;
  if (roundsLeft <= 1) return;
  const years = roundsLeft / rpy;
  const tremble = scenario.engine.operation.holdUpTremble;
  const settings = scenario.engine.pricing.rule === 'negotiation' ? scenario.engine.pricing : null;
  let market: PartyOffer[] | null = null;
  let surveyed = false;
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    const spec = model.specs[i]!;
    if (p.troops <= 0 || !p.deal || p.deal.pricePerSoldierYear <= 0) continue;
    const price = p.deal.pricePerSoldierYear;
    const z = casualtyPressure(s, model, i, round);
    const record = holdUpRecord(s, i);
    const bound = Math.min(price, record?.bound ?? Infinity);
    // The partner's estimate of lambda, from what it knows of the pivotal's belief: the prior's
    // structure (intelligence, the public prior width, its own cost as the pivotal sees it) without
    // the pivotal's private noise, and the public bounds (its acceptance of p, called bluffs).
    const known = p.pivotalBelief;
    // Under complete information (or before any belief) lambda is the truth, for both sides.
    let sure: number | null = null;
    let guessed: number;
    if (known === null || settings === null) guessed = sure = leavesForSure(p.reservation, { price, casualtyPremium: z }) ? 1 : 0;
    else if (Number.isFinite(z) && price - z >= knownCeiling(known, bound)) guessed = 0; // no belief puts r_i above p - z: lambda is 0 exactly, as leaveProbability would find
    else {
      const pub = visibleCost(spec);
      const intel = scenario.pivotal.bargaining.intelligence;
      const view = belief(known.shape, expectedPivotalView({ visibleCost: pub, reservation: p.reservation, intelligence: intel, priorWidth: settings.priorWidth }), known.sigma, known.lo, known.hi);
      guessed = leaveProbability(view, { price, casualtyPremium: z, bound });
    }
    // A tremble: a partner that misjudges its credibility and acts as if its threat were believed
    // (lambda' = 1). A partner punished for an earlier threat (phases/punishment.ts) has learned:
    // it trembles, as it expects to keep a paid demand, only in the share `threatDeterrence`.
    const deterrence = threatDeterrence(s, i);
    // Drawn only when a tremble is possible: a draw compared with 0 never succeeds, and streams are keyed by (mechanism, party, round), so skipping it shifts no other draw.
    const trembleChance = Math.min(MAX_TREMBLE, tremble) * deterrence;
    const trembles = trembleChance > 0 && rng.stream(STREAM.holdUp, model.partyKeys[i], round).next() < trembleChance;
    // Without any credibility and no tremble, nothing to weigh (and no market to survey).
    if (guessed <= 0 && !trembles) continue;

    if (!surveyed) {
      surveyMarket(s, model, round);
      surveyed = true;
    }
    market ??= substituteMarket(s, model, round);
    const x = replacementInputs(s, model, i, market, roundsLeft);
    const premium = premiumAtMarket(x);
    const view = partnerBelief(x, scenario.pivotal.bargaining.openness, settings?.priorWidth ?? 0);
    const motives = s.motives?.[i];
    const allianceValue = (motives?.signallingValue ?? spec.signallingValuePerYear * alliancePotential(spec)) + (motives?.dutyValue ?? 0);
    const audience = audienceCost(scenario.engine.operation.audienceCost, p.troops, p.costPerYear, years);
    const threatFor = (credibility: number) =>
      bestThreat({
        premiumMean: credibility * view.mean,
        premiumSd: credibility * view.sd,
        replaceable: replaceableShare(x),
        troops: p.troops,
        price,
        reservation: p.reservation + z,
        allianceValue,
        yearsLeft: years,
        // A punished partner expects to lose the same share of its gain again.
        keptShare: deterrence,
        // Backing down after a public threat costs its government at home (Fearon 1994).
        audienceCost: audience,
      });
    const strategic = threatFor(guessed);
    const choice = shouldThreaten(strategic) ? strategic : trembles ? threatFor(1) : null;
    if (choice === null || choice.demand <= 0) continue;
    const delta = cents(choice.demand);
    if (delta <= 0) continue;

    // The pivotal's own view: its belief (or, under complete information, the truth).
    const leave = sure ?? leaveProbability(known!, { price, casualtyPremium: z, bound });
    p.holdUpThreats += 1;
    p.lastThreatRound = round;
    log.push({
      type: 'holdup-threat', round, party: p.id, demandPerSoldierYear: delta, demandTotal: cents(delta * p.troops * years), replacementPremium: cents(premium), tightness: s.market.tightness,
      leaveProbability: round4(leave), casualtyPremium: Number.isFinite(z) ? cents(z) : null,
    });

    const pkg = composePackage({ pricePerSoldierYear: delta, troops: p.troops, years, subsidyCap: 0, items: catalogFor(model, i, p), roundsPerYear: rpy, roundsLeft });
    if (pivotalPays(delta, leave * premium, pkg.costToPivotal <= freeBudget(s.pivotal))) {
      payConcession(s, model, i, delta, pkg, round, roundsLeft, log);
      continue;
    }
    // Refused. It leaves iff leaving really beats staying; otherwise the bluff is called and the
    // pivotal learns that its reservation now is at most its price.
    if (choice.resolute) {
      withdraw(s, model, i, p.troops, round, 'hold-up', log);
      p.reapproachFrom = round + 1;
      // It is free again: the market of substitutes has changed.
      market = null;
      log.push({ type: 'holdup-resolved', round, party: p.id, outcome: 'refused-withdrew', concessionCost: 0, share: null });
    } else {
      const r = recordFor(s, i);
      r.bound = boundAfterCalledBluff(r.bound, { price, casualtyPremium: z });
      log.push({ type: 'holdup-resolved', round, party: p.id, outcome: 'bluff-called', concessionCost: 0, share: p.deal?.share ?? null });
    }
  }
}

function recordFor(s: RunState, i: number): HoldUpRecord {
  const records = (s.holdUps ??= []);
  return (records[i] ??= { bound: Infinity, conceded: 0 });
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function payConcession(s: RunState, model: Model, i: number, delta: number, pkg: ReturnType<typeof composePackage>, round: number, roundsLeft: number, log: EventSink): void {
  const { scenario } = model;
  const p = s.parties[i]!;
  const deal = p.deal!;
  const spec = model.specs[i]!;
  const price = cents(deal.pricePerSoldierYear + delta);
  const R = pivotalReservation(scenario.pivotal, spec, p.troops);
  const share = surplusShare(price, p.reservation, R);
  grantSideDeals(s, model, p, pkg.sideDeals, round, 'hold-up', log);
  p.deal = { ...deal, pricePerSoldierYear: price, subsidyPerSoldierYear: cents(deal.subsidyPerSoldierYear + pkg.subsidyPerSoldierYear), concessionPerSoldierYear: cents(deal.concessionPerSoldierYear + pkg.subsidyPerSoldierYear), sideDeals: [...deal.sideDeals, ...pkg.sideDeals], share };
  recommit(s, model, i, roundsLeft);
  // Compensation: its government bears more deaths (as a retention payment does).
  recordFor(s, i).conceded = cents(recordFor(s, i).conceded + delta);
  log.push({ type: 'holdup-resolved', round, party: p.id, outcome: 'paid', concessionCost: pkg.costToPivotal, share });
  const ratio = scenario.pivotal.capability.armedForces / Math.max(1, (spec.capability ?? spec).armedForces);
  if (share !== null && isReversal(share, ratio, scenario.engine.reversalCapabilityRatio) && !isReversal(deal.share, ratio, scenario.engine.reversalCapabilityRatio)) {
    log.push({ type: 'reversal', round, party: p.id, share, capabilityRatio: ratio });
  }
}
