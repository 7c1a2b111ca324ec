/**
 * Time is told in the scenario clock's own unit (clock.roundLabel) everywhere a student reads
 * it: the story's headings ("Month 5", as its sentences say "At the end of the month"), the
 * scenario paragraph, the console summary, the report's tables, the charts' event markers,
 * reversal notes and hold-up labels, and the classroom's controls. A teacher's audit found
 * "Round 5" headings over sentences about "this month" in teaching-holdup.
 */
import { join } from 'node:path';
import { buildCharts } from '../../src/charts/index';
import { controlsFor } from '../../src/classroom/controls';
import { renderSummary } from '../../src/cli/render/summaryTable';
import { reportAssets } from '../../src/report/assets';
import { buildReportHtml } from '../../src/report/html';
import { buildNarrative } from '../../src/report/narrative';
import { narrativeText } from '../../src/report/text';
import { loadScenarioFile } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { ROOT, valid } from '../helpers/scenarios';
import { runOutputs } from './helpers';

function holdup(roundLabel?: string): Scenario {
  const r = loadScenarioFile(join(ROOT, 'scenarios', 'teaching-holdup.json')).result;
  if (!r.ok) throw new Error('teaching-holdup invalid');
  return roundLabel === undefined ? r.value : valid({ ...r.value, clock: { ...r.value.clock, roundLabel } });
}

/** Every student-facing text of seed 1 of the scenario: story, summary, report page, chart labels, classroom controls. */
function texts(s: Scenario): { story: string; summary: string; page: string; charts: string; controls: string } {
  const o = runOutputs(s, 1);
  const n = buildNarrative(o);
  const charts = buildCharts(o);
  return {
    story: narrativeText(n, 'meta', { width: 100, color: false }),
    summary: renderSummary(o.summary, 'out/x', { width: 80, color: false, events: o.events }),
    // With the typology's evidence (src/core/metrics/typology.ts tells time in the clock's unit too: "in month 5").
    page: buildReportHtml({ outputs: o, narrative: n, charts, assets: reportAssets() }),
    charts: JSON.stringify(charts.map((c) => [c.caption, c.config.data.labels, c.config.options?.plugins])),
    controls: JSON.stringify(controlsFor(s)),
  };
}

describe("time in the clock's unit", () => {
  it('teaching-holdup (months): "Month 5" headings, markers and labels, never "Round 5"', () => {
    const t = texts(holdup());
    expect(t.story).toContain('\nMonth 5\n  * A great power enters the war');
    expect(t.story.replace(/\n +/g, ' ')).toContain('2,000 from month 1; 5,000 from month 5 (A great power enters the war');
    expect(t.summary).toMatch(/joined month 2;/);
    expect(t.summary.replace(/\n/g, " ")).toMatch(/ZAF in month 5 \(0\.90\)/);
    expect(t.page).toMatch(/<summary>Month 5 of 14 – \d key events<\/summary>/);
    expect(t.page).toContain('<th>Month</th>');
    expect(t.charts).toContain('Month 5: A great power enters the war');
    expect(t.charts).toContain('South Africa 0.90 (month 5)');
    expect(t.controls).toContain('Extra troops sought from month 5 (shock)');
    for (const [what, text] of Object.entries(t)) expect([what, text.match(/\bround \d+/i)]).toEqual([what, null]);
  });

  it('a quarterly clock: "Quarter 5" throughout', () => {
    const t = texts(holdup('quarter'));
    expect(t.story).toContain('\nQuarter 5\n  * A great power enters the war');
    expect(t.summary).toMatch(/joined quarter 2;/);
    expect(t.page).toContain('<a href="#story">Quarter by quarter</a>');
    expect(t.charts).toContain('Quarter 5: South Africa');
    expect(t.controls).toContain('leaves in quarter 5');
    // The scenario's own description says "In month 5"; everything coalsim writes says "quarter".
    const own = (text: string): string => text.replace(/\n +/g, ' ').replace(/In month 5 a great power enters the war/g, '');
    for (const [what, text] of Object.entries(t)) expect([what, own(text).match(/\b(round|month) \d+/i)]).toEqual([what, null]);
  });
});
