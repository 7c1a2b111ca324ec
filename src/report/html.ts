/**
 * report.html: one self-contained page a teacher can open offline and project. Lesson first
 * (what to look for, three headline numbers), then the key charts (the same specs as the
 * PNGs), the members table, hold-ups and reversals, how it ended, and the story, folded by
 * round. Chart.js and its annotation plugin are inlined; nothing is fetched. Pure apart from
 * the assets passed in: same inputs, same bytes (no dates).
 *
 * Every piece of text goes through the `html` template of safeHtml.ts, which escapes it:
 * there is no other way to put a string from a scenario into this page.
 */
import { finishConfig, fitConfigToBox } from '../charts/finish';
import { CHART_DEFAULTS, type ChartSpec } from '../charts/types';
import type { ReportAssets } from './assets';
import { capitalise, dollars, money, moneyShort, percent, plural, soldAccessOnly, troops } from './format';
import { holdupStories, OUTCOME_WORDS } from './holdups';
import { lessonOf } from './lesson';
import type { RunOutputs } from './loadOutputs';
import { blockHeading, foldQuiet, type Narrative } from './narrative';
import { meanShareAtEnd } from './shares';
import { possessive, theName } from './names';
import { html, raw, type SafeHtml, scriptCode, scriptJson } from './safeHtml';
import { STAYED_OUT_WORDS, stayedOutReason } from './stayedOut';
import { typologyOf } from './typology';

export { escapeHtml } from './safeHtml';

export interface ReportInput {
  readonly outputs: RunOutputs;
  readonly narrative: Narrative;
  readonly charts: readonly ChartSpec[];
  readonly assets: ReportAssets;
  /** Whether charts/<id>.png sit beside the report (false: --no-charts, or no canvas), so captions name them only then. */
  readonly pngs?: boolean;
}

/** Shared by report.html and compare.html: sized for a projector (1024 px) up to a wide screen (1920 px). */
export const REPORT_STYLE = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #0072B2; --warn: #D55E00; --bg-soft: #f4f4f1; }
* { box-sizing: border-box; }
html { font-size: 18px; }
@media (min-width: 1800px) { html { font-size: 21px; } }
body { margin: 0; color: var(--ink); background: #fff; font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif; line-height: 1.5; overflow-wrap: anywhere; }
main { max-width: 1500px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
header h1 { font-size: 2rem; line-height: 1.2; margin: 0.3rem 0 0.2rem; }
.meta { color: var(--muted); margin: 0 0 0.6rem; }
nav { border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: 0.4rem 0; margin-bottom: 1rem; display: flex; flex-wrap: wrap; gap: 0.2rem 1.2rem; }
nav a { color: var(--accent); text-decoration: none; white-space: nowrap; }
nav a:hover { text-decoration: underline; }
h2 { font-size: 1.5rem; margin: 2rem 0 0.7rem; border-bottom: 3px solid var(--ink); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.3rem; }
p { margin: 0.4rem 0 0.9rem; max-width: 62em; }
.lesson { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.2rem; align-items: start; }
@media (max-width: 1100px) { .lesson { grid-template-columns: minmax(0, 1fr); } .headline { grid-template-columns: repeat(3, minmax(0, 1fr)); order: -1; } }
.look { background: #fff8e6; border-left: 6px solid var(--warn); padding: 0.6rem 1rem; }
.look h2 { margin-top: 0; border: none; }
.look ol { margin: 0.2rem 0; padding-left: 1.4rem; }
.look li { margin: 0.25rem 0; }
.headline { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.6rem; }
.card { background: var(--bg-soft); border-left: 6px solid var(--accent); padding: 0.5rem 0.9rem; }
.card .num { font-size: 1.8rem; font-weight: bold; display: block; line-height: 1.2; }
.card .what { color: var(--muted); font-size: 0.9rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.6rem; margin: 0.8rem 0; }
.story details { margin: 0 0 0.5rem; padding-left: 1rem; border-left: 4px solid var(--rule); }
.story details.eventful { border-left-color: var(--accent); }
.story details.quiet { color: var(--muted); }
.story summary { cursor: pointer; font-weight: bold; }
.story ul { margin: 0.2rem 0 0.6rem; padding-left: 1.2rem; max-width: 62em; }
.story li { margin: 0.15rem 0 0.35rem; }
.story li.key { font-weight: bold; }
.story li.key::marker { content: '★ '; color: var(--warn); }
figure { margin: 1rem 0 2rem; }
.figs { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 1.5rem; }
.chart { position: relative; width: 100%; }
.chart canvas { display: block; width: 100%; height: auto; }
figcaption { color: var(--muted); margin-top: 0.4rem; max-width: 62em; }
figcaption .png { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 0.85rem; table-layout: auto; }
th, td { padding: 0.3rem 0.45rem; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
th { background: var(--bg-soft); border-bottom: 2px solid var(--ink); font-weight: bold; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
td.num { white-space: nowrap; }
/* Cells break between words, never inside one (the page's overflow-wrap: anywhere had made
   towers of one letter per line in the Members table on a phone, "S/t/a/t/e"); a table wider
   than a phone scrolls inside its own box, the page does not. */
th, td { overflow-wrap: normal; hyphens: manual; }
@media (max-width: 700px) { table { display: block; overflow-x: auto; } th:first-child, td:first-child { min-width: 11rem; } }
td .why { display: block; color: var(--muted); font-size: 0.78rem; line-height: 1.3; }
tbody tr:nth-child(even) { background: #fafaf8; }
.none { color: var(--muted); font-style: italic; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); padding-top: 0.8rem; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; }
@media print { nav { display: none; } main { max-width: none; padding: 0; } figure, details, tr { break-inside: avoid; } details { display: block; } }
`;

interface Card {
  readonly num: string;
  readonly what: string;
  /** Shown on hover: the unit and where the number comes from. */
  readonly title: string;
}

/** After paid hold-ups: what the contracts at the end give partners, beside the mean as signed. */
function endShareWords(s: RunOutputs['summary']): string {
  const end = meanShareAtEnd(s);
  if (end === null || s.operation.holdUps.paid === 0 || s.power.meanShare === null || Math.round(end * 100) === Math.round(s.power.meanShare * 100)) return '';
  return `; ${percent(end)} in their contracts at the end, once the hold-up concessions are counted (the members table)`;
}

function card(c: Card): SafeHtml {
  return html`<div class="card" title="${c.title}"><span class="num">${c.num}</span><span class="what">${c.what}</span></div>`;
}

/** The three numbers a class should see first: troops against demand, cost per soldier-year, and who got the surplus. */
export function headlineCards(o: RunOutputs): Card[] {
  const s = o.summary;
  const P = theName(o.scenario.pivotal.name);
  return [
    {
      num: `${troops(s.coalition.troopsFinal)} / ${troops(s.coalition.demandFinal)}`,
      what: `foreign troops deployed / sought at the end (peak ${troops(s.coalition.peakTroops)} of ${troops(s.coalition.peakDemand)})`,
      title: 'troops (headcount); summary.json coalition.troopsFinal / demandFinal',
    },
    {
      num: s.costs.costPerForeignSoldierYear === null ? '–' : dollars(s.costs.costPerForeignSoldierYear),
      what: `per foreign soldier-year, against ${dollars(s.costs.ownSoldierCostPerYear)} for one of ${possessive(P)} own`,
      title: 'US$ per soldier-year; summary.json costs.costPerForeignSoldierYear',
    },
    {
      num: s.power.meanShare === null ? '–' : percent(s.power.meanShare),
      what: `of the surplus to partners on average over ${plural(s.power.deals, 'paid deal')} as signed (deals.csv)${endShareWords(s)}; ${plural(s.power.reversals, 'reversal')}`,
      title: 'share of each deal\'s surplus, 0–100%; summary.json power.meanShare and power.reversals',
    },
  ];
}

function moreCards(o: RunOutputs): Card[] {
  const s = o.summary;
  return [
    { num: `${s.coalition.flags}`, what: 'flags in the coalition', title: 'states (count)' },
    {
      num: money(s.payments.total),
      what: `paid ${s.payers?.length ? `to partners by ${plural(s.costs.byPayer.filter((b) => b.cost > 0).length, 'payer')}` : `by ${theName(o.scenario.pivotal.name)}`} (${money(s.payments.byKind.subsidy)} subsidies, ${money(s.payments.byKind['side-deal'])} side deals)`,
      title: 'US$ over the whole operation; payments.csv',
    },
    { num: `${s.market.scarceRounds}`, what: `${s.roundLabel}s with partners scarce (tightness above 1)`, title: 'rounds (count); tightness = troops sought / troops on offer' },
  ];
}

function lessonSection(o: RunOutputs): SafeHtml {
  const lesson = lessonOf(o.scenario.meta.description);
  const look =
    lesson.lookFor.length > 0
      ? html`<ol>${lesson.lookFor.map((l) => html`<li>${l}.</li>`)}</ol>`
      : html`<p>${lesson.context}</p>`;
  return html`<section id="lesson" class="lesson">
<div class="look"><h2>What to look for</h2>${look}${lesson.lookFor.length > 0 ? html`<p class="meta">${lesson.context} ${lesson.note}</p>` : ''}</div>
<div class="headline">${headlineCards(o).map(card)}</div>
</section>`;
}

function story(n: Narrative): SafeHtml {
  return html`${foldQuiet(n.rounds).map((b) => {
    const quiet = n.rounds.find((r) => r.round === b.from)?.quiet === true;
    return html`<details class="${quiet ? 'quiet' : 'eventful'}" id="round-${b.from}"><summary>${blockHeading(b, n.roundLabel, n.rounds.length)}${b.highlights.length > 0 ? ` – ${b.highlights.length} key event${b.highlights.length === 1 ? '' : 's'}` : ''}</summary><ul>${b.sentences.map((x, i) => (b.highlights.includes(i) ? html`<li class="key">${x}</li>` : html`<li>${x}</li>`))}</ul></details>\n`;
  })}`;
}

function figures(specs: readonly ChartSpec[], pngs: boolean): SafeHtml {
  return html`<div class="figs">${specs.map(
    (s) =>
      html`<figure id="fig-${s.id}"><div class="chart"><canvas id="chart-${s.id}" width="${s.width}" height="${s.height}" role="img" aria-label="${s.title}. ${s.caption}"></canvas></div>${html`<figcaption><strong>${s.title}.</strong> ${s.caption}${pngs ? html` <span class="png">PNG: <code>charts/${s.id}.png</code></span>` : ''}</figcaption>`}</figure>\n`,
  )}</div>`;
}

function membersTable(o: RunOutputs): SafeHtml {
  const rows = o.summary.coalition.members.map((m) => {
    const type = typologyOf(m);
    return html`<tr><td class="text"><strong>${m.name}</strong> <code>${m.id}</code><span class="why" title="${type.reasons.join('; ')}">${type.label}${type.headline.length > 0 ? `: ${type.headline.join('; ')}` : ''}${type.reasons.length > type.headline.length ? ' (more on hover; all in summary.json)' : ''}</span></td>${[
      html`<td class="num">${m.joinedRound}</td><td class="num">${troops(m.troopsFinal)}</td><td class="num">${troops(m.troopsMax)}</td>`,
      html`<td class="num" title="US$ per soldier-year">${m.paid && !soldAccessOnly(m) ? dollars(m.reservationPerSoldierYear) : '–'}</td><td class="num" title="US$ per soldier-year">${m.paid && !soldAccessOnly(m) ? dollars(m.pricePerSoldierYear) : '–'}</td>`,
      html`<td class="num" title="US$ over the operation: subsidies ${moneyShort(m.paymentsByKind.subsidy)}, side deals ${moneyShort(m.paymentsByKind['side-deal'])}">${moneyShort(m.paymentsTotal)}</td>`,
      html`<td class="num" title="0 = all the surplus to the pivotal state, 1 = all to the partner">${m.surplusShare === null ? '–' : m.surplusShare.toFixed(2)}</td>`,
    ]}</tr>\n`;
  });
  const head = ['State and type', `Joined (${o.scenario.clock.roundLabel})`, 'Troops at end', 'Peak troops', 'Would accept ($/soldier-year)', 'Got ($/soldier-year)', 'Total paid', 'Surplus share'];
  const outs = o.summary.coalition.neverJoined;
  return html`<table><thead><tr>${head.map((h, i) => html`<th${raw(i === 0 ? ' class="text"' : '')}>${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>
${outs.length > 0 ? html`<p>Stayed out: ${outs.map((n, i) => html`${i > 0 ? ', ' : ''}${n.name} (${STAYED_OUT_WORDS[stayedOutReason(n.id, o.events)]}${n.labels?.length ? `; ${n.labels.map((l) => l.label).join(', ')}: ${n.labels.flatMap((l) => l.evidence).join('; ')}` : ''})`)}.</p>` : ''}
<p class="note">Type is read from each state's attributes and behaviour. “Would accept” is its private reservation, the least it would deploy for; “got” is the value of its deal, subsidy plus side deals; the surplus share is its share of the gap between that and what the troops were worth to ${theName(o.scenario.pivotal.name)} (0 to 1).</p>`;
}

function holdupsAndReversals(o: RunOutputs): SafeHtml {
  const names = new Map(o.scenario.thirdParties.map((t) => [t.id, t.name]));
  const name = (id: string): string => names.get(id) ?? id;
  const stories = holdupStories(o.events);
  const reversals = o.events.filter((e) => e.type === 'reversal');
  const holdups =
    stories.length === 0
      ? html`<p class="none">No partner threatened to cut or withdraw its forces in this run.</p>`
      : html`<table><thead><tr><th>${capitalise(o.scenario.clock.roundLabel)}</th><th class="text">State</th><th title="extra US$ per soldier-year the partner demanded">Demand ($/soldier-year)</th><th title="the same over the rest of the operation">Demand (total)</th><th title="troops sought / troops on offer; above 1 partners are scarce">Tightness then</th><th class="text">Outcome</th><th title="what conceding cost the pivotal, US$">Amount paid (cost to the pivotal)</th></tr></thead><tbody>${stories.map(
          (h) =>
            html`<tr><td class="num">${h.round}</td><td class="text">${name(h.party)}</td><td class="num">${dollars(h.demandPerSoldierYear)}</td><td class="num">${money(h.demandTotal)}</td><td class="num">${h.tightness === null ? 'none on offer' : h.tightness.toFixed(2)}</td><td class="text">${h.outcome === null ? 'unresolved at the end' : `${OUTCOME_WORDS[h.outcome]}${h.resolvedRound !== null && h.resolvedRound !== h.round ? ` (${o.scenario.clock.roundLabel} ${h.resolvedRound})` : ''}`}</td><td class="num">${h.outcome === 'paid' ? money(h.amount) : '–'}</td></tr>\n`,
        )}</tbody></table><p class="note">A demand is what the partner asked, valued as it values it; the amount paid is what conceding cost the pivotal. Paid in side deals (jets, aid), which cost the giver less than they are worth to the receiver, a demand met in full costs less than it asked.</p>`;
  const revs =
    reversals.length === 0
      ? html`<p class="none">No reversal: no much weaker state took the larger share of a deal's surplus.</p>`
      : html`<table><thead><tr><th>${capitalise(o.scenario.clock.roundLabel)}</th><th class="text">State</th><th>Its surplus share (0–1)</th><th>How many times larger the pivotal's forces are</th></tr></thead><tbody>${reversals.map((e) =>
          e.type === 'reversal' ? html`<tr><td class="num">${e.round}</td><td class="text">${name(e.party)}</td><td class="num">${e.share.toFixed(2)}</td><td class="num">${Math.round(e.capabilityRatio)}×</td></tr>` : '',
        )}</tbody></table>`;
  return html`<h3>Hold-ups</h3>${holdups}<h3>Reversals</h3>${revs}${promisesTable(o)}${retentionSection(o)}${flowsTable(o)}`;
}

/** Who paid whom (issue 16 item 2): one row per payer, lead nation and recipient; shown only when the scenario has payers or lead nations. */
function flowsTable(o: RunOutputs): SafeHtml | string {
  const flows = o.summary.flows;
  if (!flows || flows.length === 0) return '';
  const names = new Map<string, string>([[o.scenario.pivotal.id, o.scenario.pivotal.name], ...o.scenario.thirdParties.map((t) => [t.id, t.name] as [string, string]), ...(o.scenario.payers ?? []).map((p) => [p.id, p.name] as [string, string])]);
  const name = (id: string): string => names.get(id) ?? id;
  const accounts = o.summary.payers ?? [];
  return html`<h3>Who paid whom</h3>${accounts.length > 0 ? html`<p>Payers with lines of their own: ${accounts.map((a, i) => html`${i > 0 ? '; ' : ''}${name(a.id)} spent ${money(a.spent)} of ${money(a.budget)}`)}.</p>` : ''}
<table><thead><tr><th class="text">Payer</th><th class="text">Through (lead nation)</th><th class="text">Recipient</th><th title="US$ over the operation, at cost to the payer">Amount</th></tr></thead><tbody>${flows.map(
    (f) => html`<tr><td class="text">${name(f.payer)}</td><td class="text">${f.via === null ? '–' : name(f.via)}</td><td class="text">${name(f.recipient)}</td><td class="num">${money(f.amount)}</td></tr>\n`,
  )}</tbody></table>`;
}

/** Retention payments and punishment (issue 16 item 4): one row per decision; shown only when the scenario sets pivotal.retention or pivotal.punishment. */
function retentionSection(o: RunOutputs): SafeHtml | string {
  const rt = o.summary.retention;
  if (!rt) return '';
  const names = new Map(o.scenario.thirdParties.map((t) => [t.id, t.name]));
  const name = (id: string): string => names.get(id) ?? id;
  const offers = o.events.filter((e) => e.type === 'retention-offered');
  const weighed = o.events.filter((e) => e.type === 'punishment-weighed');
  const offerRows =
    offers.length === 0
      ? html`<p class="none">No partner's dead neared its limit in a way worth paying for.</p>`
      : html`<table><thead><tr><th>${capitalise(o.scenario.clock.roundLabel)}</th><th class="text">State</th><th title="US$ per soldier-year from then on">Retention</th><th>Dead / tolerance</th><th title="deaths it can bear once compensated">Tolerance paid</th><th title="expected rounds it stays, before and after">Stay (rounds)</th></tr></thead><tbody>${offers.map((e) =>
          e.type === 'retention-offered'
            ? html`<tr><td class="num">${e.round}</td><td class="text">${name(e.party)}</td><td class="num">${dollars(e.perSoldierYear)}</td><td class="num">${e.deaths} / ${e.baseTolerance}</td><td class="num">${Math.floor(e.tolerance)}</td><td class="num">${e.roundsBefore.toFixed(1)} → ${e.roundsAfter.toFixed(1)}</td></tr>\n`
            : '',
        )}</tbody></table>`;
  const punishRows =
    weighed.length === 0
      ? ''
      : html`<table><thead><tr><th>${capitalise(o.scenario.clock.roundLabel)}</th><th class="text">State</th><th class="text">Decision</th><th title="US$ of the round's payment">Withheld</th><th title="expected deterrence gain, US$">Deterrence</th><th title="expected retaliation at the round's market, US$">Retaliation</th></tr></thead><tbody>${weighed.map((e) =>
          e.type === 'punishment-weighed'
            ? html`<tr><td class="num">${e.round}</td><td class="text">${name(e.party)}</td><td class="text">${e.punished ? 'punished' : 'spared'}</td><td class="num">${e.punished ? money(e.withheld) : '–'}</td><td class="num">${money(e.deterrence)}</td><td class="num">${money(e.retaliation)}</td></tr>\n`
            : '',
        )}</tbody></table>`;
  return html`<h3>Keeping partners in</h3><p>Retention payments: ${money(rt.paid)} to ${plural(rt.partners.length, 'partner')}. Punishment after hold-up threats: ${rt.punishment.punished} of ${rt.punishment.weighed} weighed${rt.punishment.punished > 0 ? `, ${money(rt.punishment.withheld)} withheld` : ''}.</p>${offerRows}${punishRows}`;
}

/** Promised side deals (issue 16 item 3), one row each: shown only when the run made promises. */
function promisesTable(o: RunOutputs): SafeHtml | string {
  const pr = o.summary.promises;
  if (!pr) return '';
  const names = new Map(o.scenario.thirdParties.map((t) => [t.id, t.name]));
  const labels = new Map(o.scenario.sideDeals.map((d) => [d.id, d.label]));
  const status = (r: (typeof pr.items)[number]): string => (r.status === 'broken' ? `broken (${o.scenario.clock.roundLabel} ${r.brokenRound})` : r.status === 'kept' ? 'kept' : 'outstanding at the end');
  return html`<h3>Promises</h3><p>${plural(pr.made, 'side deal')} promised rather than paid at signing: ${pr.kept} kept, ${pr.broken} broken, ${pr.outstanding} outstanding. Delivered ${money(pr.deliveredCost)} of the ${money(pr.promisedCost)} promised; breaking promises saved ${money(pr.cancelledCost)}.</p>
<table><thead><tr><th>${capitalise(o.scenario.clock.roundLabel)}</th><th class="text">State</th><th class="text">Promise</th><th title="worth to the recipient if every delivery is kept">Value</th><th title="the probability of delivery the recipient believed">Believed</th><th>Deliveries kept</th><th title="what the kept deliveries cost the pivotal">Cost paid</th><th class="text">Outcome</th></tr></thead><tbody>${pr.items.map(
    (r) =>
      html`<tr><td class="num">${r.round}</td><td class="text">${names.get(r.party) ?? r.party}</td><td class="text">${labels.get(r.item) ?? r.item}</td><td class="num">${money(r.value)}</td><td class="num">${percent(r.believedProbability)}</td><td class="num">${r.delivered} of ${r.deliveries}</td><td class="num">${money(r.deliveredCost)}</td><td class="text">${status(r)}</td></tr>\n`,
  )}</tbody></table>`;
}

/** The page's own script: draw every chart from its spec, finished exactly as the PNG renderer does. */
export function chartBootScript(): string {
  return `(function () {
  'use strict';
  var finishConfig = ${finishConfig.toString()};
  var fitConfigToBox = ${fitConfigToBox.toString()};
  var defaults = ${scriptJson(CHART_DEFAULTS).text};
  Chart.defaults.font.family = defaults.fontFamily;
  Chart.defaults.font.size = defaults.fontSize;
  Chart.defaults.color = defaults.color;
  Chart.defaults.animation = false;
  var specs = JSON.parse(document.getElementById('coalsim-charts').textContent);
  var tile = function (w, h) { var c = document.createElement('canvas'); c.width = w; c.height = h; return c; };
  specs.forEach(function (spec) {
    var canvas = document.getElementById('chart-' + spec.id);
    if (!canvas) return;
    // The specs are sized for a 1600-pixel slide; on a narrower page the type shrinks with the
    // canvas (not below 60%) so the plot keeps its room.
    var config = fitConfigToBox(finishConfig(spec.config, spec.fills, tile), spec.width, spec.height, canvas.parentElement.clientWidth, 0.6);
    // Tooltips carry units: the value axis's title names them ("Troops (headcount)").
    config.options.plugins = config.options.plugins || {};
    config.options.plugins.tooltip = config.options.plugins.tooltip || {};
    config.options.plugins.tooltip.callbacks = {
      label: function (ctx) {
        var scales = config.options.scales || {};
        var axisId = config.options.indexAxis === 'y' ? (ctx.dataset.xAxisID || 'x') : (ctx.dataset.yAxisID || 'y');
        var axis = scales[axisId];
        var unit = axis && axis.title && axis.title.display !== false ? axis.title.text : '';
        return (ctx.dataset.label ? ctx.dataset.label + ': ' : '') + ctx.formattedValue + (unit ? ' \u2014 ' + unit : '');
      },
    };
    new Chart(canvas, config);
  });
})();`;
}

export function buildReportHtml(input: ReportInput): string {
  const { outputs: o, narrative: n, charts, assets } = input;
  const s = o.scenario;
  const chartData = charts.map((c) => ({ id: c.id, width: c.width, height: c.height, config: c.config, fills: c.fills }));
  const para = (sentences: readonly string[]): SafeHtml => html`<p>${sentences.join(' ')}</p>`;
  // A run that promised side deals has its promises table in this section: the title and the nav say so (a teacher looked for it in vain).
  const holdupsTitle = o.summary.promises ? 'Hold-ups, reversals and promises' : 'Hold-ups and reversals';
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s.meta.title} – coalsim report</title>
<style>${raw(REPORT_STYLE)}</style>
</head>
<body>
<main>
<header>
<h1>${s.meta.title}</h1>
<p class="meta">Scenario <code>${s.meta.id}</code>, seed ${o.summary.seed}, ${plural(s.clock.rounds, s.clock.roundLabel)}. A coalsim run report.</p>
</header>
<nav><a href="#lesson">What to look for</a><a href="#charts">Charts</a><a href="#members">Members</a><a href="#holdups">${holdupsTitle}</a><a href="#ending">How it ended</a><a href="#story">${capitalise(s.clock.roundLabel)} by ${s.clock.roundLabel}</a></nav>
${lessonSection(o)}
<section id="charts">
<h2>Charts</h2>
${figures(charts, input.pngs !== false)}
</section>
<section id="members">
<h2>Members of the coalition</h2>
<div class="cards">${moreCards(o).map(card)}</div>
${membersTable(o)}
</section>
<section id="holdups">
<h2>${holdupsTitle}</h2>
${holdupsAndReversals(o)}
</section>
<section id="ending">
<h2>How it ended</h2>
${para(n.ending)}
${n.whoPaid.length > 0 ? html`<h3 id="who-paid-whom">Who paid whom</h3><ul class="who-paid">${n.whoPaid.map((x) => html`<li>${x}</li>`)}</ul>` : ''}
</section>
<section id="story" class="story">
<h2>The scenario, and what happened ${s.clock.roundLabel} by ${s.clock.roundLabel}</h2>
${para(n.scenario)}
<p class="meta">Click a ${s.clock.roundLabel} to open it.</p>
${story(n)}
</section>
<footer>Every number on this page comes from the run's files beside it: <code>summary.json</code>, <code>rounds.csv</code>, <code>payments.csv</code> and <code>events.ndjson</code>. Rebuild this page with <code>coalsim report &lt;dir&gt; --force</code>; tell the story in a terminal with <code>coalsim explain &lt;dir&gt;</code>.</footer>
</main>
<script id="coalsim-charts" type="application/json">${scriptJson(chartData)}</script>
<script>${scriptCode(assets.chartJs)}</script>
<script>${scriptCode(assets.annotationPlugin)}</script>
<script>${scriptCode(chartBootScript())}</script>
</body>
</html>
`;
  return page.text;
}
