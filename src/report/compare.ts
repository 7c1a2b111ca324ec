/**
 * Comparing runs: the numbers a class compares (troops, cost per soldier-year, who got the
 * surplus, reversals, hold-ups, payments) side by side with their differences, and every
 * chart of each run side by side. Pure: parsed run outputs in, a table and compare.html out.
 */
import { buildCharts } from '../charts/index';
import type { ChartSpec } from '../charts/types';
import type { ReportAssets } from './assets';
import { dollars, money, percent, troops } from './format';
import { holdupStories } from './holdups';
import { chartBootScript, REPORT_STYLE } from './html';
import type { RunOutputs } from './loadOutputs';
import { html, raw, scriptCode, scriptJson } from './safeHtml';

export interface CompareRow {
  readonly key: string;
  readonly label: string;
  /** One value per run (null when not defined, e.g. no paid deals). */
  readonly values: readonly (number | null)[];
  readonly format: (x: number) => string;
  /** A share shown as a percentage: its difference is in percentage points, not per cent. */
  readonly share?: boolean;
}

/** "teaching-holdup (seed 1)", with the run's folder when given (two runs of one scenario and seed are told apart by it). */
export function runName(o: RunOutputs, dir?: string): string {
  return `${o.scenario.meta.id} (seed ${o.summary.seed})${dir !== undefined ? ` from ${dir}` : ''}`;
}

export function compareRows(runs: readonly RunOutputs[]): CompareRow[] {
  const pick = (f: (o: RunOutputs) => number | null): (number | null)[] => runs.map(f);
  const held = runs.map((o) => holdupStories(o.events));
  return [
    { key: 'troopsFinal', label: 'Troops deployed at the end', values: pick((o) => o.summary.coalition.troopsFinal), format: troops },
    { key: 'demandFinal', label: 'Troops sought at the end', values: pick((o) => o.summary.coalition.demandFinal), format: troops },
    { key: 'peakTroops', label: 'Peak troops deployed', values: pick((o) => o.summary.coalition.peakTroops), format: troops },
    { key: 'flags', label: 'Flags in the coalition', values: pick((o) => o.summary.coalition.flags), format: troops },
    { key: 'costPerForeignSoldierYear', label: 'Cost per foreign soldier-year (US$)', values: pick((o) => o.summary.costs.costPerForeignSoldierYear), format: dollars },
    { key: 'costPerPaidSoldierYear', label: 'Cost per paid soldier-year (US$)', values: pick((o) => o.summary.costs.costPerPaidSoldierYear), format: dollars },
    { key: 'paymentsTotal', label: 'Paid to partners (US$)', values: pick((o) => o.summary.payments.total), format: money },
    { key: 'meanShare', label: 'Mean share of the surplus to partners', values: pick((o) => o.summary.power.meanShare), format: percent, share: true },
    { key: 'reversals', label: 'Reversals', values: pick((o) => o.summary.power.reversals), format: troops },
    { key: 'scarceRounds', label: 'Rounds with partners scarce', values: pick((o) => o.summary.market.scarceRounds), format: troops },
    { key: 'holdups', label: 'Hold-up threats', values: held.map((h) => h.length), format: troops },
    { key: 'holdupsPaid', label: 'Hold-ups paid', values: held.map((h) => h.filter((x) => x.outcome === 'paid').length), format: troops },
  ];
}

function diff(row: CompareRow): string {
  const [a, b] = row.values;
  if (row.values.length !== 2 || a === null || a === undefined || b === null || b === undefined) return '';
  const d = b - a;
  if (d === 0) return 'same';
  const sign = d > 0 ? '+' : '−';
  const rel = a !== 0 ? ` (${d > 0 ? '+' : '−'}${Math.round(Math.abs(d / a) * 100)}%)` : '';
  // A difference of two percentages is in points: 31% against 49% is 18 points, or 37% less.
  if (row.share === true) return `${sign}${Math.round(Math.abs(d) * 100)} points${rel}`;
  return `${sign}${row.format(Math.abs(d))}${rel}`;
}

/** The charts of every run, grouped by chart id in reading order; a run without a chart (no hold-ups) leaves a gap. */
export function chartsByRun(runs: readonly RunOutputs[]): { id: string; title: string; specs: (ChartSpec | null)[] }[] {
  const all = runs.map((o) => buildCharts(o));
  const ids: string[] = [];
  for (const specs of all) for (const s of specs) if (!ids.includes(s.id)) ids.push(s.id);
  return ids.map((id) => {
    const specs = all.map((list) => list.find((s) => s.id === id) ?? null);
    return { id, title: specs.find((s) => s !== null)!.title, specs };
  });
}

export function buildCompareHtml(runs: readonly RunOutputs[], assets: ReportAssets, dirs?: readonly string[]): string {
  const rows = compareRows(runs);
  const groups = chartsByRun(runs);
  const two = runs.length === 2;
  const chartData = groups.flatMap((g) => g.specs.flatMap((s, i) => (s === null ? [] : [{ id: `r${i}-${s.id}`, width: s.width, height: s.height, config: s.config, fills: s.fills }])));
  const cols = `repeat(${runs.length}, minmax(0, 1fr))`;
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Comparing ${runs.map((o) => runName(o)).join(' and ')} – coalsim</title>
<style>${raw(REPORT_STYLE)} .side { display: grid; grid-template-columns: ${raw(cols)}; gap: 1rem; } .side h3 { margin: 0.2rem 0; }</style>
</head>
<body>
<main>
<h1>Comparing ${runs.length} runs</h1>
<p class="meta">${runs.map((o, i) => html`${i > 0 ? '; ' : ''}<strong>${String.fromCharCode(65 + i)}</strong>: ${o.scenario.meta.title}, <code>${o.scenario.meta.id}</code>, seed ${o.summary.seed}${dirs?.[i] !== undefined ? html`, from <code>${dirs[i]!}</code>` : ''}`)}.</p>
<section id="differences"><h2>Differences</h2>
<table><thead><tr><th class="text">Measure</th>${runs.map((_, i) => html`<th>${String.fromCharCode(65 + i)}</th>`)}${two ? html`<th>B − A</th>` : ''}</tr></thead><tbody>
${rows.map((r) => html`<tr><td class="text">${r.label}</td>${r.values.map((v) => html`<td class="num">${v === null ? '–' : r.format(v)}</td>`)}${two ? html`<td class="num">${diff(r)}</td>` : ''}</tr>\n`)}</tbody></table></section>
<section id="charts"><h2>The same charts side by side</h2>
${groups.map((g) => html`<h3>${g.title}</h3><div class="side">${g.specs.map((s, i) => (s === null ? html`<p class="none">${String.fromCharCode(65 + i)}: no such chart in this run.</p>` : html`<figure><div class="chart"><canvas id="chart-r${i}-${s.id}" width="${s.width}" height="${s.height}" role="img" aria-label="${String.fromCharCode(65 + i)}: ${s.title}"></canvas></div><figcaption><strong>${String.fromCharCode(65 + i)}</strong>: ${s.caption}</figcaption></figure>`))}</div>\n`)}
</section>
<footer>Built by <code>coalsim compare</code> from each run's saved files; PNGs of each pair are in <code>charts/</code>.</footer>
</main>
<script id="coalsim-charts" type="application/json">${scriptJson(chartData)}</script>
<script>${scriptCode(assets.chartJs)}</script>
<script>${scriptCode(assets.annotationPlugin)}</script>
<script>${scriptCode(chartBootScript())}</script>
</body>
</html>
`.text;
}
