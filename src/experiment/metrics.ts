/**
 * The metrics a sweep can collect: a table of named reporters over one run's metrics (the
 * sweep-mode tally, or equally a full run's summary: see core/metrics/tally.ts). An experiment names the ones it wants; each becomes a column of runs.csv and a
 * group of rows in aggregate.csv. To add a metric, add an entry (names are column names:
 * letters and digits, starting with a lower-case letter). A reporter returns null when the
 * quantity is undefined for that run (e.g. no paid deal, so no mean share); nulls are counted
 * apart and left out of means.
 */
import type { RunMetrics } from '../core/metrics/tally';

/** What a reporter reads. A full run's `summarize(...)` is a RunMetrics too. */
export interface RunView {
  readonly summary: RunMetrics;
}

export interface Metric {
  readonly description: string;
  readonly compute: (run: RunView) => number | null;
}

export const METRICS = {
  costPerForeignSoldierYear: {
    description: 'Total payments per foreign soldier-year deployed (US$)',
    compute: ({ summary }) => summary.costs.costPerForeignSoldierYear,
  },
  costPerPaidSoldierYear: {
    description: 'Total payments per paid soldier-year (US$)',
    compute: ({ summary }) => summary.costs.costPerPaidSoldierYear,
  },
  ratioToOwnSoldier: {
    description: 'Cost per foreign soldier-year over the pivotal\'s own soldier cost',
    compute: ({ summary }) => summary.costs.ratioToOwnSoldier,
  },
  foreignSoldierYears: {
    description: 'Foreign soldier-years deployed',
    compute: ({ summary }) => summary.costs.foreignSoldierYears,
  },
  paymentsTotal: {
    description: 'All payments to partners (US$)',
    compute: ({ summary }) => summary.payments.total,
  },
  sideDealShare: {
    description: 'Share of payments made as political side deals (0-1)',
    compute: ({ summary }) => (summary.payments.total > 0 ? round6(summary.payments.byKind['side-deal'] / summary.payments.total) : null),
  },
  budgetUnspent: {
    description: 'Budget left unspent at the end (US$)',
    compute: ({ summary }) => summary.budget.unspent,
  },
  flags: {
    description: 'Third parties that joined the coalition',
    compute: ({ summary }) => summary.coalition.flags,
  },
  peakTroops: {
    description: 'Largest foreign force deployed in any round',
    compute: ({ summary }) => summary.coalition.peakTroops,
  },
  meanFillRate: {
    description: 'Mean over rounds with demand of deployed / demand (capped at 1)',
    compute: ({ summary }) => summary.coalition.meanFillRate,
  },
  shortfallSoldierRounds: {
    description: 'Sum over rounds of the shortfall against demand (soldier-rounds)',
    compute: ({ summary }) => summary.coalition.shortfallSoldierRounds,
  },
  meanTightness: {
    description: 'Mean market tightness (demand / supply) over rounds with demand',
    compute: ({ summary }) => summary.market.meanTightness,
  },
  scarceRounds: {
    description: 'Rounds in which demand exceeded supply',
    compute: ({ summary }) => summary.market.scarceRounds,
  },
  deals: {
    description: 'Paid deals signed (a deal with no surplus to share, R_i = r_i, counts; only its share is undefined)',
    compute: ({ summary }) => summary.power.deals,
  },
  meanShare: {
    description: 'Mean third-party share of the surplus over paid deals (bargaining power)',
    compute: ({ summary }) => summary.power.meanShare,
  },
  reversals: {
    description: 'Deals in which the much weaker side took the larger share',
    compute: ({ summary }) => summary.power.reversals,
  },
  meanPowerIndex: {
    description: 'Mean over rounds of the troop-weighted surplus share of deployed paid contingents',
    compute: ({ summary }) => summary.power.meanPowerIndex,
  },
  costPerEffectiveSoldierYear: {
    description: 'Total payments per effective soldier-year (troops x effectiveness x effort) (US$)',
    compute: ({ summary }) => summary.costs.costPerEffectiveSoldierYear,
  },
  holdUpThreats: {
    description: 'Hold-up threats made by deployed partners',
    compute: ({ summary }) => summary.operation.holdUps.threats,
  },
  holdUpSuccessRate: {
    description: 'Share of hold-up threats the pivotal paid (0-1)',
    compute: ({ summary }) => (summary.operation.holdUps.threats > 0 ? round6(summary.operation.holdUps.paid / summary.operation.holdUps.threats) : null),
  },
  deaths: {
    description: 'Coalition partners\' deaths',
    compute: ({ summary }) => summary.operation.deaths,
  },
  withdrawals: {
    description: 'Contingents withdrawn by partners (casualties, refused hold-ups, retaliation, unavailability)',
    compute: ({ summary }) => Object.values(summary.operation.withdrawals).reduce((a, b) => a + b, 0),
  },
  meanEffort: {
    description: 'Troop-weighted mean effort of deployed contingents (0-1)',
    compute: ({ summary }) => summary.operation.meanEffort,
  },
} satisfies Record<string, Metric>;

export type MetricName = keyof typeof METRICS;

export const METRIC_NAMES = Object.keys(METRICS) as [MetricName, ...MetricName[]];

export function metric(name: string): Metric | undefined {
  return Object.prototype.hasOwnProperty.call(METRICS, name) ? (METRICS as Record<string, Metric>)[name] : undefined;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
