/**
 * The pivotal's commitments: money promised to signed deals for their remaining rounds.
 * Kept per contingent and in whole cents (integers), and always recomputed from the deal in
 * force, never adjusted by increments: so `committed` is exactly the sum of what the deals
 * still promise, whatever enlargements, concessions, withdrawals or pro-rata payment cuts
 * happened (incremental bookkeeping drifted to small negative totals, e.g. -2.97).
 */
import { paymentPerRound } from '../../payments/ledger';
import type { Model } from '../model';
import type { RunState } from '../runState';
import { pivotalPromiseCents, recommitPayers } from './payers';

/** Whole cents a contingent is still promised: its payment per round times the rounds left. */
export function promiseCents(subsidyPerSoldierYear: number, troops: number, roundsPerYear: number, roundsLeft: number): number {
  if (subsidyPerSoldierYear <= 0 || troops <= 0 || roundsLeft <= 0) return 0;
  return Math.round(paymentPerRound(subsidyPerSoldierYear, troops, roundsPerYear) * 100) * roundsLeft;
}

/**
 * Re-reserve party i's promise from its deal and troops now, for `roundsLeft` more payments
 * (from this round on if it is not yet paid this round, from the next if it is).
 */
export function recommit(s: RunState, model: Model, i: number, roundsLeft: number): void {
  const p = s.parties[i]!;
  // Of the subsidy, the pivotal promises only what payers' lines (issue 16) do not fund.
  const next = p.deal ? pivotalPromiseCents(p.deal, p.troops, model.scenario.clock.roundsPerYear, roundsLeft) : 0;
  s.committedCents += next - s.promisedCents[i]!;
  s.promisedCents[i] = next;
  s.pivotal.committed = s.committedCents / 100;
  recommitPayers(s, model, i, roundsLeft);
}
