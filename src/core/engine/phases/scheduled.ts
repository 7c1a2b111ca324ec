/** Phase 1: what the scenario schedules for this round: demand steps, shocks, money, availability. */
import { cents } from '../../money';
import type { Model } from '../model';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';
import { withdraw } from './release';

export function applyScheduled(s: RunState, model: Model, round: number, log: EventSink): void {
  const scheduled = model.demandSteps.get(round);
  if (scheduled !== undefined && scheduled !== s.demand) {
    log.push({ type: 'demand-changed', round, from: s.demand, to: scheduled, cause: 'schedule' });
    s.demand = scheduled;
  }
  for (const d of model.donationsByRound.get(round) ?? []) {
    s.pivotal.budgetTotal = cents(s.pivotal.budgetTotal + d.amount);
    log.push({ type: 'budget-changed', round, amount: d.amount, source: d.donor, budgetTotal: s.pivotal.budgetTotal });
  }
  for (const e of model.eventsByRound.get(round) ?? []) {
    const label = e.label !== undefined ? { label: e.label } : {};
    switch (e.type) {
      case 'demand': {
        const to = e.troops ?? Math.max(0, s.demand + (e.delta ?? 0));
        log.push({ type: 'demand-changed', round, from: s.demand, to, cause: 'event', ...label });
        s.demand = to;
        break;
      }
      case 'budget': {
        // A cut can reach into money already promised (the pivotal is then under budget
        // stress and pays what it can: reneging); it cannot undo what was spent.
        const unspent = s.pivotal.budgetTotal - s.pivotal.spent;
        const amount = cents(Math.max(e.amount, -unspent));
        s.pivotal.budgetTotal = cents(s.pivotal.budgetTotal + amount);
        log.push({ type: 'budget-changed', round, amount, source: 'scenario-event', budgetTotal: s.pivotal.budgetTotal, ...label });
        break;
      }
      case 'availability': {
        const i = model.indexOf.get(e.party)!;
        const party = s.parties[i]!;
        party.blocked = !e.available;
        log.push({ type: 'availability-changed', round, party: e.party, available: e.available, ...label });
        if (!e.available && party.troops > 0) withdraw(s, model, i, party.troops, round, 'unavailable', log);
        break;
      }
      case 'risk': {
        log.push({ type: 'risk-changed', round, from: s.risk, to: e.deathsPerThousandPerRound, ...label });
        s.risk = e.deathsPerThousandPerRound;
        break;
      }
    }
  }
}
