import seedrandom from 'seedrandom';
import { bootstrapIntervals, bootstrapMeanInterval, meanAt } from '../../src/analysis/bootstrap';
import { aleaState, uniformFrom } from '../../src/analysis/random';

describe('aleaState', () => {
  it('draws the same sequence as seedrandom.alea for the same key', () => {
    for (const key of ['', 'aggregate|0|meanShare', 'x'.repeat(300), 'ünïcode|7']) {
      let { s0, s1, s2, c } = aleaState(key);
      const ref = seedrandom.alea(key);
      for (let i = 0; i < 1000; i++) {
        const t = 2091639 * s0 + c * 2.3283064365386963e-10;
        s0 = s1;
        s1 = s2;
        c = t | 0;
        s2 = t - c;
        expect(s2).toBe(ref());
      }
    }
  });
});

describe('bootstrapMeanInterval', () => {
  it('gives the bits of the generic bootstrap of the mean', () => {
    const u = seedrandom.alea('data');
    const cases: number[][] = [
      [0, 1],
      [3, 3, 3, 4],
      Array.from({ length: 37 }, () => u()),
      Array.from({ length: 100 }, () => Math.floor(u() * 5)),
      Array.from({ length: 250 }, () => (u() - 0.5) * 1e6),
    ];
    cases.forEach((xs, k) => {
      for (const confidence of [0.95, 0.9]) {
        const key = `case|${k}|${confidence}`;
        const [generic] = bootstrapIntervals(xs.length, 2000, confidence, uniformFrom(key), (idx) => [meanAt(xs, idx)]);
        const fast = bootstrapMeanInterval(xs, 2000, confidence, key);
        expect(fast).not.toBeNull();
        expect(Object.is(fast!.low, generic!.low) && Object.is(fast!.high, generic!.high)).toBe(true);
      }
    });
  });

  it('drops non-finite means as the generic path does, and gives null when none is finite', () => {
    const xs = [1, Infinity, 2, 3];
    const [generic] = bootstrapIntervals(xs.length, 500, 0.95, uniformFrom('inf'), (idx) => [meanAt(xs, idx)]);
    expect(bootstrapMeanInterval(xs, 500, 0.95, 'inf')).toEqual(generic);
    expect(bootstrapMeanInterval([NaN, NaN], 50, 0.95, 'nan')).toBeNull();
  });
});
