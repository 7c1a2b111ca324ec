/**
 * Seed noise in a stochastic model's sweep. Each design point k has R_k replicate runs with
 * different seeds; the analysis uses their mean ybar_k. The variance of the point means is
 * the variance of the model's (seed-averaged) response plus the noise left in each mean:
 *   Var(ybar) = Var(f) + E[s_k^2 / R_k],
 * with s_k^2 the sample variance among point k's replicates. So
 *   meanShare = mean_k(s_k^2 / R_k) / Var(ybar)
 * is the share of the analysed variance that is seed noise, and
 *   runShare  = mean_k(s_k^2) / Var(all runs)
 * the share of a single run's variance that is (within-point) seed noise.
 * For Sobol' indices the noise enters the Jansen total-order numerator in full
 * (E[(f(A) - f(AB))^2] / 2 gains the noise variance), so every ST is inflated by about
 * meanShare: an input whose ST interval reaches down to meanShare is not distinguishable
 * from noise. For Morris, an elementary effect of pure noise has mean absolute value
 * sqrt(2 / pi) * sqrt(2 mean_k(s_k^2 / R_k)) / Delta: a mu* at or below that is noise.
 * Pure.
 */

export interface SeedNoise {
  /** Points with at least two defined replicates (the within-point variance needs two). */
  readonly points: number;
  /** mean_k s_k^2 / R_k: the noise variance of a point mean (output units squared). */
  readonly meanNoiseVariance: number;
  readonly meanShare: number;
  readonly runShare: number;
}

/** Seed noise from the defined replicate values of each point; null with fewer than 2 points of 2+ replicates. */
export function seedNoise(groups: readonly (readonly number[])[]): SeedNoise | null {
  const within: number[] = [];
  const noiseOfMean: number[] = [];
  const means: number[] = [];
  const everyRun: number[] = [];
  for (const g of groups) {
    if (g.length === 0) continue;
    const m = g.reduce((s, v) => s + v, 0) / g.length;
    means.push(m);
    everyRun.push(...g);
    if (g.length < 2) continue;
    const s2 = g.reduce((s, v) => s + (v - m) ** 2, 0) / (g.length - 1);
    within.push(s2);
    noiseOfMean.push(s2 / g.length);
  }
  if (within.length < 2) return null;
  const avg = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;
  const variance = (xs: readonly number[]): number => {
    const m = avg(xs);
    return xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1);
  };
  const meanNoiseVariance = avg(noiseOfMean);
  const vMeans = means.length > 1 ? variance(means) : 0;
  const vRuns = variance(everyRun);
  const share = (num: number, den: number): number => (den > 0 ? Math.min(1, num / den) : num > 0 ? 1 : 0);
  return { points: within.length, meanNoiseVariance, meanShare: share(meanNoiseVariance, vMeans), runShare: share(avg(within), vRuns) };
}
