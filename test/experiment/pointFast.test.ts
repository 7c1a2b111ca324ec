/**
 * scenarioAt validates a point's scenario without re-scanning it as text when it is valid
 * (parseScenarioValue): the result must be what the text way gives, for valid points and for
 * invalid ones (whose messages come from the text way).
 */
import { join } from 'node:path';
import { loadExperimentFile } from '../../src/experiment/load';
import { applyPoint, scenarioAt } from '../../src/experiment/point';
import { parseScenario, parseScenarioValue } from '../../src/scenario/load';
import { ROOT } from '../helpers/scenarios';

const textWay = (value: unknown) => {
  const r = parseScenario(JSON.stringify(value));
  return r.ok ? r : { ok: false as const, issues: r.issues.map(({ line: _l, column: _c, ...rest }) => rest) };
};

describe('a sweep point validated in memory', () => {
  it('equals the text way on every point of a bundled experiment', () => {
    const loaded = loadExperimentFile(join(ROOT, 'experiments', 'information-by-surge-10k.json'));
    if (!loaded.ok) throw new Error('the bundled experiment does not load');
    const c = loaded.value;
    expect(c.points.length).toBe(100);
    for (const p of c.points) {
      const fast = scenarioAt(c.base, c.params, p);
      expect(fast.ok).toBe(true);
      expect(fast).toEqual(textWay(applyPoint(c.base, c.params, p)));
    }
  });

  it('gives the text way\'s issues for an invalid point, and refuses what the text limits refuse', () => {
    const loaded = loadExperimentFile(join(ROOT, 'experiments', 'information-by-surge-10k.json'));
    if (!loaded.ok) throw new Error('the bundled experiment does not load');
    const c = loaded.value;
    const bad = scenarioAt(c.base, c.params, [-1, 5000]);
    expect(bad.ok).toBe(false);
    expect(bad).toEqual(textWay(applyPoint(c.base, c.params, [-1, 5000])));
    const long = { ...c.base, meta: { ...c.base.meta, description: 'x'.repeat(20_001) } };
    expect(parseScenarioValue(long).ok).toBe(false);
    expect(parseScenarioValue(long)).toEqual(parseScenario(JSON.stringify(long)));
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = [deep];
    const tooDeep = { ...c.base, meta: { ...c.base.meta, extra: deep } };
    expect(parseScenarioValue(tooDeep)).toEqual(parseScenario(JSON.stringify(tooDeep)));
  });
});
