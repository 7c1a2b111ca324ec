/**
 * Phase: retention payments (issue 16 item 4; ISAF's Coalition Support Funds). Only when the
 * scenario sets `pivotal.retention`; otherwise nothing here runs and runs are as before.
 *
 * After the round's casualties and before any hold-up threat, the pivotal looks at each deployed,
 * casualty-sensitive partner: if its dead are expected to reach its withdrawal threshold before
 * the end, it chooses a retention payment per soldier-year (dynamics/retention.ts
 * `chooseRetention`), weighed against what losing the partner would cost at this round's market
 * (hold-ups' Pi, dynamics/holdUp.ts `replacementCostNow`: substitutes available now and not
 * needed for the shortfall, the flag and criticality lost). The payment raises the partner's tolerance
 * (`retainedTolerance`, read by dynamics/casualties.ts), is reserved to the end of the operation
 * when offered (promised money never exceeds the budget), and is paid every round after the
 * troops' payments as a subsidy with `cause: retention`. A retention is never cut: raising it is
 * the pivotal's choice, lowering it would be reneging. It ends when the partner goes home, or when
 * the cash left cannot pay it (a budget cut), and the partner's tolerance falls back.
 */
import { cents } from '../../money';
import { casualtyTolerance } from '../../dynamics/casualties';
import { chooseRetention, raisedTolerance } from '../../dynamics/retention';
import { replacementCostNow, substituteMarket } from '../../dynamics/holdUp';
import { paymentPerRound } from '../../payments/ledger';
import { freeBudget } from '../../state';
import type { PartyOffer } from './market';
import type { Model } from '../model';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';

/** A partner's retention in a run. Mutable inside the engine only. */
export interface RetentionRecord {
  /** Retention per soldier-year paid from now on (0: none, or ended). */
  perSoldierYear: number;
  /** Whole cents reserved for its payments to the end. */
  reservedCents: number;
}

/** Deaths expected per round for party i with `troops` deployed (default: its troops now): the Poisson mean of dynamics/casualties.ts. */
export function expectedDeathsPerRound(s: RunState, model: Model, i: number, troops = s.parties[i]!.troops): number {
  const p = s.parties[i]!;
  return (s.risk / 1000) * troops * model.specs[i]!.exposure * (0.5 + 0.5 * p.effort);
}

/** eps: how far compensation raises a government's casualty tolerance (the retention block's, or its default 1 when the scenario has none). */
export function toleranceElasticity(model: Model): number {
  return model.scenario.pivotal.retention?.toleranceElasticity ?? 1;
}

/**
 * Party i's tolerance before retention: its own, raised by the hold-up concessions it was paid
 * (dynamics/holdUp.ts; dynamics/credibility.ts: a concession is what lets its government bear the
 * deaths it expects). Retention raises this in turn.
 */
export function concededTolerance(s: RunState, model: Model, i: number, base: number | null): number | null {
  const conceded = s.holdUps?.[i]?.conceded ?? 0;
  if (base === null || conceded <= 0) return base;
  return raisedTolerance(base, conceded, s.parties[i]!.costPerYear, toleranceElasticity(model));
}

/** The tolerance casualties.ts applies to party i: its own, raised by hold-up concessions and then by any retention it is paid. */
export function retainedTolerance(s: RunState, model: Model, i: number, base: number | null): number | null {
  const before = concededTolerance(s, model, i, base);
  const r = s.retention?.[i];
  if (before === null || !r || r.perSoldierYear <= 0) return before;
  return raisedTolerance(before, r.perSoldierYear, s.parties[i]!.costPerYear, toleranceElasticity(model));
}

/** Step 2b: offer or raise retention payments, before hold-ups. */
export function considerRetention(s: RunState, model: Model, round: number, log: EventSink): void {
  const settings = model.scenario.pivotal.retention;
  if (!settings) return;
  const { scenario } = model;
  const rpy = scenario.clock.roundsPerYear;
  const after = model.lastRound - round;
  if (after <= 0 || s.risk <= 0) return;
  let market: PartyOffer[] | null = null;
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    if (p.troops <= 0) continue;
    const base = concededTolerance(s, model, i, casualtyTolerance(model.specs[i]!.casualtySensitivity, scenario.engine.operation.maxCasualtyTolerance));
    if (base === null) continue;
    const mu = expectedDeathsPerRound(s, model, i);
    const rec = s.retention?.[i];
    const current = rec?.perSoldierYear ?? 0;
    // Payments run this round and the `after` rounds left: what is reserved for them is already counted.
    const rounds = after + 1;
    const free = freeBudget(s.pivotal) + (rec?.reservedCents ?? 0) / 100;
    const affordable = Math.max(current, (free * rpy) / (p.troops * rounds));
    // Deaths to come: this round's casualties are drawn before retention (step.ts), so only the
    // `after` rounds ahead add any, as in a hold-up's z (holdUp.ts); the money runs `rounds`.
    const quick = chooseRetention({ baseTolerance: base, deaths: p.deaths, expectedDeathsPerRound: mu, roundsLeft: after, deploymentCost: p.costPerYear, elasticity: settings.toleranceElasticity, premium: 0, current, affordable });
    // Expected to stay to the end as things are: no pressure, no need to survey the market.
    if (quick.roundsBefore >= after) continue;
    market ??= substituteMarket(s, model, round);
    const premium = replacementCostNow(s, model, i, market, rounds);
    const choice = chooseRetention({ baseTolerance: base, deaths: p.deaths, expectedDeathsPerRound: mu, roundsLeft: after, deploymentCost: p.costPerYear, elasticity: settings.toleranceElasticity, premium, current, affordable });
    const z = Math.floor(choice.perSoldierYear * 100) / 100;
    if (z <= current) continue;
    const records = (s.retention ??= []);
    const r = (records[i] ??= { perSoldierYear: 0, reservedCents: 0 });
    r.perSoldierYear = z;
    reserve(s, r, Math.round(paymentPerRound(z, p.troops, rpy) * 100) * rounds);
    log.push({
      type: 'retention-offered', round, party: p.id, perSoldierYear: z, increase: cents(z - current), deaths: p.deaths, baseTolerance: base,
      tolerance: round2(raisedTolerance(base, z, p.costPerYear, settings.toleranceElasticity)), expectedDeathsPerRound: round4(mu),
      roundsBefore: round2(choice.roundsBefore), roundsAfter: round2(choice.roundsAfter), replacementPremium: cents(premium),
    });
  }
}

/** Step 6b: pay this round's retention (after the troops' payments); re-reserve the rest. */
export function payRetention(s: RunState, model: Model, round: number, log: EventSink): void {
  if (!s.retention) return;
  const rpy = model.scenario.clock.roundsPerYear;
  for (let i = 0; i < s.retention.length; i++) {
    const r = s.retention[i];
    if (!r || r.perSoldierYear <= 0) continue;
    const p = s.parties[i]!;
    const amount = p.troops > 0 ? paymentPerRound(r.perSoldierYear, p.troops, rpy) : 0;
    const cash = s.pivotal.budgetTotal - s.pivotal.spent;
    if (p.troops <= 0 || amount > cash + 0.005) {
      r.perSoldierYear = 0;
      reserve(s, r, 0);
      log.push({ type: 'retention-ended', round, party: p.id, reason: p.troops <= 0 ? 'withdrawn' : 'no-cash' });
      continue;
    }
    if (amount > 0) {
      s.pivotal.spent = cents(s.pivotal.spent + amount);
      p.paidTotal = cents(p.paidTotal + amount);
      log.push({ type: 'payment', round, payer: s.pivotal.id, recipient: p.id, kind: 'subsidy', amount, value: amount, item: 'retention payment', cause: 'retention' });
    }
    // Paid for this round: what is reserved now runs from the next, for the troops it has now.
    reserve(s, r, Math.round(amount * 100) * (model.lastRound - round));
  }
}

/** Set what record r reserves, in whole cents, keeping the pivotal's commitments in step. */
function reserve(s: RunState, r: RetentionRecord, centsReserved: number): void {
  s.committedCents += centsReserved - r.reservedCents;
  r.reservedCents = centsReserved;
  s.pivotal.committed = s.committedCents / 100;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
