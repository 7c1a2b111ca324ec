/** Contingent size as a choice (issue 12, item 2) and alliance duty (item 3). */
import fc from 'fast-check';
import {
  averageReservation, contingentCost, enlargementReservation, enlargementSupply, marginalReservation, politicalCostAtCapacity, supplyAt, type ContingentMotives,
} from '../../src/core/market/contingent';
import { bindingness, dutyFloor, dutyValue, leaderAsk, reviewedDepth, signallingValue, unrealizedPotential } from '../../src/core/politics/alliance';

const base: ContingentMotives = {
  deploymentCost: 30_000, intrinsicValue: 5_000, signallingValue: 0, markup: 0, stanceCost: 0, liquidityNeed: 0,
  dutyValue: 0, dutyFloor: 0, deployable: 10_000, politicalCostAtCapacity: 30_000,
};

describe('supply of troops at a price', () => {
  it('k*(p) = K (p - w) / h, by hand, clipped to [0, K]', () => {
    // w = 25,000, h = 30,000, K = 10,000: at p = 31,000, k = 10,000 x 6,000 / 30,000 = 2,000.
    expect(supplyAt(base, 31_000)).toBeCloseTo(2_000, 9);
    expect(supplyAt(base, 20_000)).toBe(0);
    expect(supplyAt(base, 100_000)).toBe(10_000);
    // The average reservation for a deal of exactly k: w + h k / 2K = 25,000 + 1.5 k.
    expect(averageReservation(base, 2_000)).toBeCloseTo(28_000, 9);
    // The marginal one at the supplied quantity is the price.
    expect(marginalReservation(base, supplyAt(base, 31_000))).toBeCloseTo(31_000, 9);
  });

  it('cannot deploy below its liquidity need; open opposition supplies nothing at any price', () => {
    const poor = { ...base, intrinsicValue: 29_000, liquidityNeed: 27_000 };
    expect(supplyAt(poor, 26_999)).toBe(0);
    expect(supplyAt(poor, 27_000)).toBeGreaterThan(0);
    expect(supplyAt({ ...base, stanceCost: Infinity }, 1e12)).toBe(0);
    expect(averageReservation({ ...base, stanceCost: Infinity }, 100)).toBe(Infinity);
  });

  it('a casualty-sensitive government offers fewer troops at the same price', () => {
    const calm = { ...base, politicalCostAtCapacity: politicalCostAtCapacity(30_000, 0) };
    const sensitive = { ...base, politicalCostAtCapacity: politicalCostAtCapacity(30_000, 0.8) };
    expect(supplyAt(sensitive, 35_000)).toBeLessThan(supplyAt(calm, 35_000));
  });

  it('property: supply rises with price, r_i(k) rises with k, and a deal at p for k* (p) covers its cost', () => {
    const motives = fc.record({
      deploymentCost: fc.integer({ min: 1_000, max: 100_000 }), intrinsicValue: fc.integer({ min: 0, max: 50_000 }), signallingValue: fc.integer({ min: 0, max: 30_000 }),
      markup: fc.integer({ min: 0, max: 20_000 }), stanceCost: fc.constant(0), liquidityNeed: fc.integer({ min: 0, max: 20_000 }),
      dutyValue: fc.integer({ min: 0, max: 50_000 }), dutyFloor: fc.integer({ min: 0, max: 5_000 }), deployable: fc.integer({ min: 100, max: 50_000 }),
      politicalCostAtCapacity: fc.integer({ min: 1, max: 200_000 }),
    });
    fc.assert(
      fc.property(motives, fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), (m, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(supplyAt(m, hi)).toBeGreaterThanOrEqual(supplyAt(m, lo) - 1e-9);
        const k = supplyAt(m, hi);
        if (k > 0) expect(hi * k).toBeGreaterThanOrEqual(contingentCost(m, k) - 1e-6 * Math.max(1, hi * k));
        const k1 = Math.max(1, Math.floor(m.deployable / 3));
        expect(averageReservation(m, 2 * k1)).toBeGreaterThanOrEqual(averageReservation(m, k1) - 1e-9);
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it('a deployed state enlarges at a price above its current margin, and the increment is priced at its incremental cost', () => {
    expect(enlargementSupply(base, 2_000, 31_000)).toBeCloseTo(0, 9);
    expect(enlargementSupply(base, 2_000, 34_000)).toBeCloseTo(1_000, 9);
    // (Cost(3,000) - Cost(2,000)) / 1,000 = 25,000 + 1.5 (3,000 + 2,000) = 32,500.
    expect(enlargementReservation(base, 2_000, 1_000)).toBeCloseTo(32_500, 9);
  });
});

describe('alliance duty and signalling', () => {
  const nato = { milsup: 1, depth: 0.08, similarity: 0.6 };
  it('duty floor = lambda a A, lambda = (milsup + depth) / 2; signal = S max(0, sim - depth)', () => {
    expect(bindingness(nato)).toBeCloseTo(0.54, 12);
    expect(leaderAsk(130_000, 20_000_000)).toBeCloseTo(0.0065, 12);
    expect(dutyFloor(nato, 0.0065, 200_000, 20_000)).toBeCloseTo(0.54 * 0.0065 * 200_000, 9);
    expect(dutyValue(nato, 100_000, 100_000)).toBeCloseTo(108_000, 9);
    expect(signallingValue(nato, 10_000)).toBeCloseTo(5_200, 9);
    expect(unrealizedPotential({ similarity: 0.2, depth: 0.5 })).toBe(0);
  });

  it('a bound ally is present with at least a token (the smallest contingent that counts), however small its fair share; no pact, no ask: no token', () => {
    // Iceland in ISAF, Nov 2010: 130 under arms, lambda a A = 0.54 x 0.0019 x 130 = 0.13 of a soldier; it sent 4.
    const ask = 0.0019;
    expect(dutyFloor(nato, ask, 130, 6)).toBeCloseTo(0.54 * ask * 130, 12);
    expect(dutyFloor(nato, ask, 130, 6, 1)).toBe(1);
    // A fair share above the token is the floor, as before.
    expect(dutyFloor(nato, ask, 200_000, 20_000, 1)).toBeCloseTo(0.54 * ask * 200_000, 9);
    // Not for an ally whose pact the mission does not invoke (Japan in ISAF: depth only), nor when nothing is asked.
    expect(dutyFloor({ milsup: 0, depth: 0.27 }, ask, 130, 6, 1)).toBeCloseTo(0.135 * ask * 130, 12);
    expect(dutyFloor(nato, 0, 130, 6, 1)).toBe(0);
    // Never above what it can deploy.
    expect(dutyFloor(nato, ask, 10, 0, 1)).toBe(0);
    // With the token floor and its duty value covering its net cost, it volunteers the token unpaid.
    const h = politicalCostAtCapacity(100_000, 0);
    const m = { ...base, deploymentCost: 100_000, intrinsicValue: 40_000, politicalCostAtCapacity: h, deployable: 6, dutyFloor: dutyFloor(nato, ask, 130, 6, 1), dutyValue: dutyValue(nato, 100_000, h) };
    expect(supplyAt(m, 0)).toBeCloseTo(1, 9);
    expect(supplyAt({ ...m, dutyFloor: dutyFloor(nato, ask, 130, 6) }, 0)).toBeLessThan(1);
  });

  it('a locked-in ally deploys its floor unpaid; a deeper alliance or a bigger ask raises the floor', () => {
    const ally = { milsup: 1, depth: 1, similarity: 0.6 };
    const h = politicalCostAtCapacity(50_000, 0);
    const floor = dutyFloor(ally, 0.01, 200_000, 20_000);
    const m = { ...base, deploymentCost: 50_000, intrinsicValue: 0, politicalCostAtCapacity: h, deployable: 20_000, dutyFloor: floor, dutyValue: dutyValue(ally, 50_000, h) };
    expect(supplyAt(m, 0)).toBeCloseTo(floor, 9);
    expect(dutyFloor({ ...ally, depth: 0.5 }, 0.01, 200_000, 20_000)).toBeLessThan(floor);
    expect(dutyFloor(ally, 0.02, 200_000, 20_000)).toBeGreaterThan(floor);
  });

  it('the share of forces deployed rises with unrealized potential, slope sigma S / h per unit (ISAF Table 1 order of magnitude)', () => {
    const A = 112_000;
    const sigma = 0.1;
    const S = 2_000;
    const share = (g: number) => supplyAt({ ...base, deploymentCost: 30_000, intrinsicValue: 20_000, signallingValue: S * g, deployable: sigma * A, politicalCostAtCapacity: politicalCostAtCapacity(30_000, 0) }, 15_000) / A;
    const slope = share(1) - share(0);
    expect(slope).toBeCloseTo((sigma * S) / 30_000, 12);
    expect(slope).toBeGreaterThan(0.002);
    expect(slope).toBeLessThan(0.01);
  });

  it('over-contributors are rewarded during the run, and a deeper alliance means more duty and less signal later', () => {
    const before = { depth: 0.1, similarity: 0.7 };
    const after = reviewedDepth({ ...before, shareDeployed: 0.02, ask: 0.01, rate: 0.5, roundsPerYear: 12 });
    expect(after).toBeCloseTo(0.1 + (0.5 * 0.6 * 1) / 12, 12);
    expect(reviewedDepth({ ...before, shareDeployed: 0.009, ask: 0.01, rate: 0.5, roundsPerYear: 12 })).toBe(0.1);
    expect(signallingValue({ ...before, depth: after }, 10_000)).toBeLessThan(signallingValue(before, 10_000));
    expect(dutyFloor({ milsup: 1, depth: after }, 0.01, 100_000, 10_000)).toBeGreaterThan(dutyFloor({ milsup: 1, depth: 0.1 }, 0.01, 100_000, 10_000));
    // Depth approaches similarity and never passes it.
    let d = 0.1;
    for (let t = 0; t < 500; t++) d = reviewedDepth({ depth: d, similarity: 0.7, shareDeployed: 0.05, ask: 0.01, rate: 1, roundsPerYear: 1 });
    expect(d).toBeLessThanOrEqual(0.7);
    expect(d).toBeGreaterThan(0.69);
  });
});
