/**
 * classroom.html: one self-contained page in which the engine runs. Two panes side by side,
 * each with its own sliders (demand and scarcity, openness, intelligence, patience, urgency,
 * strategy, flag value, budget, seed); every change re-runs that pane's model in the page and
 * redraws its headline numbers and charts. A "what to look for" panel comes from the
 * scenario's description. No network: Chart.js, its annotation plugin and the engine bundle
 * are inlined. All text from the scenario reaches the DOM as text (textContent), never as markup.
 */
import { finishConfig, fitConfigToBox } from '../charts/finish';
import { CHART_DEFAULTS } from '../charts/types';
import type { ReportAssets } from '../report/assets';
import { lessonOf } from '../report/lesson';
import { html, raw, scriptCode, scriptJson } from '../report/safeHtml';
import type { Scenario } from '../scenario/schema';
import { contrastPresets, controlsFor } from './controls';

export interface ClassroomInput {
  readonly scenario: Scenario;
  readonly seed: number;
  /** engineBundle(): the IIFE that defines coalsimClassroom. */
  readonly engine: string;
  readonly assets: ReportAssets;
}

const STYLE = `
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; font-family: 'DejaVu Sans', Verdana, sans-serif; color: #1a1a1a; line-height: 1.45; overflow-wrap: anywhere; }
main { padding: 0.8rem 1.2rem 2rem; max-width: 1900px; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; }
.meta { color: #555; margin: 0 0 0.6rem; }
.look { background: #fff8e6; border-left: 6px solid #D55E00; padding: 0.5rem 1rem; margin-bottom: 0.8rem; }
.look h2 { font-size: 1.2rem; margin: 0.2rem 0; }
.look ol { margin: 0.2rem 0; padding-left: 1.4rem; }
.panes { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
@media (max-width: 900px) { .panes { grid-template-columns: minmax(0, 1fr); } }
.pane { border: 2px solid #d0d0d0; border-radius: 6px; padding: 0.6rem 0.8rem; }
.pane h2 { font-size: 1.2rem; margin: 0 0 0.4rem; }
.controls { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.25rem; font-size: 0.9rem; }
.control { display: grid; grid-template-columns: minmax(8rem, 12rem) minmax(0, 1fr) 7.5rem; gap: 0.5rem; align-items: center; }
.control input[type=range] { width: 100%; }
.control input[type=number], .control select { width: 100%; font: inherit; }
.control .help { grid-column: 1 / -1; color: #666; font-size: 0.78rem; margin-top: -0.2rem; }
/* On a phone the label takes its own line and the slider the rest of the next (beside the exact
   box): with the label's 8rem and the box's 7.5rem on one line, a slider had 0 px. */
@media (max-width: 540px) { .control { grid-template-columns: minmax(0, 1fr) 6.5rem; row-gap: 0.1rem; } .control label { grid-column: 1 / -1; } main { padding: 0.6rem 0.6rem 2rem; } .pane { padding: 0.5rem; } }
.numbers { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.4rem; margin: 0.6rem 0; }
.num { background: #f4f4f1; border-left: 5px solid #0072B2; padding: 0.3rem 0.6rem; }
.num .v { font-size: 1.35rem; font-weight: bold; display: block; }
.num .k { color: #555; font-size: 0.8rem; }
.num.reversal .v { color: #8a3b00; }
.errors { color: #a00; white-space: pre-wrap; }
.timing { color: #777; font-size: 0.8rem; }
.chart { margin: 0.5rem 0; }
.chart canvas { width: 100%; height: auto; display: block; }
details pre { max-height: 20rem; overflow: auto; font-size: 0.75rem; white-space: pre-wrap; }
`;

/** The page's own code: builds each pane's controls from data, re-runs and redraws on every change. */
function pageScript(): string {
  return `(function () {
  'use strict';
  var finishConfig = ${finishConfig.toString()};
  var fitConfigToBox = ${fitConfigToBox.toString()};
  var defaults = ${scriptJson(CHART_DEFAULTS).text};
  Chart.defaults.font.family = defaults.fontFamily;
  Chart.defaults.font.size = defaults.fontSize;
  Chart.defaults.color = defaults.color;
  Chart.defaults.animation = false;
  var data = JSON.parse(document.getElementById('classroom-data').textContent);
  var engine = coalsimClassroom;
  var int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  var rules = new Intl.PluralRules('en-US');
  var count = function (n, one, other) { return int.format(n) + ' ' + (rules.select(n) === 'one' ? one : other); };
  var dollars = function (x) { return x === null ? '–' : '$' + int.format(Math.round(x)); };
  var money = function (x) { return x >= 1e9 ? '$' + (x / 1e9).toFixed(2) + ' billion' : x >= 1e6 ? '$' + (x / 1e6).toFixed(1) + ' million' : dollars(x); };
  var el = function (tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  };
  var tile = function (w, h) { var c = document.createElement('canvas'); c.width = w; c.height = h; return c; };

  function Pane(key, preset) {
    var root = document.getElementById('pane-' + key);
    var self = { key: key, settings: JSON.parse(JSON.stringify(preset.settings)), seed: data.seed, charts: {}, runs: 0 };
    var title = el('h2', {}, key + ': ' + preset.label);
    root.appendChild(title);
    // Once a control moves, the preset's label no longer describes the pane (a teacher's trial: "Slack:
    // demand stays at 3,000" stayed up over a pane re-run with 7,500 sought): it says what changed.
    function retitle() {
      var changed = data.controls.filter(function (c) { return self.settings[c.id] !== preset.settings[c.id]; }).map(function (c) {
        var v = self.settings[c.id];
        var shown = typeof v === 'number' && Math.abs(v) >= 1000 ? int.format(v) : String(v);
        // A word unit ("troops"), not a range ("0–1").
        return c.label + ' ' + shown + (c.kind === 'number' && /^[A-Za-z$]/.test(c.unit) ? ' ' + c.unit : '');
      });
      title.textContent = changed.length === 0 ? key + ': ' + preset.label : key + ': changed from "' + preset.label + '": ' + changed.join('; ');
      root.setAttribute('data-changed', String(changed.length));
    }
    var controls = el('div', { class: 'controls' });
    root.appendChild(controls);
    data.controls.forEach(function (c) {
      var row = el('div', { class: 'control' });
      var id = key + '-' + c.id;
      row.appendChild(el('label', { for: id }, c.label));
      var input;
      if (c.kind === 'number') {
        input = el('input', { type: 'range', id: id, min: String(c.min), max: String(c.max), step: String(c.step), 'data-control': c.id });
        input.value = String(self.settings[c.id]);
        var exact = el('input', { type: 'number', id: id + '-exact', min: String(c.min), max: String(c.max), step: 'any', 'aria-label': c.label + ' (' + c.unit + ')' });
        exact.value = String(self.settings[c.id]);
        input.addEventListener('input', function () { self.settings[c.id] = Number(input.value); exact.value = input.value; schedule(); });
        exact.addEventListener('change', function () { self.settings[c.id] = Number(exact.value); input.value = exact.value; schedule(); });
        row.appendChild(input);
        row.appendChild(exact);
      } else {
        input = el('select', { id: id, 'data-control': c.id });
        c.options.forEach(function (o) { var opt = el('option', { value: o }, o); if (o === self.settings[c.id]) opt.selected = true; input.appendChild(opt); });
        input.addEventListener('change', function () { self.settings[c.id] = input.value; schedule(); });
        row.appendChild(input);
        row.appendChild(el('span', {}, ''));
      }
      row.setAttribute('title', c.help + (c.kind === 'number' ? ' Unit: ' + c.unit + '.' : ''));
      controls.appendChild(row);
    });
    var seedRow = el('div', { class: 'control' });
    seedRow.appendChild(el('label', { for: key + '-seed' }, 'Seed'));
    var seed = el('input', { type: 'number', id: key + '-seed', min: '0', step: '1', 'data-control': 'seed' });
    seed.value = String(self.seed);
    seed.addEventListener('change', function () { var s = Number(seed.value); if (Number.isInteger(s) && s >= 0) { self.seed = s; schedule(); } });
    seedRow.appendChild(seed);
    seedRow.appendChild(el('span', {}, ''));
    seedRow.setAttribute('title', 'Same settings and seed: the same run as coalsim run --seed.');
    controls.appendChild(seedRow);
    var errors = el('div', { class: 'errors', role: 'alert' });
    var numbers = el('div', { class: 'numbers', 'aria-live': 'polite' });
    var timing = el('div', { class: 'timing' });
    var charts = el('div', { class: 'charts' });
    var json = el('pre', { class: 'scenario-json' });
    var det = el('details');
    det.appendChild(el('summary', {}, 'The scenario this pane runs (JSON, for coalsim run)'));
    det.appendChild(json);
    [errors, numbers, timing, charts, det].forEach(function (x) { root.appendChild(x); });

    function number(k, v, label, value, cls) {
      var d = el('div', { class: 'num' + (cls ? ' ' + cls : ''), 'data-key': k, 'data-value': JSON.stringify(value) });
      d.appendChild(el('span', { class: 'v' }, v));
      d.appendChild(el('span', { class: 'k' }, label));
      numbers.appendChild(d);
    }

    // One Chart per chart id, kept across runs: a re-run replaces its data and options and
    // redraws without animation, which is much cheaper than building a new chart.
    function draw(specs) {
      var ids = specs.map(function (s) { return s.id; });
      Object.keys(self.charts).forEach(function (id) {
        if (ids.indexOf(id) < 0) { self.charts[id].chart.destroy(); self.charts[id].box.remove(); delete self.charts[id]; }
      });
      specs.forEach(function (spec, i) {
        var config = fitConfigToBox(finishConfig(spec.config, spec.fills, tile), spec.width, spec.height, charts.clientWidth, charts.clientWidth < ${PHONE_PANE} ? ${PHONE_MIN_SCALE} : ${CLASSROOM_MIN_SCALE});
        var have = self.charts[spec.id];
        if (have && have.type === config.type) {
          have.chart.data = config.data;
          have.chart.options = config.options;
          have.chart.update('none');
          have.caption.textContent = spec.caption;
        } else {
          if (have) { have.chart.destroy(); have.box.remove(); }
          var box = el('div', { class: 'chart' });
          var canvas = el('canvas', { id: key + '-chart-' + spec.id, width: String(spec.width), height: String(spec.height), role: 'img', 'aria-label': spec.title });
          var caption = el('div', { class: 'timing' }, spec.caption);
          box.appendChild(canvas);
          box.appendChild(caption);
          charts.insertBefore(box, charts.children[i] || null);
          self.charts[spec.id] = { chart: new Chart(canvas, config), box: box, caption: caption, type: config.type };
        }
      });
    }

    // Dragging a slider fires many input events: run once per frame, on the latest settings.
    var pending = false;
    function schedule() {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; update(); });
    }
    function update() {
      var t0 = performance.now();
      retitle();
      var r = engine.runPane(data.scenario, data.controls, self.settings, self.seed);
      numbers.textContent = '';
      errors.textContent = '';
      if (!r.ok) {
        errors.textContent = 'These settings do not make a valid scenario:\\n' + r.errors.join('\\n');
      } else {
        var h = r.headline;
        number('troops', int.format(h.troopsFinal) + ' / ' + int.format(h.demandFinal), 'troops deployed / sought at the end (peak ' + int.format(h.peakTroops) + ')', [h.troopsFinal, h.demandFinal]);
        number('costPerForeignSoldierYear', dollars(h.costPerForeignSoldierYear), 'per foreign soldier-year (US$)', h.costPerForeignSoldierYear);
        // After paid hold-ups the contracts at the end give partners more than the deals as signed (as the report says beside its card).
        var endShare = h.holdups.paid > 0 && h.meanShare !== null && h.meanShareAtEnd !== null && Math.round(h.meanShareAtEnd * 100) !== Math.round(h.meanShare * 100) ? '; ' + Math.round(h.meanShareAtEnd * 100) + '% in their contracts at the end, once the hold-up concessions are counted' : '';
        number('meanShare', h.meanShare === null ? '–' : Math.round(h.meanShare * 100) + '%', 'of the surplus to partners, on average, in the deals as signed' + endShare, h.meanShare);
        number('reversals', String(h.reversals), h.reversals === 0 ? 'reversals: no weak partner took the larger share' : (rules.select(h.reversals) === 'one' ? 'reversal' : 'reversals') + ': ' + h.reversalsBy.map(function (x) { return x.name + ' takes ' + x.share.toFixed(2) + ' (' + data.scenario.clock.roundLabel + ' ' + x.round + ')'; }).join('; '), h.reversals, h.reversals > 0 ? 'reversal' : '');
        number('holdups', h.holdups.threats === 0 ? 'none' : h.holdups.paid + ' paid, ' + h.holdups.refusedWithdrew + ' refused, ' + count(h.holdups.bluffCalled, 'bluff called', 'bluffs called'), (h.holdups.threats === 0 ? 'hold-ups' : count(h.holdups.threats, 'hold-up', 'hold-ups').replace(/^[\\d,]+ /, '') + ' (' + count(h.holdups.threats, 'threat', 'threats') + ')') + (h.holdups.paid > 0 ? ' (' + money(h.holdups.amountPaid) + ' conceded)' : ''), h.holdups);
        // The promises lesson's result: which promised side deals were kept and which broken (a teacher's trial found it only on the console).
        if (h.promises) number('promises', h.promises.kept + ' kept, ' + h.promises.broken + ' broken' + (h.promises.outstanding > 0 ? ', ' + h.promises.outstanding + ' due' : ''), 'promised side deals: ' + h.promises.items.map(function (x) { return x.name + ': ' + x.item + ' ' + (x.status === 'broken' ? 'broken in ' + data.scenario.clock.roundLabel + ' ' + x.round : x.status === 'kept' ? 'kept' : 'still due'); }).join('; '), h.promises);
        number('paymentsTotal', money(h.paymentsTotal), 'paid to partners in all (US$)', h.paymentsTotal);
        json.textContent = JSON.stringify(r.scenario, null, 2);
        draw(r.charts);
      }
      self.runs += 1;
      var ms = performance.now() - t0;
      root.setAttribute('data-runs', String(self.runs));
      root.setAttribute('data-ms', ms.toFixed(1));
      timing.textContent = 'Re-ran the model and redrew in ' + Math.round(ms) + ' ms (seed ' + self.seed + ').';
    }
    update();
    return self;
  }
  window.coalsimPanes = [Pane('A', data.presets[0]), Pane('B', data.presets[1])];
})();`;
}

/**
 * The least type scale of a chart in a classroom pane: below it the canvas grows taller instead.
 * 0.6 (ticks and notes about 11 px) in a pane as wide as a projected half-screen: at 0.45 a
 * teacher's trial measured 7-8 px axis labels and notes in a 580-px pane on a 1280-px screen,
 * unreadable from the back of a lecture hall. Under PHONE_PANE px (a phone, held close) 0.45, so
 * the legend and notes still fit the width (classroomMinScale).
 */
export const CLASSROOM_MIN_SCALE = 0.6;
export const PHONE_MIN_SCALE = 0.45;
export const PHONE_PANE = 540;

/** The least type scale for a classroom pane `boxWidth` px wide. */
export function classroomMinScale(boxWidth: number): number {
  return boxWidth < PHONE_PANE ? PHONE_MIN_SCALE : CLASSROOM_MIN_SCALE;
}

/** The tag every classroom page carries in its head: how `classroom --force` knows a page is coalsim's (seal.ts). */
export const GENERATOR_TAG = '<meta name="generator" content="coalsim classroom">';

export function buildClassroomHtml(input: ClassroomInput): string {
  const s = input.scenario;
  const controls = controlsFor(s);
  const presets = contrastPresets(s, controls);
  const lesson = lessonOf(s.meta.description);
  const data = { scenario: s, seed: input.seed, controls, presets };
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${raw(GENERATOR_TAG)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s.meta.title} – coalsim classroom</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
<h1>${s.meta.title}</h1>
<p class="meta">coalsim classroom: the model runs in this page. Move a slider and both the numbers and the charts of that side re-run. Scenario <code>${s.meta.id}</code>.</p>
<section class="look" id="lesson"><h2>What to look for</h2>${lesson.lookFor.length > 0 ? html`<ol>${lesson.lookFor.map((l) => html`<li>${l}.</li>`)}</ol>` : ''}<p class="meta">${lesson.context}${lesson.note === '' ? '' : ` ${lesson.note}`}</p></section>
<div class="panes"><section class="pane" id="pane-A"></section><section class="pane" id="pane-B"></section></div>
</main>
<script id="classroom-data" type="application/json">${scriptJson(data)}</script>
<script>${scriptCode(input.assets.chartJs)}</script>
<script>${scriptCode(input.assets.annotationPlugin)}</script>
<script>${scriptCode(input.engine)}</script>
<script>${scriptCode(pageScript())}</script>
</body>
</html>
`.text;
}
