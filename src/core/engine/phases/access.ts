/**
 * Phase: access deals (issue 16 item 1). A third party may sell access (bases, transit,
 * airspace, enforcing sanctions, other cooperation) instead of, or with, troops: BRIEF §1's
 * critical contributors ("neighbours, bases, airspace"), §4's Jordan (about $1 billion for
 * implicit cooperation in 1991) and Turkey (bases, sanctions on Iraqi oil).
 *
 * Each offer is one indivisible deal per year of access, priced by the machinery that prices
 * troop deals, with
 *
 *     r = a_i   (the seller's realised access cost per year: lost trade, a domestic price)
 *     R = V_a   (the access value to the pivotal per year)
 *
 * and no substitute (the access is this state's own), so the ceiling is R. Complete-information
 * rules use the scenario's Mechanism (nash, reservation; under fixed-rate, a posted per-soldier
 * rate has nothing to post for access, so the pivotal reimburses the cost: the reservation
 * rule). Negotiation plays the same alternating-offers protocol with the same strategies
 * (bargaining/protocol.ts), priors built as for troops (the pivotal sees the access cost up to
 * its intelligence; the seller learns the value up to the pivotal's openness). The agreed
 * value is delivered by `composePackage` like a troop deal (cash up to the access cost under
 * cover-cost, up to the unfunded part under cover-liquidity-need; side deals for the rest),
 * reserved to the end of the operation (from the budget, or from `pivotal.accessBudget` when
 * set: money set aside for access, which troops cannot use), ratified by the party's parliament
 * (its largest access needs a tolerance of q, a smaller one proportionally less:
 * politics/ratification.ts), paid every round, and cut pro rata with what is left of that
 * money; a cut of half or more makes the seller withdraw the access (retaliation, as troops go
 * home in pay.ts).
 *
 * Runs after troop recruitment in the round, so a scenario without access offers is unchanged
 * (no draws, no events, no money).
 */
import { partyPriorFor } from '../../bargaining/priors';
import type { Belief } from '../../bargaining/beliefs';
import { cdf, mean } from '../../bargaining/beliefs';
import { mechanismFor } from '../../bargaining/pricing';
import { playExchange } from '../../bargaining/protocol';
import type { AccessKind, NoDealReason, SideDealGrant } from '../../events';
import { invariant } from '../../errors';
import { cents } from '../../money';
import { paymentPerRound } from '../../payments/ledger';
import { composePackage } from '../../payments/package';
import { isReversal, surplusShare } from '../../metrics/power';
import { toleranceNeeded } from '../../politics/ratification';
import { partyKey, STREAM, type PartyKey, type Rng } from '../../rng';
import { freeBudget } from '../../state';
import { domesticOpposition } from '../../../scenario/mechanismInputs';
import type { Model } from '../model';
import type { PartyRecord, RunState } from '../runState';
import type { EventSink } from '../sink';
import { catalogFor, putToVote } from './deals';
import { pivotalDiscount } from './negotiate';
import { paidAtSigning } from './promises';

/** Below this believed chance that the seller's cost is under the value, the pivotal does not open talks (as for troops). */
const MIN_DEAL_PROBABILITY = 0.05;
/** A cut of at least this share of what was due ends the access (as troops go home in pay.ts). */
const RETALIATION_CUT = 0.5;

/** One access offer in a run: its terms, and the deal once signed. Mutable inside the engine only. */
export interface AccessRecord {
  readonly party: number;
  readonly offer: number;
  readonly kind: AccessKind;
  readonly label: string;
  /** Stream key of this offer (a party may have several, each with its own draws). */
  readonly key: PartyKey;
  /** Realised cost to the seller per year (r) and value to the pivotal per year (R). */
  readonly cost: number;
  readonly value: number;
  status: 'open' | 'signed' | 'ended';
  reapproachFrom: number;
  lastNoDeal: NoDealReason | null;
  subsidyPerYear: number;
  /** Whole cents still promised to the end of the operation (part of the pivotal's commitments). */
  promisedCents: number;
  pivotalBelief: Belief | null;
  talks: { exchanges: number; deadline: number; partyBelief: Belief; lastPivotalOffer: number | null; lastPartyOffer: number | null } | null;
}

/** The run's access offers, drawn once (realised costs) on first use. */
export function accessRecords(s: RunState, model: Model, rng: Rng): AccessRecord[] {
  if (s.access) return s.access;
  const cv = model.scenario.engine.costUncertainty;
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const out: AccessRecord[] = [];
  model.specs.forEach((spec, i) => {
    (spec.access ?? []).forEach((a, k) => {
      const key = partyKey(`${spec.id}|access|${k}`);
      // Mean-preserving lognormal, as for deployment costs (init.ts), on the offer's own stream.
      const z = rng.stream(STREAM.accessCost, key).normal();
      out.push({
        party: i, offer: k, kind: a.kind, label: a.label ?? '', key,
        cost: cents(a.costPerYear * Math.exp(sigma * z - (sigma * sigma) / 2)), value: a.valuePerYear,
        status: 'open', reapproachFrom: 1, lastNoDeal: null, subsidyPerYear: 0, promisedCents: 0, pivotalBelief: null, talks: null,
      });
    });
  });
  s.access = out;
  if (model.scenario.pivotal.accessBudget !== undefined) s.accessFunds = { spent: 0, committedCents: 0 };
  return out;
}

/**
 * The money access is paid from: the access budget's account when the scenario sets one
 * (`pivotal.accessBudget`), else the pivotal's budget, shared with troops. `free` leaves out
 * what signed deals still promise; `cash` is what is left to pay with this round.
 */
function accessFree(s: RunState, model: Model): number {
  const f = s.accessFunds;
  return f ? model.scenario.pivotal.accessBudget! - f.spent - f.committedCents / 100 : freeBudget(s.pivotal);
}

function accessCash(s: RunState, model: Model): number {
  const f = s.accessFunds;
  return f ? model.scenario.pivotal.accessBudget! - f.spent : s.pivotal.budgetTotal - s.pivotal.spent;
}

function spendOnAccess(s: RunState, model: Model, amount: number): void {
  const f = s.accessFunds;
  if (!f) {
    s.pivotal.spent = cents(s.pivotal.spent + amount);
    return;
  }
  f.spent = cents(f.spent + amount);
  const budget = model.scenario.pivotal.accessBudget!;
  invariant(f.spent <= budget + 0.005, 'budget-overdrawn', () => `access budget: spent ${f.spent} of ${budget}`);
}

/** True when some third party can sell access: the phase does nothing otherwise. */
export function hasAccessOffers(model: Model): boolean {
  return model.specs.some((t) => (t.access?.length ?? 0) > 0);
}

/** Step 5b of the round: open offers are bargained over (once an exchange per round under negotiation). */
export function tradeAccess(s: RunState, model: Model, round: number, rng: Rng, log: EventSink): void {
  if (!hasAccessOffers(model)) return;
  const records = accessRecords(s, model, rng);
  const settings = model.dealMaking.kind === 'negotiation' ? model.dealMaking.settings : null;
  let deployed = 0;
  for (const p of s.parties) deployed += p.troops;
  const dP = pivotalDiscount(model, s.demand, deployed, round);
  for (const a of records) {
    if (a.status !== 'open') continue;
    const p = s.parties[a.party]!;
    const spec = model.specs[a.party]!;
    if (p.blocked || round < spec.availableFromRound || a.reapproachFrom > round) {
      if (a.talks) endTalks(a, round, settings?.reapproachAfter ?? 1);
      continue;
    }
    if (settings === null) {
      const rule = model.scenario.engine.pricing;
      const mechanism = mechanismFor(rule.rule === 'fixed-rate' || rule.rule === 'negotiation' ? { rule: 'reservation' } : rule);
      const outcome = mechanism.decide(
        { round, party: p.id, troops: 1, reservation: a.cost, pivotalReservation: a.value, ceiling: a.value, roundsPerYear: model.scenario.clock.roundsPerYear },
        rng.stream(STREAM.accessBargaining, a.key, round),
      );
      if (outcome.kind === 'no-deal') noDeal(a, p, round, outcome.reason, log);
      else sign(s, model, a, outcome.pricePerSoldierYear, mechanism.name, round, rng, log);
      continue;
    }
    negotiate(s, model, a, settings, dP, round, rng, log);
  }
}

function negotiate(s: RunState, model: Model, a: AccessRecord, settings: NonNullable<Extract<Model['dealMaking'], { kind: 'negotiation' }>['settings']>, dP: number, round: number, rng: Rng, log: EventSink): void {
  const p = s.parties[a.party]!;
  const { openness, intelligence } = model.scenario.pivotal.bargaining;
  const w = settings.priorWidth;
  // The pivotal's prior about the access cost: centred on the cost it can see, moved towards the
  // truth by intelligence (here they coincide: an access cost has no hidden interest or markup).
  if (a.pivotalBelief === null) {
    const sigma = (1 - intelligence) * w * a.cost;
    const z = rng.stream(STREAM.accessBeliefPivotal, a.key).normal();
    a.pivotalBelief = { shape: settings.beliefShape, mu: a.cost + sigma * z, sigma, lo: 0, hi: Infinity };
  }
  if (a.talks === null) {
    if (cdf(a.pivotalBelief, a.value) < MIN_DEAL_PROBABILITY) {
      noDeal(a, p, round, 'above-ceiling', log);
      a.reapproachFrom = round + settings.reapproachAfter;
      return;
    }
    // The seller's prior about the value: anchored on its own cost, revealed by openness (as negotiate.ts partyPrior).
    const z = rng.stream(STREAM.accessBeliefParty, a.key, round).normal();
    const partyBelief = partyPriorFor({ anchor: a.cost, ceiling: a.value, openness, priorWidth: w, z, shape: settings.beliefShape });
    a.talks = { exchanges: 0, deadline: settings.protocol === 'take-it-or-leave-it' ? 1 : settings.deadline, partyBelief, lastPivotalOffer: null, lastPartyOffer: null };
  }
  const t = a.talks;
  const n = model.negotiators[a.party]!;
  const rHat = Math.min(mean(a.pivotalBelief), a.value);
  const spec = model.specs[a.party]!;
  // Offers and beliefs of access talks are not logged (the troop talks' offers.csv is per soldier-year); the outcome is.
  const quiet = { push: () => undefined, detailed: false };
  const result = playExchange(
    {
      round, party: p.id, exchange: t.exchanges, deadline: t.deadline, firstProposer: settings.firstProposer, horizon: settings.horizon,
      pivotal: { strategy: n.pivotal, reservation: a.value, discount: dP, belief: a.pivotalBelief, lastOffer: t.lastPivotalOffer, otherEstimateOfMine: rHat + openness * (a.value - rHat) },
      thirdParty: { strategy: n.party, reservation: a.cost, discount: spec.bargaining.patience, belief: t.partyBelief, lastOffer: t.lastPartyOffer, otherEstimateOfMine: a.cost },
    },
    quiet,
  );
  a.pivotalBelief = result.pivotalBelief;
  t.partyBelief = result.partyBelief;
  t.lastPivotalOffer = result.pivotalOffer;
  t.lastPartyOffer = result.partyOffer;
  t.exchanges += 1;
  if (result.outcome === 'continue') return;
  a.talks = null;
  if (result.outcome === 'agreement') {
    if (!sign(s, model, a, result.price!, `negotiation:${settings.protocol}`, round, rng, log)) a.reapproachFrom = round + settings.reapproachAfter;
    return;
  }
  noDeal(a, p, round, 'negotiation-failed', log);
  a.reapproachFrom = round + settings.reapproachAfter;
}

function endTalks(a: AccessRecord, round: number, reapproachAfter: number): void {
  a.talks = null;
  a.reapproachFrom = Math.max(a.reapproachFrom, round + reapproachAfter);
}

/**
 * Sign at `pricePerYear` if the budget can promise the package to the end and the seller's
 * parliament ratifies; returns whether it was signed.
 */
function sign(s: RunState, model: Model, a: AccessRecord, pricePerYear: number, mechanism: string, round: number, rng: Rng, log: EventSink): boolean {
  const { scenario } = model;
  const rpy = scenario.clock.roundsPerYear;
  const roundsLeft = model.lastRound - round + 1;
  const p = s.parties[a.party]!;
  const spec = model.specs[a.party]!;
  const price = cents(pricePerYear);
  // Cash covers what granting access costs it (cover-cost), or only the part it cannot fund (cover-liquidity-need).
  const subsidyCap = scenario.pivotal.subsidyPolicy === 'cover-cost' ? a.cost : cents((1 - spec.selfFundedShare) * a.cost);
  const pkg = composePackage({ pricePerSoldierYear: price, troops: 1, years: roundsLeft / rpy, subsidyCap, items: paidAtSigning(model, catalogFor(model, a.party, p)), roundsPerYear: rpy, roundsLeft });
  if (pkg.costToPivotal > accessFree(s, model)) {
    noDeal(a, p, round, 'budget', log);
    return false;
  }
  const q = domesticOpposition(spec);
  if (q > 0) {
    // The same parliament as for its troops (deals.ts `putToVote`). An access is as large as its
    // cost against the costliest access the party offers: that one needs u >= q, a cheaper one less.
    const largest = Math.max(...(spec.access ?? []).map((x) => x.costPerYear));
    const needed = toleranceNeeded(q, largest > 0 ? (spec.access?.[a.offer]?.costPerYear ?? largest) / largest : 1);
    if (!putToVote(s, model, a.party, needed, rng).passed) {
      noDeal(a, p, round, 'ratification-failed', log);
      a.status = 'ended';
      return false;
    }
  }
  a.status = 'signed';
  a.subsidyPerYear = pkg.subsidyPerSoldierYear;
  recommitAccess(s, a, rpy, roundsLeft);
  // An access seller is a member of the coalition: a flag.
  p.joinedRound ??= round;
  p.lastNoDeal = null;
  const share = surplusShare(price, a.cost, a.value);
  log.push({
    type: 'access-signed', round, party: p.id, offer: a.offer, kind: a.kind, label: a.label, pricePerYear: price, subsidyPerYear: pkg.subsidyPerSoldierYear,
    sideDeals: pkg.sideDeals, reservation: a.cost, pivotalReservation: a.value, share, mechanism,
  });
  grant(s, model, p, pkg.sideDeals, round, log);
  const ratio = scenario.pivotal.capability.armedForces / Math.max(1, (spec.capability ?? spec).armedForces);
  if (share !== null && isReversal(share, ratio, scenario.engine.reversalCapabilityRatio)) log.push({ type: 'reversal', round, party: p.id, share, capabilityRatio: ratio });
  return true;
}

/** Side deals of an access deal, paid at signing (as deals.ts grantSideDeals, with the access cause). */
function grant(s: RunState, model: Model, p: PartyRecord, grants: readonly SideDealGrant[], round: number, log: EventSink): void {
  if (grants.length === 0) return;
  for (const g of grants) {
    spendOnAccess(s, model, g.cost);
    p.paidTotal = cents(p.paidTotal + g.cost);
    log.push({ type: 'payment', round, payer: s.pivotal.id, recipient: p.id, kind: 'side-deal', amount: g.cost, value: g.value, item: g.item, cause: 'access' });
  }
  // A new array: snapshots share the old one.
  p.sideDealsReceived = [...p.sideDealsReceived, ...grants.map((g) => g.item)];
}

function noDeal(a: AccessRecord, p: PartyRecord, round: number, reason: NoDealReason, log: EventSink): void {
  if (a.lastNoDeal === reason) return;
  a.lastNoDeal = reason;
  log.push({ type: 'access-no-deal', round, party: p.id, offer: a.offer, kind: a.kind, reason, reservation: a.cost, pivotalReservation: a.value });
}

/** Re-reserve an access deal's promise for `roundsLeft` more payments (whole cents, as commit.ts). */
function recommitAccess(s: RunState, a: AccessRecord, roundsPerYear: number, roundsLeft: number): void {
  const next = a.status === 'signed' && a.subsidyPerYear > 0 && roundsLeft > 0 ? Math.round(paymentPerRound(a.subsidyPerYear, 1, roundsPerYear) * 100) * roundsLeft : 0;
  if (s.accessFunds) s.accessFunds.committedCents += next - a.promisedCents;
  else {
    s.committedCents += next - a.promisedCents;
    s.pivotal.committed = s.committedCents / 100;
  }
  a.promisedCents = next;
}

/**
 * Step 6b: each signed access deal is paid this round's subsidy from what the troop payments
 * left (from the access budget, when the scenario sets one); when the cash left cannot cover
 * every access payment, all are paid pro rata (reneging, as pay.ts), and a seller cut by half or
 * more withdraws its access.
 */
export function payAccess(s: RunState, model: Model, round: number, log: EventSink): void {
  if (!s.access) return;
  const rpy = model.scenario.clock.roundsPerYear;
  const pivotal = s.pivotal;
  let totalDue = 0;
  for (const a of s.access) if (a.status === 'signed') totalDue += paymentPerRound(a.subsidyPerYear, 1, rpy);
  if (totalDue <= 0) return;
  const cash = accessCash(s, model);
  const ratio = totalDue > cash ? Math.max(0, cash) / totalDue : 1;
  for (const a of s.access) {
    if (a.status !== 'signed') continue;
    const due = paymentPerRound(a.subsidyPerYear, 1, rpy);
    if (due <= 0) continue;
    const p = s.parties[a.party]!;
    const paid = ratio < 1 ? Math.floor(due * ratio * 100) / 100 : due;
    if (paid > 0) {
      spendOnAccess(s, model, paid);
      p.paidTotal = cents(p.paidTotal + paid);
      log.push({ type: 'payment', round, payer: pivotal.id, recipient: p.id, kind: 'subsidy', amount: paid, value: paid, item: `access: ${a.kind}`, cause: 'access' });
    }
    recommitAccess(s, a, rpy, model.lastRound - round);
    const cut = due - paid;
    if (cut <= 0) continue;
    log.push({ type: 'payment-cut', round, party: p.id, due, paid });
    if (cut >= RETALIATION_CUT * due) {
      a.status = 'ended';
      recommitAccess(s, a, rpy, 0);
      log.push({ type: 'access-ended', round, party: p.id, offer: a.offer, kind: a.kind, reason: 'retaliation' });
    }
  }
}
