/**
 * Payers with their own lines, in a run (issue 16 item 2; the arithmetic is
 * payments/payers.ts): what each payer offers a contingent, the share of a package it funds,
 * its reserved money, its payments each round, and the pass-through of the pivotal's money via
 * a lead nation. A scenario without payers or lead nations never reaches past the first check
 * of each hook, so it runs exactly as before.
 */
import { cents } from '../../money';
import { paymentPerRound } from '../../payments/ledger';
import type { Package } from '../../payments/package';
import { fundLines, splitDue, type FundedLine, type PayerOffer } from '../../payments/payers';
import type { DealTerms } from '../../events';
import { invariant } from '../../errors';
import type { Model } from '../model';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';
import { promiseCents } from './commit';

/** A payer's money during a run: spent, and reserved for the lines of signed deals (whole cents, by party). */
export interface PayerRecord {
  spent: number;
  committedCents: number;
  promisedCents: Float64Array;
}

function book(s: RunState, model: Model): PayerRecord[] {
  s.payers ??= model.payers.map(() => ({ spent: 0, committedCents: 0, promisedCents: new Float64Array(model.specs.length) }));
  return s.payers;
}

/** Money payer j has neither spent nor reserved. */
export function payerFree(s: RunState, model: Model, j: number): number {
  const r = book(s, model)[j]!;
  return model.payers[j]!.budget - r.spent - r.committedCents / 100;
}

/** What each payer offers party i: its value of i's soldier-years, its free money, its lines open to i. */
export function offersFor(s: RunState, model: Model, i: number): PayerOffer[] {
  const id = model.partyOrder[i]!;
  const rpy = model.scenario.clock.roundsPerYear;
  const offers: PayerOffer[] = [];
  model.payers.forEach((p, j) => {
    const lines = p.lines.filter((l) => !l.recipients || l.recipients.includes(id)).map((l) => ({ item: l.label ?? l.kind, ratePerSoldierYear: l.ratePerSoldierPerRound * rpy }));
    if (lines.length === 0) return;
    offers.push({ payer: p.id, value: p.partnerValues?.[id] ?? p.valuePerSoldierYear, free: payerFree(s, model, j), lines });
  });
  return offers;
}

/**
 * The package with its subsidy funded by the payers' lines where they will (deals.ts signDeal):
 * `lines` added and `costToPivotal` reduced to what the pivotal still pays. Without payers, the
 * package itself.
 */
export function fundedByPayers(s: RunState, model: Model, i: number, pkg: Package, troops: number, roundsLeft: number): Package & { readonly lines?: readonly FundedLine[] } {
  if (model.payers.length === 0) return pkg;
  const rpy = model.scenario.clock.roundsPerYear;
  const lines = fundLines({ subsidyPerSoldierYear: pkg.subsidyPerSoldierYear, troops, roundsPerYear: rpy, roundsLeft, offers: offersFor(s, model, i) });
  if (lines.length === 0) return pkg;
  const perRound = splitDue(paymentPerRound(pkg.subsidyPerSoldierYear, troops, rpy), lines, troops, rpy).pivotal;
  return { ...pkg, lines, costToPivotal: cents(pkg.sideDeals.reduce((a, g) => a + g.cost, 0) + perRound * roundsLeft) };
}

/** Whole cents the pivotal itself still promises a contingent: its part of each round's subsidy, times the rounds left. */
export function pivotalPromiseCents(deal: Pick<DealTerms, 'subsidyPerSoldierYear' | 'lines'>, troops: number, roundsPerYear: number, roundsLeft: number): number {
  if (!deal.lines?.length) return promiseCents(deal.subsidyPerSoldierYear, troops, roundsPerYear, roundsLeft);
  if (troops <= 0 || roundsLeft <= 0) return 0;
  return Math.round(splitDue(paymentPerRound(deal.subsidyPerSoldierYear, troops, roundsPerYear), deal.lines, troops, roundsPerYear).pivotal * 100) * roundsLeft;
}

/** Re-reserve each payer's promise to party i from its deal and troops now (commit.ts recommit). */
export function recommitPayers(s: RunState, model: Model, i: number, roundsLeft: number): void {
  if (model.payers.length === 0) return;
  const rpy = model.scenario.clock.roundsPerYear;
  const p = s.parties[i]!;
  const records = book(s, model);
  const due = p.deal?.lines?.length && p.troops > 0 && roundsLeft > 0 ? splitDue(paymentPerRound(p.deal.subsidyPerSoldierYear, p.troops, rpy), p.deal.lines, p.troops, rpy).lines : [];
  model.payers.forEach((payer, j) => {
    let next = 0;
    p.deal?.lines?.forEach((l, k) => {
      if (l.payer === payer.id) next += Math.round((due[k] ?? 0) * 100) * roundsLeft;
    });
    const r = records[j]!;
    r.committedCents += next - r.promisedCents[i]!;
    r.promisedCents[i] = next;
  });
}

/**
 * Pays this round's line payments to party i, whose total due is `totalDue`; returns the
 * pivotal's part. The lines' money was reserved when the deal was signed, so it is there.
 */
export function payLines(s: RunState, model: Model, i: number, totalDue: number, round: number, log: EventSink): number {
  const p = s.parties[i]!;
  const lines = p.deal?.lines;
  if (!lines?.length) return totalDue;
  const split = splitDue(totalDue, lines, p.troops, model.scenario.clock.roundsPerYear);
  const records = book(s, model);
  lines.forEach((l, k) => {
    const amount = split.lines[k]!;
    if (amount <= 0) return;
    const j = model.payerIndex.get(l.payer)!;
    const r = records[j]!;
    r.spent = cents(r.spent + amount);
    invariant(r.spent <= model.payers[j]!.budget + 0.005, 'budget-overdrawn', () => `round ${round}: payer ${l.payer} spent ${r.spent} of ${model.payers[j]!.budget}`);
    p.paidTotal = cents(p.paidTotal + amount);
    log.push({ type: 'payment', round, payer: l.payer, recipient: p.id, kind: 'subsidy', amount, value: amount, item: l.item, cause: 'deal' });
  });
  return split.pivotal;
}

/** The lead nation the pivotal's money to party i passes through this round: its lead, while deployed. */
export function passThrough(s: RunState, model: Model, i: number): { readonly via: string } | Record<string, never> {
  const lead = model.specs[i]!.leadNation;
  if (lead === undefined) return NO_VIA;
  const k = model.indexOf.get(lead);
  return k !== undefined && s.parties[k]!.troops > 0 ? { via: lead } : NO_VIA;
}

/** No pass-through (shared, frozen: spread into every direct payment event, so not built for each). */
const NO_VIA: Record<string, never> = Object.freeze({});
