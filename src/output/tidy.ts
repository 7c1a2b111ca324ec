/**
 * Tidy tables derived from a run: rounds.csv (one row per round x agent) and payments.csv
 * (the ledger). Pure: rows in, no I/O. Column order is fixed and documented in the README.
 */
import type { RunResult } from '../core/engine/run';
import { ledger } from '../core/payments/ledger';

export const ROUND_COLUMNS = [
  'round', 'agent_id', 'agent_name', 'role', 'status', 'troops', 'effective_troops', 'capacity',
  'reservation_per_soldier_year', 'price_per_soldier_year', 'surplus_share', 'paid_this_round', 'paid_cumulative',
  'demand', 'coalition_troops', 'shortfall', 'supply', 'tightness',
  'budget_total', 'budget_spent', 'budget_committed', 'budget_free',
] as const;
export type RoundRow = Record<(typeof ROUND_COLUMNS)[number], string | number | null>;

export const PAYMENT_COLUMNS = ['round', 'payer', 'recipient', 'kind', 'item', 'amount', 'value_to_recipient'] as const;

export function roundRows(result: RunResult): RoundRow[] {
  const { scenario, states, events } = result;
  const paidByRoundAndParty = new Map<string, number>();
  const market = new Map<number, { demand: number; deployed: number; supply: number; tightness: number | null; shortfall: number }>();
  for (const e of events) {
    if (e.type === 'payment') {
      const key = `${e.round}|${e.recipient}`;
      paidByRoundAndParty.set(key, (paidByRoundAndParty.get(key) ?? 0) + e.amount);
    } else if (e.type === 'market') market.set(e.round, e);
  }
  const rows: RoundRow[] = [];
  const empty = { troops: null, effective_troops: null, capacity: null, reservation_per_soldier_year: null, price_per_soldier_year: null, surplus_share: null, paid_this_round: null, paid_cumulative: null };
  for (let t = 1; t < states.length; t++) {
    const s = states[t]!;
    const m = market.get(t)!;
    const roundCols = { demand: m.demand, coalition_troops: m.deployed, shortfall: m.shortfall, supply: m.supply, tightness: round6(m.tightness) };
    const noBudget = { budget_total: null, budget_spent: null, budget_committed: null, budget_free: null };
    rows.push({
      round: t, agent_id: scenario.pivotal.id, agent_name: scenario.pivotal.name, role: 'pivotal', status: 'leading', ...empty, ...roundCols,
      budget_total: s.pivotal.budgetTotal, budget_spent: s.pivotal.spent, budget_committed: s.pivotal.committed,
      budget_free: Math.round((s.pivotal.budgetTotal - s.pivotal.spent - s.pivotal.committed) * 100) / 100,
    });
    for (const spec of scenario.thirdParties) {
      const p = s.parties[spec.id]!;
      const status = p.status === 'deployed' ? 'deployed' : p.blocked ? 'blocked' : t < spec.availableFromRound ? 'not_yet_available' : 'out';
      rows.push({
        round: t, agent_id: spec.id, agent_name: spec.name, role: 'third_party', status,
        troops: p.troops, effective_troops: round6(p.troops * spec.effectiveness), capacity: p.capacity,
        reservation_per_soldier_year: p.reservation, price_per_soldier_year: p.deal ? p.deal.pricePerSoldierYear : null,
        surplus_share: p.deal ? round6(p.deal.share) : null,
        paid_this_round: Math.round((paidByRoundAndParty.get(`${t}|${spec.id}`) ?? 0) * 100) / 100, paid_cumulative: p.paidTotal,
        ...roundCols, ...noBudget,
      });
    }
  }
  return rows;
}

export function paymentRows(result: RunResult): Record<(typeof PAYMENT_COLUMNS)[number], string | number>[] {
  return ledger(result.events, result.scenario.pivotal.id);
}

export function eventsNdjson(result: RunResult): string {
  let out = '';
  for (const e of result.events) out += JSON.stringify(e) + '\n';
  return out;
}

export function round6(x: number | null): number | null {
  return x === null ? null : Math.round(x * 1e6) / 1e6;
}
