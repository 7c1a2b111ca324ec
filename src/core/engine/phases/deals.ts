/**
 * Signing a deal, shared by every pricing rule: compose the package (subsidy and side
 * deals) at least cost to the pivotal, shrink it to what the budget can still promise,
 * deploy the troops, pay the side deals, and log the deal and any power reversal.
 */
import type { Draft } from 'immer';
import type { DealTerms, NoDealReason, SimEvent } from '../../events';
import { cents } from '../../money';
import { composePackage, type CatalogItem, type Package } from '../../payments/package';
import { pivotalReservation } from '../../market/reservation';
import { isReversal, surplusShare } from '../../metrics/power';
import { freeBudget, type PartyState, type SimState } from '../../state';
import type { Model } from '../model';

export interface Agreement {
  readonly party: string;
  readonly troops: number;
  readonly pricePerSoldierYear: number;
  readonly ceiling: number;
  readonly mechanism: string;
}

export function catalogFor(model: Model, p: PartyState): CatalogItem[] {
  const spec = model.partySpecs.get(p.id)!;
  const items: CatalogItem[] = [];
  for (const d of model.scenario.sideDeals) {
    if (d.recipients && !d.recipients.includes(p.id)) continue;
    if (p.sideDealsReceived.includes(d.id)) continue;
    items.push({ id: d.id, cost: d.costToGiver, value: spec.sideDealValues?.[d.id] ?? d.valueToReceiver });
  }
  return items;
}

/** Signs the agreement if the budget allows at least a minimum contingent. Returns troops deployed (0 = no deal). */
export function signDeal(draft: Draft<SimState>, model: Model, a: Agreement, round: number, events: SimEvent[]): number {
  const { scenario } = model;
  const rpy = scenario.clock.roundsPerYear;
  const roundsLeft = model.lastRound - round + 1;
  const p = draft.parties[a.party]!;
  const spec = model.partySpecs.get(a.party)!;
  const items = catalogFor(model, p);
  const price = cents(a.pricePerSoldierYear);
  const make = (troops: number): Package =>
    composePackage({ pricePerSoldierYear: price, troops, years: roundsLeft / rpy, subsidyCap: scenario.pivotal.subsidyPolicy === 'cover-cost' ? p.costPerYear : p.liquidityNeed, items, roundsPerYear: rpy, roundsLeft });
  const free = freeBudget(draft.pivotal);
  let troops = a.troops;
  let pkg = make(troops);
  if (pkg.costToPivotal > free) {
    // Largest contingent whose package fits what is left of the budget.
    let lo = 0;
    let hi = troops;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (make(mid).costToPivotal <= free) lo = mid;
      else hi = mid - 1;
    }
    troops = lo;
    pkg = make(troops);
  }
  if (troops < scenario.engine.minContingent || troops <= 0 || pkg.costToPivotal > free) {
    recordNoDeal(p, round, 'budget', a.ceiling, events);
    return 0;
  }
  // More troops from a partner already deployed bring no new flag: they are an enlargement.
  const member = p.troops > 0;
  const R = pivotalReservation(scenario.pivotal, spec, troops, member);
  const share = surplusShare(price, p.reservation, R);
  const deal = {
    party: a.party,
    troops,
    pricePerSoldierYear: price,
    subsidyPerSoldierYear: pkg.subsidyPerSoldierYear,
    concessionPerSoldierYear: 0,
    sideDeals: pkg.sideDeals,
    reservation: p.reservation,
    pivotalReservation: cents(R),
    ceiling: cents(a.ceiling),
    share,
    mechanism: a.mechanism,
  };
  if (member && p.deal) enlarge(p, deal, round, pivotalReservation(scenario.pivotal, spec, p.troops + troops));
  else deploy(p, p.troops + troops, round, { ...deal, troops: p.troops + troops, round });
  const subsidyPerRound = cents((pkg.subsidyPerSoldierYear * troops) / rpy);
  draft.pivotal.committed = cents(draft.pivotal.committed + subsidyPerRound * roundsLeft);
  events.push({ type: 'deal-signed', round, ...deal });
  for (const g of pkg.sideDeals) {
    draft.pivotal.spent = cents(draft.pivotal.spent + g.cost);
    p.paidTotal = cents(p.paidTotal + g.cost);
    p.sideDealsReceived.push(g.item);
    events.push({ type: 'payment', round, payer: draft.pivotal.id, recipient: a.party, kind: 'side-deal', amount: g.cost, value: g.value, item: g.item, cause: 'deal' });
  }
  const ratio = scenario.pivotal.capability.armedForces / Math.max(1, (spec.capability ?? spec).armedForces);
  if (share !== null && isReversal(share, ratio, scenario.engine.reversalCapabilityRatio)) {
    events.push({ type: 'reversal', round, party: a.party, share, capabilityRatio: ratio });
  }
  return troops;
}

/**
 * Merge an enlargement into the contingent's deal: one contract for all its troops, priced at
 * the troop-weighted mean of the old and new terms, its share measured against what the whole
 * contingent is worth to the pivotal.
 */
function enlarge(p: Draft<PartyState>, extra: DealTerms, round: number, totalWorth: number): void {
  const prev = p.deal!;
  const total = p.troops + extra.troops;
  const weighted = (old: number, added: number): number => cents((old * p.troops + added * extra.troops) / total);
  const price = weighted(prev.pricePerSoldierYear, extra.pricePerSoldierYear);
  p.deal = {
    ...prev,
    troops: total,
    pricePerSoldierYear: price,
    subsidyPerSoldierYear: weighted(prev.subsidyPerSoldierYear, extra.subsidyPerSoldierYear),
    concessionPerSoldierYear: weighted(prev.concessionPerSoldierYear, 0),
    sideDeals: [...prev.sideDeals, ...extra.sideDeals] as Draft<DealTerms['sideDeals']>,
    pivotalReservation: cents(totalWorth),
    ceiling: extra.ceiling,
    share: surplusShare(price, p.reservation, totalWorth),
    round,
  };
  p.troops = total;
  p.lastNoDeal = null;
}

export function deploy(p: Draft<PartyState>, troops: number, round: number, deal: PartyState['deal']): void {
  p.status = 'deployed';
  p.troops = troops;
  p.deal = deal as Draft<PartyState['deal']>;
  p.joinedRound ??= round;
  p.lastNoDeal = null;
}

/** Record a failed approach; log it only when the reason is new, not every round. */
export function recordNoDeal(p: Draft<PartyState>, round: number, reason: NoDealReason, ceiling: number, events: SimEvent[]): void {
  if (p.lastNoDeal === reason) return;
  p.lastNoDeal = reason;
  events.push({ type: 'no-deal', round, party: p.id, reason, reservation: p.reservation, ceiling: cents(ceiling) });
}
