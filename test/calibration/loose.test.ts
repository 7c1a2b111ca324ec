/**
 * Loose passes are named (src/calibration/loose.ts): a headline "72 of 72" must say which of its
 * passes a figure could hardly miss (a researcher's review, 2026-12-07).
 */
import type { TargetResult } from '../../src/calibration/calibrate';
import { looseReason } from '../../src/calibration/loose';

const numeric = (recorded: TargetResult['recorded'], median: number, low: number, high: number, rule: TargetResult['tolerance'] = { rule: 'interval', coverage: 0.9 }, pass = true): TargetResult => ({
  id: 'x',
  label: 'x',
  measure: 'm',
  kind: 'number',
  unit: 'US$',
  recorded,
  tolerance: rule,
  source: 's',
  score: { rule: rule.rule, n: 100, missing: 0, outcome: { kind: 'number', median, low, high, coverage: 0.9 }, pass, reason: '' },
});

it('a recorded range of a factor of 100 or more only checks presence', () => {
  expect(looseReason(numeric({ min: 1, max: 1e12 }, 3.8e8, 2.9e8, 4.6e8))).toMatch(/spans a factor of 1,000,000,000,000/);
  expect(looseReason(numeric({ min: 2.2e9, max: 3.0e9 }, 2.5e9, 2.1e9, 2.9e9))).toBeNull();
});

it('an interval pass that reaches 0 against a positive record, or with its median off the record, is loose', () => {
  // Syria's side deals: median $0.5bn, interval [$0, $2.7bn], recorded $2.2-3.0bn.
  expect(looseReason(numeric({ min: 2.2e9, max: 3.0e9 }, 5e8, 0, 2.7e9))).toMatch(/reaches 0/);
  expect(looseReason(numeric({ min: 2.2e9, max: 3.0e9 }, 1.5e9, 1e8, 2.7e9))).toMatch(/median is outside the record/);
  expect(looseReason(numeric({ value: 1000 }, 1300, 900, 1400))).toMatch(/median is outside the record/);
  expect(looseReason(numeric({ value: 1000 }, 1200, 900, 1400))).toBeNull();
});

it('a median-within pass is judged by its own rule; a miss is never loose; a close call always is', () => {
  expect(looseReason(numeric({ value: 1000 }, 1200, 0, 1400, { rule: 'median-within', relative: 0.25 }))).toBeNull();
  expect(looseReason(numeric({ min: 2.2e9, max: 3.0e9 }, 5e8, 0, 2.7e9, { rule: 'interval', coverage: 0.9 }, false))).toBeNull();
  const close: TargetResult = { ...numeric({ equals: false }, 0, 0, 0), kind: 'boolean', tolerance: { rule: 'close-call', minShare: 0.3 }, score: { rule: 'close-call', n: 100, missing: 0, outcome: { kind: 'boolean', modal: true, modalShare: 0.53, recordedShare: 0.47, distribution: [] }, pass: true, reason: '' } };
  expect(looseReason(close)).toMatch(/close call/);
});
