/**
 * Phase: promises (issue 16 item 3). A side deal whose catalog entry has a `delivery` schedule is
 * not paid at signing: it is promised. Its cost is reserved (so promised money never exceeds the
 * budget), nothing is spent, and each installment is delivered only if the pivotal keeps it when
 * it falls due. The pivotal keeps an installment while reneging would cost it more (the partner's
 * retaliation: payments/promises.ts `renegingLoss`) than delivering; otherwise it breaks the
 * promise for good, the rest of its commitment is released, and the partner retaliates as it does
 * for a payment cut (pay.ts): a withheld share of half or more of what it was due this round
 * sends that share of its troops home, a smaller one costs effort for `retaliationRounds`.
 *
 * Runs after the round's payments, so "what it was due this round" includes its subsidy. A
 * scenario without scheduled items creates no record, draws nothing and runs exactly as before.
 * Installments falling due after the last round are left outstanding (the run does not see them).
 */
import type { SideDealGrant } from '../../events';
import { cents } from '../../money';
import { paymentPerRound } from '../../payments/ledger';
import type { CatalogItem } from '../../payments/package';
import { installments, keepsInstallment, renegingLoss, TROOP_RETALIATION_SHARE, valueToRecipient, type Installment } from '../../payments/promises';
import { STREAM, type RandomStream, type Rng } from '../../rng';
import type { Model } from '../model';
import type { PartyRecord, RunState } from '../runState';
import type { EventSink } from '../sink';
import { withdraw } from './release';

/** One promised item in a run. Mutable inside the engine only. */
export interface PromiseRecord {
  readonly party: number;
  readonly item: string;
  readonly schedule: readonly Installment[];
  /** Index in `schedule` of the next delivery to decide. */
  next: number;
  status: 'open' | 'kept' | 'broken';
  /** Whole cents still reserved for the deliveries not yet decided. */
  promisedCents: number;
}

/**
 * Called for each side-deal grant at signing (deals.ts grantSideDeals): when the item has a
 * delivery schedule, record the promise, reserve its cost and return true (the caller pays
 * nothing now); otherwise return false (paid at signing as before).
 */
export function promiseItem(s: RunState, model: Model, p: PartyRecord, g: SideDealGrant, round: number, cause: 'deal' | 'hold-up', log: EventSink): boolean {
  const spec = model.scenario.sideDeals.find((d) => d.id === g.item);
  if (!spec?.delivery) return false;
  const i = model.indexOf.get(p.id)!;
  const value = valueToRecipient(model.specs[i]!.sideDealValues, spec);
  const schedule = installments(spec.delivery, round, spec.costToGiver, value);
  let reserved = 0;
  for (const d of schedule) reserved += Math.round(d.cost * 100);
  (s.promises ??= []).push({ party: i, item: g.item, schedule, next: 0, status: 'open', promisedCents: reserved });
  s.committedCents += reserved;
  s.pivotal.committed = s.committedCents / 100;
  log.push({
    type: 'promise-made', round, party: p.id, item: g.item, cause, cost: cents(reserved / 100), value: cents(schedule.reduce((a, d) => a + d.value, 0)),
    believedProbability: spec.delivery.believedProbability, deliveries: schedule.length, firstRound: schedule[0]!.round, lastRound: schedule[schedule.length - 1]!.round,
  });
  return true;
}

/**
 * Catalog items paid at signing only: access deals (phases/access.ts) do not take promises, since
 * what an access seller would lose by retaliating is not modelled here (docs/model.md, Promises).
 */
export function paidAtSigning(model: Model, items: readonly CatalogItem[]): CatalogItem[] {
  return items.filter((item) => !model.scenario.sideDeals.find((d) => d.id === item.id)?.delivery);
}

/** Step 6c: each open promise with a delivery due this round is kept or broken, in the order the promises were made. */
export function deliverPromises(s: RunState, model: Model, round: number, rng: Rng, log: EventSink): void {
  if (!s.promises) return;
  const cv = model.scenario.engine.costUncertainty;
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  // One stream per recipient and round: several deliveries due together draw from it in order.
  const streams = new Map<number, RandomStream>();
  for (const r of s.promises) {
    while (r.status === 'open' && r.next < r.schedule.length && r.schedule[r.next]!.round <= round) {
      let stream = streams.get(r.party);
      if (!stream) {
        stream = rng.stream(STREAM.promiseKeeping, model.partyKeys[r.party], round);
        streams.set(r.party, stream);
      }
      const price = Math.exp(sigma * stream.normal() - (sigma * sigma) / 2);
      decide(s, model, r, price, round, log);
    }
  }
}

function decide(s: RunState, model: Model, r: PromiseRecord, price: number, round: number, log: EventSink): void {
  const { scenario } = model;
  const rpy = scenario.clock.roundsPerYear;
  const op = scenario.engine.operation;
  const p = s.parties[r.party]!;
  const d = r.schedule[r.next]!;
  const deal = p.deal;
  const troops = deal ? p.troops : 0;
  const subsidy = deal?.subsidyPerSoldierYear ?? 0;
  const cashDue = troops > 0 ? paymentPerRound(subsidy, troops, rpy) : 0;
  const loss = cents(
    renegingLoss({
      troops, worthPerSoldierYear: deal?.pivotalReservation ?? 0, subsidyPerSoldierYear: subsidy, cashDue, withheldValue: d.value,
      roundsAfter: model.lastRound - round, roundsPerYear: rpy, retaliationRounds: op.retaliationRounds, retaliationEffortCut: op.retaliationEffortCut,
    }),
  );
  const keepingCost = cents(d.cost * price);
  const cash = s.pivotal.budgetTotal - s.pivotal.spent;
  const of = r.schedule.filter((x) => !x.conversion).length;
  const facts = { round, party: p.id, item: r.item, installment: d.index, of, conversion: d.conversion, cost: d.cost, value: d.value, keepingCost, renegingLoss: loss };
  if (keepsInstallment(keepingCost, loss, d.cost, cash)) {
    s.pivotal.spent = cents(s.pivotal.spent + d.cost);
    p.paidTotal = cents(p.paidTotal + d.cost);
    release(s, r, Math.round(d.cost * 100));
    r.next += 1;
    if (r.next === r.schedule.length) r.status = 'kept';
    log.push({ type: 'promise-kept', ...facts });
    log.push({ type: 'payment', round, payer: s.pivotal.id, recipient: p.id, kind: 'side-deal', amount: d.cost, value: d.value, item: r.item, cause: 'promise' });
    return;
  }
  // Broken for good: a partner does not believe the rest of a promise once one delivery fails.
  const cancelled = r.schedule.length - r.next;
  const cancelledCents = r.promisedCents;
  release(s, r, cancelledCents);
  r.status = 'broken';
  r.next = r.schedule.length;
  log.push({ type: 'promise-broken', ...facts, reason: d.cost > cash + 0.005 ? 'no-cash' : 'not-worth-keeping', cancelled, cancelledCost: cents(cancelledCents / 100) });
  retaliate(s, model, r.party, d.value, cashDue, round, log);
}

/** Non-delivery is reneging (BRIEF §1): the partner answers as it does a payment cut (pay.ts). */
function retaliate(s: RunState, model: Model, i: number, withheld: number, cashDue: number, round: number, log: EventSink): void {
  const op = model.scenario.engine.operation;
  const p = s.parties[i]!;
  const share = withheld + cashDue > 0 ? withheld / (withheld + cashDue) : 0;
  const troopsResponse = p.troops > 0 && share >= TROOP_RETALIATION_SHARE;
  log.push({ type: 'reneging-perceived', round, party: p.id, actual: true, response: troopsResponse ? 'troops' : 'effort' });
  p.grievanceUntil = round + op.retaliationRounds;
  // A partner reneged on is not back at the table while it retaliates (honoured where approaches are scheduled: negotiation).
  p.reapproachFrom = Math.max(p.reapproachFrom, p.grievanceUntil + 1);
  if (troopsResponse) {
    const home = Math.min(p.troops, Math.ceil(p.troops * share));
    if (home > 0) withdraw(s, model, i, home, round, 'retaliation', log, true);
  }
}

function release(s: RunState, r: PromiseRecord, centsReleased: number): void {
  r.promisedCents -= centsReleased;
  s.committedCents -= centsReleased;
  s.pivotal.committed = s.committedCents / 100;
}
