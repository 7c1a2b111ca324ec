/**
 * The files of a sensitivity analysis, next to the sweep's: sensitivity.csv (tidy rows),
 * sensitivity.json (the full report) and charts/sensitivity-<metric>.png (a bar chart of the
 * indices with their intervals and the seed-noise level). Every file goes through
 * writeFileAtomically. The chart specs are pure.
 */
import { join } from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import { stringify } from 'csv-stringify/sync';
import { writeFileAtomically } from '../output/atomic';
import { renderer, type SweepChart } from './charts';
import { METRICS, metricAxisTitle, type MetricName } from './metrics';
import { SENSITIVITY_COLUMNS, SENSITIVITY_FILE, SENSITIVITY_JSON, sensitivityCsvRows, type MetricSensitivity, type SensitivityReport } from './sensitivity';

const COLOURS = { first: '#56B4E9', total: '#0072B2', sigma: '#E69F00' };

/** One bar chart per metric: S1 and ST (Sobol) or mu* and sigma (Morris), most important first. */
export function sensitivityChartSpecs(r: SensitivityReport): SweepChart[] {
  return r.metrics.filter((m) => !m.error).map((m) => chartOf(r, m));
}

function chartOf(r: SensitivityReport, m: MetricSensitivity): SweepChart {
  const name = m.metric in METRICS ? METRICS[m.metric as MetricName].label : m.metric;
  const sobol = m.method === 'sobol';
  const key = sobol ? 'ST' : 'mu_star';
  const params = m.rows.filter((x) => x.index === key).sort((a, b) => b.value - a.value).map((x) => x.parameter);
  const get = (index: string) => params.map((p) => m.rows.find((x) => x.parameter === p && x.index === index) ?? null);
  const bars = (index: string, label: string, colour: string, withCi: boolean): Record<string, unknown> => {
    const rows = get(index);
    return {
      label,
      data: rows.map((x) => (x ? x.value : null)),
      backgroundColor: colour,
      ...(withCi ? { errorBars: rows.map((x) => (x && x.ciLow !== null && x.ciHigh !== null ? [x.ciLow, x.ciHigh] : null)), errorBarColor: '#222222' } : {}),
    };
  };
  const noiseLabel = m.noiseThreshold === null ? null : sobol ? `seed noise ${fmt(m.noiseThreshold)}` : `noise level ${fmt(m.noiseThreshold)}`;
  const datasets = sobol
    ? [bars('S1', 'S1, first order (alone)', COLOURS.first, true), { ...bars('ST', 'ST, total (with interactions)', COLOURS.total, true), ...(noiseLabel ? { coalsimRefLine: { value: m.noiseThreshold, label: noiseLabel } } : {}) }]
    : [{ ...bars('mu_star', 'μ*, mean |elementary effect|', COLOURS.total, true), ...(noiseLabel ? { coalsimRefLine: { value: m.noiseThreshold, label: noiseLabel } } : {}) }, bars('sigma', 'σ, spread of the effects', COLOURS.sigma, false)];
  // The total effect (or μ*) decides whether a parameter matters at all; S1 rows carry their own flag.
  const flagged = m.rows.filter((x) => x.belowNoise && x.index === key).map((x) => x.parameter);
  const design = sobol ? `${m.units} Saltelli blocks` : `${m.units} Morris trajectories`;
  const subtitle = [
    `${design}, mean of ${r.replicates} replicate${r.replicates === 1 ? '' : 's'} per point; whiskers: ${Math.round(r.confidence * 100)}% bootstrap interval`,
    m.noise ? `seed noise is ${(100 * m.noise.meanShare).toFixed(1)}% of the variance analysed${flagged.length > 0 ? `; not above the noise: ${flagged.join(', ')}` : ''}` : 'one replicate per point: seed noise not measured',
  ];
  // Whiskers are not data to Chart.js: widen the value axis to hold them (indices can pass 1 by sampling error).
  const ends = m.rows.filter((x) => x.index === key || x.index === 'S1').flatMap((x) => [x.value, x.ciLow ?? x.value, x.ciHigh ?? x.value]);
  const lo = Math.min(0, ...ends);
  const hi = Math.max(sobol ? 1 : 0, ...ends, ...m.rows.filter((x) => x.index === 'sigma').map((x) => x.value));
  const step = sobol ? 0.1 : niceStep(hi - lo);
  const range = { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step };
  const config = {
    type: 'bar',
    data: { labels: params, datasets },
    options: {
      indexAxis: 'y',
      responsive: false,
      animation: false,
      // Pinned like every chart: numbers read the same under any LANG (see charts.ts PINNED).
      devicePixelRatio: 1,
      locale: 'en-US',
      plugins: {
        title: { display: true, text: `What drives ${name.toLowerCase()}: ${sobol ? 'Sobol indices' : 'Morris screening'}` },
        subtitle: { display: true, text: subtitle },
        legend: { display: true, position: 'bottom' },
      },
      scales: {
        x: { title: { display: true, text: sobol ? 'share of the variance of the seed-averaged metric' : `${metricAxisTitle(m.metric)} per full range of the parameter` }, min: Number(range.min.toPrecision(6)), max: Number(range.max.toPrecision(6)) },
        y: { title: { display: true, text: 'parameter' } },
      },
    },
  };
  return {
    id: `sensitivity-${m.metric}`,
    title: `Sensitivity of ${name}`,
    caption: sobol
      ? `First-order (S1) and total (ST) Sobol indices of ${name} for each parameter, most influential first, with ${Math.round(r.confidence * 100)}% bootstrap intervals; the dashed line is the seed-noise share, which every ST includes.`
      : `Morris μ* (importance) and σ (interaction or non-linearity) of ${name} for each parameter, with the ${Math.round(r.confidence * 100)}% bootstrap interval of μ*; the dashed line is the μ* that seed noise alone would give.`,
    config: config as unknown as ChartConfiguration,
  };
}

/** Write sensitivity.csv, sensitivity.json and (when node-canvas loads) the charts; returns the file names written. */
export function writeSensitivityOutputs(dir: string, r: SensitivityReport, options: { charts: boolean; warn: (m: string) => void }): string[] {
  const files: string[] = [];
  const csv = stringify([[...SENSITIVITY_COLUMNS], ...sensitivityCsvRows(r)], { record_delimiter: 'unix', cast: { number: (n) => String(n) } });
  writeFileAtomically(join(dir, SENSITIVITY_FILE), csv);
  files.push(SENSITIVITY_FILE);
  writeFileAtomically(join(dir, SENSITIVITY_JSON), JSON.stringify(r, null, 2) + '\n');
  files.push(SENSITIVITY_JSON);
  if (!options.charts) return files;
  const specs = sensitivityChartSpecs(r);
  if (specs.length === 0) return files;
  const render = renderer();
  if (typeof render === 'string') {
    options.warn(`sensitivity charts skipped: ${render}`);
    return files;
  }
  for (const s of specs) {
    const name = join('charts', `${s.id}.png`);
    writeFileAtomically(join(dir, name), render(s.config), dir);
    files.push(name);
  }
  return files;
}

/** 1, 2 or 5 times a power of ten, about a tenth of the span. */
function niceStep(span: number): number {
  if (!(span > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(span / 10));
  const f = span / 10 / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(3)));
}
