import { buildCharts } from '../../src/charts/index';
import { reportAssets } from '../../src/report/assets';
import { buildReportFiles } from '../../src/report/build';
import { escapeHtml, buildReportHtml } from '../../src/report/html';
import { buildNarrative } from '../../src/report/narrative';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, valid } from '../helpers/scenarios';
import { HOLDUP_EVENTS, runOutputs, withExtraEvents } from './helpers';

const outputs = runOutputs();
const html = buildReportFiles(outputs, { charts: false }).files.get('report.html') as string;

describe('report.html', () => {
  it('is one self-contained file: no external scripts, styles, images or fonts', () => {
    expect(html).not.toMatch(/<script[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    // Chart.js and the annotation plugin are inlined.
    expect(html).toContain(reportAssets().chartJs.slice(0, 200));
    expect(html).toContain('chartjs-plugin-annotation v');
  });

  it('names charts/<id>.png in a caption only when the PNGs were made (--no-charts: none; new-user audit)', () => {
    expect(html).not.toContain('PNG: <code>charts/');
    const withPngs = buildReportHtml({ outputs, narrative: buildNarrative(outputs), charts: buildCharts(outputs), assets: reportAssets(), pngs: true });
    for (const spec of buildCharts(outputs)) expect(withPngs).toContain(`PNG: <code>charts/${spec.id}.png</code>`);
  });

  it('has a canvas and the spec of every chart', () => {
    for (const spec of buildCharts(outputs)) {
      expect(html).toContain(`<canvas id="chart-${spec.id}" width="1600" height="900"`);
      expect(html).toContain(`"id":"${spec.id}"`);
    }
  });

  it('has the scenario, the story, the members table with typology and payments, and the ending', () => {
    const n = buildNarrative(outputs);
    expect(html).toContain(escapeHtml(n.scenario[0]!));
    expect(html).toMatch(/<summary>Month 9 of 24 – \d key events?<\/summary>/);
    expect(html).toContain(escapeHtml(n.rounds[8]!.sentences[0]!));
    for (const m of outputs.summary.coalition.members) expect(html).toContain(`<strong>${escapeHtml(m.name)}</strong> <code>${m.id}</code>`);
    expect(html).toMatch(/<span class="why" title="[^"]*">(Volunteer|Critical contributor|Opportunist|Signaller|Willing but under-resourced|Paid contributor)(: [^<]+)?<\/span><\/td>/);
    // The row shows each label's first piece of evidence; the title holds all of it.
    for (const m of outputs.summary.coalition.members) for (const l of m.labels) for (const e of l.evidence) expect(html).toContain(escapeHtml(e));
    expect(html).toContain(escapeHtml(n.ending[0]!));
    expect(html).toContain('No partner threatened to cut or withdraw its forces in this run.');
  });

  it('lists hold-ups when the log has them', () => {
    const o = withExtraEvents(outputs, HOLDUP_EVENTS);
    const page = buildReportHtml({ outputs: o, narrative: buildNarrative(o), charts: buildCharts(o), assets: reportAssets() });
    // Threat, demand, tightness then, outcome and amount, one row per hold-up.
    expect(page).toContain('<tr><td class="num">12</td><td class="text">Turkey</td><td class="num">$20,000</td><td class="num">$50 million</td><td class="num">1.30</td><td class="text">paid (month 13)</td><td class="num">$50 million</td></tr>');
    expect(page).toContain('<td class="text">refused; bluff called, forces stayed (month 16)</td><td class="num">–</td>');
    expect(page).toContain('<canvas id="chart-holdups"');
  });

  // A teacher's trial looked for the promises lesson's result in the report and found no section named for it.
  it('names the promises in the section title and the nav when the run made promises (teaching-promises), and lists which were broken', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-promises.json'), 'utf8')) as unknown;
    const o = runOutputs(valid(file), 1);
    const page = buildReportHtml({ outputs: o, narrative: buildNarrative(o), charts: [], assets: reportAssets() });
    expect(page).toContain('<a href="#holdups">Hold-ups, reversals and promises</a>');
    expect(page).toContain('<h2>Hold-ups, reversals and promises</h2>');
    expect(page).toContain('<h3>Promises</h3>');
    expect(o.summary.promises!.broken).toBeGreaterThan(0);
    expect(html).toContain('<h2>Hold-ups and reversals</h2>');
  });

  it('is byte-identical for the same run, with no date or time in it', () => {
    const again = buildReportFiles(runOutputs(), { charts: false }).files.get('report.html');
    expect(again).toBe(html);
    expect(html).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it('escapes text from the scenario', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
    const o = { ...outputs, scenario: { ...outputs.scenario, meta: { ...outputs.scenario.meta, title: '</script><b>Bold</b>' } } };
    const page = buildReportHtml({ outputs: o, narrative: buildNarrative(o), charts: [], assets: reportAssets() });
    expect(page).toContain('<h1>&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt;</h1>');
  });
});
