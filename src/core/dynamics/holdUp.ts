/**
 * Hold-ups (BRIEF §1, §6): a deployed opportunist threatens to withdraw unless paid more.
 * It demands more when partners are scarce (the market's tightness is public) and when its
 * price is far below what the pivotal's own soldiers would cost. The
 * pivotal pays when the concession costs less than replacing it: the substitute's price
 * (or its own soldiers') beyond today's price, plus the flag and criticality lost, net of
 * its firmness. Refused, a resolute partner leaves; otherwise its bluff is called.
 */
import { cents } from '../money';
import { recommit } from '../engine/phases/commit';
import { criticalPremium, pivotalReservation } from '../market/reservation';
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
import { catalogFor, grantSideDeals } from '../engine/phases/deals';
import { threatDeterrence } from '../engine/phases/punishment';

/** Rounds after a threat before the same partner threatens again. */
const THREAT_COOLDOWN = 3;

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

/** What replacing party `i`'s contingent would cost the pivotal per soldier-year beyond its current price. */
export function replacementPremium(s: RunState, model: Model, i: number, market: readonly PartyOffer[]): number {
  const { pivotal } = model.scenario;
  const p = s.parties[i]!;
  const spec = model.specs[i]!;
  const sub = substitutePrice(market, p.id, p.troops);
  // No substitute: its own soldiers, at their cost.
  const replacement = sub === undefined ? spec.effectiveness * pivotal.ownSoldierCostPerYear : Math.min(sub * spec.effectiveness, spec.effectiveness * pivotal.ownSoldierCostPerYear);
  // A substitute brings a flag of its own; only what is particular to this partner is lost with it.
  const lost = (sub === undefined ? pivotal.flagValuePerYear / p.troops : 0) + criticalPremium(pivotal, spec, p.troops);
  return Math.max(0, replacement - (p.deal?.pricePerSoldierYear ?? 0)) + lost;
}

export function considerHoldUps(s: RunState, model: Model, round: number, rng: Rng, log: EventSink): void {
  const { scenario } = model;
  const op = scenario.engine.operation;
  const rpy = scenario.clock.roundsPerYear;
  const roundsLeft = model.lastRound - round + 1;
  let market: PartyOffer[] | null = null;
  let surveyed = false;
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    const spec = model.specs[i]!;
    if (p.troops <= 0 || !p.deal || p.deal.pricePerSoldierYear <= 0 || spec.holdUpPropensity <= 0) continue;
    if (round - p.lastThreatRound < THREAT_COOLDOWN || roundsLeft <= 1) continue;
    const stream = rng.stream(STREAM.holdUp, model.partyKeys[i], round);
    // A partner punished for an earlier threat threatens less (issue 16 item 4, phases/punishment.ts); 1 when never punished.
    if (stream.next() >= spec.holdUpPropensity * threatDeterrence(s, i)) continue;

    // Its demand rests on public information of this round: survey the market once, before
    // the first threat (the round's scheduled events and casualties have moved it).
    if (!surveyed) {
      surveyMarket(s, model, round);
      surveyed = true;
    }
    // What the pivotal's own soldiers would cost above today's price, discounted when the
    // market looks slack (substitutes about).
    const tightness = Math.min(1, s.market.tightness ?? 1);
    const ownCost = spec.effectiveness * scenario.pivotal.ownSoldierCostPerYear;
    const delta = cents(op.holdUpAggressiveness * tightness * tightness * Math.max(0, ownCost - p.deal.pricePerSoldierYear));
    if (delta < 0.01 * p.deal.pricePerSoldierYear || delta <= 0) continue;
    const years = roundsLeft / rpy;
    market ??= substituteMarket(s, model, round);
    const premium = replacementPremium(s, model, i, market);
    p.holdUpThreats += 1;
    p.lastThreatRound = round;
    log.push({ type: 'holdup-threat', round, party: p.id, demandPerSoldierYear: delta, demandTotal: cents(delta * p.troops * years), replacementPremium: cents(premium), tightness: s.market.tightness });

    const pkg = composePackage({ pricePerSoldierYear: delta, troops: p.troops, years, subsidyCap: 0, items: catalogFor(model, i, p), roundsPerYear: rpy, roundsLeft });
    const free = freeBudget(s.pivotal);
    const worthPaying = delta <= (1 - scenario.pivotal.firmness) * premium;
    if (worthPaying && pkg.costToPivotal <= free) {
      payConcession(s, model, i, delta, pkg, round, roundsLeft, log);
      continue;
    }
    // Refused. A resolute partner follows through; otherwise the bluff is called.
    const resolute = stream.next() < spec.holdUpResolve;
    if (resolute) {
      withdraw(s, model, i, p.troops, round, 'hold-up', log);
      p.reapproachFrom = round + 1;
      // It is free again: the market of substitutes has changed.
      market = null;
      log.push({ type: 'holdup-resolved', round, party: p.id, outcome: 'refused-withdrew', concessionCost: 0, share: null });
    } else {
      log.push({ type: 'holdup-resolved', round, party: p.id, outcome: 'bluff-called', concessionCost: 0, share: p.deal?.share ?? null });
    }
  }
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
  log.push({ type: 'holdup-resolved', round, party: p.id, outcome: 'paid', concessionCost: pkg.costToPivotal, share });
  const ratio = scenario.pivotal.capability.armedForces / Math.max(1, (spec.capability ?? spec).armedForces);
  if (share !== null && isReversal(share, ratio, scenario.engine.reversalCapabilityRatio) && !isReversal(deal.share, ratio, scenario.engine.reversalCapabilityRatio)) {
    log.push({ type: 'reversal', round, party: p.id, share, capabilityRatio: ratio });
  }
}
