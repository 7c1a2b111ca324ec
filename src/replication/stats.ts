/**
 * Small, dependency-light statistics for the replication: OLS by Householder QR with
 * heteroskedasticity-robust (HC1) standard errors and t-based intervals, and Spearman's
 * rank correlation with average ranks for ties. Pure functions; jStat gives t quantiles.
 */
import { jStat } from 'jstat';

/** The t distribution's CDF (the project's jstat typings only declare the quantile). */
const studentt = (jStat as unknown as { studentt: { inv(p: number, df: number): number; cdf(t: number, df: number): number } }).studentt;

/**
 * Two-sided p-value of a t statistic, 2 P(T <= -|t|): the lower tail, so a tiny p stays tiny
 * (2 (1 - cdf(|t|)) cancels to 0 below about 1e-16: rho = 0.6 over 165 states has p = 1.2e-17).
 */
export function twoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * studentt.cdf(-Math.abs(t), df));
}

export interface Coefficient {
  readonly name: string;
  readonly coef: number;
  /** HC1 robust standard error. */
  readonly se: number;
  readonly t: number;
  /** Two-sided p-value from the t distribution with n - k degrees of freedom. */
  readonly p: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

export interface OlsResult {
  readonly n: number;
  readonly k: number;
  readonly coefficients: readonly Coefficient[];
  readonly r2: number;
  /** (X'X)^-1, row-major, for predictions with intervals. */
  readonly xtxInv: readonly (readonly number[])[];
  /** HC1 covariance of the coefficients. */
  readonly vcov: readonly (readonly number[])[];
  /** Critical t for a 95% interval. */
  readonly tCrit: number;
}

/**
 * Upper-triangular R of the Householder QR of X (n x k, n >= k), and Q'y.
 * Throws when X is rank-deficient (a column is a combination of the others).
 */
function householderQr(X: readonly (readonly number[])[], y: readonly number[]): { R: number[][]; qty: number[] } {
  const n = X.length;
  const k = X[0]!.length;
  const A = X.map((row) => [...row]);
  const b = [...y];
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = j; i < n; i++) norm += A[i]![j]! ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) throw new Error(`regression: column ${j} is all zeros below the diagonal (rank-deficient design)`);
    const alpha = A[j]![j]! > 0 ? -norm : norm;
    const v = new Array<number>(n).fill(0);
    v[j] = A[j]![j]! - alpha;
    for (let i = j + 1; i < n; i++) v[i] = A[i]![j]!;
    let vv = 0;
    for (let i = j; i < n; i++) vv += v[i]! ** 2;
    if (vv === 0) continue;
    for (let c = j; c < k; c++) {
      let dot = 0;
      for (let i = j; i < n; i++) dot += v[i]! * A[i]![c]!;
      const f = (2 * dot) / vv;
      for (let i = j; i < n; i++) A[i]![c] = A[i]![c]! - f * v[i]!;
    }
    let dot = 0;
    for (let i = j; i < n; i++) dot += v[i]! * b[i]!;
    const f = (2 * dot) / vv;
    for (let i = j; i < n; i++) b[i] = b[i]! - f * v[i]!;
  }
  const R = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (j >= i ? A[i]![j]! : 0)));
  for (let i = 0; i < k; i++) {
    if (Math.abs(R[i]![i]!) < 1e-12 * Math.max(1, Math.abs(R[0]![0]!))) throw new Error('regression: the design matrix is rank-deficient');
  }
  return { R, qty: b.slice(0, k) };
}

/** Inverse of an upper-triangular matrix. */
function invertUpper(R: readonly (readonly number[])[]): number[][] {
  const k = R.length;
  const inv = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = k - 1; i >= 0; i--) {
    inv[i]![i] = 1 / R[i]![i]!;
    for (let j = i + 1; j < k; j++) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += R[i]![m]! * inv[m]![j]!;
      inv[i]![j] = -s / R[i]![i]!;
    }
  }
  return inv;
}

/**
 * OLS of y on X (X includes the intercept column if wanted) with HC1 robust standard errors:
 * V = n/(n-k) (X'X)^-1 X' diag(e^2) X (X'X)^-1, and 95% intervals coef +- t(0.975, n-k) se.
 */
export function ols(y: readonly number[], X: readonly (readonly number[])[], names: readonly string[]): OlsResult {
  const n = y.length;
  if (X.length !== n) throw new Error(`regression: ${n} outcomes but ${X.length} rows`);
  const k = names.length;
  if (n <= k) throw new Error(`regression: ${n} observations are too few for ${k} coefficients`);
  for (const row of X) if (row.length !== k) throw new Error('regression: every row needs one value per coefficient');
  const { R, qty } = householderQr(X, y);
  const Rinv = invertUpper(R);
  // beta = R^-1 Q'y
  const beta = Rinv.map((row) => row.reduce((s, v, j) => s + v * qty[j]!, 0));
  // (X'X)^-1 = R^-1 R^-T
  const xtxInv = Rinv.map((ri) => Rinv.map((rj) => ri.reduce((s, v, m) => s + v * rj[m]!, 0)));
  const resid = y.map((yi, i) => yi - X[i]!.reduce((s, x, j) => s + x * beta[j]!, 0));
  // Meat: X' diag(e^2) X
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < n; i++) {
    const e2 = resid[i]! ** 2;
    const row = X[i]!;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) meat[a]![b] = meat[a]![b]! + row[a]! * row[b]! * e2;
  }
  const scale = n / (n - k);
  const half = xtxInv.map((row) => meat[0]!.map((_, b) => row.reduce((s, v, m) => s + v * meat[m]![b]!, 0)));
  const vcov = half.map((row) => xtxInv[0]!.map((_, b) => scale * row.reduce((s, v, m) => s + v * xtxInv[m]![b]!, 0)));
  const df = n - k;
  const tCrit = studentt.inv(0.975, df);
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const tss = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  const rss = resid.reduce((s, v) => s + v * v, 0);
  const coefficients = names.map((name, j) => {
    const coef = beta[j]!;
    const se = Math.sqrt(Math.max(0, vcov[j]![j]!));
    const t = se > 0 ? coef / se : Number.POSITIVE_INFINITY;
    const p = se > 0 ? twoSidedP(t, df) : 0;
    return { name, coef, se, t, p, ciLow: coef - tCrit * se, ciHigh: coef + tCrit * se };
  });
  return { n, k, coefficients, r2: tss > 0 ? 1 - rss / tss : 0, xtxInv, vcov, tCrit };
}

/** Prediction x'b with a 95% interval from the robust covariance (the band of the fitted mean). */
export function predict(fit: OlsResult, x: readonly number[]): { fit: number; low: number; high: number } {
  const b = fit.coefficients.map((c) => c.coef);
  const yhat = x.reduce((s, v, j) => s + v * b[j]!, 0);
  let v = 0;
  for (let a = 0; a < x.length; a++) for (let c = 0; c < x.length; c++) v += x[a]! * fit.vcov[a]![c]! * x[c]!;
  const half = fit.tCrit * Math.sqrt(Math.max(0, v));
  return { fit: yhat, low: yhat - half, high: yhat + half };
}

/** Ranks 1..n, ties given the average of the ranks they span. */
export function ranks(xs: readonly number[]): number[] {
  return averageRanks(xs.length, (a, b) => compare(xs[a]!, xs[b]!), (a, b) => xs[a] === xs[b]);
}

/**
 * Scores that order by `primary` and break its ties by `secondary` (lexicographic), as ranks
 * 1..n with exact ties (equal on both) averaged. A rank statistic (AUC, Spearman) of the result
 * is that statistic of the lexicographic order. `secondary` undefined: `primary` alone.
 */
export function lexicographicRanks(primary: readonly number[], secondary?: readonly number[]): number[] {
  if (!secondary) return ranks(primary);
  return averageRanks(
    primary.length,
    (a, b) => compare(primary[a]!, primary[b]!) || compare(secondary[a]!, secondary[b]!),
    (a, b) => primary[a] === primary[b] && secondary[a] === secondary[b],
  );
}

// With < and >, not by subtraction: -Infinity - -Infinity is NaN.
function compare(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Ranks 1..n of indices 0..n-1 sorted by `cmp` (then index); runs of `equal` neighbours get the average of the ranks they span (NaN equals nothing). */
function averageRanks(n: number, cmp: (a: number, b: number) => number, equal: (a: number, b: number) => boolean): number[] {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => cmp(a, b) || a - b);
  const out = new Array<number>(n).fill(0);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && equal(order[j + 1]!, order[i]!)) j++;
    const avg = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) out[order[m]!] = avg;
    i = j + 1;
  }
  return out;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

export interface RankCorrelation {
  readonly rho: number;
  readonly n: number;
  /** Two-sided p-value, t approximation t = rho sqrt((n-2)/(1-rho^2)) with n - 2 df. */
  readonly p: number;
  /** 95% interval by Fisher's z with the Fieller-Hartley-Pearson variance 1.06/(n-3). */
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Spearman's rho: Pearson's correlation of average ranks. */
export function spearman(x: readonly number[], y: readonly number[]): RankCorrelation {
  const n = x.length;
  if (n !== y.length) throw new Error('spearman: x and y differ in length');
  if (n < 4) throw new Error('spearman: needs at least 4 pairs');
  const rho = pearson(ranks(x), ranks(y));
  const df = n - 2;
  const t = Math.abs(rho) < 1 ? rho * Math.sqrt(df / (1 - rho * rho)) : Math.sign(rho) * Number.POSITIVE_INFINITY;
  const p = Number.isFinite(t) ? twoSidedP(t, df) : 0;
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
  const half = 1.959964 * Math.sqrt(1.06 / (n - 3));
  return { rho, n, p, ciLow: Math.tanh(z - half), ciHigh: Math.tanh(z + half) };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Auc {
  readonly auc: number;
  /** Contributors (positives) and non-contributors. */
  readonly positives: number;
  readonly negatives: number;
  /** 95% interval from the Hanley & McNeil (1982) standard error, clipped to [0, 1]. */
  readonly ciLow: number;
  readonly ciHigh: number;
}

/**
 * Area under the ROC curve = the Mann-Whitney probability that a random contributor scores
 * above a random non-contributor, ties counting one half (average ranks). Throws without
 * both classes.
 */
export function auc(scores: readonly number[], positive: readonly boolean[]): Auc {
  const n1 = positive.filter(Boolean).length;
  const n0 = positive.length - n1;
  if (n1 === 0 || n0 === 0) throw new Error('AUC: needs at least one contributor and one non-contributor');
  const r = ranks(scores);
  const rankSum = r.reduce((s, v, i) => s + (positive[i] ? v : 0), 0);
  const a = (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const se = Math.sqrt(Math.max(0, (a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / (n1 * n0)));
  return { auc: a, positives: n1, negatives: n0, ciLow: Math.max(0, a - 1.959964 * se), ciHigh: Math.min(1, a + 1.959964 * se) };
}
