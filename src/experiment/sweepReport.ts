/**
 * sweep-report.html: one self-contained page for a finished sweep: what was varied, how many
 * runs (and failures), the sensitivity indices when the design has them, and every sweep
 * chart drawn live from the same specs as the PNGs (Chart.js inlined; no network). Pure: the
 * same inputs give the same bytes (no dates, no paths).
 */
import { escapeHtml } from '../report/html';
import { finishSweepConfig } from './chartFinish';
import type { SweepChart } from './charts';
import type { CompiledExperiment } from './load';
import { METRICS, type MetricName } from './metrics';
import type { SensitivityReport } from './sensitivity';

export const SWEEP_REPORT_FILE = 'sweep-report.html';

export interface SweepReportInput {
  readonly compiled: CompiledExperiment;
  readonly counts: { readonly ok: number; readonly failed: number; readonly missing: number };
  readonly charts: readonly SweepChart[];
  readonly sensitivity: SensitivityReport | null;
  /** Chart.js's browser build (chart.umd.min.js). */
  readonly chartJs: string;
}

const STYLE = `
* { box-sizing: border-box; }
html { font-size: 17px; }
body { margin: 0; color: #1a1a1a; background: #fff; font-family: 'DejaVu Sans', Verdana, sans-serif; line-height: 1.5; }
main { max-width: 1100px; margin: 0 auto; padding: 1.2rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0.4rem 0; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; border-bottom: 3px solid #1a1a1a; }
p { max-width: 60em; }
.meta { color: #555; }
.warn { color: #a33b00; font-weight: bold; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #d0d0d0; text-align: right; }
th.text, td.text { text-align: left; }
code { overflow-wrap: anywhere; }
figure { margin: 1.2rem 0 2rem; }
.chart { width: 100%; }
.chart canvas { display: block; width: 100%; height: auto; }
figcaption { color: #333; font-size: 0.9rem; }
`;

function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** 60,000,000 rather than 60000000 (a fixed locale, so the bytes never depend on the machine's). */
function big(x: number): string {
  return Math.abs(x) >= 10_000 ? x.toLocaleString('en-US') : String(x);
}

function num(x: number | null): string {
  return x === null ? '' : String(Number(x.toPrecision(3)));
}

function sensitivitySection(r: SensitivityReport): string {
  const parts: string[] = ['<section id="sensitivity"><h2>Which parameter matters</h2>'];
  parts.push(
    `<p>Indices of the mean over ${r.replicates} replicate${r.replicates === 1 ? '' : 's'} at each point, with ${Math.round(r.confidence * 100)}% bootstrap intervals (${r.resamples} resamples). ` +
      (r.design.type === 'saltelli'
        ? 'S1: the share of the variance a parameter explains alone; ST: alone and with every interaction. Seed noise adds to every ST: a parameter whose ST interval reaches down to the noise share is not distinguishable from noise.'
        : 'μ*: mean absolute elementary effect (importance, per full range of the parameter); σ: their spread (interactions or non-linearity). A μ* interval reaching down to the noise level is not distinguishable from seed noise.') +
      '</p>',
  );
  for (const m of r.metrics) {
    const name = m.metric in METRICS ? `${METRICS[m.metric as MetricName].label} (${METRICS[m.metric as MetricName].unit})` : m.metric;
    parts.push(`<h3>${escapeHtml(name)}</h3>`);
    if (m.error) {
      parts.push(`<p class="warn">No indices: ${escapeHtml(m.error)}</p>`);
      continue;
    }
    const sobol = m.method === 'sobol';
    const key = sobol ? 'ST' : 'mu_star';
    const ranked = m.rows.filter((x) => x.index === key).sort((a, b) => b.value - a.value);
    const head = sobol ? '<th class="text">parameter</th><th>S1</th><th>S1 interval</th><th>ST</th><th>ST interval</th><th class="text">above noise?</th>' : '<th class="text">parameter</th><th>μ*</th><th>μ* interval</th><th>μ</th><th>σ</th><th class="text">above noise?</th>';
    // A negative S1 is sampling error around 0 (sensitivity.ts), said so beside the figure.
    const firstOrder = (v: number | null): string => (v !== null && v < 0 ? `${num(v)} (0 within sampling error)` : num(v));
    const rows = ranked.map((x) => {
      const at = (index: string) => m.rows.find((y) => y.parameter === x.parameter && y.index === index);
      const iv = (y: { ciLow: number | null; ciHigh: number | null } | undefined): string => (y && y.ciLow !== null ? `${num(y.ciLow)} – ${num(y.ciHigh)}` : '');
      const noise = x.belowNoise === null ? '' : x.belowNoise ? 'no' : 'yes';
      return sobol
        ? `<tr><td class="text">${escapeHtml(x.parameter)}</td><td>${firstOrder(at('S1')?.value ?? null)}</td><td>${iv(at('S1'))}</td><td>${num(x.value)}</td><td>${iv(x)}</td><td class="text">${noise}</td></tr>`
        : `<tr><td class="text">${escapeHtml(x.parameter)}</td><td>${num(x.value)}</td><td>${iv(x)}</td><td>${num(at('mu')?.value ?? null)}</td><td>${num(at('sigma')?.value ?? null)}</td><td class="text">${noise}</td></tr>`;
    });
    parts.push(`<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`);
    const notes: string[] = [];
    if (m.noise) notes.push(`Seed noise: ${(100 * m.noise.meanShare).toFixed(1)}% of the variance of the point means (${(100 * m.noise.runShare).toFixed(1)}% of a single run's variance).`);
    if (m.unitsDropped > 0) notes.push(`${m.unitsDropped} ${sobol ? 'blocks' : 'trajectories'} left out: a point had no defined value.`);
    if (notes.length > 0) parts.push(`<p class="meta">${escapeHtml(notes.join(' '))}</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function buildSweepReportHtml(input: SweepReportInput): string {
  const { compiled: c, counts, charts } = input;
  const e = c.experiment;
  const runs = counts.ok + counts.failed + counts.missing;
  const paramRows = c.experiment.parameters
    .map((p) => {
      const range = p.values !== undefined ? `${p.values.length} values` : `${big(p.min!)} to ${big(p.max!)}${p.integer ? ', whole numbers' : ''}${p.scale === 'log' ? ', log scale' : ''}`;
      return `<tr><td class="text">${escapeHtml(p.name)}</td><td class="text"><code>${escapeHtml(p.path)}</code></td><td class="text">${escapeHtml(range)}</td></tr>`;
    })
    .join('');
  const metricRows = e.metrics.map((m) => `<tr><td class="text"><code>${escapeHtml(m)}</code></td><td class="text">${escapeHtml(METRICS[m].label)}</td><td class="text">${escapeHtml(METRICS[m].unit)}</td></tr>`).join('');
  const lost = c.points.length < c.requestedPoints ? ` <span class="warn">The design asked for ${c.requestedPoints} points; ${c.points.length} are distinct after rounding.</span>` : '';
  const failed = counts.failed > 0 ? ` <span class="warn">${counts.failed} run${counts.failed === 1 ? '' : 's'} failed (see runs.csv).</span>` : '';
  const figures = charts
    .map((s) => `<figure id="fig-${escapeHtml(s.id)}"><div class="chart"><canvas id="chart-${escapeHtml(s.id)}" width="1200" height="800" role="img" aria-label="${escapeHtml(s.title)}. ${escapeHtml(s.caption)}"></canvas></div><figcaption><strong>${escapeHtml(s.title)}.</strong> ${escapeHtml(s.caption)} PNG: <code>charts/${escapeHtml(s.id)}.png</code></figcaption></figure>`)
    .join('\n');
  const boot = `(function () {
  'use strict';
  var finishSweepConfig = ${finishSweepConfig.toString()};
  Chart.defaults.font.family = "'DejaVu Sans', Verdana, sans-serif";
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#222222';
  Chart.defaults.animation = false;
  var specs = JSON.parse(document.getElementById('coalsim-sweep-charts').textContent);
  specs.forEach(function (spec) {
    var canvas = document.getElementById('chart-' + spec.id);
    if (!canvas) return;
    var config = finishSweepConfig(spec.config);
    config.options.responsive = true;
    config.options.maintainAspectRatio = true;
    config.options.aspectRatio = 1.5;
    new Chart(canvas, config);
  });
})();`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(e.title)} – coalsim sweep</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(e.title)}</h1>
<p class="meta">Experiment <code>${escapeHtml(e.id)}</code> on scenario <code>${escapeHtml(c.base.meta.id)}</code>: a ${escapeHtml(e.design.type)} design of ${c.points.length} points × ${e.replicates} replicate${e.replicates === 1 ? '' : 's'} = ${runs} runs, base seed ${e.seed}. ${counts.ok} ok, ${counts.failed} failed, ${counts.missing} missing.${failed}${lost}</p>
${e.description ? `<p>${escapeHtml(e.description)}</p>` : ''}
</header>
<section id="design">
<h2>What was varied and measured</h2>
<div class="table-wrap"><table><thead><tr><th class="text">parameter</th><th class="text">path in the scenario</th><th class="text">range</th></tr></thead><tbody>${paramRows}</tbody></table></div>
<div class="table-wrap"><table><thead><tr><th class="text">metric</th><th class="text">name</th><th class="text">unit</th></tr></thead><tbody>${metricRows}</tbody></table></div>
</section>
${input.sensitivity ? sensitivitySection(input.sensitivity) : ''}
<section id="charts">
<h2>Charts</h2>
${figures || '<p>No charts: the design has no numeric parameter, or too many points.</p>'}
</section>
<footer class="meta">Every number here comes from the files beside this page: <code>aggregate.csv</code>${input.sensitivity ? ', <code>sensitivity.csv</code>' : ''}, <code>runs.csv</code> and <code>manifest.json</code>. Rebuild it with <code>coalsim analyze &lt;dir&gt;</code>.</footer>
</main>
<script id="coalsim-sweep-charts" type="application/json">${scriptJson(charts.map((s) => ({ id: s.id, config: s.config })))}</script>
<script>${input.chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script>${boot}</script>
</body>
</html>
`;
}
