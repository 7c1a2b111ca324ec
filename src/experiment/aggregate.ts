/**
 * Per-point statistics over replicates: for each point and metric, the number of runs, of
 * failures, of defined values (n), their mean, sample standard deviation and a 95%
 * confidence interval for the mean. The interval is t-based (mean +- t(0.975, n-1) sd/sqrt(n))
 * for amounts; for shares (in [0, 1]) and counts (whole, >= 0) it is a percentile bootstrap
 * of the mean (2,000 resamples, seeded by point and metric), which never leaves the bounds (a
 * normal interval for a count of 0, 0, 1 reaches below zero). Numbers are rounded to AGGREGATE_DIGITS significant digits, and an sd of equal
 * values is exactly 0 (not 1e-17 float noise); SQLite and runs.csv keep the raw values. Rows
 * arrive in run order and values are summed in replicate order, so the bytes never depend on
 * completion order or worker count. Memory holds one point's replicates at a time.
 */
import { jStat } from 'jstat';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { bootstrapMeanInterval } from '../analysis/bootstrap';
import { metricInterval } from './metrics';
import type { StoredRun } from './store';

/** Significant digits of every number in aggregate.csv. */
export const AGGREGATE_DIGITS = 6;
/** Bootstrap resamples for the interval of a bounded metric. */
export const AGGREGATE_RESAMPLES = 2000;

export type IntervalMethod = 't' | 'bootstrap';

export interface MetricStats {
  readonly metric: string;
  readonly runs: number;
  readonly failed: number;
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ci95Low: number | null;
  readonly ci95High: number | null;
  /** How the interval was computed; null when there is none (n < 2). */
  readonly ciMethod: IntervalMethod | null;
}

export interface PointStats {
  readonly point: number;
  readonly metrics: readonly MetricStats[];
}

/** The stored runs of one point, in run order. */
export interface PointGroup {
  readonly point: number;
  readonly runs: readonly StoredRun[];
}

/** Runs (in run order) grouped by point. */
export function* pointGroups(rows: Iterable<StoredRun>): Generator<PointGroup> {
  let point = -1;
  let group: StoredRun[] = [];
  for (const r of rows) {
    if (r.point !== point && group.length > 0) {
      yield { point, runs: group };
      group = [];
    }
    point = r.point;
    group.push(r);
  }
  if (group.length > 0) yield { point, runs: group };
}

/** Group runs (in run order) by point and summarise each metric. */
export function* aggregate(rows: Iterable<StoredRun>, metrics: readonly string[]): Generator<PointStats> {
  for (const g of pointGroups(rows)) yield summarisePoint(g.point, g.runs, metrics);
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
      return { metric, runs: runs.length, failed, ...describe(xs, metricInterval(metric), `${point}|${metric}`) };
    }),
  };
}

/** n, mean, sd and the 95% interval of xs: t-based, or a percentile bootstrap keyed by `key`. */
export function describe(xs: readonly number[], method: IntervalMethod = 't', key = ''): Pick<MetricStats, 'n' | 'mean' | 'sd' | 'ci95Low' | 'ci95High' | 'ciMethod'> {
  const n = xs.length;
  if (n === 0) return { n, mean: null, sd: null, ci95Low: null, ci95High: null, ciMethod: null };
  const m = mean(xs as number[]);
  if (n === 1) return { n, mean: sig(m), sd: null, ci95Low: null, ci95High: null, ciMethod: null };
  const constant = xs.every((x) => x === xs[0]);
  // Equal values: sd exactly 0 and the interval the value itself (no float noise).
  if (constant) return { n, mean: sig(xs[0]!), sd: 0, ci95Low: sig(xs[0]!), ci95High: sig(xs[0]!), ciMethod: method };
  const sd = sampleStandardDeviation(xs as number[]);
  if (method === 'bootstrap') {
    const ci = bootstrapMeanInterval(xs, AGGREGATE_RESAMPLES, 0.95, `aggregate|${key}`);
    return { n, mean: sig(m), sd: sig(sd), ci95Low: sig(ci!.low), ci95High: sig(ci!.high), ciMethod: 'bootstrap' };
  }
  const half = jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
  return { n, mean: sig(m), sd: sig(sd), ci95Low: sig(m - half), ci95High: sig(m + half), ciMethod: 't' };
}

/** AGGREGATE_DIGITS significant digits: what replicates can support, free of last-bit noise. */
export function sig(x: number): number {
  return Number(x.toPrecision(AGGREGATE_DIGITS));
}
