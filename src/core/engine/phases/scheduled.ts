/** Phase 1: what the scenario schedules for this round: demand steps, shocks, money, availability. */
import type { Draft } from 'immer';
import { cents } from '../../money';
import type { SimEvent } from '../../events';
import type { SimState } from '../../state';
import type { Model } from '../model';
import { withdraw } from './release';

export function applyScheduled(draft: Draft<SimState>, model: Model, round: number, events: SimEvent[]): void {
  const scheduled = model.demandSteps.get(round);
  if (scheduled !== undefined && scheduled !== draft.demand) {
    events.push({ type: 'demand-changed', round, from: draft.demand, to: scheduled, cause: 'schedule' });
    draft.demand = scheduled;
  }
  for (const d of model.donationsByRound.get(round) ?? []) {
    draft.pivotal.budgetTotal = cents(draft.pivotal.budgetTotal + d.amount);
    events.push({ type: 'budget-changed', round, amount: d.amount, source: d.donor, budgetTotal: draft.pivotal.budgetTotal });
  }
  for (const e of model.eventsByRound.get(round) ?? []) {
    const label = e.label !== undefined ? { label: e.label } : {};
    switch (e.type) {
      case 'demand': {
        const to = e.troops ?? Math.max(0, draft.demand + (e.delta ?? 0));
        events.push({ type: 'demand-changed', round, from: draft.demand, to, cause: 'event', ...label });
        draft.demand = to;
        break;
      }
      case 'budget': {
        // A cut can reach into money already promised (the pivotal is then under budget
        // stress and pays what it can: reneging); it cannot undo what was spent.
        const unspent = draft.pivotal.budgetTotal - draft.pivotal.spent;
        const amount = cents(Math.max(e.amount, -unspent));
        draft.pivotal.budgetTotal = cents(draft.pivotal.budgetTotal + amount);
        events.push({ type: 'budget-changed', round, amount, source: 'scenario-event', budgetTotal: draft.pivotal.budgetTotal, ...label });
        break;
      }
      case 'availability': {
        const party = draft.parties[e.party]!;
        party.blocked = !e.available;
        events.push({ type: 'availability-changed', round, party: e.party, available: e.available, ...label });
        if (!e.available && party.troops > 0) withdraw(draft, model, party.id, party.troops, round, 'unavailable', events);
        break;
      }
      case 'risk': {
        events.push({ type: 'risk-changed', round, from: draft.risk, to: e.deathsPerThousandPerRound, ...label });
        draft.risk = e.deathsPerThousandPerRound;
        break;
      }
    }
  }
}
