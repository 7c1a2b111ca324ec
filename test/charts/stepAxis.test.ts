import { stepAxis } from '../../src/charts/specs/common';

describe("the hold-ups chart's tightness axis", () => {
  it('tops out on its own step grid, so no last tick crowds the one below it (1.9 beside 1.8 before)', () => {
    expect(stepAxis(1.9)).toEqual({ max: 2, step: 0.2 });
    expect(stepAxis(1.5 * 1.15)).toEqual({ max: 1.8, step: 0.2 });
    expect(stepAxis(4.6)).toEqual({ max: 5, step: 0.5 });
    expect(stepAxis(12)).toEqual({ max: 12, step: 2 });
    for (const top of [0.7, 1.725, 2.3, 3.33, 9.99, 41]) {
      const a = stepAxis(top);
      expect(a.max).toBeGreaterThanOrEqual(top);
      expect(a.max / a.step).toBeCloseTo(Math.round(a.max / a.step), 9);
      expect(a.max / a.step).toBeLessThanOrEqual(10);
    }
  });
});
