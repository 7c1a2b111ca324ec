/** Phase 4: every deployed, paid contingent receives this round's subsidy from the pivotal state. */
import type { Draft } from 'immer';
import { invariant } from '../../errors';
import type { SimEvent } from '../../events';
import { cents } from '../../money';
import { paymentPerRound } from '../../payments/ledger';
import type { SimState } from '../../state';
import type { Model } from '../model';

export function payDeployed(draft: Draft<SimState>, model: Model, round: number, events: SimEvent[]): void {
  const rpy = model.scenario.clock.roundsPerYear;
  const pivotal = draft.pivotal;
  for (const id of model.partyOrder) {
    const p = draft.parties[id]!;
    if (p.troops <= 0 || !p.deal || p.deal.subsidyPerSoldierYear <= 0) continue;
    const amount = paymentPerRound(p.deal.subsidyPerSoldierYear, p.troops, rpy);
    if (amount <= 0) continue;
    pivotal.spent = cents(pivotal.spent + amount);
    pivotal.committed = cents(Math.max(0, pivotal.committed - amount));
    p.paidTotal = cents(p.paidTotal + amount);
    events.push({ type: 'payment', round, payer: pivotal.id, recipient: id, kind: 'subsidy', amount, value: amount, item: 'deployment subsidy' });
  }
  invariant(pivotal.spent <= pivotal.budgetTotal + 0.005, 'budget-overdrawn', () => `round ${round}: spent ${pivotal.spent} of ${pivotal.budgetTotal}`);
}
