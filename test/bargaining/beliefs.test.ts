import { above, atMost, cdf, mean, quantile, type Belief } from '../../src/core/bargaining/beliefs';
import { finiteHorizonProposerShare, rubinsteinProposerShare } from '../../src/core/bargaining/rubinstein';
import { optimalScreeningPrice } from '../../src/core/bargaining/strategies/screening';
import { composePackage } from '../../src/core/payments/package';

const normal: Belief = { shape: 'normal', mu: 100, sigma: 10, lo: -Infinity, hi: Infinity };
const uniform: Belief = { shape: 'uniform', mu: 100, sigma: 20 / Math.sqrt(3), lo: -Infinity, hi: Infinity }; // U[80, 120]

describe('beliefs', () => {
  it('normal CDF and mean match the textbook values', () => {
    expect(cdf(normal, 100)).toBeCloseTo(0.5, 6);
    expect(cdf(normal, 119.6)).toBeCloseTo(0.975, 3);
    expect(mean(normal)).toBeCloseTo(100, 9);
  });
  it('truncation moves the mean: E[X | X > mu] = mu + sigma * sqrt(2/pi)', () => {
    expect(mean(above(normal, 100))).toBeCloseTo(100 + 10 * Math.sqrt(2 / Math.PI), 4);
    expect(cdf(above(normal, 100), 100)).toBe(0);
  });
  it('uniform beliefs are flat on their support and narrow with observations', () => {
    expect(cdf(uniform, 90)).toBeCloseTo(0.25, 9);
    const b = atMost(above(uniform, 90), 110);
    expect(mean(b)).toBeCloseTo(100, 9);
    expect(cdf(b, 95)).toBeCloseTo(0.25, 9);
    expect(quantile(uniform, 0.1)).toBeCloseTo(84, 6);
  });
  it('contradictory observations put the mass at the nearest bound instead of failing', () => {
    const b = above(uniform, 150);
    expect(mean(b)).toBe(150);
    expect(Number.isFinite(cdf(b, 160))).toBe(true);
  });
});

describe('Rubinstein alternating offers', () => {
  it('the finite-horizon split converges to (1 - d2) / (1 - d1 d2)', () => {
    for (const [d1, d2] of [[0.9, 0.8], [0.95, 0.95], [0.6, 0.99], [0.99, 0.5]] as const) {
      const closed = rubinsteinProposerShare(d1, d2);
      expect(Math.abs(finiteHorizonProposerShare(d1, d2, 400) - closed)).toBeLessThan(1e-6);
    }
    expect(rubinsteinProposerShare(0.9, 0.8)).toBeCloseTo(0.2 / 0.28, 12);
  });
  it('matches backward induction by hand for short horizons', () => {
    expect(finiteHorizonProposerShare(0.9, 0.8, 1)).toBe(1);
    expect(finiteHorizonProposerShare(0.9, 0.8, 2)).toBeCloseTo(0.2, 12); // offer the responder 0.8 * 1
    expect(finiteHorizonProposerShare(0.9, 0.8, 3)).toBeCloseTo(0.92, 12); // 1 - 0.8 * (1 - 0.9)
  });
});

describe('screening offer', () => {
  it('with a uniform prior on [a, b] and ceiling C the optimal offer is (C + a) / 2', () => {
    // r ~ U[80, 120], C = 140: maximise (140 - x)(x - 80)/40 -> x* = 110.
    const { price } = optimalScreeningPrice({ role: 'pivotal', ownReservation: 140, belief: uniform });
    expect(price).toBeCloseTo(110, 2);
    // Corner: when (C + a) / 2 > b the pivotal offers b and is sure to be accepted.
    expect(optimalScreeningPrice({ role: 'pivotal', ownReservation: 400, belief: uniform }).price).toBeCloseTo(120, 2);
  });
  it('a third party facing a uniform belief about the ceiling asks (r + b) / 2', () => {
    // ceiling ~ U[80, 120], r = 60: maximise (y - 60)(120 - y)/40 -> y* = 90.
    expect(optimalScreeningPrice({ role: 'third-party', ownReservation: 60, belief: uniform }).price).toBeCloseTo(90, 2);
  });
  it('with a normal prior it matches a brute-force search', () => {
    let best = 0;
    let bestV = -1;
    for (let x = 60; x <= 150; x += 0.001) {
      const v = (150 - x) * cdf(normal, x);
      if (v > bestV) {
        bestV = v;
        best = x;
      }
    }
    expect(optimalScreeningPrice({ role: 'pivotal', ownReservation: 150, belief: normal }).price).toBeCloseTo(best, 2);
  });
});

describe('side-deal packages', () => {
  const base = { troops: 1000, years: 1, subsidyCap: 40_000, roundsPerYear: 12, roundsLeft: 12 };
  it('pays cost-linked value as subsidy and nothing else when the price is within cost', () => {
    const p = composePackage({ ...base, pricePerSoldierYear: 30_000, items: [{ id: 'debt', cost: 1e6, value: 5e6 }] });
    expect(p.sideDeals).toEqual([]);
    expect(p.subsidyPerSoldierYear).toBe(30_000);
    expect(p.costToPivotal).toBe(30_000_000);
  });
  it('covers value above cost with side deals, best value per cost first, skipping an item that would overshoot at more than the cash it replaces', () => {
    // Gap above cost: (100,000 - 40,000) x 1,000 = 60M of value.
    const items = [
      { id: 'arms', cost: 10e6, value: 40e6 }, // ratio 4
      { id: 'debt', cost: 30e6, value: 60e6 }, // ratio 2: would overshoot after arms
      { id: 'trade', cost: 5e6, value: 15e6 }, // ratio 3
      { id: 'bad', cost: 10e6, value: 5e6 }, // worth less than cash: never used
    ];
    const p = composePackage({ ...base, pricePerSoldierYear: 100_000, items });
    expect(p.sideDeals.map((g) => g.item)).toEqual(['arms', 'trade']);
    // Remaining value 100,000 - 55M/1,000 = 45,000 per soldier-year as subsidy.
    expect(p.subsidyPerSoldierYear).toBe(45_000);
    expect(p.costToPivotal).toBe(15e6 + 45_000_000);
  });
  it('gives an item worth more than the gap when it costs less than the cash it replaces (Egypt\'s debt relief in the Gulf)', () => {
    // Gap above cost: (100,000 - 40,000) x 1,000 = 60M; the relief is worth 61M to the recipient
    // and costs the giver 30M. Paying the gap in cash would cost 60M; the relief saves 30M, and
    // the recipient gets 1M more than the agreed value. The cost-linked 40,000 stays cash.
    const p = composePackage({ ...base, pricePerSoldierYear: 100_000, items: [{ id: 'debt', cost: 30e6, value: 61e6 }] });
    expect(p.sideDeals.map((g) => g.item)).toEqual(['debt']);
    expect(p.subsidyPerSoldierYear).toBe(40_000);
    // Subsidies are paid per round in whole cents: 12 x $3,333,333.33.
    expect(p.costToPivotal).toBe(69_999_999.96);
    // An item that costs more than the gap it would close is not given: the gap is paid in cash.
    const q = composePackage({ ...base, pricePerSoldierYear: 45_000, items: [{ id: 'debt', cost: 6e6, value: 12e6 }] });
    expect(q.sideDeals).toEqual([]);
    expect(q.subsidyPerSoldierYear).toBe(45_000);
    expect(q.costToPivotal).toBe(45_000_000);
  });
});
