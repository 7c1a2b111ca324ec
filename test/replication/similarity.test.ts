import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIsafCsv } from '../../src/replication/isafData';
import { fitSimilarityRule, MIN_SIMILARITY_PAIRS, similarityOf } from '../../src/replication/similarity';

const ROOT = join(__dirname, '..', '..');
const text = readFileSync(join(ROOT, 'data', 'isaf_2010_crosssection.csv'), 'utf8');
const rows = parseIsafCsv(text);

describe('preference similarity on one scale across years (similarity.ts)', () => {
  it('fits log agreement on ideal-point distance over the Nov 2010 file: a = -0.23, b = -0.53, R² 0.76, n = 191', () => {
    const rule = fitSimilarityRule(rows)!;
    expect(rule.n).toBe(191);
    expect(rule.intercept).toBeCloseTo(-0.2294, 3);
    expect(rule.slope).toBeCloseTo(-0.5295, 3);
    expect(rule.r2).toBeCloseTo(0.764, 2);
  });

  it('reads a state by its distance, not by the agenda of its year: the same distance gives the same similarity whatever the agreement', () => {
    const rule = fitSimilarityRule(rows)!;
    // Greece in 1950 (agreement 0.70, distance 0.06) and a state at the same distance in 2010.
    expect(similarityOf(0.7, 0.06, rule)).toBe(similarityOf(0.2, 0.06, rule));
    // By hand: exp(-0.2294 - 0.5295 * 0.06) = 0.7700.
    expect(similarityOf(0.7, 0.06, rule)).toBeCloseTo(Math.exp(rule.intercept + rule.slope * 0.06), 4);
    expect(similarityOf(0.7, 0.06, rule)).toBeCloseTo(0.77, 2);
    // Farther from the US, less similar; never outside 0-1.
    expect(similarityOf(0.1, 4, rule)).toBeLessThan(similarityOf(0.1, 1, rule));
    expect(similarityOf(0.1, 0, { ...rule, intercept: 0.5 })).toBe(1);
  });

  it('uses agreement as it is where the distance is unknown, or the file has too few distances to fit the rule', () => {
    const rule = fitSimilarityRule(rows)!;
    expect(similarityOf(0.4321, null, rule)).toBe(0.4321);
    expect(similarityOf(0.4321, 1, null)).toBe(0.4321);
    expect(fitSimilarityRule(rows.slice(0, MIN_SIMILARITY_PAIRS - 1))).toBeNull();
    const lines = text.trim().split('\n');
    const col = lines[0]!.split(',').indexOf('ideal_point_distance_us');
    const without = lines.map((l) => l.split(',').filter((_, i) => i !== col).join(',')).join('\n');
    // The data has no quoted commas in these rows, so dropping the column by position is exact.
    const parsed = parseIsafCsv(without);
    expect(parsed.every((r) => r.similarity === Math.round(r.agreeUs * 1e4) / 1e4)).toBe(true);
  });

  it('every parsed row carries its similarity, close to its agreement in the reference year (r = 0.91)', () => {
    const xs = rows.map((r) => r.agreeUs);
    const ys = rows.map((r) => r.similarity!);
    const m = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = m(xs);
    const my = m(ys);
    const cov = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
    const r = cov / Math.sqrt(xs.reduce((a, x) => a + (x - mx) ** 2, 0) * ys.reduce((a, y) => a + (y - my) ** 2, 0));
    expect(r).toBeGreaterThan(0.88);
    expect(r).toBeLessThan(0.94);
  });
});
