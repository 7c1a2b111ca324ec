/**
 * Percentile bootstrap (Efron & Tibshirani 1993, ch. 13): resample the independent units
 * (Saltelli blocks, Morris trajectories, replicates) with replacement, recompute the
 * statistic, and take the alpha/2 and 1 - alpha/2 quantiles of the replicates. Percentile
 * intervals stay inside the statistic's range, so a count or a share never gets an
 * interval below 0. Pure; randomness from the Uniform passed in.
 */
import { quantileSorted } from 'simple-statistics';
import { aleaState, randomInt, type Uniform } from './random';

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
 * Percentile bootstrap interval of the mean of xs, resampling with the alea stream of `key`:
 * the same draws, sums and quantiles as
 *   bootstrapIntervals(xs.length, resamples, confidence, uniformFrom(key), (idx) => [meanAt(xs, idx)])[0]
 * (the same bits; tested), but with the generator's state in local variables and no index
 * array per resample. The sweep's aggregate.csv calls it for every bounded metric at every
 * point (2,000 resamples each), where the generic path cost as much as the runs themselves.
 */
export function bootstrapMeanInterval(xs: readonly number[], resamples: number, confidence: number, key: string): Interval | null {
  const n = xs.length;
  let { s0, s1, s2, c } = aleaState(key);
  const means = new Float64Array(resamples);
  let finite = 0;
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      // One alea step (seedrandom's Alea.next), then randomInt's index.
      const t = 2091639 * s0 + c * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      sum += xs[Math.min(n - 1, Math.floor(s2 * n))]!;
    }
    const m = sum / n;
    if (Number.isFinite(m)) means[finite++] = m;
  }
  if (finite === 0) return null;
  // Numeric order of finite doubles, as percentileInterval's comparator sort gives.
  const sorted = means.subarray(0, finite).sort();
  const alpha = 1 - confidence;
  return { low: quantileSorted(sorted as unknown as number[], alpha / 2), high: quantileSorted(sorted as unknown as number[], 1 - alpha / 2) };
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
