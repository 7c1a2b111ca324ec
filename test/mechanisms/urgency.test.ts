/** Urgency (issue 12, item 6): the pivotal's patience falls with its casualties and as a deadline nears. */
import fc from 'fast-check';
import { deadlineFactor, pivotalDiscountFactor, type UrgencyInputs } from '../../src/core/bargaining/urgency';

const calm: UrgencyInputs = { patience: 0.95, urgency: 0.5, demand: 1_000, deployed: 1_000, casualtySensitivity: 0.6, ownDeaths: 0, casualtyTolerance: 1_000, roundsToDeadline: null };

describe('urgency', () => {
  it('closed form: patience x (1 - u short) x (1 - s min(1, D/T)) x (H - 1)/H', () => {
    expect(pivotalDiscountFactor(calm)).toBeCloseTo(0.95, 12);
    expect(pivotalDiscountFactor({ ...calm, deployed: 600 })).toBeCloseTo(0.95 * 0.8, 12);
    expect(pivotalDiscountFactor({ ...calm, ownDeaths: 500 })).toBeCloseTo(0.95 * 0.7, 12);
    expect(pivotalDiscountFactor({ ...calm, roundsToDeadline: 4 })).toBeCloseTo(0.95 * 0.75, 12);
    expect(deadlineFactor(1)).toBe(0);
  });
  it('property: more casualties or a nearer deadline never make it more patient', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (d1, d2, h1, h2) => {
      const x = { ...calm, deployed: 700 };
      const [dLo, dHi] = d1 <= d2 ? [d1, d2] : [d2, d1];
      const [hNear, hFar] = h1 <= h2 ? [h1, h2] : [h2, h1];
      expect(pivotalDiscountFactor({ ...x, ownDeaths: dHi, roundsToDeadline: hFar })).toBeLessThanOrEqual(pivotalDiscountFactor({ ...x, ownDeaths: dLo, roundsToDeadline: hFar }) + 1e-12);
      expect(pivotalDiscountFactor({ ...x, ownDeaths: dLo, roundsToDeadline: hNear })).toBeLessThanOrEqual(pivotalDiscountFactor({ ...x, ownDeaths: dLo, roundsToDeadline: hFar }) + 1e-12);
    }), { numRuns: 200, seed: 9 });
  });
});
