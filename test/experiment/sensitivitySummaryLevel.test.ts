/**
 * Researcher's audit: `coalsim analyze --confidence 0.5` printed "surge ST 1.072 [0.9327, 1.22]",
 * the same bracket as at the default 95%, with no level anywhere on the terminal (sensitivity.csv
 * has none either; sensitivity.json and the report do). A reader quoting the terminal took a
 * 50% interval for a 95% one. The summary now names the level and the resampling.
 */
import { sensitivitySummary, type SensitivityReport } from '../../src/experiment/sensitivity';

function report(confidence: number, s1 = 0.9): SensitivityReport {
  return {
    experiment: 'x',
    design: { type: 'saltelli', samples: 8, secondOrder: false },
    parameters: ['surge'],
    replicates: 2,
    resamples: 1000,
    confidence,
    metrics: [
      {
        metric: 'meanShare', method: 'sobol', undefinedPoints: 0, units: 8, unitsDropped: 0, noise: null, noiseThreshold: null,
        rows: [
          { metric: 'meanShare', parameter: 'surge', index: 'S1', value: s1, ciLow: s1 - 0.1, ciHigh: s1 + 0.1, belowNoise: null },
          { metric: 'meanShare', parameter: 'surge', index: 'ST', value: 1, ciLow: 0.9, ciHigh: 1.1, belowNoise: null },
        ],
      },
    ],
  } as unknown as SensitivityReport;
}

describe('the terminal summary of a sensitivity analysis', () => {
  it('names the confidence level of its bracketed intervals', () => {
    expect(sensitivitySummary(report(0.5))[0]).toMatch(/50% bootstrap intervals/);
    expect(sensitivitySummary(report(0.95))[0]).toMatch(/95% bootstrap intervals/);
    expect(sensitivitySummary(report(0.95))[0]).toMatch(/^meanShare \(Sobol, 8 blocks/);
  });

  // Researcher's trial (2026-12-07): sensitivity.csv had patience S1 -0.047 [-0.081, -0.012] for the
  // price, which reads as a significant negative share of variance; it is sampling error around 0.
  it('says a negative first-order index is 0 within sampling error, not a negative share', () => {
    expect(sensitivitySummary(report(0.95, -0.047))[1]).toMatch(/\(S1 -0\.047: 0 within sampling error\)/);
    expect(sensitivitySummary(report(0.95, 0.9))[1]).toMatch(/\(S1 0\.9\)$/);
  });
});
