/** The metric registry is the one source of names, units and bounds: the docs' table is generated from it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as describeStats } from '../../src/experiment/aggregate';
import { METRICS, metricAxisTitle, metricBounds, metricInterval, metricsMarkdownTable } from '../../src/experiment/metrics';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { ROOT, valid } from '../helpers/scenarios';

describe('metric registry', () => {
  it('docs/sweeps.md holds the table generated from the registry', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'sweeps.md'), 'utf8');
    const table = /<!-- metrics-table:start -->\n([\s\S]*?)\n<!-- metrics-table:end -->/.exec(doc)?.[1];
    expect(table).toBe(metricsMarkdownTable());
  });

  it('every metric has a label, a unit and bounds; axis titles read "Label (unit)"', () => {
    for (const m of Object.values(METRICS)) {
      expect(m.label.length).toBeGreaterThan(3);
      expect(m.unit.length).toBeGreaterThan(1);
    }
    expect(metricAxisTitle('meanShare')).toBe('Mean third-party share of the surplus (share, 0-1)');
    expect(metricBounds('meanShare')).toEqual([0, 1]);
    expect(metricBounds('reversals')).toEqual([0, null]);
    expect([metricInterval('meanShare'), metricInterval('reversals'), metricInterval('costPerForeignSoldierYear')]).toEqual(['bootstrap', 'bootstrap', 't']);
  });
});

describe('what the cost metrics divide', () => {
  // Researcher's audit: the registry (and so docs/sweeps.md and --list-metrics) called these
  // "Total payments per ... soldier-year", but the summary divides the payments less those for
  // access deals (docs/model.md, Accounting). In gulf-war-1991 seed 3 access is two thirds of
  // the total, so "total payments" misdescribed the number by a factor of about 2.5.
  it('leave access payments out, and say so', () => {
    const scenario = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'gulf-war-1991.json'), 'utf8')));
    const s = summarize(runScenario(scenario, 3));
    const access = s.payments.access ?? 0;
    expect(access).toBeGreaterThan(0);
    const run = { summary: s };
    expect(METRICS.costPerForeignSoldierYear.compute(run)!).toBeCloseTo((s.payments.total - access) / s.costs.foreignSoldierYears, -1);
    expect(METRICS.costPerForeignSoldierYear.compute(run)!).toBeLessThan(0.5 * (s.payments.total / s.costs.foreignSoldierYears));
    for (const id of ['costPerForeignSoldierYear', 'costPerPaidSoldierYear', 'costPerEffectiveSoldierYear', 'ratioToOwnSoldier'] as const) {
      expect(METRICS[id].description).not.toMatch(/^Total payments/);
      expect(METRICS[id].description).toMatch(/access/);
    }
  });
});

describe('aggregate intervals', () => {
  it('a count of 0, 0, 1 gets a bootstrap interval inside [0, 1], where the t-interval reaches below 0', () => {
    const t = describeStats([0, 0, 1]);
    expect(t.ciMethod).toBe('t');
    expect(t.ci95Low!).toBeLessThan(0); // 1/3 - 4.303 * 0.577 / sqrt(3) = -1.10
    const b = describeStats([0, 0, 1], metricInterval('reversals'), '0|reversals');
    expect(b.ciMethod).toBe('bootstrap');
    expect(b.ci95Low).toBe(0);
    expect(b.ci95High).toBe(1);
    expect(b.mean).toBe(0.333333);
  });

  it('equal values have sd exactly 0, not float noise', () => {
    const d = describeStats([0.1 + 0.2, 0.1 + 0.2, 0.1 + 0.2]);
    expect(d.sd).toBe(0);
    expect(d.mean).toBe(0.3);
    expect([d.ci95Low, d.ci95High]).toEqual([0.3, 0.3]);
  });
});
