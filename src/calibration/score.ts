/**
 * Judging simulated runs against a recorded figure: pure functions over the values one
 * measure took across seeds.
 *
 * Numbers: `interval` passes when the recorded value or range overlaps the simulated central
 * interval (default 90%: 5th to 95th percentile); `median-within` when the simulated median
 * lies within a relative distance of the recorded value or of the nearer end of its range.
 * Categories and yes/no: `modal` passes when the recorded value is the most frequent one
 * (ties count) and at least `minShare` of the runs give it; `close-call` when the share of runs
 * giving it lies in [minShare, maxShare] (default 1 - minShare), most frequent or not (a
 * knife-edge event such as a vote lost by three votes: the record one likely outcome of two).
 */
import type { MeasureKind, MeasureValue } from './measures';

export type Recorded = { readonly value: number } | { readonly min: number; readonly max: number } | { readonly equals: string | boolean };
export type Tolerance =
  | { readonly rule: 'interval'; readonly coverage: number }
  | { readonly rule: 'median-within'; readonly relative: number }
  | { readonly rule: 'modal'; readonly minShare: number }
  | { readonly rule: 'close-call'; readonly minShare: number; readonly maxShare?: number };

/** The band a close call must fall in: [minShare, maxShare], maxShare defaulting to 1 - minShare (checks.ts refuses an empty band). */
export function closeCallBand(t: { readonly minShare: number; readonly maxShare?: number | undefined }): [number, number] {
  return [t.minShare, t.maxShare ?? 1 - t.minShare];
}

/** Shares are counts over runs; a share on an end of the band (67 of 100 against 1 - 0.33) is inside it. */
const SHARE_EPS = 1e-9;

/** Whether a share of runs lies in a close call's band, ends included. */
export function inCloseCallBand(share: number, [lo, hi]: readonly [number, number]): boolean {
  return share >= lo - SHARE_EPS && share <= hi + SHARE_EPS;
}

export interface NumericOutcome {
  readonly kind: 'number';
  readonly median: number;
  readonly low: number;
  readonly high: number;
  readonly coverage: number;
}

export interface CategoricalOutcome {
  readonly kind: 'category' | 'boolean';
  /** Most frequent value (ties: the recorded one if tied, else the first in sorted order). */
  readonly modal: string | boolean;
  readonly modalShare: number;
  readonly recordedShare: number;
  /** Share of runs per value, sorted by value. */
  readonly distribution: readonly { readonly value: string | boolean; readonly share: number }[];
}

export interface Score {
  readonly rule: Tolerance['rule'];
  /** Runs that gave a value (null values are runs in which the measure is undefined). */
  readonly n: number;
  readonly missing: number;
  readonly outcome: NumericOutcome | CategoricalOutcome | null;
  readonly pass: boolean;
  /** Why it passed or missed, in words. */
  readonly reason: string;
}

/**
 * Whole percentages of shares, adding up to the rounded sum of the shares (100 for a whole
 * distribution): each share's floor, then the points left over to the largest remainders (ties:
 * the larger share, then the earlier). Rounding each on its own showed 105 and 95 runs of 200 as
 * "yes 53% (no 48%)", 101 in all.
 */
export function wholePercents(shares: readonly number[]): number[] {
  // Counted in millionths of a percent, so that 0.29 * 100 (28.999999999999996) floors to 29.
  const micro = shares.map((x) => Math.round(x * 1e8));
  const out = micro.map((m) => Math.floor(m / 1e6));
  let left = Math.round(micro.reduce((a, b) => a + b, 0) / 1e6) - out.reduce((a, b) => a + b, 0);
  const order = micro.map((_, i) => i).sort((i, j) => micro[j]! - out[j]! * 1e6 - (micro[i]! - out[i]! * 1e6) || micro[j]! - micro[i]! || i - j);
  for (const i of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

/**
 * The percentages a categorical figure shows: the modal value's and the recorded value's (the
 * same when the recorded value is the modal one), out of 100 with the other values' share, so
 * that two complementary values add to 100. The table (render.ts) and the reasons use these.
 */
export function shownPercents(o: Pick<CategoricalOutcome, 'modalShare' | 'recordedShare'>, recordedIsModal: boolean): { modal: number; recorded: number } {
  if (recordedIsModal) {
    // One percentage shown: nothing for it to add up with.
    const m = Math.round(o.modalShare * 100);
    return { modal: m, recorded: m };
  }
  const [m, r] = wholePercents([o.modalShare, o.recordedShare, Math.max(0, 1 - o.modalShare - o.recordedShare)]);
  return { modal: m!, recorded: r! };
}

export function defaultTolerance(kind: MeasureKind): Tolerance {
  return kind === 'number' ? { rule: 'interval', coverage: 0.9 } : { rule: 'modal', minShare: 0.5 };
}

/** Quantile with linear interpolation between order statistics (R type 7). `sorted` ascending, non-empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function recordedRange(r: Recorded): [number, number] | null {
  if ('value' in r) return [r.value, r.value];
  if ('min' in r) return [Math.min(r.min, r.max), Math.max(r.min, r.max)];
  return null;
}

const sigFig = (x: number): string => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 1000) / 1000));

export function scoreNumeric(values: readonly MeasureValue[], recorded: Recorded, tolerance: Tolerance): Score {
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const missing = values.length - nums.length;
  const range = recordedRange(recorded);
  if (range === null) return { rule: tolerance.rule, n: nums.length, missing, outcome: null, pass: false, reason: 'a numeric measure needs a recorded value or range, not a category' };
  if (nums.length === 0) return { rule: tolerance.rule, n: 0, missing, outcome: null, pass: false, reason: 'no run gave a value' };
  const coverage = tolerance.rule === 'interval' ? tolerance.coverage : 0.9;
  const tail = (1 - coverage) / 2;
  const outcome: NumericOutcome = { kind: 'number', median: quantile(nums, 0.5), low: quantile(nums, tail), high: quantile(nums, 1 - tail), coverage };
  const [a, b] = range;
  if (tolerance.rule === 'interval') {
    const pass = a <= outcome.high && b >= outcome.low;
    const side = b < outcome.low ? 'above' : 'below';
    return { rule: 'interval', n: nums.length, missing, outcome, pass, reason: pass ? `record within the simulated ${Math.round(coverage * 100)}% interval` : `simulated ${Math.round(coverage * 100)}% interval lies entirely ${side} the record` };
  }
  if (tolerance.rule === 'median-within') {
    const m = outcome.median;
    const nearest = m < a ? a : m > b ? b : m;
    const dist = Math.abs(m - nearest);
    const allowed = tolerance.relative * Math.abs(nearest);
    const pass = dist <= allowed + 1e-9;
    const rel = nearest !== 0 ? dist / Math.abs(nearest) : dist === 0 ? 0 : Infinity;
    return { rule: 'median-within', n: nums.length, missing, outcome, pass, reason: `median ${dist === 0 ? 'matches the record' : `is ${Number.isFinite(rel) ? `${Math.round(rel * 100)}%` : sigFig(dist)} ${m > nearest ? 'above' : 'below'} the record`} (allowed ${Math.round(tolerance.relative * 100)}%)` };
  }
  return { rule: tolerance.rule, n: nums.length, missing, outcome, pass: false, reason: 'a numeric measure is judged by "interval" or "median-within", not "modal"' };
}

export function scoreCategorical(kind: 'category' | 'boolean', values: readonly MeasureValue[], recorded: Recorded, tolerance: Tolerance): Score {
  const present = values.filter((v): v is string | boolean => typeof v === 'string' || typeof v === 'boolean');
  const missing = values.length - present.length;
  if (!('equals' in recorded)) return { rule: tolerance.rule, n: present.length, missing, outcome: null, pass: false, reason: 'a categorical measure needs a recorded { equals }' };
  if (tolerance.rule !== 'modal' && tolerance.rule !== 'close-call') return { rule: tolerance.rule, n: present.length, missing, outcome: null, pass: false, reason: 'a categorical measure is judged by "modal" or "close-call"' };
  if (present.length === 0) return { rule: tolerance.rule, n: 0, missing, outcome: null, pass: false, reason: 'no run gave a value' };
  const counts = new Map<string, { value: string | boolean; count: number }>();
  for (const v of present) {
    const key = JSON.stringify(v);
    const c = counts.get(key) ?? { value: v, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  const sorted = [...counts.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([, c]) => c);
  const max = Math.max(...sorted.map((c) => c.count));
  const recordedCount = counts.get(JSON.stringify(recorded.equals))?.count ?? 0;
  const modal = recordedCount === max ? recorded.equals : sorted.find((c) => c.count === max)!.value;
  const share = (c: number): number => c / present.length;
  const outcome: CategoricalOutcome = {
    kind,
    modal,
    modalShare: share(max),
    recordedShare: share(recordedCount),
    distribution: sorted.map((c) => ({ value: c.value, share: share(c.count) })),
  };
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const isModal = recordedCount === max;
  // As the table shows them: the modal and the recorded value's percentages add up with the rest to 100.
  const shown = shownPercents(outcome, isModal);
  if (tolerance.rule === 'close-call') {
    const [lo, hi] = closeCallBand(tolerance);
    const r = share(recordedCount);
    const pass = inCloseCallBand(r, [lo, hi]);
    const reason = `recorded value in ${shown.recorded}% of runs (a close call needs ${pct(lo)} to ${pct(hi)})`;
    return { rule: 'close-call', n: present.length, missing, outcome, pass, reason };
  }
  const pass = isModal && share(recordedCount) >= tolerance.minShare;
  const reason = pass
    ? `recorded value in ${shown.recorded}% of runs`
    : isModal
      ? `recorded value is the most frequent but only in ${shown.recorded}% of runs (needs ${pct(tolerance.minShare)})`
      : `runs mostly give ${JSON.stringify(modal)} (${shown.modal}%); the recorded value in ${shown.recorded}%`;
  return { rule: 'modal', n: present.length, missing, outcome, pass, reason };
}

export function scoreValues(kind: MeasureKind, values: readonly MeasureValue[], recorded: Recorded, tolerance: Tolerance | undefined): Score {
  const tol = tolerance ?? defaultTolerance(kind);
  return kind === 'number' ? scoreNumeric(values, recorded, tol) : scoreCategorical(kind, values, recorded, tol);
}
