/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13): resample the independent units
 * (Saltelli blocks, Morris trajectories, replicates) with replacement, recompute the
 * statistic, and take the alpha/2 and 1 - alpha/2 quantiles of the replicates. Percentile
 * intervals stay inside the statistic's range, so a count or a share never gets an
 * interval below 0. Pure; randomness from the Uniform passed in.
 */
import { quantileSorted } from 'simple-statistics';
import { randomInt, type Uniform } from './random';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Indices 0..n-1 drawn n times with replacement. */
export function resampleIndices(n: number, u: Uniform): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = randomInt(u, n);
  return out;
}

/** Percentile interval of the finite values in xs at the given confidence (e.g. 0.95); null if none. */
export function percentileInterval(xs: readonly number[], confidence: number): Interval | null {
  const finite = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const alpha = 1 - confidence;
  return { low: quantileSorted(finite, alpha / 2), high: quantileSorted(finite, 1 - alpha / 2) };
}

/**
 * Bootstrap interval of a statistic of several vectors computed on resampled units:
 * `stat(indices)` must compute every statistic from the units at those indices and return
 * them as one vector; the result has one interval per entry.
 */
export function bootstrapIntervals(units: number, resamples: number, confidence: number, u: Uniform, stat: (indices: readonly number[]) => readonly number[]): (Interval | null)[] {
  const draws: number[][] = [];
  for (let b = 0; b < resamples; b++) {
    const v = stat(resampleIndices(units, u));
    v.forEach((x, k) => (draws[k] ??= []).push(x));
  }
  return draws.map((xs) => percentileInterval(xs, confidence));
}

/** Mean of xs[idx] over the given indices. */
export function meanAt(xs: readonly number[], idx: readonly number[]): number {
  let s = 0;
  for (const i of idx) s += xs[i]!;
  return s / idx.length;
}
