/**
 * No label overprints another or leaves the canvas (titles measured line by line too): legend items, event markers' labels,
 * reversal labels and every other annotation label, measured from Chart.js's layout of each
 * chart of every bundled scenario (seeds 1 and 2) and of a 30-partner scenario with
 * 80-character names.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCharts } from '../../src/charts/index';
import { loadScenarioFile } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { labelBoxes, layoutProblems } from '../helpers/chartBoxes';
import { runOutputs } from '../report/helpers';
import { ROOT, valid } from '../helpers/scenarios';

const ids = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

function bundled(id: string): Scenario {
  const r = loadScenarioFile(join(ROOT, 'scenarios', `${id}.json`)).result;
  if (!r.ok) throw new Error(`${id} invalid`);
  return r.value;
}

/** The default scenario's market with 30 partners, each named by an 80-character name. */
export function thirtyLongNames(): Scenario {
  const base = bundled('teaching-scarcity');
  const parties = Array.from({ length: 30 }, (_, i) => {
    const name = `The Federal Democratic Republic of Somewhere Quite Far Away Number ${String(i + 1).padStart(2, '0')} Ltd`.padEnd(80, '.').slice(0, 80);
    return { ...base.thirdParties[i % base.thirdParties.length]!, id: `P${String(i + 1).padStart(2, '0')}`, name, maxTroops: 400 + 37 * i };
  });
  return valid({ ...base, meta: { ...base.meta, id: 'thirty' }, thirdParties: parties, events: [{ round: 9, type: 'demand', troops: 14000, label: 'An enemy offensive: the pivotal state now seeks 14,000 foreign troops' }] });
}

describe('chart labels never overprint', () => {
  it.each(ids.flatMap((id) => [[id, 1] as const, [id, 2] as const]))('%s seed %d', (id, seed) => {
    const problems = buildCharts(runOutputs(bundled(id), seed)).flatMap(layoutProblems);
    expect(problems).toEqual([]);
  });

  it('30 partners with 80-character names: no overlap, and the plot keeps at least half the canvas', () => {
    const charts = buildCharts(runOutputs(thirtyLongNames(), 1));
    expect(charts.flatMap(layoutProblems)).toEqual([]);
    for (const spec of charts) {
      const { chartArea, height } = labelBoxes(spec);
      expect([spec.id, (chartArea.bottom - chartArea.top) / height > 0.45]).toEqual([spec.id, true]);
    }
  });

  it('the check catches overprinting labels', () => {
    const spec = buildCharts(runOutputs(bundled('teaching-scarcity'), 1)).find((c) => c.id === 'bargaining-power')!;
    const annotations = (spec.config.options as { plugins: { annotation: { annotations: Record<string, unknown> } } }).plugins.annotation.annotations;
    const twin = { type: 'label', xValue: 3, yValue: 0.5, content: 'A label', font: { size: 18 } };
    const broken = { ...spec, config: { ...spec.config, options: { ...spec.config.options, plugins: { ...spec.config.options!.plugins, annotation: { annotations: { ...annotations, a: twin, b: twin, c: { ...twin, xValue: 0, xAdjust: -400 } } } } } } };
    const problems = layoutProblems(broken as typeof spec);
    expect(problems.some((p) => p.includes('overlaps'))).toBe(true);
    expect(problems.some((p) => p.includes('leaves the canvas'))).toBe(true);
  });
});
