/**
 * Hold-ups (BRIEF §1, §6): a deployed opportunist threatens to withdraw unless paid more.
 * It demands more when partners are scarce (the market's tightness is public) and when its
 * price is far below what the pivotal's own soldiers would cost. The
 * pivotal pays when the concession costs less than replacing it: the substitute's price
 * (or its own soldiers') beyond today's price, plus the flag and criticality lost, net of
 * its firmness. Refused, a resolute partner leaves; otherwise its bluff is called.
 */
import type { Draft } from 'immer';
import type { SimEvent } from '../events';
import { cents } from '../money';
import { criticalPremium, pivotalReservation } from '../market/reservation';
import { substitutePrice, supplyCurve, type Offer } from '../market/supply';
import { isReversal, surplusShare } from '../metrics/power';
import { composePackage } from '../payments/package';
import type { Rng } from '../rng';
import { freeBudget, type SimState } from '../state';
import type { Model } from '../engine/model';
import { isAvailable, spare } from '../engine/phases/market';
import { withdraw } from '../engine/phases/release';
import { catalogFor } from '../engine/phases/deals';

/** Rounds after a threat before the same partner threatens again. */
const THREAT_COOLDOWN = 3;

/** What replacing `id`'s contingent would cost the pivotal per soldier-year beyond its current price. */
export function replacementPremium(draft: Draft<SimState>, model: Model, id: string, round: number): number {
  const { pivotal } = model.scenario;
  const p = draft.parties[id]!;
  const spec = model.partySpecs.get(id)!;
  const offers: Offer[] = [];
  for (const other of model.partyOrder) {
    if (other === id || !isAvailable(draft, model, other, round)) continue;
    const o = draft.parties[other]!;
    const ospec = model.partySpecs.get(other)!;
    if (o.reservation > 0 && o.reservation <= pivotalReservation(pivotal, ospec, spare(o), o.troops > 0)) {
      offers.push({ party: other, troops: spare(o), reservation: o.reservation, effectiveness: ospec.effectiveness });
    }
  }
  const sub = substitutePrice(supplyCurve(offers), id, p.troops);
  // No substitute: its own soldiers, at their cost.
  const replacement = sub === undefined ? spec.effectiveness * pivotal.ownSoldierCostPerYear : Math.min(sub * spec.effectiveness, spec.effectiveness * pivotal.ownSoldierCostPerYear);
  // A substitute brings a flag of its own; only what is particular to this partner is lost with it.
  const lost = (sub === undefined ? pivotal.flagValuePerYear / p.troops : 0) + criticalPremium(pivotal, spec, p.troops);
  return Math.max(0, replacement - (p.deal?.pricePerSoldierYear ?? 0)) + lost;
}

export function considerHoldUps(draft: Draft<SimState>, model: Model, round: number, rng: Rng, events: SimEvent[]): void {
  const { scenario } = model;
  const op = scenario.engine.operation;
  const rpy = scenario.clock.roundsPerYear;
  const roundsLeft = model.lastRound - round + 1;
  for (const id of model.partyOrder) {
    const p = draft.parties[id]!;
    const spec = model.partySpecs.get(id)!;
    if (p.troops <= 0 || !p.deal || p.deal.pricePerSoldierYear <= 0 || spec.holdUpPropensity <= 0) continue;
    if (round - p.lastThreatRound < THREAT_COOLDOWN || roundsLeft <= 1) continue;
    const stream = rng.stream(`holdup:${id}`, round);
    if (stream.next() >= spec.holdUpPropensity) continue;

    // Its demand rests on public information: what the pivotal's own soldiers would cost
    // above today's price, discounted when the market looks slack (substitutes about).
    const tightness = Math.min(1, draft.market.tightness ?? 1);
    const ownCost = spec.effectiveness * scenario.pivotal.ownSoldierCostPerYear;
    const delta = cents(op.holdUpAggressiveness * tightness * tightness * Math.max(0, ownCost - p.deal.pricePerSoldierYear));
    if (delta < 0.01 * p.deal.pricePerSoldierYear || delta <= 0) continue;
    const years = roundsLeft / rpy;
    const premium = replacementPremium(draft, model, id, round);
    p.holdUpThreats += 1;
    p.lastThreatRound = round;
    events.push({ type: 'holdup-threat', round, party: id, demandPerSoldierYear: delta, demandTotal: cents(delta * p.troops * years), replacementPremium: cents(premium), tightness: draft.market.tightness });

    const pkg = composePackage({ pricePerSoldierYear: delta, troops: p.troops, years, subsidyCap: 0, items: catalogFor(model, p), roundsPerYear: rpy, roundsLeft });
    const free = freeBudget(draft.pivotal);
    const worthPaying = delta <= (1 - scenario.pivotal.firmness) * premium;
    if (worthPaying && pkg.costToPivotal <= free) {
      payConcession(draft, model, id, delta, pkg, round, roundsLeft, events);
      continue;
    }
    // Refused. A resolute partner follows through; otherwise the bluff is called.
    const resolute = stream.next() < spec.holdUpResolve;
    if (resolute) {
      withdraw(draft, model, id, p.troops, round, 'hold-up', events);
      p.reapproachFrom = round + 1;
      events.push({ type: 'holdup-resolved', round, party: id, outcome: 'refused-withdrew', concessionCost: 0, share: null });
    } else {
      events.push({ type: 'holdup-resolved', round, party: id, outcome: 'bluff-called', concessionCost: 0, share: p.deal?.share ?? null });
    }
  }
}

function payConcession(draft: Draft<SimState>, model: Model, id: string, delta: number, pkg: ReturnType<typeof composePackage>, round: number, roundsLeft: number, events: SimEvent[]): void {
  const { scenario } = model;
  const p = draft.parties[id]!;
  const deal = p.deal!;
  const spec = model.partySpecs.get(id)!;
  const price = cents(deal.pricePerSoldierYear + delta);
  const R = pivotalReservation(scenario.pivotal, spec, p.troops);
  const share = surplusShare(price, p.reservation, R);
  for (const g of pkg.sideDeals) {
    draft.pivotal.spent = cents(draft.pivotal.spent + g.cost);
    p.paidTotal = cents(p.paidTotal + g.cost);
    p.sideDealsReceived.push(g.item);
    events.push({ type: 'payment', round, payer: draft.pivotal.id, recipient: id, kind: 'side-deal', amount: g.cost, value: g.value, item: g.item, cause: 'hold-up' });
  }
  const extraPerRound = cents((pkg.subsidyPerSoldierYear * p.troops) / scenario.clock.roundsPerYear);
  draft.pivotal.committed = cents(draft.pivotal.committed + extraPerRound * roundsLeft);
  p.deal = { ...deal, pricePerSoldierYear: price, subsidyPerSoldierYear: cents(deal.subsidyPerSoldierYear + pkg.subsidyPerSoldierYear), concessionPerSoldierYear: cents(deal.concessionPerSoldierYear + pkg.subsidyPerSoldierYear), sideDeals: [...deal.sideDeals, ...pkg.sideDeals], share };
  events.push({ type: 'holdup-resolved', round, party: id, outcome: 'paid', concessionCost: pkg.costToPivotal, share });
  const ratio = scenario.pivotal.capability.armedForces / Math.max(1, (spec.capability ?? spec).armedForces);
  if (share !== null && isReversal(share, ratio, scenario.engine.reversalCapabilityRatio) && !isReversal(deal.share, ratio, scenario.engine.reversalCapabilityRatio)) {
    events.push({ type: 'reversal', round, party: id, share, capabilityRatio: ratio });
  }
}
