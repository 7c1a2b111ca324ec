/**
 * Charts of a finished sweep, drawn from its aggregate.csv (so every mark traces to a row):
 * each metric against each numeric parameter, with the 95% interval as a band (one line per
 * level of the other parameter in a two-parameter grid; a scatter of point means for
 * sampled designs), and for a two-parameter grid a heatmap of each metric's mean. Rendered
 * by chartjs-node-canvas, loaded lazily; without node-canvas, one line on stderr and no
 * charts. Chart specs are data (plus one legend filter, as PNGs are drawn in
 * Node only); only renderSweepCharts does I/O.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartConfiguration } from 'chart.js';
import { parse } from 'csv-parse/sync';
import type { CompiledExperiment } from './load';
import { writeFileAtomically } from '../output/atomic';
import { AGGREGATE_FILE } from './outputs';

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
/** Above this many points, charts would be unreadable and slow: skipped with a note. */
const MAX_POINTS = 5000;

export async function renderSweepCharts(dir: string, c: CompiledExperiment, warn: (message: string) => void): Promise<string[]> {
  if (c.points.length > MAX_POINTS) {
    warn(`charts skipped: ${c.points.length} points is more than ${MAX_POINTS} (aggregate.csv has the data)`);
    return [];
  }
  const rows = parse(readFileSync(join(dir, AGGREGATE_FILE), 'utf8'), { columns: true }) as AggRow[];
  const specs = sweepChartSpecs(c, rows);
  if (specs.length === 0) return [];
  const render = renderer();
  if (typeof render === 'string') {
    warn(`charts skipped: ${render}`);
    return [];
  }
  mkdirSync(join(dir, 'charts'), { recursive: true });
  const files: string[] = [];
  for (const spec of specs) {
    const name = join('charts', `${spec.id}.png`);
    // Complete or absent: a full disk never leaves a truncated PNG (exit 5).
    writeFileAtomically(join(dir, name), render(spec.config));
    files.push(name);
  }
  return files;
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
function renderer(): ((config: ChartConfiguration) => Buffer) | string {
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
    cached = (config) => inst.renderToBufferSync(config, 'image/png');
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
      if (grid && others.length === 0) specs.push(lineChart(metric, p, [{ label: `mean and 95% interval`, rows: mine }]));
      else if (grid && others.length === 1) {
        const other = others[0]!;
        const levels = uniqueSorted(mine.map((r) => r[other]!));
        specs.push(lineChart(metric, p, pickEvenly(levels, COLOURS.length).map((v) => ({ label: `${other} = ${v}`, rows: mine.filter((r) => r[other] === v) }))));
      } else specs.push(scatterChart(metric, p, mine));
    }
    if (grid && numeric.length === 2 && names.length === 2) specs.push(heatmap(metric, numeric[0]!, numeric[1]!, mine));
  }
  return specs;
}

function spec(id: string, title: string, caption: string, config: Json): SweepChart {
  return { id, title, caption, config: config as unknown as ChartConfiguration };
}

function axes(x: string, y: string, extraX: Json = {}): Json {
  return {
    x: { type: 'linear', title: { display: true, text: x }, ...extraX },
    y: { title: { display: true, text: y } },
  };
}

function lineChart(metric: string, param: string, series: { label: string; rows: AggRow[] }[]): SweepChart {
  const datasets: Json[] = [];
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const pts = [...s.rows].sort((a, b) => Number(a[param]) - Number(b[param]));
    const at = (col: string): Json[] => pts.filter((r) => r[col] !== '').map((r) => ({ x: Number(r[param]), y: Number(r[col]) }));
    datasets.push({ label: `${s.label} (95% low)`, data: at('ci95_low'), borderWidth: 0, pointRadius: 0, fill: false, borderColor: colour });
    datasets.push({ label: `${s.label} (95% interval)`, data: at('ci95_high'), borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: `${colour}2E`, borderColor: colour });
    datasets.push({ label: s.label, data: at('mean'), borderColor: colour, backgroundColor: colour, borderWidth: 3, borderDash: DASHES[i % DASHES.length], pointRadius: 5, fill: false });
  });
  const config = {
    type: 'line',
    data: { datasets },
    options: {
      responsive: false,
      animation: false,
      plugins: {
        title: { display: true, text: `${metric} by ${param}` },
        subtitle: { display: true, text: 'line: mean over replicates; band: 95% interval for the mean (t-based)' },
        // The lower edge of each band stays out of the legend (the band itself is in it).
        legend: { labels: { boxWidth: 36, filter: (item: { text?: string }) => !String(item.text ?? '').endsWith('(95% low)') } },
      },
      scales: axes(param, metric),
    },
  };
  return spec(`${metric}-by-${param}`, `${metric} by ${param}`, `Mean of ${metric} over replicates at each value of ${param}, with its 95% interval.`, config);
}

function scatterChart(metric: string, param: string, rows: AggRow[]): SweepChart {
  const datasets = [{ label: 'mean at a point', data: rows.map((r) => ({ x: Number(r[param]), y: Number(r.mean) })), backgroundColor: `${COLOURS[0]}B0`, borderColor: COLOURS[0], pointRadius: 5 }];
  const config = {
    type: 'scatter',
    data: { datasets },
    options: { responsive: false, animation: false, plugins: { title: { display: true, text: `${metric} by ${param}` }, subtitle: { display: true, text: 'each dot: one point of the design, mean over its replicates (other parameters vary too)' } }, scales: axes(param, metric) },
  };
  return spec(`${metric}-by-${param}`, `${metric} by ${param}`, `Each point of the design: mean of ${metric} against ${param}.`, config);
}

function heatmap(metric: string, px: string, py: string, rows: AggRow[]): SweepChart {
  const xs = uniqueSorted(rows.map((r) => r[px]!));
  const ys = uniqueSorted(rows.map((r) => r[py]!));
  const values = rows.map((r) => Number(r.mean));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const cell = Math.max(3, Math.floor(0.48 * Math.min((WIDTH - 150) / xs.length, (HEIGHT - 190) / ys.length)));
  const data = rows.map((r) => ({ x: r[px], y: r[py] }));
  const colours = values.map((v) => viridis(hi > lo ? (v - lo) / (hi - lo) : 0.5));
  const config = {
    type: 'scatter',
    data: { datasets: [{ label: `mean ${metric}`, data, pointStyle: 'rect', pointRadius: cell, pointHoverRadius: cell, backgroundColor: colours, borderColor: colours, borderWidth: 0 }] },
    options: {
      responsive: false,
      animation: false,
      plugins: {
        title: { display: true, text: `${metric}: mean by ${px} and ${py}` },
        subtitle: { display: true, text: `colour: dark purple = ${fmt(lo)} (lowest) ... yellow = ${fmt(hi)} (highest)` },
        legend: { display: false },
      },
      scales: {
        x: { type: 'category', labels: xs, offset: true, title: { display: true, text: px }, grid: { display: false } },
        y: { type: 'category', labels: [...ys].reverse(), offset: true, title: { display: true, text: py }, grid: { display: false } },
      },
    },
  };
  return spec(`${metric}-heatmap`, `${metric}: heatmap`, `Mean of ${metric} at each grid point of ${px} and ${py}; colour from lowest (dark) to highest (yellow).`, config);
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
