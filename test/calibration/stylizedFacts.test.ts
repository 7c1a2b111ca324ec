/** The stylized-facts harness (issue 12): its statistics, and one fact end to end. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factsMarkdown } from '../../src/calibration/factsRender';
import { casualtiesLeaveEarlier, diff, signallingFact } from '../../src/calibration/stylizedFacts';
import { valid, ROOT } from '../helpers/scenarios';

const load = (id: string) => valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')));

describe('stylized facts', () => {
  it('diff: difference of means with a Welch 95% interval (hand-checked)', () => {
    // means 2 and 5; variances 1 and 1; se = sqrt(1/3 + 1/3) = 0.8165
    const d = diff([1, 2, 3], [4, 5, 6]);
    expect(d.effect).toBe(3);
    expect(d.ciLow).toBeCloseTo(3 - 1.959964 * Math.sqrt(2 / 3), 6);
    expect(d.ciHigh).toBeCloseTo(3 + 1.959964 * Math.sqrt(2 / 3), 6);
  });

  it('the signalling slope holds only with a positive interval within a factor 3 of the observed slope', () => {
    expect(signallingFact({ coef: 0.028, ciLow: 0.02, ciHigh: 0.035, n: 161 }, 0.0358).holds).toBe(true);
    expect(signallingFact({ coef: 0.28, ciLow: 0.2, ciHigh: 0.35, n: 161 }, 0.0358).holds).toBe(false);
    expect(signallingFact({ coef: 0.028, ciLow: -0.001, ciHigh: 0.05, n: 161 }, 0.0358).holds).toBe(false);
  });

  // Mechanism: casualty withdrawal, a government leaves after (1 - sensitivity) x
  // maxCasualtyTolerance deaths (src/core/dynamics/casualties.ts).
  it('casualty-sensitive governments leave earlier (8 seeds), and the report names the mechanism', () => {
    const f = casualtiesLeaveEarlier({ base: load('default'), holdup: load('teaching-holdup') }, [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(f.conditions[0]!.effect).toBeLessThan(0);
    expect(f.holds).toBe(true);
    expect(f.mechanism).toMatch(/casualties\.ts/);
    expect(factsMarkdown([f], 8)).toMatch(/\| Casualty-sensitive governments leave earlier \| default, alternating-offers \| -/);
  });
});
