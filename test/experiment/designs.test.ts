import fc from 'fast-check';
import { designPoints, gridValues, lhsUnit, sobolUnit } from '../../src/experiment/designs';
import { ParameterSchema, type ParameterSpec } from '../../src/experiment/schema';

const param = (p: Record<string, unknown>): ParameterSpec => ParameterSchema.parse({ name: 'p', path: 'x', ...p });

describe('grid design', () => {
  it('is every combination, first parameter slowest', () => {
    const pts = designPoints([param({ name: 'a', values: [1, 2] }), param({ name: 'b', values: ['x', 'y', 'z'] })], { type: 'grid' }, 1);
    expect(pts).toEqual([[1, 'x'], [1, 'y'], [1, 'z'], [2, 'x'], [2, 'y'], [2, 'z']]);
  });

  it('spaces levels evenly (linear, log, integer) without float noise', () => {
    expect(gridValues(param({ min: 0.1, max: 0.9, levels: 5 }))).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    expect(gridValues(param({ min: 1, max: 1000, levels: 4, scale: 'log' }))).toEqual([1, 10, 100, 1000]);
    expect(gridValues(param({ min: 0, max: 10, levels: 4, integer: true }))).toEqual([0, 3, 7, 10]);
    // Rounding to integers merges levels rather than repeating a point.
    expect(gridValues(param({ min: 0, max: 2, levels: 5, integer: true }))).toEqual([0, 1, 2]);
  });

  it('with no parameters is the base scenario alone', () => {
    expect(designPoints([], { type: 'grid' }, 1)).toEqual([[]]);
  });
});

describe('Latin hypercube', () => {
  it('uses each of the n strata exactly once in every dimension (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n, dims, seed) => {
        const pts = lhsUnit(n, dims, seed);
        expect(pts).toHaveLength(n);
        for (let d = 0; d < dims; d++) {
          const strata = pts.map((p) => Math.floor(p[d]! * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('maps strata onto each parameter range, and is reproducible from the seed', () => {
    const params = [param({ name: 'w', min: 0.2, max: 0.6 }), param({ name: 't', min: 100, max: 199, integer: true }), param({ name: 'k', values: ['a', 'b', 'c', 'd'] })];
    const n = 40;
    const pts = designPoints(params, { type: 'lhs', points: n }, 9);
    expect(pts).toHaveLength(n);
    const w = pts.map((p) => Math.floor(((p[0] as number) - 0.2) / (0.4 / n))).sort((a, b) => a - b);
    expect(w).toEqual(Array.from({ length: n }, (_, i) => i));
    // 100 integers in 40 strata: every value in range, each stratum of 2.5 integers hit once.
    const t = pts.map((p) => p[1] as number);
    for (const v of t) expect(Number.isInteger(v) && v >= 100 && v <= 199).toBe(true);
    // A list of 4 values: each picked n/4 times.
    const counts = new Map<unknown, number>();
    for (const p of pts) counts.set(p[2], (counts.get(p[2]) ?? 0) + 1);
    expect([...counts.values()]).toEqual([10, 10, 10, 10]);
    expect(designPoints(params, { type: 'lhs', points: n }, 9)).toEqual(pts);
    expect(designPoints(params, { type: 'lhs', points: n }, 10)).not.toEqual(pts);
  });
});

describe('Sobol design', () => {
  it('starts with the known Sobol sequence (Joe-Kuo directions)', () => {
    expect(sobolUnit(8, 2)).toEqual([[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875], [0.625, 0.125], [0.125, 0.625]]);
  });

  it('puts exactly one of the first 2^m points in each of 2^m equal intervals, in every dimension', () => {
    for (const m of [4, 8, 12]) {
      const n = 2 ** m;
      const pts = sobolUnit(n, 5);
      for (let d = 0; d < 5; d++) {
        const cells = new Set(pts.map((p) => Math.floor(p[d]! * n)));
        expect(cells.size).toBe(n);
      }
    }
  });
});

describe('sensitivity designs', () => {
  const two = [param({ name: 'a', min: 0, max: 10, integer: true }), param({ name: 'b', min: 0, max: 1 })];

  it('saltelli: N(D+2) points (N(2D+2) with second order), never de-duplicated, mapped onto the ranges', () => {
    const pts = designPoints(two, { type: 'saltelli', samples: 8, secondOrder: false }, 1);
    expect(pts).toHaveLength(8 * 4);
    // The first block comes from the origin of the Sobol sequence: A = B = AB_i, kept as four points.
    expect(pts.slice(0, 4)).toEqual([[0, 0], [0, 0], [0, 0], [0, 0]]);
    for (const [a, b] of pts) {
      expect(Number.isInteger(a)).toBe(true);
      expect(b as number).toBeGreaterThanOrEqual(0);
      expect(b as number).toBeLessThanOrEqual(1);
    }
    expect(designPoints(two, { type: 'saltelli', samples: 8, secondOrder: true }, 1)).toHaveLength(8 * 6);
  });

  it('morris: r(D+1) points, the same for the same seed, another for another seed', () => {
    const d = { type: 'morris' as const, trajectories: 5, levels: 4 };
    const pts = designPoints(two, d, 7);
    expect(pts).toHaveLength(5 * 3);
    expect(designPoints(two, d, 7)).toEqual(pts);
    expect(designPoints(two, d, 8)).not.toEqual(pts);
    // On the 4-level grid of b's range: 0, 1/3, 2/3, 1.
    for (const [, b] of pts) expect([0, 0.33333333, 0.66666667, 1]).toContain(b);
  });
});

describe('integer parameters on a Morris design', () => {
  it('reach every whole number of a small range (2-4 ran only 2 and 4: the level 1/3 is stored as 0.333333333333)', () => {
    const pts = designPoints([param({ name: 'deadline', min: 2, max: 4, integer: true }), param({ name: 'w', min: 0, max: 1 })], { type: 'morris', trajectories: 10, levels: 4 } as never, 1);
    expect(new Set(pts.map((p) => p[0]))).toEqual(new Set([2, 3, 4]));
  });
});
