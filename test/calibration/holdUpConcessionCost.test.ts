/**
 * Researcher's audit: a paid hold-up's `concessionCost` (the `holdup-resolved` event, summed into
 * summary.json `operation.holdUps.concessionCost` and the `holdUpPaidCost` measure) is the cost
 * of the conceded terms over the rest of the run as agreed when the pivotal gave in, not the money
 * that changed hands: a contingent that leaves early is paid less. korea-1950 seed 3: South Africa
 * is conceded $2,334,210 in round 7 (its $3,112.28 per soldier-year x 300 troops x 2.5 years),
 * withdraws in round 29, and the ledger (payments.csv, cause hold-up) shows $1,711,754. The
 * measure said "What the pivotal paid"; it now says what it reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEASURES } from '../../src/calibration/measures';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { ROOT, valid } from '../helpers/scenarios';

describe('hold-up concession cost', () => {
  const scenario = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'korea-1950.json'), 'utf8')));
  const result = runScenario(scenario, 3);
  const summary = summarize(result);
  const ledger = result.events.reduce((s, e) => (e.type === 'payment' && e.cause === 'hold-up' ? s + e.amount : s), 0);

  it('is the value conceded, which exceeds what the ledger paid when the partner leaves early', () => {
    expect(summary.operation.holdUps.paid).toBe(1);
    expect(summary.operation.holdUps.concessionCost).toBe(2_334_210);
    expect(Math.round(ledger * 100) / 100).toBe(1_711_754);
  });

  it('is described as the value agreed, not as money paid', () => {
    const d = MEASURES.find((m) => m.name === 'holdUpPaidCost')!.describe;
    expect(d).not.toMatch(/^What the pivotal paid/);
    expect(d).toMatch(/as agreed/);
    expect(d).toMatch(/payments\.csv/);
  });
});
