/**
 * Phase: every deployed, paid contingent receives this round's subsidy. A pivotal whose
 * budget was cut below what it promised pays what it can, pro rata (reneging). Partners
 * that see reneging, or misperceive it, retaliate: a large cut takes troops home, a small
 * or imagined one costs effort for a while.
 */
import { invariant } from '../../errors';
import { cents } from '../../money';
import { paymentPerRound } from '../../payments/ledger';
import { recommit } from './commit';
import { STREAM, type Rng } from '../../rng';
import type { Model } from '../model';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';
import { withdraw } from './release';
import { passThrough, payLines } from './payers';
import { splitDue } from '../../payments/payers';
import { withheldFrom } from './punishment';

/** A cut of at least this share of what was due sends troops home, not just effort. */
const TROOP_RETALIATION_CUT = 0.5;

export function payDeployed(s: RunState, model: Model, round: number, rng: Rng, log: EventSink): void {
  const rpy = model.scenario.clock.roundsPerYear;
  const op = model.scenario.engine.operation;
  const pivotal = s.pivotal;
  // What is due this round, party by party (0: nothing due); the total decides whether it can all be paid.
  // Both arrays are the run's scratch (engine/scratch.ts), cleared here.
  const due = s.scratch.due.fill(0);
  // With payers' lines (issue 16), the pivotal's part of what is due; their parts are reserved and always paid.
  const own = model.payers.length > 0 ? s.scratch.own.fill(0) : due;
  let totalDue = 0;
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    if (p.troops <= 0 || !p.deal || p.deal.subsidyPerSoldierYear <= 0) continue;
    const amount = paymentPerRound(p.deal.subsidyPerSoldierYear, p.troops, rpy);
    if (amount <= 0) continue;
    due[i] = amount;
    if (own !== due) own[i] = p.deal.lines?.length ? splitDue(amount, p.deal.lines, p.troops, rpy).pivotal : amount;
    totalDue += own[i]!;
  }
  const cash = pivotal.budgetTotal - pivotal.spent;
  const ratio = totalDue > cash ? Math.max(0, cash) / totalDue : 1;
  for (let i = 0; i < s.parties.length; i++) {
    const total = due[i]!;
    if (total <= 0) continue;
    const p = s.parties[i]!;
    const id = p.id;
    // Payers' lines first (phases/payers.ts); `amount` is then the pivotal's part.
    const amount = own === due ? total : payLines(s, model, i, total, round, log);
    const via = passThrough(s, model, i);
    // Troops and terms are those the amount was computed from: nothing else changes them before this party is paid.
    const concession = Math.min(amount, paymentPerRound(p.deal!.concessionPerSoldierYear, p.troops, rpy));
    // A sanction after a hold-up threat (issue 16 item 4, phases/punishment.ts) is withheld like any cut.
    const sanction = withheldFrom(s, i, round);
    const payable = ratio < 1 ? Math.floor(amount * ratio * 100) / 100 : amount;
    const paid = sanction > 0 ? cents(Math.max(0, payable - sanction)) : payable;
    if (paid > 0) {
      pivotal.spent = cents(pivotal.spent + paid);
      p.paidTotal = cents(p.paidTotal + paid);
      // The part conceded to a hold-up is its own ledger line, so concessions can be traced.
      const conceded = Math.min(paid, ratio < 1 ? Math.floor(concession * ratio * 100) / 100 : concession);
      const agreed = cents(paid - conceded);
      if (agreed > 0) log.push({ type: 'payment', round, payer: pivotal.id, recipient: id, kind: 'subsidy', amount: agreed, value: agreed, item: 'deployment subsidy', cause: 'deal', ...via });
      if (conceded > 0) log.push({ type: 'payment', round, payer: pivotal.id, recipient: id, kind: 'subsidy', amount: conceded, value: conceded, item: 'hold-up concession', cause: 'hold-up', ...via });
    }
    // This round's payment is made (or cut): what the deal promises now runs from the next round.
    recommit(s, model, i, model.lastRound - round);
    const cut = amount - paid;
    const misperceived = cut <= 0 && op.renegingMisperception > 0 && rng.stream(STREAM.misperception, model.partyKeys[i], round).next() < op.renegingMisperception;
    if (cut > 0) log.push({ type: 'payment-cut', round, party: id, due: amount, paid });
    if (cut <= 0 && !misperceived) continue;
    // Judged against all the partner was due this round, payers' lines included.
    const troopsResponse = cut >= TROOP_RETALIATION_CUT * total;
    log.push({ type: 'reneging-perceived', round, party: id, actual: cut > 0, response: troopsResponse ? 'troops' : 'effort' });
    p.grievanceUntil = round + op.retaliationRounds;
    if (troopsResponse) {
      // Take home the share of troops that was not paid for.
      const home = Math.min(p.troops, Math.ceil(p.troops * (cut / total)));
      if (home > 0) withdraw(s, model, i, home, round, 'retaliation', log, true);
    }
  }
  invariant(pivotal.spent <= pivotal.budgetTotal + 0.005, 'budget-overdrawn', () => `round ${round}: spent ${pivotal.spent} of ${pivotal.budgetTotal}`);
}

