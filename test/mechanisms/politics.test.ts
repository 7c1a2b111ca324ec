/** Mission stance and domestic ratification (issue 12, item 4). */
import fc from 'fast-check';
import { stanceCost } from '../../src/core/politics/stance';
import { followUpTroops, ratificationChance, ratifies, relativeSize, toleranceNeeded } from '../../src/core/politics/ratification';

/** P(ratified) of k of K troops before any vote: the chance with nothing yet known of the tolerance. */
const ratificationProbability = (q: number, k: number, K: number): number => ratificationChance(toleranceNeeded(q, relativeSize(k, K)), 0, 1);
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

const need2 = (k: number) => toleranceNeeded(0.6, relativeSize(k, 10_000));

describe('ratification', () => {
  it('P(ratified | k) = 1 - q min(1, k / K)', () => {
    expect(ratificationProbability(0.6, 5_000, 10_000)).toBeCloseTo(0.7, 12);
    expect(ratificationProbability(0.6, 20_000, 10_000)).toBeCloseTo(0.4, 12);
    expect(ratificationProbability(0, 5_000, 10_000)).toBe(1);
  });
  it('one parliament, one tolerance: a deal passes iff u >= q s, so a rejected size (and any larger) is rejected again', () => {
    const q = 0.6;
    const need = (k: number) => toleranceNeeded(q, relativeSize(k, 10_000));
    expect(need(5_000)).toBeCloseTo(0.3, 12);
    expect(need(20_000)).toBeCloseTo(0.6, 12);
    const u = 0.25; // rejects 5,000 (needs 0.3) ...
    expect(ratifies(u, need(5_000))).toBe(false);
    expect(ratifies(u, need(5_000))).toBe(false); // ... at every vote, not one time in two
    expect(ratifies(u, need(8_000))).toBe(false);
    expect(ratifies(u, need(2_500))).toBe(true); // needs 0.15
    // Over tolerances spread evenly on [0, 1], the pass rate of a deal is 1 - q s, as before any vote.
    const us = Array.from({ length: 1000 }, (_, j) => (j + 0.5) / 1000);
    expect(us.filter((x) => ratifies(x, need(5_000))).length / us.length).toBeCloseTo(ratificationProbability(q, 5_000, 10_000), 2);
  });
  it('after a failed vote the pivotal comes back with half the deal (the Turkey 2003 pattern: a much smaller deal followed)', () => {
    // Knowing u < q s, a deal of size s' passes with probability 1 - s'/s; (1 - s'/s) s' is largest at s' = s/2.
    expect(ratificationChance(need2(2_500), 0, need2(5_000))).toBeCloseTo(0.5, 12);
    expect(followUpTroops(5_000, 50)).toBe(2_500);
    expect(followUpTroops(5_555, 50)).toBe(2_777);
    // Nothing worth proposing below the minimum contingent.
    expect(followUpTroops(90, 50)).toBe(0);
    // A size already rejected has no chance; one already passed is sure.
    expect(ratificationChance(0.3, 0, 0.3)).toBe(0);
    expect(ratificationChance(0.1, 0.2, 1)).toBe(1);
  });
});
