/** Mission stance and domestic ratification (issue 12, item 4). */
import fc from 'fast-check';
import { stanceCost } from '../../src/core/politics/stance';
import { bestProposalSize, followUpTroops, oppositionAfterFailure, ratificationProbability } from '../../src/core/politics/ratification';
import { averageReservation, supplyAt } from '../../src/core/market/contingent';

describe('stance on the mission', () => {
  it('t = c o / (1 - o): none for supporters, double the cost at half opposition, infinite for open opposition', () => {
    expect(stanceCost(1, 30_000)).toBe(0);
    expect(stanceCost(0, 30_000)).toBe(0);
    expect(stanceCost(-0.5, 30_000)).toBeCloseTo(30_000, 9);
    expect(stanceCost(-1, 30_000)).toBe(Infinity);
  });
  it('an open opponent stays out at any price the pivotal would pay, as an outcome of its reservation', () => {
    const m = { deploymentCost: 30_000, intrinsicValue: 0, signallingValue: 20_000, markup: 0, stanceCost: stanceCost(-1, 30_000), liquidityNeed: 0, dutyValue: 0, dutyFloor: 0, deployable: 5_000, politicalCostAtCapacity: 30_000 };
    expect(supplyAt(m, 1e9)).toBe(0);
    expect(averageReservation(m, 100)).toBe(Infinity);
  });
  it('property: more opposition never lowers the reservation', () => {
    fc.assert(fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(stanceCost(lo, 30_000)).toBeGreaterThanOrEqual(stanceCost(hi, 30_000));
    }), { numRuns: 200, seed: 7 });
  });
});

describe('ratification', () => {
  it('P(ratified | k) = 1 - q min(1, k / K)', () => {
    expect(ratificationProbability(0.6, 5_000, 10_000)).toBeCloseTo(0.7, 12);
    expect(ratificationProbability(0.6, 20_000, 10_000)).toBeCloseTo(0.4, 12);
    expect(ratificationProbability(0, 5_000, 10_000)).toBe(1);
  });
  it('after a failed vote the pivotal proposes a smaller deal (the Turkey 2003 pattern)', () => {
    // Opposition 0.9, weakest prior: q' = (0.9 + 1) / 2 = 0.95; best size K / (2 q') = 10,000 / 1.9 = 5,263.
    expect(oppositionAfterFailure(0.9)).toBeCloseTo(0.95, 12);
    const failed = { troops: Math.round(bestProposalSize(0.9, 10_000)) }; // the size it had chosen: 5,556
    const next = followUpTroops(failed, 0.9, 10_000, 50);
    expect(next).toBe(5_263);
    expect(next).toBeLessThan(failed.troops);
    // A large deal pushed through against opposition shrinks a lot.
    expect(followUpTroops({ troops: 10_000 }, 0.9, 10_000, 50)).toBe(5_263);
    // Nothing worth proposing below the minimum contingent.
    expect(followUpTroops({ troops: 40 }, 0.9, 10_000, 50)).toBe(0);
  });
});
