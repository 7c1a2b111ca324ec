import { lexicographicRanks, median, ols, predict, ranks, spearman, twoSidedP } from '../../src/replication/stats';

describe('OLS with HC1 robust standard errors', () => {
  it('matches a hand-computed simple regression', () => {
    // x = 1..5, y = 2,4,5,4,5: slope = Sxy/Sxx = 6/10, intercept = 4 - 0.6*3 = 2.2.
    // Residuals -0.8, 0.6, 1.0, -0.6, -0.2; HC1 var(slope) = n/(n-k) * sum((x-xbar)^2 e^2) / Sxx^2
    //   = 5/3 * (4*0.64 + 0.36 + 0 + 0.36 + 4*0.04) / 100 = 0.0573333.
    const x = [1, 2, 3, 4, 5];
    const y = [2, 4, 5, 4, 5];
    const fit = ols(y, x.map((v) => [1, v]), ['intercept', 'x']);
    const slope = fit.coefficients[1]!;
    expect(fit.coefficients[0]!.coef).toBeCloseTo(2.2, 12);
    expect(slope.coef).toBeCloseTo(0.6, 12);
    expect(slope.se).toBeCloseTo(Math.sqrt(0.0573333333333), 9);
    // t(0.975, 3) = 3.182446
    expect(slope.ciLow).toBeCloseTo(0.6 - 3.182446305 * slope.se, 6);
    expect(slope.ciHigh).toBeCloseTo(0.6 + 3.182446305 * slope.se, 6);
    expect(fit.n).toBe(5);
    // R^2 = 1 - RSS/TSS = 1 - 2.4/6
    expect(fit.r2).toBeCloseTo(0.6, 12);
  });

  it('matches known coefficients and HC1 errors with two regressors (numpy reference)', () => {
    const X = [[1, 1, 0], [1, 2, 1], [1, 3, 0], [1, 4, 1], [1, 5, 0], [1, 6, 1]];
    const y = [1, 3, 2, 5, 4, 7];
    const fit = ols(y, X, ['intercept', 'x', 'd']);
    const want = [[-0.29166667, 0.48382398], [0.875, 0.09771699], [1.79166667, 0.27269658]];
    fit.coefficients.forEach((c, j) => {
      expect(c.coef).toBeCloseTo(want[j]![0]!, 7);
      expect(c.se).toBeCloseTo(want[j]![1]!, 7);
    });
  });

  it('predicts the fitted mean with a band that contains it', () => {
    const fit = ols([2, 4, 5, 4, 5], [1, 2, 3, 4, 5].map((v) => [1, v]), ['intercept', 'x']);
    const p = predict(fit, [1, 3]);
    expect(p.fit).toBeCloseTo(4, 12);
    expect(p.low).toBeLessThan(4);
    expect(p.high).toBeGreaterThan(4);
  });

  it('refuses rank-deficient designs and too few observations', () => {
    expect(() => ols([1, 2, 3], [[1, 1], [1, 1], [1, 1]], ['a', 'b'])).toThrow(/rank-deficient/);
    expect(() => ols([1, 2], [[1, 1], [1, 2]], ['a', 'b'])).toThrow(/too few/);
  });
});

describe('Spearman rank correlation', () => {
  it('averages tied ranks', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });
  it('ranks lexicographically: ties in the first score broken by the second, exact ties averaged', () => {
    // 0 and 0 tie on the first score; -Infinity (open opposition) ranks lowest without NaN.
    expect(lexicographicRanks([0, 0, 0, 1, 0], [2, -1, -Infinity, -5, -1])).toEqual([4, 2.5, 1, 5, 2.5]);
    expect(lexicographicRanks([10, 20, 20, 5])).toEqual(ranks([10, 20, 20, 5]));
  });
  it('matches scipy.stats.spearmanr with ties', () => {
    const r = spearman([1, 2, 2, 3, 5, 4, 7, 6], [2, 1, 3, 3, 6, 5, 8, 9]);
    expect(r.rho).toBeCloseTo(0.9216867469879517, 10);
    expect(r.p).toBeCloseTo(0.0011313109471719827, 6);
    expect(r.ciLow).toBeLessThan(r.rho);
    expect(r.ciHigh).toBeGreaterThan(r.rho);
  });
  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe('two-sided p-values from the lower tail', () => {
  it('stay positive when tiny (1 - cdf cancelled to 0) and match the familiar values', () => {
    // rho = 0.6 over 165 states: t = 0.6 sqrt(163 / 0.64) = 9.58, p about 1e-17 (scipy: 1.18e-17 for the rho the audit saw).
    const p = twoSidedP(0.6 * Math.sqrt(163 / 0.64), 163);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-15);
    expect(twoSidedP(1.959964, 1e7)).toBeCloseTo(0.05, 5);
    expect(twoSidedP(0, 10)).toBeCloseTo(1, 10);
  });
});
