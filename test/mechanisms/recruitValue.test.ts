/** Recruitment by value (issue 12, item 1): flags enter whom the pivotal approaches. */
import fc from 'fast-check';
import { netValue, preferredTroops, selectApproaches, type RecruitCandidates, type Recruiter } from '../../src/core/market/recruitValue';

/** Two large, effective, self-funding states and three small poor ones (low effectiveness, tiny contingents). */
function market(): RecruitCandidates {
  return {
    effectiveness: [1, 1, 0.5, 0.5, 0.5],
    criticality: [0, 0, 0, 0, 0],
    member: [0, 0, 0, 0, 0],
    priceIntercept: [40_000, 45_000, 8_000, 9_000, 10_000],
    priceSlope: [2, 2, 5, 5, 5],
    maxTroops: [5_000, 5_000, 300, 250, 200],
  };
}
const pivotal = (flagValue: number): Recruiter => ({ ownSoldierCost: 138_465, flagValue, criticalPartnerValue: 0, gap: 6_000, minContingent: 50, budget: 1e12, years: 1 });

describe('recruitment by value', () => {
  it('N_i(k) = k (e c_P - a - b k) + L + kappa V, by hand', () => {
    const c = market();
    // Candidate 2: 100 troops, e = 0.5: 100 (69,232.5 - 8,000 - 500) + 1,000,000
    expect(netValue(c, pivotal(1_000_000), 2, 100)).toBeCloseTo(100 * (69_232.5 - 8_500) + 1_000_000, 6);
    // A member brings no flag.
    expect(netValue({ ...c, member: [0, 0, 1, 0, 0] }, pivotal(1_000_000), 2, 100)).toBeCloseTo(100 * (69_232.5 - 8_500), 6);
    // Size: the top of the concave value, (e c_P - a) / (2b) = (138,465 - 40,000) / 4 = 24,616, capped at K = 5,000.
    expect(preferredTroops(c, pivotal(0), 0, 1e9)).toBe(5_000);
    expect(preferredTroops({ ...c, priceSlope: [20, 2, 5, 5, 5] }, pivotal(0), 0, 1e9)).toBe(2_461);
  });

  it('when flags are valued, the small poor states are recruited and paid; when not, they are not', () => {
    const withFlags = selectApproaches(market(), pivotal(20_000_000)).map((a) => a.index);
    const without = selectApproaches(market(), pivotal(0)).map((a) => a.index);
    for (const poor of [2, 3, 4]) {
      expect(withFlags).toContain(poor);
      expect(without).not.toContain(poor);
    }
    // Without flags the gap is filled by the two large states alone, cheapest first.
    expect(without).toEqual([0, 1]);
  });

  it('once the gap is filled, a token contingent is sought only when its flag is worth more than its expected cost', () => {
    const full: Recruiter = { ...pivotal(0), gap: 0 };
    expect(selectApproaches(market(), full)).toEqual([]);
    // Tokens of 50 troops cost 50 x (a + 5 x 50): 412,500 (candidate 2), 462,500 (3), 512,500 (4) a year,
    // and from the large states 50 x 40,100 and more: at L = 500,000 only candidates 2 and 3 are worth it.
    const tokens = selectApproaches(market(), { ...full, flagValue: 500_000 });
    expect(tokens.map((a) => a.index)).toEqual([2, 3]);
    expect(tokens[0]!.token).toBe(true);
    expect(tokens[0]!.troops).toBe(50);
  });

  it('never promises more than the budget, and takes part of an offer when money runs short', () => {
    const r: Recruiter = { ...pivotal(0), budget: 50_000 * 3_000 };
    const chosen = selectApproaches(market(), r);
    expect(chosen.reduce((s, a) => s + a.expectedCost, 0)).toBeLessThanOrEqual(r.budget + 1e-6);
    expect(chosen[0]!.troops).toBeLessThan(5_000);
  });

  it('property: a higher flag value never removes a new member from the selection', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), (l1, l2) => {
        const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
        const a = selectApproaches(market(), { ...pivotal(lo), gap: 20_000 });
        const b = selectApproaches(market(), { ...pivotal(hi), gap: 20_000 });
        // With a gap larger than all supply, every candidate worth approaching at a low flag value still is at a higher one.
        for (const x of a) expect(b.map((y) => y.index)).toContain(x.index);
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
