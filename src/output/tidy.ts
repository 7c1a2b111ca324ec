/**
 * Tidy tables derived from a run: rounds.csv (one row per round x agent) and payments.csv
 * (the ledger). Pure: rows in, no I/O. Column order is fixed and documented in the README.
 */
import type { RunResult } from '../core/engine/run';
import { ledger } from '../core/payments/ledger';
import { cents } from '../core/money';
import { freeBudget } from '../core/state';
import type { EventOf } from '../core/events';

export const ROUND_COLUMNS = [
  'round', 'agent_id', 'agent_name', 'role', 'status', 'troops', 'effort', 'effective_troops', 'capacity', 'deaths_cumulative',
  'reservation_per_soldier_year', 'price_per_soldier_year', 'surplus_share', 'paid_this_round', 'paid_cumulative',
  'demand', 'coalition_troops', 'coalition_effective_troops', 'shortfall', 'risk', 'supply', 'tightness', 'power_index', 'pivotal_discount',
  'budget_total', 'budget_spent', 'budget_committed', 'budget_free',
] as const;
export type RoundRow = Record<(typeof ROUND_COLUMNS)[number], string | number | null>;

export const PAYMENT_COLUMNS = ['round', 'payer', 'recipient', 'kind', 'cause', 'item', 'amount', 'value_to_recipient', 'via'] as const;

export function roundRows(result: RunResult): RoundRow[] {
  const { scenario, states, events } = result;
  const paidByRoundAndParty = new Map<string, number>();
  const market = new Map<number, EventOf<'market'>>();
  for (const e of events) {
    if (e.type === 'payment') {
      const key = `${e.round}|${e.recipient}`;
      paidByRoundAndParty.set(key, (paidByRoundAndParty.get(key) ?? 0) + e.amount);
    } else if (e.type === 'market') market.set(e.round, e);
  }
  const rows: RoundRow[] = [];
  const empty = { troops: null, effort: null, deaths_cumulative: null, effective_troops: null, capacity: null, reservation_per_soldier_year: null, price_per_soldier_year: null, surplus_share: null, paid_this_round: null, paid_cumulative: null };
  for (let t = 1; t < states.length; t++) {
    const s = states[t]!;
    const m = market.get(t)!;
    const roundCols = { demand: m.demand, coalition_troops: m.deployed, coalition_effective_troops: m.effectiveDeployed, risk: m.risk, shortfall: m.shortfall, supply: m.supply, tightness: round6(m.tightness), power_index: round6(m.powerIndex), pivotal_discount: round6(m.pivotalDiscount) };
    const noBudget = { budget_total: null, budget_spent: null, budget_committed: null, budget_free: null };
    rows.push({
      round: t, agent_id: scenario.pivotal.id, agent_name: scenario.pivotal.name, role: 'pivotal', status: 'leading', ...empty, ...roundCols,
      budget_total: s.pivotal.budgetTotal, budget_spent: s.pivotal.spent, budget_committed: s.pivotal.committed,
      budget_free: cents(freeBudget(s.pivotal)),
    });
    for (const spec of scenario.thirdParties) {
      const p = s.parties[spec.id]!;
      const status = p.status === 'deployed' ? 'deployed' : p.blocked ? 'blocked' : t < spec.availableFromRound ? 'not_yet_available' : 'out';
      rows.push({
        round: t, agent_id: spec.id, agent_name: spec.name, role: 'third_party', status,
        troops: p.troops, effort: round6(p.effort), effective_troops: round6(p.troops * spec.effectiveness * p.effort), capacity: p.capacity, deaths_cumulative: p.deaths,
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

export const DEAL_COLUMNS = [
  'round', 'party', 'troops', 'price_per_soldier_year', 'subsidy_per_soldier_year', 'side_deal_items', 'side_deal_cost', 'side_deal_value',
  'reservation', 'pivotal_reservation', 'ceiling', 'surplus_share', 'reversal', 'mechanism',
] as const;

/** deals.csv: one row per signed deal, with both reservations and the third party's share of the surplus. */
export function dealRows(result: RunResult): Record<(typeof DEAL_COLUMNS)[number], string | number | null>[] {
  const reversals = new Set(result.events.filter((e) => e.type === 'reversal').map((e) => `${e.round}|${e.type === 'reversal' ? e.party : ''}`));
  const rows: Record<(typeof DEAL_COLUMNS)[number], string | number | null>[] = [];
  for (const e of result.events) {
    if (e.type !== 'deal-signed') continue;
    rows.push({
      round: e.round, party: e.party, troops: e.troops, price_per_soldier_year: e.pricePerSoldierYear, subsidy_per_soldier_year: e.subsidyPerSoldierYear,
      side_deal_items: e.sideDeals.map((g) => g.item).join(';'),
      side_deal_cost: Math.round(e.sideDeals.reduce((a, g) => a + g.cost, 0) * 100) / 100,
      side_deal_value: Math.round(e.sideDeals.reduce((a, g) => a + g.value, 0) * 100) / 100,
      reservation: e.reservation, pivotal_reservation: e.pivotalReservation, ceiling: e.ceiling, surplus_share: round6(e.share),
      reversal: reversals.has(`${e.round}|${e.party}`) ? 1 : 0, mechanism: e.mechanism,
    });
  }
  return rows;
}

export const OFFER_COLUMNS = ['round', 'party', 'exchange', 'by', 'price', 'response'] as const;

/** offers.csv: every offer and counteroffer in negotiations, with the answer it got. */
export function offerRows(result: RunResult): Record<(typeof OFFER_COLUMNS)[number], string | number | null>[] {
  const rows: Record<(typeof OFFER_COLUMNS)[number], string | number | null>[] = [];
  for (const e of result.events) {
    if (e.type === 'offer') rows.push({ round: e.round, party: e.party, exchange: e.exchange, by: e.by, price: e.price, response: null });
    else if (e.type === 'response') {
      const last = rows[rows.length - 1];
      if (last && last.party === e.party && last.exchange === e.exchange) last.response = e.response;
    }
  }
  return rows;
}
