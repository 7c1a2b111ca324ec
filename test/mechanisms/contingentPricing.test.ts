/**
 * Two defects found recalibrating isaf-surge against contingent size as a choice (issue 12
 * items 1-3):
 *   - the political cost of a contingent was anchored at `maxTroops` when it was set, so a cap
 *     written as the recorded contingent priced its last soldier at w + h (about twice its cost)
 *     and the recorded size was never chosen; a cap that does not bind must not change the
 *     choice below it (engine/phases/contingents `motivesOf`);
 *   - under complete information the pivotal ranked and budgeted duty-bound allies with the line
 *     a + b k whose intercept w - D ignores the liquidity floor and spreads the duty value over
 *     every soldier: a negative expected price, so their deals charged nothing to the budget when
 *     chosen and crowded out others at signing (market/recruitValue `price`).
 */
import { averageReservation } from '../../src/core/market/contingent';
import { expectedPrice, selectApproaches, type RecruitCandidates, type Recruiter } from '../../src/core/market/recruitValue';
import { motivesOf } from '../../src/core/engine/phases/contingents';
import { valid, tinyScenario } from '../helpers/scenarios';

describe('political cost anchored at the usual share, whatever the cap', () => {
  const base = tinyScenario({ engine: { costUncertainty: 0, pricing: { rule: 'nash', thirdPartyWeight: 0.5 }, operation: { signalling: true, maxDeployableShare: 0.05 } } });
  const spec = (maxTroops?: number) => {
    const s = valid({ ...base, thirdParties: [{ id: 'A', name: 'Alpha', armedForces: 100_000, deployableShare: 0.02, ...(maxTroops !== undefined ? { maxTroops } : {}), deploymentCostPerYear: 100_000, selfFundedShare: 0.5, intrinsicValuePerYear: 40_000 }] });
    return { spec: s.thirdParties[0]!, op: s.engine.operation };
  };

  it('a non-binding cap leaves r_i(k) below it unchanged; a binding cap only truncates', () => {
    const free = spec();
    const m0 = motivesOf(free.spec, free.op, 100_000, 0, 0);
    expect(m0.deployable).toBe(5_000); // armed forces x maxDeployableShare
    for (const cap of [5_000, 3_000, 1_500]) {
      const capped = spec(cap);
      const m = motivesOf(capped.spec, capped.op, 100_000, 0, 0);
      expect(m.deployable).toBe(cap);
      // Same slope of the political cost per soldier: h / K = c / (A sigma) = 100,000 / 2,000.
      expect(m.politicalCostAtCapacity / m.deployable).toBeCloseTo(50, 9);
      for (const k of [100, 1_000, cap]) expect(averageReservation(m, k)).toBeCloseTo(averageReservation(m0, k), 6);
    }
  });

  it('a cap at the usual share is the anchor: the marginal soldier there costs c (1 + cs) more', () => {
    const capped = spec(2_000);
    const m = motivesOf(capped.spec, capped.op, 100_000, 0, 0);
    expect(m.politicalCostAtCapacity).toBeCloseTo(100_000, 6);
  });
});

describe('recruitment with the exact reservation (complete information)', () => {
  // Candidate 0: a duty-bound ally whose line intercept w - D is negative, but whose true price
  // is its liquidity floor 50,000; candidate 1: a small signaller at 40,000.
  const r: Recruiter = { ownSoldierCost: 138_465, flagValue: 0, criticalPartnerValue: 0, gap: 2_000, minContingent: 50, budget: 80_000_000, years: 1 };
  const line: RecruitCandidates = {
    effectiveness: [1, 1],
    criticality: [0, 0],
    member: [0, 0],
    priceIntercept: [-60_000, 40_000],
    priceSlope: [1, 1],
    maxTroops: [2_000, 1_000],
  };
  const exact: RecruitCandidates = { ...line, price: (i, k) => (i === 0 ? Math.max(50_000, -60_000 + k) : 40_000 + k) };

  it('the line alone charges the ally nothing against the budget', () => {
    const chosen = selectApproaches(line, r);
    expect(chosen[0]!.index).toBe(0);
    expect(chosen[0]!.expectedCost).toBeLessThan(0);
  });

  it('the exact price ranks, sizes to the budget and charges it: both are approached within budget', () => {
    expect(expectedPrice(exact, 0, 1_000)).toBe(50_000);
    const chosen = selectApproaches(exact, r);
    const total = chosen.reduce((s, a) => s + a.expectedCost, 0);
    expect(total).toBeLessThanOrEqual(r.budget);
    expect(chosen.every((a) => a.expectedCost > 0)).toBe(true);
    // The signaller (cheaper at its size) ranks first; the ally is shrunk to what the budget leaves.
    expect(chosen.map((a) => a.index)).toEqual([1, 0]);
    const ally = chosen.find((a) => a.index === 0)!;
    expect(ally.troops * 50_000).toBeLessThanOrEqual(r.budget - chosen[0]!.expectedCost);
    expect((ally.troops + 1) * 50_000).toBeGreaterThan(r.budget - chosen[0]!.expectedCost);
  });
});
