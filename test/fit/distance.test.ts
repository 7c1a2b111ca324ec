/**
 * The fit's per-figure discrepancy (src/fit/distance.ts): runs in which a recorded figure has no
 * value (a partner's payment per soldier-year when it stayed out) count as MISSING_DISCREPANCY,
 * mixed with the discrepancy of the runs that give one by their share.
 */
import { scoreValues } from '../../src/calibration/score';
import { figureDiscrepancy, MISSING_DISCREPANCY } from '../../src/fit/distance';
import type { FitFigure } from '../../src/fit/schema';

const rate: FitFigure = {
  id: 'rate',
  label: 'a partner paid per soldier-year',
  measure: 'paymentsPerSoldierYear:THA',
  recorded: { value: 5000 },
  tolerance: { rule: 'median-within', relative: 0.2 },
  role: 'target',
} as FitFigure;

const d = (values: (number | null)[]): number => figureDiscrepancy(rate, 'number', scoreValues('number', values, rate.recorded, rate.tolerance as never));

describe('figureDiscrepancy with runs that give no value', () => {
  it('is the median discrepancy when every run gives a value', () => {
    // median 6,000 against 5,000 at an error scale of 0.2 x 5,000 = 1,000: one scale.
    expect(d([5500, 6000, 6500])).toBeCloseTo(1, 10);
  });

  it('mixes in MISSING_DISCREPANCY by the share of runs without a value', () => {
    // The record is matched where the partner joins (median 5,000), but it stays out in 3 of 4 runs.
    expect(d([5000, null, null, null])).toBeCloseTo(0.75 * MISSING_DISCREPANCY, 10);
    expect(d([5500, 6000, 6500, null])).toBeCloseTo(0.75 * 1 + 0.25 * MISSING_DISCREPANCY, 10);
  });

  it('is MISSING_DISCREPANCY when no run gives a value', () => {
    expect(d([null, null])).toBe(MISSING_DISCREPANCY);
  });

  it('rises as fewer runs give the figure, at the same median', () => {
    expect(d([5000, 5000, null])).toBeGreaterThan(d([5000, 5000, 5000, null]));
  });
});

describe('figureDiscrepancy of a close call', () => {
  // A knife-edge vote recorded as refused (false), judged in the band [0.25, 0.75] of runs.
  const vote: FitFigure = {
    id: 'vote',
    label: 'a parliament refuses',
    measure: 'accessSold:TUR:transit',
    recorded: { equals: false },
    tolerance: { rule: 'close-call', minShare: 0.25 },
    role: 'target',
  } as FitFigure;
  const dv = (refusedOf4: number): number => {
    const values = [0, 1, 2, 3].map((i) => i >= refusedOf4);
    return figureDiscrepancy(vote, 'boolean', scoreValues('boolean', values, vote.recorded, vote.tolerance as never));
  };

  it('is zero inside the band, and one at either certainty (no run, or every run, refuses)', () => {
    expect(dv(1)).toBe(0);
    expect(dv(2)).toBe(0);
    expect(dv(3)).toBe(0);
    expect(dv(0)).toBeCloseTo(1, 10);
    expect(dv(4)).toBeCloseTo(1, 10);
  });

  it('is one at both certainties for an uneven band too ([0.25, 0.9]: below over 0.25, above over 0.1)', () => {
    const uneven = { ...vote, tolerance: { rule: 'close-call', minShare: 0.25, maxShare: 0.9 } } as FitFigure;
    const at = (values: boolean[]): number => figureDiscrepancy(uneven, 'boolean', scoreValues('boolean', values, uneven.recorded, uneven.tolerance as never));
    expect(at([true, true, true, true])).toBeCloseTo(1, 10); // no run refuses
    expect(at([false, false, false, false])).toBeCloseTo(1, 10); // every run refuses
    expect(at([false, true, true, true])).toBe(0);
  });
});
