/**
 * Charts of a finished sweep, drawn from its aggregate.csv (so every mark traces to a row):
 * each metric against each numeric parameter, the mean with its 95% interval as a whisker
 * (one line per level of the other parameter in a two-parameter grid; a scatter of point
 * means for sampled designs), and for a two-parameter grid a heatmap of each metric's mean
 * with the value and interval in each cell and a colour bar. Titles, axes and units come
 * from the metric registry (metrics.ts); integer parameters get whole-number ticks. Rendered
 * by chartjs-node-canvas, loaded lazily; without node-canvas, one line on stderr and no
 * charts. Chart specs are plain JSON; chartFinish.ts adds the drawing (whiskers, cell labels,
 * colour bar) for both the PNGs and sweep-report.html. Only the render functions do I/O.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomically } from '../output/atomic';
import { join } from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import { parse } from 'csv-parse/sync';
import type { CompiledExperiment } from './load';
import { restoreFormulaText } from '../output/csv';
import { finishSweepConfig } from './chartFinish';
import { METRICS, metricAxisTitle, metricBounds, metricInterval, type MetricName } from './metrics';
import { AGGREGATE_FILE } from './outputs';
import { PINNED_OPTIONS } from '../charts/palette';

type Json = Record<string, unknown>;
type AggRow = Record<string, string>;

/** One chart: a file stem (charts/<id>.png), what it shows, and its Chart.js configuration. */
export interface SweepChart {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly config: ChartConfiguration;
}

const WIDTH = 1200;
const HEIGHT = 800;
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9'];
const DASHES = [[], [14, 6], [4, 5], [18, 5, 4, 5], [2, 7], [24, 8]];
/** Same bytes under any LANG (charts/palette.ts). */
const PINNED = PINNED_OPTIONS;
/** Above this many points, charts would be unreadable and slow: skipped with a note. */
const MAX_POINTS = 5000;

/** The chart specs of a finished sweep, from its aggregate.csv; none (with a note) past MAX_POINTS points. */
export function sweepChartsOf(dir: string, c: CompiledExperiment, warn: (message: string) => void): SweepChart[] {
  if (c.points.length > MAX_POINTS) {
    warn(`charts skipped: ${c.points.length} points is more than ${MAX_POINTS} (aggregate.csv has the data)`);
    return [];
  }
  // Text cells come back as written before formula neutralising (see output/csv.ts).
  const rows = parse(readFileSync(join(dir, AGGREGATE_FILE), 'utf8'), { columns: true, cast: (value) => restoreFormulaText(value) }) as AggRow[];
  return sweepChartSpecs(c, rows);
}

/** Render chart specs to dir/charts/<id>.png; returns the files written (none without node-canvas). */
export function renderChartFiles(dir: string, specs: readonly SweepChart[], warn: (message: string) => void): string[] {
  if (specs.length === 0) return [];
  const render = renderer();
  if (typeof render === 'string') {
    warn(`charts skipped: ${render}`);
    return [];
  }
  const files: string[] = [];
  for (const spec of specs) {
    const name = join('charts', `${spec.id}.png`);
    // Complete or absent: a full disk never leaves a truncated PNG (exit 5).
    writeFileAtomically(join(dir, name), render(spec.config), dir);
    files.push(name);
  }
  return files;
}

export async function renderSweepCharts(dir: string, c: CompiledExperiment, warn: (message: string) => void): Promise<string[]> {
  return renderChartFiles(dir, sweepChartsOf(dir, c, warn), warn);
}

interface NodeCanvasRenderer {
  renderToBufferSync(config: ChartConfiguration, mime?: 'image/png'): Buffer;
  registerFont(path: string, options: { family: string; weight?: string }): void;
}
type ChartJsDefaults = { defaults: { font: { family: string; size: number }; color: string } };

let cached: ((config: ChartConfiguration) => Buffer) | string | undefined;

/**
 * One chartjs-node-canvas instance for every sweep chart (each instance loads its own
 * Chart.js), or why there is none. Loaded on first use: canvas is an optional dependency.
 */
export function renderer(): ((config: ChartConfiguration) => Buffer) | string {
  if (cached !== undefined) return cached;
  try {
    const { ChartJSNodeCanvas } = require('chartjs-node-canvas') as { ChartJSNodeCanvas: new (o: { width: number; height: number; backgroundColour: string; chartCallback: (c: ChartJsDefaults) => void }) => NodeCanvasRenderer };
    const inst = new ChartJSNodeCanvas({
      width: WIDTH,
      height: HEIGHT,
      backgroundColour: '#ffffff',
      chartCallback: (chartJs) => {
        chartJs.defaults.font.family = "'DejaVu Sans', Verdana, sans-serif";
        chartJs.defaults.font.size = 18;
        chartJs.defaults.color = '#222222';
      },
    });
    for (const [file, weight] of [['DejaVuSans.ttf', 'normal'], ['DejaVuSans-Bold.ttf', 'bold']] as const) {
      const path = `/usr/share/fonts/truetype/dejavu/${file}`;
      if (existsSync(path)) inst.registerFont(path, { family: 'DejaVu Sans', weight });
    }
    cached = (config) => inst.renderToBufferSync(finishSweepConfig(config) as ChartConfiguration, 'image/png');
  } catch (err) {
    cached = `the optional packages canvas and chartjs-node-canvas cannot be loaded (${String((err as Error).message ?? err).split('\n')[0]})`;
  }
  return cached;
}

/** Pure: the chart specs of a sweep from its aggregate rows. */
export function sweepChartSpecs(c: CompiledExperiment, rows: readonly AggRow[]): SweepChart[] {
  const names = c.params.map((p) => p.name);
  const numeric = names.filter((n) => rows.length > 0 && rows.every((r) => r[n] !== '' && Number.isFinite(Number(r[n]))));
  const grid = c.experiment.design.type === 'grid';
  const specs: SweepChart[] = [];
  for (const metric of c.experiment.metrics) {
    const mine = rows.filter((r) => r.metric === metric && r.mean !== '');
    if (mine.length === 0) continue;
    for (const p of numeric) {
      const others = names.filter((n) => n !== p);
      const integer = isInteger(c, p, mine);
      if (grid && others.length === 0) specs.push(lineChart(c, metric, p, integer, [{ label: 'mean over replicates', rows: mine }]));
      else if (grid && others.length === 1) {
        const other = others[0]!;
        const levels = uniqueSorted(mine.map((r) => r[other]!));
        specs.push(lineChart(c, metric, p, integer, pickEvenly(levels, COLOURS.length).map((v) => ({ label: `${other} = ${v}`, rows: mine.filter((r) => r[other] === v) }))));
      } else specs.push(scatterChart(c, metric, p, integer, mine));
    }
    if (grid && numeric.length === 2 && names.length === 2) specs.push(heatmap(c, metric, numeric[0]!, numeric[1]!, mine));
  }
  return specs;
}

/** An integer parameter (declared, or every value whole) gets whole-number ticks. */
function isInteger(c: CompiledExperiment, name: string, rows: readonly AggRow[]): boolean {
  const spec = c.experiment.parameters.find((q) => q.name === name);
  return spec?.integer === true || rows.every((r) => Number.isInteger(Number(r[name])));
}

function paramTitle(c: CompiledExperiment, name: string): string {
  const p = c.params.find((q) => q.name === name);
  return p ? `${name} (${p.path})` : name;
}

function spec(id: string, title: string, caption: string, config: Json): SweepChart {
  return { id, title, caption, config: config as unknown as ChartConfiguration };
}

function axes(x: string, y: string, integerX: boolean, bounds: [number | null, number | null], xs: readonly number[]): Json {
  // Room at both ends (3% of the range) so the end points' whiskers are not clipped, as explicit
  // bounds: Chart.js's `grace` rounds them out to a nice tick, so a surge from 0 to 18,000 got an
  // axis from -5,000, a quarter of it impossible values. The bounds themselves carry no tick.
  const finite = xs.filter(Number.isFinite);
  const lo = finite.length > 0 ? Math.min(...finite) : 0;
  const hi = finite.length > 0 ? Math.max(...finite) : 1;
  const pad = hi > lo ? 0.03 * (hi - lo) : Math.abs(lo) > 0 ? 0.05 * Math.abs(lo) : 1;
  return {
    x: { type: 'linear', min: lo - pad, max: hi + pad, title: { display: true, text: x }, ticks: { includeBounds: false, ...(integerX ? { precision: 0 } : {}) } },
    // A share's axis keeps to [0, 1] and a count's to >= 0 (suggested: the data may sit inside).
    y: { title: { display: true, text: y }, ...(bounds[0] !== null ? { suggestedMin: bounds[0] } : {}), ...(bounds[1] !== null ? { suggestedMax: bounds[1] } : {}) },
  };
}

/**
 * The interval a chart draws, in words. A percentile bootstrap of a mean over fewer than about 10
 * replicates is narrower than nominal (with 2 it is the range of the two): the note says so
 * where the design has that few (docs/sweeps.md, ci_method).
 */
function intervalNote(metric: string, replicates: number): string {
  if (metricInterval(metric) !== 'bootstrap') return '95% t-interval';
  return replicates < FEW_REPLICATES ? `95% bootstrap interval, narrower than nominal with ${replicates} replicate${replicates === 1 ? '' : 's'} a point (use 10 or more)` : '95% bootstrap interval (stays within the metric\'s bounds)';
}

/** Below this many replicates a point's bootstrap interval covers less than it says. */
export const FEW_REPLICATES = 10;

function lineChart(c: CompiledExperiment, metric: string, param: string, integer: boolean, series: { label: string; rows: AggRow[] }[]): SweepChart {
  const name = metric in METRICS ? METRICS[metric as MetricName].label : metric;
  const datasets = series.map((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const pts = [...s.rows].sort((a, b) => Number(a[param]) - Number(b[param]));
    return {
      label: s.label,
      data: pts.map((r) => ({ x: Number(r[param]), y: Number(r.mean) })),
      // One whisker per mean: visible for a single level too, and one legend entry per series.
      errorBars: pts.map((r) => (r.ci95_low !== '' && r.ci95_high !== '' ? [Number(r.ci95_low), Number(r.ci95_high)] : null)),
      errorBarColor: colour,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 3,
      borderDash: DASHES[i % DASHES.length],
      pointRadius: 5,
      fill: false,
    };
  });
  const config = {
    type: 'line',
    data: { datasets },
    options: {
      ...PINNED,
      plugins: {
        title: { display: true, text: `${name} by ${param}` },
        subtitle: { display: true, text: `line: mean over replicates; whiskers: ${intervalNote(metric, c.experiment.replicates)} for the mean` },
        legend: { display: series.length > 1, labels: { boxWidth: 36 } },
      },
      scales: axes(paramTitle(c, param), metricAxisTitle(metric), integer, metricBounds(metric), series.flatMap((s) => s.rows.map((r) => Number(r[param])))),
    },
  };
  return spec(`${metric}-by-${param}`, `${name} by ${param}`, `Mean of ${name} (${metricUnit(metric)}) over replicates at each value of ${param}, with its ${intervalNote(metric, c.experiment.replicates)}.`, config);
}

function scatterChart(c: CompiledExperiment, metric: string, param: string, integer: boolean, rows: AggRow[]): SweepChart {
  const name = metric in METRICS ? METRICS[metric as MetricName].label : metric;
  const datasets = [{ label: 'mean at a design point', data: rows.map((r) => ({ x: Number(r[param]), y: Number(r.mean) })), backgroundColor: `${COLOURS[0]}90`, borderColor: COLOURS[0], pointRadius: 4 }];
  const config = {
    type: 'scatter',
    data: { datasets },
    options: {
      ...PINNED,
      plugins: { title: { display: true, text: `${name} by ${param}` }, subtitle: { display: true, text: 'each dot: one point of the design, mean over its replicates (the other parameters vary too)' }, legend: { display: false } },
      scales: axes(paramTitle(c, param), metricAxisTitle(metric), integer, metricBounds(metric), rows.map((r) => Number(r[param]))),
    },
  };
  return spec(`${metric}-by-${param}`, `${name} by ${param}`, `Each point of the design: mean of ${name} (${metricUnit(metric)}) against ${param}.`, config);
}

function heatmap(c: CompiledExperiment, metric: string, px: string, py: string, rows: AggRow[]): SweepChart {
  const name = metric in METRICS ? METRICS[metric as MetricName].label : metric;
  const xs = uniqueSorted(rows.map((r) => r[px]!));
  const ys = uniqueSorted(rows.map((r) => r[py]!));
  const values = rows.map((r) => Number(r.mean));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const cell = Math.max(3, Math.floor(0.48 * Math.min((WIDTH - 330) / xs.length, (HEIGHT - 230) / ys.length)));
  const data = rows.map((r) => ({ x: r[px], y: r[py] }));
  const t = values.map((v) => (hi > lo ? (v - lo) / (hi - lo) : 0.5));
  const colours = t.map(viridis);
  // Each cell: the mean, and below it +- half the interval's width (the uncertainty of that mean).
  const labels = rows.map((r) => {
    const half = r.ci95_low !== '' && r.ci95_high !== '' ? (Number(r.ci95_high) - Number(r.ci95_low)) / 2 : null;
    return half === null ? fmt(Number(r.mean)) : `${fmt(Number(r.mean))}\n±${fmt(half)}`;
  });
  const stops = [0, 0.25, 0.5, 0.75, 1].map(viridis);
  const config = {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: `mean ${metric}`,
          data,
          pointStyle: 'rect',
          pointRadius: cell,
          pointHoverRadius: cell,
          backgroundColor: colours,
          borderColor: colours,
          borderWidth: 0,
          coalsimCells: { labels, textColours: t.map((v) => (v > 0.6 ? '#111111' : '#ffffff')) },
          coalsimColorBar: { stops, title: metricAxisTitle(metric), tickWidth: 110, ticks: [0, 0.5, 1].map((at) => ({ at, label: fmt(lo + at * (hi - lo)) })) },
        },
      ],
    },
    options: {
      ...PINNED,
      layout: { padding: { right: 190 } },
      plugins: {
        title: { display: true, text: `${name}: mean by ${px} and ${py}` },
        subtitle: { display: true, text: `cell: mean over replicates, ± half its 95% interval${metricInterval(metric) === 'bootstrap' ? ' (bootstrap)' : ''}` },
        legend: { display: false },
      },
      scales: {
        x: { type: 'category', labels: xs, offset: true, title: { display: true, text: paramTitle(c, px) }, grid: { display: false } },
        y: { type: 'category', labels: [...ys].reverse(), offset: true, title: { display: true, text: paramTitle(c, py) }, grid: { display: false } },
      },
    },
  };
  return spec(`${metric}-heatmap`, `${name}: heatmap`, `Mean of ${name} (${metricUnit(metric)}) at each grid point of ${px} and ${py}, with ± half its interval; colour bar from lowest (dark) to highest (yellow).`, config);
}

function metricUnit(metric: string): string {
  return metric in METRICS ? METRICS[metric as MetricName].unit : '';
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => Number(a) - Number(b));
}

function pickEvenly<T>(xs: readonly T[], k: number): T[] {
  if (xs.length <= k) return [...xs];
  return Array.from({ length: k }, (_, i) => xs[Math.round((i * (xs.length - 1)) / (k - 1))]!);
}

function fmt(x: number): string {
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(4)));
}

/** A few stops of the viridis colour map, linearly interpolated: readable in greyscale too. */
function viridis(t: number): string {
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const c = stops[i]!.map((v, k) => Math.round(v + f * (stops[i + 1]![k]! - v)));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}
