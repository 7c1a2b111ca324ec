/**
 * Chart specs of a fit (plain Chart.js configurations, rendered to PNG by src/charts/render.ts):
 * one weighted histogram per parameter (the posterior marginal, over the prior's range), and
 * recorded vs simulated for every figure, targets and held-out checks in separate charts:
 * numbers as the simulated 90% interval and median divided by the record (1 = the record),
 * categories and yes/no as the share of runs giving the recorded value. Pure.
 */
import { INK, GREY, PINNED_OPTIONS, SERIES_COLOURS } from '../charts/palette';
import type { ChartSpec } from '../charts/types';
import { priorRange } from './prior';
import type { FigureResult, FitResults } from './results';

const BINS = 24;

/** Bin edges over the prior's range: geometric for log-uniform priors. */
export function binEdges(prior: FitResults['parameters'][number]['prior']): number[] {
  const [lo, hi] = priorRange(prior);
  const log = prior.type === 'log-uniform';
  return Array.from({ length: BINS + 1 }, (_, b) => (log ? Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * b) / BINS) : lo + ((hi - lo) * b) / BINS));
}

const short = (x: number): string => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 1000) / 1000));

export function marginalSpec(p: FitResults['parameters'][number], values: readonly number[], weights: readonly number[]): ChartSpec {
  const edges = binEdges(p.prior);
  const mass = new Array<number>(BINS).fill(0);
  values.forEach((x, i) => {
    let b = edges.findIndex((e, k) => k > 0 && x <= e) - 1;
    if (b < 0) b = x < edges[0]! ? 0 : BINS - 1;
    mass[b]! += weights[i]!;
  });
  const labels = mass.map((_, b) => short((edges[b]! + edges[b + 1]!) / 2));
  const medianBin = Math.max(0, edges.findIndex((e, k) => k > 0 && p.median <= e) - 1);
  return {
    id: `marginal-${p.name}`,
    title: `Posterior of ${p.name}`,
    caption: `Weighted posterior sample of ${p.path} over its prior's range (${p.prior.type}). Median ${short(p.median)}, 90% interval ${short(p.q05)} to ${short(p.q95)}; before fitting ${JSON.stringify(p.before)}.`,
    width: 900,
    height: 500,
    fills: ['solid'],
    config: {
      type: 'bar',
      data: { labels, datasets: [{ label: 'posterior weight', data: mass.map((m) => Math.round(m * 1e6) / 1e6), backgroundColor: mass.map((_, b) => (b === medianBin ? SERIES_COLOURS[1] : SERIES_COLOURS[0])), borderWidth: 0, categoryPercentage: 1, barPercentage: 0.95 }] },
      options: {
        // Same bytes under any LANG: tick labels follow the chart's locale (was "0,30" under de_DE).
        ...PINNED_OPTIONS,
        plugins: { title: { display: true, text: `${p.name}: median ${short(p.median)} [90%: ${short(p.q05)}, ${short(p.q95)}]` }, legend: { display: false } },
        scales: { x: { title: { display: true, text: `${p.path}${p.prior.type === 'log-uniform' ? ' (log bins)' : ''}` }, ticks: { maxRotation: 60, autoSkip: true, maxTicksLimit: 12 } }, y: { title: { display: true, text: 'posterior weight' }, beginAtZero: true } },
      },
    },
  };
}

const clampRatio = (x: number): number => Math.min(100, Math.max(0.01, x));

/** Numbers: simulated 90% interval and median over the record (the midpoint of a recorded range). */
export function numbersSpec(role: 'target' | 'check', figs: readonly FigureResult[]): ChartSpec | null {
  const rows = figs.filter((f) => f.kind === 'number' && f.score.outcome?.kind === 'number' && !('equals' in f.recorded));
  if (rows.length === 0) return null;
  const ref = (f: FigureResult): number => {
    const r = f.recorded as { value: number } | { min: number; max: number };
    const v = 'value' in r ? r.value : (r.min + r.max) / 2;
    return v === 0 ? 1 : Math.abs(v);
  };
  const interval = rows.map((f) => {
    const o = f.score.outcome as { low: number; high: number };
    return [clampRatio(o.low / ref(f)), clampRatio(o.high / ref(f))];
  });
  const median = rows.map((f) => clampRatio((f.score.outcome as { median: number }).median / ref(f)));
  const recorded = rows.map((f) => {
    const r = f.recorded as { value: number } | { min: number; max: number };
    return 'value' in r ? [clampRatio(r.value / ref(f)), clampRatio(r.value / ref(f))] : [clampRatio(r.min / ref(f)), clampRatio(r.max / ref(f))];
  });
  const name = role === 'target' ? 'Targets' : 'Held-out checks';
  return {
    id: `figures-${role}s-numbers`,
    title: `${name}: numbers, simulated vs recorded`,
    caption: `Each row a recorded number. Bars: the fitted scenario's simulated 90% interval divided by the record (1 = the record; log scale, clipped to 0.01-100); diamonds: the simulated median; thin grey bars: the recorded range. ${role === 'check' ? 'These figures were not used to fit.' : 'These figures drove the fit.'}`,
    width: 1100,
    height: Math.max(300, 120 + rows.length * 48),
    fills: ['solid', 'solid', null, null],
    config: {
      type: 'bar',
      data: {
        labels: rows.map((f) => `${f.id}${f.score.pass ? '' : ' (miss)'}`),
        datasets: [
          { label: 'simulated 90% interval / record', data: interval, backgroundColor: role === 'target' ? SERIES_COLOURS[0] : SERIES_COLOURS[2], borderWidth: 0, barPercentage: 0.6 } as never,
          { label: 'recorded range / record', data: recorded, backgroundColor: GREY, borderColor: INK, borderWidth: 2, barPercentage: 0.2 } as never,
          { type: 'scatter', order: -1, label: 'simulated median / record', data: median.map((m, i) => ({ x: m, y: i })), pointStyle: 'rectRot', pointRadius: 9, backgroundColor: SERIES_COLOURS[1], borderColor: INK } as never,
          { type: 'scatter', order: -2, label: 'recorded value', data: recorded.map(([a, b], i) => ({ x: (a! + b!) / 2, y: i })), pointStyle: 'line', rotation: 90, pointRadius: 16, borderWidth: 3, borderColor: INK } as never,
        ],
      },
      options: {
        indexAxis: 'y',
        ...PINNED_OPTIONS,
        plugins: { title: { display: true, text: `${name}: simulated / recorded` } },
        scales: { x: { type: 'logarithmic', min: 0.01, max: 100, title: { display: true, text: 'simulated / recorded (1 = the record)' } }, y: { type: 'category' } },
      },
    },
  };
}

/** Categories and yes/no: share of runs giving the recorded value, against the modal rule's minimum. */
export function categoriesSpec(role: 'target' | 'check', figs: readonly FigureResult[]): ChartSpec | null {
  const rows = figs.filter((f) => f.kind !== 'number' && f.score.outcome !== null && f.score.outcome.kind !== 'number');
  if (rows.length === 0) return null;
  const share = rows.map((f) => Math.round(((f.score.outcome as { recordedShare: number }).recordedShare ?? 0) * 1000) / 1000);
  const need = rows.map((f) => (f.tolerance.rule === 'modal' || f.tolerance.rule === 'close-call' ? f.tolerance.minShare : 0.5));
  const name = role === 'target' ? 'Targets' : 'Held-out checks';
  return {
    id: `figures-${role}s-categories`,
    title: `${name}: categories and yes/no, simulated vs recorded`,
    caption: `Each row a recorded category or yes/no fact. Bars: share of the fitted scenario's runs that give the recorded value; diamonds: the least share the rule (modal or close call) needs. ${role === 'check' ? 'These figures were not used to fit.' : 'These figures drove the fit.'}`,
    width: 1100,
    height: Math.max(300, 120 + rows.length * 44),
    fills: ['solid', null],
    config: {
      type: 'bar',
      data: {
        labels: rows.map((f) => `${f.id}${f.score.pass ? '' : ' (miss)'}`),
        datasets: [
          { label: 'share of runs giving the recorded value', data: share, backgroundColor: role === 'target' ? SERIES_COLOURS[0] : SERIES_COLOURS[2], borderWidth: 0, barPercentage: 0.6 } as never,
          { type: 'scatter', order: -1, label: 'least share to pass', data: need.map((m, i) => ({ x: m, y: i })), pointStyle: 'rectRot', pointRadius: 9, backgroundColor: SERIES_COLOURS[1], borderColor: INK } as never,
        ],
      },
      options: {
        indexAxis: 'y',
        ...PINNED_OPTIONS,
        plugins: { title: { display: true, text: `${name}: share of runs matching the record` } },
        scales: { x: { min: 0, max: 1, title: { display: true, text: 'share of runs' } }, y: { type: 'category' } },
      },
    },
  };
}

export function fitChartSpecs(results: FitResults, samples: { values: readonly (readonly number[])[]; weights: readonly number[] }): ChartSpec[] {
  const specs: (ChartSpec | null)[] = results.parameters.map((p, k) => marginalSpec(p, samples.values.map((v) => v[k]!), samples.weights));
  for (const role of ['target', 'check'] as const) {
    const figs = results.figures.filter((f) => f.role === role);
    specs.push(numbersSpec(role, figs), categoriesSpec(role, figs));
  }
  return specs.filter((s): s is ChartSpec => s !== null);
}
