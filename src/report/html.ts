/**
 * report.html: one self-contained page a teacher can open offline and project. The
 * scenario, the story of the run, live charts (the same specs as the PNGs), the members
 * table, hold-ups and reversals. Chart.js and its annotation plugin are inlined; nothing is
 * fetched. Pure apart from the assets passed in: same inputs, same bytes (no dates).
 */
import { finishConfig } from '../charts/finish';
import { CHART_DEFAULTS, type ChartSpec } from '../charts/types';
import type { ReportAssets } from './assets';
import { dollars, money, moneyShort, percent, plural, troops } from './format';
import type { RunOutputs } from './loadOutputs';
import { blockHeading, foldQuiet, type Narrative } from './narrative';
import { possessive, theName } from './names';
import { typologyOf } from './typology';

export interface ReportInput {
  readonly outputs: RunOutputs;
  readonly narrative: Narrative;
  readonly charts: readonly ChartSpec[];
  readonly assets: ReportAssets;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Library code safe inside a <script> element. */
function scriptCode(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

const STYLE = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #0072B2; --warn: #D55E00; --bg-soft: #f4f4f1; }
* { box-sizing: border-box; }
html { font-size: 18px; }
body { margin: 0; color: var(--ink); background: #fff; font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif; line-height: 1.55; }
main { max-width: 1180px; margin: 0 auto; padding: 1.5rem 2rem 4rem; }
header h1 { font-size: 2.1rem; line-height: 1.2; margin: 0.5rem 0 0.3rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
nav { border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 0.5rem 0; margin-bottom: 1.5rem; }
nav a { color: var(--accent); margin-right: 1.3rem; text-decoration: none; white-space: nowrap; }
nav a:hover { text-decoration: underline; }
h2 { font-size: 1.55rem; margin: 2.5rem 0 0.8rem; border-bottom: 3px solid var(--ink); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 0.3rem; }
p { margin: 0.4rem 0 0.9rem; max-width: 60em; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0.8rem; margin: 1rem 0; }
.card { background: var(--bg-soft); border-left: 6px solid var(--accent); padding: 0.7rem 1rem; }
.card .num { font-size: 1.7rem; font-weight: bold; display: block; }
.card .what { color: var(--muted); font-size: 0.9rem; }
.story .round { margin: 0 0 1rem; padding-left: 1rem; border-left: 4px solid var(--rule); }
.story .round.eventful { border-left-color: var(--accent); }
.story .round.quiet { color: var(--muted); }
.story h3 { margin: 0 0 0.2rem; }
.story ul { margin: 0.2rem 0 0.6rem; padding-left: 1.2rem; max-width: 62em; }
.story li { margin: 0.15rem 0 0.35rem; }
.story li::marker { color: var(--muted); }
td { white-space: nowrap; }
td.text { white-space: normal; }
td.state { white-space: nowrap; }
td .why { display: block; color: var(--muted); font-size: 0.8rem; line-height: 1.3; }
figure { margin: 1.5rem 0 2.5rem; }
.chart { position: relative; width: 100%; }
.chart canvas { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); margin-top: 0.5rem; max-width: 60em; }
figcaption .png { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: 0.8rem 0 1.2rem; font-size: 0.95rem; }
th, td { padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
th { background: var(--bg-soft); border-bottom: 2px solid var(--ink); }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
tbody tr:nth-child(even) { background: #fafaf8; }
.none { color: var(--muted); font-style: italic; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); padding-top: 0.8rem; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; }
@media print { nav { display: none; } main { max-width: none; padding: 0; } figure, .round, tr { break-inside: avoid; } }
`;

function cards(o: RunOutputs): string {
  const s = o.summary;
  const items: [string, string][] = [
    [`${troops(s.coalition.troopsFinal)} / ${troops(s.coalition.demandFinal)}`, `troops deployed / sought at the end (peak ${troops(s.coalition.peakTroops)} of ${troops(s.coalition.peakDemand)})`],
    [`${s.coalition.flags}`, `flags in the coalition`],
    [money(s.payments.total), `paid by ${theName(o.scenario.pivotal.name)} (${money(s.payments.byKind.subsidy)} subsidies, ${money(s.payments.byKind['side-deal'])} side deals)`],
    [
      s.costs.costPerForeignSoldierYear === null ? '–' : dollars(s.costs.costPerForeignSoldierYear),
      `per foreign soldier-year, against ${dollars(s.costs.ownSoldierCostPerYear)} for one of ${possessive(theName(o.scenario.pivotal.name))} own`,
    ],
    [s.power.meanShare === null ? '–' : percent(s.power.meanShare), `of the surplus to third parties, on average over ${plural(s.power.deals, 'paid deal')}`],
    [`${s.power.reversals}`, `bargaining-power reversal${s.power.reversals === 1 ? '' : 's'}`],
  ];
  return `<div class="cards">${items.map(([n, w]) => `<div class="card"><span class="num">${escapeHtml(n)}</span><span class="what">${escapeHtml(w)}</span></div>`).join('')}</div>`;
}

function story(n: Narrative): string {
  return foldQuiet(n.rounds)
    .map((b) => {
      const quiet = n.rounds.find((r) => r.round === b.from)?.quiet === true;
      const beats = b.sentences.map((x) => `<li>${escapeHtml(x)}</li>`).join('');
      return `<div class="round ${quiet ? 'quiet' : 'eventful'}" id="round-${b.from}"><h3>${escapeHtml(blockHeading(b))}</h3><ul>${beats}</ul></div>`;
    })
    .join('\n');
}

function figures(specs: readonly ChartSpec[]): string {
  return specs
    .map(
      (s) =>
        `<figure id="fig-${s.id}"><div class="chart"><canvas id="chart-${s.id}" width="${s.width}" height="${s.height}" role="img" aria-label="${escapeHtml(s.title)}. ${escapeHtml(s.caption)}"></canvas></div>` +
        `<figcaption><strong>${escapeHtml(s.title)}.</strong> ${escapeHtml(s.caption)} <span class="png">PNG: <code>charts/${escapeHtml(s.id)}.png</code></span></figcaption></figure>`,
    )
    .join('\n');
}

function membersTable(o: RunOutputs): string {
  const rows = o.summary.coalition.members.map((m) => {
    const type = typologyOf(m);
    const why = type.reasons.length > 0 ? `<span class="why">${escapeHtml(type.reasons.join('; '))}</span>` : '';
    const cells = [
      `<td class="text state">${escapeHtml(m.name)} <code>${escapeHtml(m.id)}</code></td>`,
      `<td class="text">${escapeHtml(type.label)}${why}</td>`,
      `<td>${m.joinedRound}</td>`,
      `<td>${troops(m.troopsFinal)}</td>`,
      `<td>${troops(m.troopsMax)}</td>`,
      `<td>${m.paid ? dollars(m.reservationPerSoldierYear) : '–'}</td>`,
      `<td>${m.paid ? dollars(m.pricePerSoldierYear) : '–'}</td>`,
      `<td>${moneyShort(m.paymentsByKind.subsidy)}</td>`,
      `<td>${moneyShort(m.paymentsByKind['side-deal'])}</td>`,
      `<td>${moneyShort(m.paymentsTotal)}</td>`,
      `<td>${m.surplusShare === null ? '–' : m.surplusShare.toFixed(2)}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  const head = ['State', 'Type', 'Joined (round)', 'Troops at end', 'Peak troops', 'Would accept (per soldier-year)', 'Got (per soldier-year)', 'Subsidies', 'Side deals (cost)', 'Total paid', 'Surplus share'];
  const out = [
    `<table><thead><tr>${head.map((h, i) => `<th${i < 2 ? ' class="text"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
  ];
  if (o.summary.coalition.neverJoined.length > 0) {
    const outs = o.summary.coalition.neverJoined.map((n) => `${escapeHtml(n.name)}${n.lastReason ? ` (${escapeHtml(n.lastReason.replace(/-/g, ' '))})` : ''}`);
    out.push(`<p>Stayed out: ${outs.join(', ')}.</p>`);
  }
  out.push(
    `<p class="note">Type is read from each state's attributes and behaviour. “Would accept” is its private reservation, the least it would deploy for; “got” is the value of its deal, subsidy plus side deals; the surplus share is its share of the gap between that and what the troops were worth to ${escapeHtml(theName(o.scenario.pivotal.name))} (0 to 1).</p>`,
  );
  return out.join('\n');
}

interface LooseEvent {
  readonly type: string;
  readonly round: number;
  readonly [key: string]: unknown;
}

function holdupsAndReversals(o: RunOutputs, n: Narrative): string {
  const names = new Map(o.scenario.thirdParties.map((t) => [t.id, t.name]));
  const name = (id: unknown): string => escapeHtml(names.get(String(id)) ?? String(id));
  const loose = o.events as unknown as readonly LooseEvent[];
  const reversals = loose.filter((e) => e.type === 'reversal');
  const holdups = loose.filter((e) => e.type === 'holdup-threat' || e.type === 'holdup-resolved');
  const out: string[] = ['<h3>Hold-ups</h3>'];
  if (holdups.length === 0) out.push('<p class="none">No partner threatened to cut or withdraw its forces in this run.</p>');
  else {
    const rows = holdups.map((e) => {
      const what = e.type === 'holdup-threat' ? 'Threat' : `Resolved: ${String(e.outcome ?? '').replace(/-/g, ' ')}`;
      const story = n.rounds.find((r) => r.round === e.round)?.sentences.find((s) => s.includes(names.get(String(e.party)) ?? '\u0000')) ?? '';
      return `<tr><td>${e.round}</td><td class="text">${name(e.party)}</td><td class="text">${escapeHtml(what)}</td><td class="text">${escapeHtml(story)}</td></tr>`;
    });
    out.push(`<table><thead><tr><th>Round</th><th class="text">State</th><th class="text">What</th><th class="text">In the story</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  out.push('<h3>Reversals</h3>');
  if (reversals.length === 0) out.push('<p class="none">No reversal: no much weaker state took the larger share of a deal\'s surplus.</p>');
  else {
    const rows = reversals.map((e) => {
      const share = typeof e.share === 'number' ? e.share.toFixed(2) : '';
      const ratio = typeof e.capabilityRatio === 'number' ? `${Math.round(e.capabilityRatio)}×` : '';
      return `<tr><td>${e.round}</td><td class="text">${name(e.party)}</td><td>${share}</td><td>${ratio}</td></tr>`;
    });
    out.push(`<table><thead><tr><th>Round</th><th class="text">State</th><th>Its surplus share</th><th>How much larger the pivotal's forces are</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
  }
  return out.join('\n');
}

/** The page's own script: draw every chart from its spec, finished exactly as the PNG renderer does. */
function bootScript(): string {
  return `(function () {
  'use strict';
  var finishConfig = ${finishConfig.toString()};
  var defaults = ${scriptJson(CHART_DEFAULTS)};
  Chart.defaults.font.family = defaults.fontFamily;
  Chart.defaults.font.size = defaults.fontSize;
  Chart.defaults.color = defaults.color;
  Chart.defaults.animation = false;
  var specs = JSON.parse(document.getElementById('coalsim-charts').textContent);
  var tile = function (w, h) { var c = document.createElement('canvas'); c.width = w; c.height = h; return c; };
  specs.forEach(function (spec) {
    var canvas = document.getElementById('chart-' + spec.id);
    if (!canvas) return;
    var config = finishConfig(spec.config, spec.fills, tile);
    // The specs are sized for a 1600-pixel slide; on a narrower page shrink the type with the
    // canvas (not below 70%) so the plot keeps its room.
    var scale = Math.max(0.7, Math.min(1, (canvas.parentElement.clientWidth || spec.width) / spec.width));
    var shrink = function (node) {
      if (!node || typeof node !== 'object') return;
      if (node.font && typeof node.font.size === 'number') node.font.size = Math.round(node.font.size * scale);
      Object.keys(node).forEach(function (k) { if (k !== 'font') shrink(node[k]); });
    };
    shrink(config.options);
    config.options.responsive = true;
    config.options.maintainAspectRatio = true;
    config.options.aspectRatio = spec.width / spec.height;
    delete config.options.devicePixelRatio;
    new Chart(canvas, config);
  });
})();`;
}

export function buildReportHtml(input: ReportInput): string {
  const { outputs: o, narrative: n, charts, assets } = input;
  const s = o.scenario;
  const chartData = charts.map((c) => ({ id: c.id, width: c.width, height: c.height, config: c.config, fills: c.fills }));
  const para = (sentences: readonly string[]): string => `<p>${escapeHtml(sentences.join(' '))}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.meta.title)} – coalsim report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${escapeHtml(s.meta.title)}</h1>
<p class="meta">Scenario <code>${escapeHtml(s.meta.id)}</code>, seed ${o.summary.seed}, ${plural(s.clock.rounds, s.clock.roundLabel)}. A coalsim run report.</p>
</header>
<nav><a href="#scenario">The scenario</a><a href="#story">What happened</a><a href="#charts">Charts</a><a href="#members">Members</a><a href="#holdups">Hold-ups and reversals</a><a href="#ending">How it ended</a></nav>
<section id="scenario">
<h2>The scenario</h2>
${para(n.scenario)}
${cards(o)}
</section>
<section id="story" class="story">
<h2>What happened, round by round</h2>
${story(n)}
</section>
<section id="charts">
<h2>Charts</h2>
${figures(charts)}
</section>
<section id="members">
<h2>Members of the coalition</h2>
${membersTable(o)}
</section>
<section id="holdups">
<h2>Hold-ups and reversals</h2>
${holdupsAndReversals(o, n)}
</section>
<section id="ending">
<h2>How it ended</h2>
${para(n.ending)}
</section>
<footer>Every number on this page comes from the run's files beside it: <code>summary.json</code>, <code>rounds.csv</code>, <code>payments.csv</code> and <code>events.ndjson</code>. Rebuild this page with <code>coalsim report &lt;dir&gt; --force</code>; tell the story in a terminal with <code>coalsim explain &lt;dir&gt;</code>.</footer>
</main>
<script id="coalsim-charts" type="application/json">${scriptJson(chartData)}</script>
<script>${scriptCode(assets.chartJs)}</script>
<script>${scriptCode(assets.annotationPlugin)}</script>
<script>${scriptCode(bootScript())}</script>
</body>
</html>
`;
}
