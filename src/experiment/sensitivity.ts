/**
 * Sensitivity analysis of a finished sweep with a `saltelli` or `morris` design: the
 * seed-averaged value of each metric at each point goes through the pure estimators of
 * src/analysis, with the share of variance that is seed noise, and comes out as tidy rows
 * (sensitivity.csv) and a JSON document. Replicates are handled explicitly: the indices are
 * those of the mean over a point's replicates, and a parameter whose effect does not rise
 * above the seed noise is flagged (see src/analysis/noise.ts for the rule). Pure apart from
 * reading the store passed in.
 */
import { morrisDelta, morrisIndices } from '../analysis/morris';
import { seedNoise, type SeedNoise } from '../analysis/noise';
import { sobolIndices } from '../analysis/saltelli';
import { designUnit, unitOfValue } from './designs';
import type { CompiledExperiment } from './load';
import type { Design } from './schema';
import type { SweepStore } from './store';

export const SENSITIVITY_FILE = 'sensitivity.csv';
export const SENSITIVITY_JSON = 'sensitivity.json';
export const SENSITIVITY_COLUMNS = ['metric', 'parameter', 'index', 'value', 'ci_low', 'ci_high', 'below_noise'] as const;
/** Significant digits of indices in sensitivity.csv (bootstrap intervals are wider than this). */
export const SENSITIVITY_DIGITS = 4;

export type SensitivityIndex = 'S1' | 'ST' | 'S2' | 'mu_star' | 'mu' | 'sigma' | 'noise_share';

export interface SensitivityRow {
  readonly metric: string;
  /** A parameter name; "a:b" for a second-order pair; "" for the metric-wide noise share. */
  readonly parameter: string;
  readonly index: SensitivityIndex;
  readonly value: number;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** For ST and mu*: the effect does not rise above the seed noise. null for other indices. */
  readonly belowNoise: boolean | null;
}

export interface MetricSensitivity {
  readonly metric: string;
  readonly method: 'sobol' | 'morris';
  /** Points whose replicates all failed or gave an undefined value. */
  readonly undefinedPoints: number;
  /** Saltelli blocks or Morris trajectories used, and left out for an undefined point. */
  readonly units: number;
  readonly unitsDropped: number;
  readonly noise: SeedNoise | null;
  /** Noise level the flag compares with: ST share for Sobol, |EE| for Morris. */
  readonly noiseThreshold: number | null;
  readonly rows: readonly SensitivityRow[];
  /** Why no indices could be computed (e.g. the metric never varies); rows is then empty. */
  readonly error?: string;
}

export interface SensitivityReport {
  readonly experiment: string;
  readonly design: Design;
  readonly parameters: readonly string[];
  readonly replicates: number;
  readonly resamples: number;
  readonly confidence: number;
  readonly metrics: readonly MetricSensitivity[];
}

export function isSensitivityDesign(d: Design): d is Extract<Design, { type: 'saltelli' | 'morris' }> {
  return d.type === 'saltelli' || d.type === 'morris';
}

export interface AnalyzeOptions {
  readonly resamples?: number;
  readonly confidence?: number;
}

/** Per point and metric, the defined replicate values, from the store (in run order). */
function replicateValues(c: CompiledExperiment, store: SweepStore): number[][][] {
  const M = c.experiment.metrics.length;
  const out: number[][][] = Array.from({ length: M }, () => Array.from({ length: c.points.length }, () => []));
  for (const r of store.runs()) {
    if (r.status !== 'ok') continue;
    r.metrics.forEach((v, m) => {
      if (v !== null && Number.isFinite(v)) out[m]![r.point]!.push(v);
    });
  }
  return out;
}

export function analyzeSweep(c: CompiledExperiment, store: SweepStore, o: AnalyzeOptions = {}): SensitivityReport {
  const design = c.experiment.design;
  if (!isSensitivityDesign(design)) throw new Error(`sensitivity analysis needs a saltelli or morris design, not ${design.type}`);
  const resamples = o.resamples ?? 1000;
  const confidence = o.confidence ?? 0.95;
  const names = c.params.map((p) => p.name);
  const D = names.length;
  const values = replicateValues(c, store);
  const unit = designUnit(c.experiment.parameters, design, c.experiment.seed)!;
  const metrics = c.experiment.metrics.map((metric, m): MetricSensitivity => {
    const groups = values[m]!;
    const means = groups.map((g) => (g.length > 0 ? g.reduce((s, v) => s + v, 0) / g.length : null));
    const undefinedPoints = means.filter((v) => v === null).length;
    const noise = seedNoise(groups);
    const seed = `${c.experiment.seed}|sensitivity|${metric}`;
    const noiseRow = (): SensitivityRow[] => (noise ? [{ metric, parameter: '', index: 'noise_share', value: noise.meanShare, ciLow: null, ciHigh: null, belowNoise: null }] : []);
    const base = { metric, undefinedPoints, noise };
    try {
      if (design.type === 'saltelli') {
        const r = sobolIndices(means, { dims: D, secondOrder: design.secondOrder }, { resamples, confidence, seed });
        const threshold = noise ? noise.meanShare : null;
        const rows: SensitivityRow[] = [];
        names.forEach((p, i) => {
          const s1 = r.S1[i]!;
          const st = r.ST[i]!;
          // Noise adds nothing to a first-order index in expectation (it only widens V), so what
          // noise alone gives S1 is 0: an S1 whose interval reaches down to 0 is not an effect. A
          // negative estimate (the Saltelli 2010 estimator is unbiased, not bounded) is sampling
          // error around 0, never a negative share: flagged, not read as "significantly negative".
          rows.push({ metric, parameter: p, index: 'S1', value: s1.value, ciLow: s1.ci?.low ?? null, ciHigh: s1.ci?.high ?? null, belowNoise: threshold === null ? null : (s1.ci?.low ?? s1.value) <= 0 || s1.value <= 0 });
          // Noise inflates every ST by about the noise share: an ST whose interval reaches down to it is not an effect.
          rows.push({ metric, parameter: p, index: 'ST', value: st.value, ciLow: st.ci?.low ?? null, ciHigh: st.ci?.high ?? null, belowNoise: threshold === null ? null : (st.ci?.low ?? st.value) <= threshold });
        });
        if (r.S2) {
          for (let i = 0; i < D; i++) {
            for (let k = i + 1; k < D; k++) {
              const e = r.S2[i]![k]!;
              rows.push({ metric, parameter: `${names[i]}:${names[k]}`, index: 'S2', value: e.value, ciLow: e.ci?.low ?? null, ciHigh: e.ci?.high ?? null, belowNoise: null });
            }
          }
        }
        return { ...base, method: 'sobol', units: r.blocks, unitsDropped: r.blocksDropped, noiseThreshold: threshold, rows: [...rows, ...noiseRow()] };
      }
      // Each input's step as run: integer inputs move by whole numbers, not by the design's level step.
      const realized = c.points.map((pt) => c.experiment.parameters.map((p, i) => unitOfValue(p, pt[i])));
      const r = morrisIndices(unit, means, D, { resamples, confidence, seed, realized });
      // Mean |EE| of pure noise: sqrt(2/pi) * sd of (noise difference of two point means) / Delta.
      const threshold = noise ? (Math.sqrt(2 / Math.PI) * Math.sqrt(2 * noise.meanNoiseVariance)) / morrisDelta(design.levels) : null;
      const rows: SensitivityRow[] = [];
      names.forEach((p, i) => {
        const ci = r.muStarCi[i] ?? null;
        rows.push({ metric, parameter: p, index: 'mu_star', value: r.muStar[i]!, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null, belowNoise: threshold === null ? null : (ci?.low ?? r.muStar[i]!) <= threshold });
        rows.push({ metric, parameter: p, index: 'mu', value: r.mu[i]!, ciLow: null, ciHigh: null, belowNoise: null });
        const sd = r.sigma[i];
        if (sd !== null && sd !== undefined) rows.push({ metric, parameter: p, index: 'sigma', value: sd, ciLow: null, ciHigh: null, belowNoise: null });
      });
      return { ...base, method: 'morris', units: r.trajectories, unitsDropped: r.trajectoriesDropped, noiseThreshold: threshold, rows: [...rows, ...noiseRow()] };
    } catch (err) {
      return { ...base, method: design.type === 'saltelli' ? 'sobol' : 'morris', units: 0, unitsDropped: 0, noiseThreshold: null, rows: [], error: (err as Error).message };
    }
  });
  return { experiment: c.experiment.id, design, parameters: names, replicates: c.experiment.replicates, resamples, confidence, metrics };
}

const sig = (x: number | null): number | null => (x === null ? null : Number(x.toPrecision(SENSITIVITY_DIGITS)));

/** The rows of sensitivity.csv, rounded. */
export function sensitivityCsvRows(r: SensitivityReport): (string | number | null)[][] {
  return r.metrics.flatMap((m) => m.rows.map((x) => [x.metric, x.parameter, x.index, sig(x.value), sig(x.ciLow), sig(x.ciHigh), x.belowNoise === null ? null : String(x.belowNoise)]));
}

/** A few lines for the terminal: per metric, parameters by importance, noise flagged. */
export function sensitivitySummary(r: SensitivityReport): string[] {
  const lines: string[] = [];
  for (const m of r.metrics) {
    if (m.error) {
      lines.push(`${m.metric}: no indices (${m.error})`);
      continue;
    }
    const key = m.method === 'sobol' ? 'ST' : 'mu_star';
    const ranked = m.rows.filter((x) => x.index === key).sort((a, b) => b.value - a.value);
    const fmt = (x: SensitivityRow): string => {
      const s1 = m.rows.find((y) => y.parameter === x.parameter && y.index === 'S1');
      const ci = x.ciLow !== null && x.ciHigh !== null ? ` [${sig(x.ciLow)}, ${sig(x.ciHigh)}]` : '';
      // A negative S1 is printed as what it is: 0 within sampling error.
      const first = s1 ? (s1.value < 0 ? ` (S1 ${sig(s1.value)}: 0 within sampling error)` : ` (S1 ${sig(s1.value)})`) : '';
      return `${x.parameter} ${key} ${sig(x.value)}${ci}${first}${x.belowNoise ? ' below noise' : ''}`;
    };
    const noise = m.noise ? `; seed noise ${(100 * m.noise.meanShare).toFixed(1)}% of the variance of the point means` : '';
    // The bracket's level: --confidence changes it, and neither the brackets nor sensitivity.csv
    // said so (a 50% interval printed like a 95% one). Named once per metric.
    const level = `; ${Number((100 * r.confidence).toPrecision(6))}% bootstrap intervals over ${m.method === 'sobol' ? 'blocks' : 'trajectories'}`;
    lines.push(`${m.metric} (${m.method === 'sobol' ? 'Sobol' : 'Morris'}, ${m.units} ${m.method === 'sobol' ? 'blocks' : 'trajectories'}${m.unitsDropped > 0 ? `, ${m.unitsDropped} left out for undefined values` : ''}${noise}${level}):`);
    for (const x of ranked) lines.push(`  ${fmt(x)}`);
  }
  return lines;
}
