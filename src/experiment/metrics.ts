/**
 * The metrics a sweep can collect: a table of named reporters over one run's metrics (the
 * sweep-mode tally, or equally a full run's summary: see core/metrics/tally.ts). An experiment names the ones it wants; each becomes a column of runs.csv and a
 * group of rows in aggregate.csv. To add a metric, add an entry (names are column names:
 * letters and digits, starting with a lower-case letter). A reporter returns null when the
 * quantity is undefined for that run (e.g. no paid deal, so no mean share); nulls are counted
 * apart and left out of means. This table is the one registry of metric names, units and
 * bounds: charts, `--list-metrics` and the table in docs/sweeps.md (checked by a test) read it.
 */
import type { RunMetrics } from '../core/metrics/tally';

/** What a reporter reads. A full run's `summarize(...)` is a RunMetrics too. */
export interface RunView {
  readonly summary: RunMetrics;
}

/**
 * The kind of values a metric takes, which sets its bounds and its interval: a share stays in
 * [0, 1] and a count is a small whole number >= 0, so their intervals are percentile
 * bootstraps (a normal interval for a count of 0, 0, 1 reaches below zero); an amount (money,
 * soldiers, a ratio) is >= 0 and continuous, and gets the t-interval.
 */
export type MetricRange = 'share' | 'count' | 'amount';

export interface Metric {
  /** Name for chart titles and axes (sentence case, no unit). */
  readonly label: string;
  /** Unit for axes and tables ("US$ per soldier-year", "count", "share, 0-1"). */
  readonly unit: string;
  readonly range: MetricRange;
  readonly description: string;
  readonly compute: (run: RunView) => number | null;
}

export const METRICS = {
  costPerForeignSoldierYear: {
    label: 'Cost per foreign soldier-year',
    unit: 'US$ per soldier-year',
    range: 'amount',
    // Not all payments: the summary leaves out payments for access deals, which buy no soldiers
    // (docs/model.md, Accounting); the description said "total payments" until the researcher's audit.
    description: 'Payments to partners other than for access deals (which buy no soldiers) per foreign soldier-year deployed (US$)',
    compute: ({ summary }) => summary.costs.costPerForeignSoldierYear,
  },
  costPerPaidSoldierYear: {
    label: 'Cost per paid soldier-year',
    unit: 'US$ per soldier-year',
    range: 'amount',
    description: 'Payments to partners other than for access deals per paid soldier-year (US$)',
    compute: ({ summary }) => summary.costs.costPerPaidSoldierYear,
  },
  ratioToOwnSoldier: {
    label: 'Cost relative to an own soldier',
    unit: 'ratio',
    range: 'amount',
    description: 'Cost per foreign soldier-year (access payments left out) over the pivotal\'s own soldier cost',
    compute: ({ summary }) => summary.costs.ratioToOwnSoldier,
  },
  foreignSoldierYears: {
    label: 'Foreign soldier-years',
    unit: 'soldier-years',
    range: 'amount',
    description: 'Foreign soldier-years deployed',
    compute: ({ summary }) => summary.costs.foreignSoldierYears,
  },
  paymentsTotal: {
    label: 'Payments to partners',
    unit: 'US$',
    range: 'amount',
    description: 'All payments to partners (US$)',
    compute: ({ summary }) => summary.payments.total,
  },
  sideDealShare: {
    label: 'Side-deal share of payments',
    unit: 'share, 0-1',
    range: 'share',
    description: 'Share of payments made as political side deals (0-1)',
    compute: ({ summary }) => (summary.payments.total > 0 ? round6(summary.payments.byKind['side-deal'] / summary.payments.total) : null),
  },
  budgetUnspent: {
    label: 'Budget unspent',
    unit: 'US$',
    range: 'amount',
    description: 'Budget left unspent at the end (US$)',
    compute: ({ summary }) => summary.budget.unspent,
  },
  flags: {
    label: 'Flags in the coalition',
    unit: 'count',
    range: 'count',
    description: 'Third parties that joined the coalition',
    compute: ({ summary }) => summary.coalition.flags,
  },
  peakTroops: {
    label: 'Peak foreign troops',
    unit: 'soldiers',
    range: 'amount',
    description: 'Largest foreign force deployed in any round',
    compute: ({ summary }) => summary.coalition.peakTroops,
  },
  meanFillRate: {
    label: 'Mean fill rate',
    unit: 'share of demand, 0-1',
    range: 'share',
    description: 'Mean over rounds with demand of deployed / demand (capped at 1)',
    compute: ({ summary }) => summary.coalition.meanFillRate,
  },
  shortfallSoldierRounds: {
    label: 'Shortfall',
    unit: 'soldier-rounds',
    range: 'amount',
    description: 'Sum over rounds of the shortfall against demand (soldier-rounds)',
    compute: ({ summary }) => summary.coalition.shortfallSoldierRounds,
  },
  meanTightness: {
    label: 'Mean market tightness',
    unit: 'demand / supply',
    range: 'amount',
    description: 'Mean market tightness (demand / supply) over rounds with demand',
    compute: ({ summary }) => summary.market.meanTightness,
  },
  scarceRounds: {
    label: 'Scarce rounds',
    unit: 'rounds',
    range: 'count',
    description: 'Rounds in which demand exceeded supply',
    compute: ({ summary }) => summary.market.scarceRounds,
  },
  deals: {
    label: 'Paid deals',
    unit: 'count',
    range: 'count',
    description: 'Paid deals signed (a deal with no surplus to share, R_i = r_i, counts; only its share is undefined)',
    compute: ({ summary }) => summary.power.deals,
  },
  meanShare: {
    label: 'Mean third-party share of the surplus',
    unit: 'share, 0-1',
    range: 'share',
    description: 'Mean third-party share of the surplus over paid deals (bargaining power)',
    compute: ({ summary }) => summary.power.meanShare,
  },
  reversals: {
    label: 'Reversals',
    unit: 'count',
    range: 'count',
    description: 'Deals in which the much weaker side took the larger share',
    compute: ({ summary }) => summary.power.reversals,
  },
  meanPowerIndex: {
    label: 'Mean power index',
    unit: 'share, 0-1',
    range: 'share',
    description: 'Mean over rounds of the troop-weighted surplus share of deployed paid contingents',
    compute: ({ summary }) => summary.power.meanPowerIndex,
  },
  costPerEffectiveSoldierYear: {
    label: 'Cost per effective soldier-year',
    unit: 'US$ per soldier-year',
    range: 'amount',
    description: 'Payments to partners other than for access deals per effective soldier-year (troops x effectiveness x effort) (US$)',
    compute: ({ summary }) => summary.costs.costPerEffectiveSoldierYear,
  },
  holdUpThreats: {
    label: 'Hold-up threats',
    unit: 'count',
    range: 'count',
    description: 'Hold-up threats made by deployed partners',
    compute: ({ summary }) => summary.operation.holdUps.threats,
  },
  holdUpSuccessRate: {
    label: 'Hold-up success rate',
    unit: 'share, 0-1',
    range: 'share',
    description: 'Share of hold-up threats the pivotal paid (0-1)',
    compute: ({ summary }) => (summary.operation.holdUps.threats > 0 ? round6(summary.operation.holdUps.paid / summary.operation.holdUps.threats) : null),
  },
  deaths: {
    label: 'Partner deaths',
    unit: 'count',
    range: 'count',
    description: 'Coalition partners\' deaths',
    compute: ({ summary }) => summary.operation.deaths,
  },
  withdrawals: {
    label: 'Withdrawals',
    unit: 'count',
    range: 'count',
    description: 'Contingents withdrawn by partners (casualties, refused hold-ups, retaliation, unavailability)',
    compute: ({ summary }) => Object.values(summary.operation.withdrawals).reduce((a, b) => a + b, 0),
  },
  meanEffort: {
    label: 'Mean effort',
    unit: 'share, 0-1',
    range: 'share',
    description: 'Troop-weighted mean effort of deployed contingents (0-1)',
    compute: ({ summary }) => summary.operation.meanEffort,
  },
  promisesBroken: {
    label: 'Promises broken',
    unit: 'count',
    range: 'count',
    description: 'Promised side deals the pivotal broke (a delivery withheld; issue 16)',
    compute: ({ summary }) => summary.promises?.broken ?? 0,
  },
  promiseKeptShare: {
    label: 'Share of promises kept',
    unit: 'share, 0-1',
    range: 'share',
    description: 'Promised side deals delivered in full over those kept or broken (outstanding ones left out; null when none was decided)',
    compute: ({ summary }) => {
      const p = summary.promises;
      return p && p.kept + p.broken > 0 ? round6(p.kept / (p.kept + p.broken)) : null;
    },
  },
  retentionPaid: {
    label: 'Retention payments',
    unit: 'US$',
    range: 'amount',
    description: 'Paid to keep casualty-sensitive partners in (cause: retention; issue 16 item 4; 0 when the scenario has no pivotal.retention)',
    compute: ({ summary }) => summary.retention?.paid ?? 0,
  },
  punishmentRate: {
    label: 'Share of threats punished',
    unit: 'share, 0-1',
    range: 'share',
    description: 'Hold-up threats the pivotal punished over those it weighed punishing (issue 16 item 4; null when none was weighed)',
    compute: ({ summary }) => {
      const p = summary.retention?.punishment;
      return p && p.weighed > 0 ? round6(p.punished / p.weighed) : null;
    },
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

/** "Label (unit)" for an axis; the raw id when the metric is unknown. */
export function metricAxisTitle(name: string): string {
  const m = metric(name);
  return m ? `${m.label} (${m.unit})` : name;
}

/** Lower and upper bounds of a metric's values (null: unbounded). */
export function metricBounds(name: string): [number | null, number | null] {
  const m = metric(name);
  if (!m) return [null, null];
  return m.range === 'share' ? [0, 1] : [0, null];
}

/** How aggregate.csv and the charts bound a metric's 95% interval: bootstrap for shares and counts, t otherwise. */
export function metricInterval(name: string): 'bootstrap' | 't' {
  const m = metric(name);
  return m && (m.range === 'share' || m.range === 'count') ? 'bootstrap' : 't';
}

/** The Markdown table of metrics in docs/sweeps.md, generated from this registry. */
export function metricsMarkdownTable(): string {
  const bounds = { share: '0 to 1', count: 'whole, ≥ 0', amount: '≥ 0' } as const;
  const rows = Object.entries(METRICS as Record<string, Metric>).map(([name, m]) => `| \`${name}\` | ${m.label} | ${m.unit} | ${bounds[m.range]} | ${metricInterval(name)} | ${m.description} |`);
  return ['| metric | name on charts | unit | values | 95% interval | what it measures |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}
