/**
 * Signing a deal, shared by every pricing rule: compose the package (subsidy and side
 * deals) at least cost to the pivotal, shrink it to what the budget can still promise,
 * deploy the troops, pay the side deals, and log the deal and any power reversal.
 */
import type { DealTerms, NoDealReason } from '../../events';
import { cents } from '../../money';
import { recommit } from './commit';
import { composePackage, type CatalogItem, type Package } from '../../payments/package';
import { pivotalReservation } from '../../market/reservation';
import { isReversal, surplusShare } from '../../metrics/power';
import { freeBudget, type PartyState } from '../../state';
import type { Model } from '../model';
import type { PartyRecord, RunState } from '../runState';
import type { EventSink } from '../sink';
import { STREAM, type Rng } from '../../rng';
import { domesticOpposition } from '../../../scenario/mechanismInputs';
import type { SideDealSpec } from '../../../scenario/schema';
import { followUpTroops, ratificationChance, ratifies, relativeSize, toleranceNeeded } from '../../politics/ratification';
import { believedValue, chooseFromMenus, reservedCost, valueToRecipient } from '../../payments/promises';
import { promiseItem } from './promises';
import { fundedByPayers, offersFor } from './payers';
import { mergeLines, type FundedLine } from '../../payments/payers';
import { contingentReservation, dealReservation } from './contingents';

export interface Agreement {
  /** The party's index (its integer id in the engine). */
  readonly party: number;
  readonly troops: number;
  readonly pricePerSoldierYear: number;
  readonly ceiling: number;
  readonly mechanism: string;
  /**
   * The party's reservation for these troops (r_i(k), or the incremental reservation of an
   * enlargement, with chosen contingents: phases/contingents.ts); omitted: its reservation now.
   */
  readonly reservation?: number;
}

/**
 * Side-deal items still open to party `i` (each at most once per recipient), valued by it: a
 * promise at its believed probability of delivery, and of an either/or menu only the option it
 * values most (payments/promises.ts).
 */
export function catalogFor(model: Model, i: number, p: Pick<PartyState, 'id' | 'sideDealsReceived'>): CatalogItem[] {
  const items: CatalogItem[] = [];
  let menus = false;
  for (const d of model.scenario.sideDeals) {
    if (!openTo(d, p)) continue;
    menus ||= d.menu !== undefined;
    items.push({ id: d.id, cost: reservedCost(d), value: believedValue(d, valueToRecipient(model.specs[i]!.sideDealValues, d)) });
  }
  return menus ? chooseFromMenus(items, (id) => model.scenario.sideDeals.find((d) => d.id === id)?.menu, p.sideDealsReceived) : items;
}

/** Is side deal `d` still open to party `p` (it may receive it, and has not yet)? */
function openTo(d: SideDealSpec, p: Pick<PartyState, 'id' | 'sideDealsReceived'>): boolean {
  return !(d.recipients && !d.recipients.includes(p.id)) && !p.sideDealsReceived.includes(d.id);
}

/**
 * The most value (US$) the pivotal could still promise party i in one package (issue 12 item
 * 10): its free budget, plus what the side deals still open to i add over their cost (each
 * usable item, value - cost > 0, delivers its value for its cost), plus the free money of the
 * payers with lines open to i. Any package worth more to i costs more than the pivotal and the
 * payers have (package.ts: the subsidy is cash, a side deal delivers value for cost), so a
 * price above this / (k x years) fails at signing. An upper bound: lumpy side deals may not fit.
 * Called for every ceiling the pivotal weighs: without menus the open items are summed in
 * `catalogFor`'s order without building its list.
 */
export function promisableValue(s: RunState, model: Model, i: number): number {
  let value = Math.max(0, freeBudget(s.pivotal));
  const p = s.parties[i]!;
  const { sideDeals } = model.scenario;
  let menus = false;
  for (let k = 0; k < sideDeals.length && !menus; k++) menus = sideDeals[k]!.menu !== undefined;
  if (menus) {
    for (const item of catalogFor(model, i, p)) if (item.value > item.cost && item.value > 0) value += item.value - item.cost;
  } else {
    for (let k = 0; k < sideDeals.length; k++) {
      const d = sideDeals[k]!;
      if (!openTo(d, p)) continue;
      const cost = reservedCost(d);
      const worth = believedValue(d, valueToRecipient(model.specs[i]!.sideDealValues, d));
      if (worth > cost && worth > 0) value += worth - cost;
    }
  }
  if (model.payers.length > 0) for (const o of offersFor(s, model, i)) value += Math.max(0, o.free);
  return value;
}

/** Signs the agreement if the budget allows at least a minimum contingent. Returns troops deployed (0 = no deal). */
export function signDeal(s: RunState, model: Model, a: Agreement, round: number, rng: Rng, log: EventSink): number {
  const { scenario } = model;
  const rpy = scenario.clock.roundsPerYear;
  const roundsLeft = model.lastRound - round + 1;
  const p = s.parties[a.party]!;
  const spec = model.specs[a.party]!;
  const items = catalogFor(model, a.party, p);
  const price = cents(a.pricePerSoldierYear);
  // Payers' lines (issue 16, phases/payers.ts) fund part of the subsidy; the pivotal's cost is the rest.
  const make = (troops: number): ReturnType<typeof fundedByPayers> =>
    fundedByPayers(s, model, a.party, composePackage({ pricePerSoldierYear: price, troops, years: roundsLeft / rpy, subsidyCap: scenario.pivotal.subsidyPolicy === 'cover-cost' ? p.costPerYear : p.liquidityNeed, items, roundsPerYear: rpy, roundsLeft }), troops, roundsLeft);
  const free = freeBudget(s.pivotal);
  // No more than it still offers: its offer can shrink while talks run (an alliance deepened
  // in-run lowers its signalling motive; a failed ratification caps it).
  let troops = Math.min(a.troops, p.capacity - p.troops);
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
    recordNoDeal(p, round, 'budget', a.ceiling, log);
    return 0;
  }
  if (!ratified(s, model, a.party, troops, round, rng, log)) {
    recordNoDeal(p, round, 'ratification-failed', a.ceiling, log);
    return 0;
  }
  // More troops from a partner already deployed bring no new flag: they are an enlargement.
  const member = p.troops > 0;
  const R = pivotalReservation(scenario.pivotal, spec, troops, member);
  // A smaller deal than agreed (budget, a shrunk offer) has its own reservation.
  const reservation = troops === a.troops ? (a.reservation ?? p.reservation) : dealReservation(s, model, a.party, troops);
  const share = surplusShare(price, reservation, R);
  const deal = {
    party: p.id,
    troops,
    pricePerSoldierYear: price,
    subsidyPerSoldierYear: pkg.subsidyPerSoldierYear,
    concessionPerSoldierYear: 0,
    sideDeals: pkg.sideDeals,
    reservation,
    pivotalReservation: cents(R),
    ceiling: cents(a.ceiling),
    share,
    mechanism: a.mechanism,
    ...(pkg.lines ? { lines: pkg.lines } : {}),
  };
  // With chosen contingents its reservation is now that of its whole contingent.
  p.reservation = contingentReservation(s, a.party, p.troops + troops);
  if (member && p.deal) enlarge(p, deal, round, pivotalReservation(scenario.pivotal, spec, p.troops + troops));
  else deploy(p, p.troops + troops, round, { ...deal, troops: p.troops + troops, round });
  recommit(s, model, a.party, roundsLeft);
  log.push({ type: 'deal-signed', round, ...deal });
  grantSideDeals(s, model, p, pkg.sideDeals, round, 'deal', log);
  const ratio = scenario.pivotal.capability.armedForces / Math.max(1, (spec.capability ?? spec).armedForces);
  if (share !== null && isReversal(share, ratio, scenario.engine.reversalCapabilityRatio)) {
    log.push({ type: 'reversal', round, party: p.id, share, capabilityRatio: ratio });
  }
  return troops;
}

/**
 * Domestic ratification of a deal for `troops` more (issue 12 item 4, politics/ratification.ts):
 * it passes iff the parliament's latent tolerance u (drawn once per run from the party's
 * `ratification` stream) is at least q min(1, k / K), q the party's `domesticOpposition`, K the
 * troops it could deploy before any failure, k its troops after the deal: 1 - q k / K before any
 * vote. After a failure the pivotal knows the parliament rejects that size and more, and comes
 * back with half the failed deal (`followUpTroops`), which becomes the most it seeks from this
 * party (its capacity for the rest of the run; 0 when below the minimum contingent: it gives up).
 * No opposition: always ratified, no draw.
 */
function ratified(s: RunState, model: Model, i: number, troops: number, round: number, rng: Rng, log: EventSink): boolean {
  const q = domesticOpposition(model.specs[i]!);
  if (q <= 0) return true;
  const p = s.parties[i]!;
  const deployable = s.ratification.get(i)?.deployable ?? p.capacity;
  const vote = putToVote(s, model, i, toleranceNeeded(q, relativeSize(p.troops + troops, deployable)), rng);
  if (vote.passed) return true;
  const followUp = followUpTroops(troops, model.scenario.engine.minContingent);
  p.capacity = p.troops + followUp;
  log.push({ type: 'ratification-failed', round, party: p.id, troops, probability: vote.probability, followUpTroops: followUp });
  return false;
}

/**
 * Party i's parliament votes on a deal that needs tolerance `needed` (politics/ratification.ts):
 * its tolerance u is one draw per party and run on its `ratification` stream (the same
 * parliament at every vote, troop and access deals alike). Records what the vote teaches the
 * pivotal (`lo <= u < hi`) and returns the outcome with the chance the pivotal gave it.
 */
export function putToVote(s: RunState, model: Model, i: number, needed: number, rng: Rng): { passed: boolean; probability: number } {
  const known = s.ratification.get(i) ?? { lo: 0, hi: 1, deployable: s.parties[i]!.capacity };
  const probability = ratificationChance(needed, known.lo, known.hi);
  const passed = ratifies(rng.stream(STREAM.ratification, model.partyKeys[i]).next(), needed);
  s.ratification.set(i, passed ? { ...known, lo: Math.max(known.lo, needed) } : { ...known, hi: Math.min(known.hi, needed) });
  return { passed, probability };
}

/**
 * Grant side-deal items: each is paid now (spent from the budget, logged as a payment) or, when
 * the catalog gives it a delivery schedule, promised (phases/promises.ts: reserved now, paid
 * when kept); all are remembered by the recipient.
 */
export function grantSideDeals(s: RunState, model: Model, p: PartyRecord, grants: Package['sideDeals'], round: number, cause: 'deal' | 'hold-up', log: EventSink): void {
  if (grants.length === 0) return;
  for (const g of grants) {
    if (promiseItem(s, model, p, g, round, cause, log)) continue;
    s.pivotal.spent = cents(s.pivotal.spent + g.cost);
    p.paidTotal = cents(p.paidTotal + g.cost);
    log.push({ type: 'payment', round, payer: s.pivotal.id, recipient: p.id, kind: 'side-deal', amount: g.cost, value: g.value, item: g.item, cause });
  }
  // A new array, not a push: snapshots share the old one.
  p.sideDealsReceived = [...p.sideDealsReceived, ...grants.map((g) => g.item)];
}

/**
 * Merge an enlargement into the contingent's deal: one contract for all its troops, priced at
 * the troop-weighted mean of the old and new terms, its share measured against what the whole
 * contingent is worth to the pivotal.
 */
function enlarge(p: PartyRecord, extra: DealTerms, round: number, totalWorth: number): void {
  const prev = p.deal!;
  const total = p.troops + extra.troops;
  const weighted = (old: number, added: number): number => cents((old * p.troops + added * extra.troops) / total);
  const price = weighted(prev.pricePerSoldierYear, extra.pricePerSoldierYear);
  p.deal = {
    ...prev,
    reservation: p.reservation,
    troops: total,
    pricePerSoldierYear: price,
    subsidyPerSoldierYear: weighted(prev.subsidyPerSoldierYear, extra.subsidyPerSoldierYear),
    concessionPerSoldierYear: weighted(prev.concessionPerSoldierYear, 0),
    sideDeals: [...prev.sideDeals, ...extra.sideDeals],
    ...withLines(mergeLines(prev.lines, p.troops, extra.lines, extra.troops)),
    pivotalReservation: cents(totalWorth),
    ceiling: extra.ceiling,
    share: surplusShare(price, p.reservation, totalWorth),
    round,
  };
  p.troops = total;
  p.lastNoDeal = null;
}

/** `{ lines }` when there are any, else nothing: a deal without payers' lines has no such key. */
function withLines(lines: readonly FundedLine[] | undefined): { lines?: readonly FundedLine[] } {
  return lines ? { lines } : {};
}

export function deploy(p: PartyRecord, troops: number, round: number, deal: PartyState['deal']): void {
  p.status = 'deployed';
  p.troops = troops;
  p.deal = deal;
  p.joinedRound ??= round;
  p.lastNoDeal = null;
}

/** Record a failed approach; log it only when the reason is new, not every round. */
export function recordNoDeal(p: PartyRecord, round: number, reason: NoDealReason, ceiling: number, log: EventSink): void {
  if (p.lastNoDeal === reason) return;
  p.lastNoDeal = reason;
  log.push({ type: 'no-deal', round, party: p.id, reason, reservation: p.reservation, ceiling: cents(ceiling) });
}
