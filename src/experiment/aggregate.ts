/**
 * Per-point statistics over replicates: for each point and metric, the number of runs, of
 * failures, of defined values (n), their mean, sample standard deviation and a t-based 95%
 * confidence interval for the mean. Rows arrive in run order and values are summed in
 * replicate order, so the bytes never depend on completion order or worker count. Memory
 * holds one point's replicates at a time.
 */
import { jStat } from 'jstat';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { StoredRun } from './store';

export interface MetricStats {
  readonly metric: string;
  readonly runs: number;
  readonly failed: number;
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
}

export interface PointStats {
  readonly point: number;
  readonly metrics: readonly MetricStats[];
}

/** Group runs (in run order) by point and summarise each metric. */
export function* aggregate(rows: Iterable<StoredRun>, metrics: readonly string[]): Generator<PointStats> {
  let point = -1;
  let group: StoredRun[] = [];
  for (const r of rows) {
    if (r.point !== point && group.length > 0) {
      yield summarisePoint(point, group, metrics);
      group = [];
    }
    point = r.point;
    group.push(r);
  }
  if (group.length > 0) yield summarisePoint(point, group, metrics);
}

export function summarisePoint(point: number, runs: readonly StoredRun[], metrics: readonly string[]): PointStats {
  const failed = runs.filter((r) => r.status === 'failed').length;
  const ordered = [...runs].sort((a, b) => a.replicate - b.replicate);
  return {
    point,
    metrics: metrics.map((metric, m) => {
      const xs: number[] = [];
      for (const r of ordered) {
        const v = r.status === 'ok' ? r.metrics[m] : null;
        if (v !== null && v !== undefined) xs.push(v);
      }
      return { metric, runs: runs.length, failed, ...describe(xs) };
    }),
  };
}

export function describe(xs: readonly number[]): Pick<MetricStats, 'n' | 'mean' | 'sd' | 'ci95Low' | 'ci95High'> {
  const n = xs.length;
  if (n === 0) return { n, mean: null, sd: null, ci95Low: null, ci95High: null };
  const m = mean(xs as number[]);
  if (n === 1) return { n, mean: sig(m), sd: null, ci95Low: null, ci95High: null };
  const sd = sampleStandardDeviation(xs as number[]);
  const half = jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: sig(m), sd: sig(sd), ci95Low: sig(m - half), ci95High: sig(m + half) };
}

/** Ten significant digits: beyond what replicates can support, and free of last-bit noise. */
function sig(x: number): number {
  return Number(x.toPrecision(10));
}
