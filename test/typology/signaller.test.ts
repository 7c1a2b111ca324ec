/**
 * Georgia in isaf-surge, the brief's alliance-signalling case (BRIEF §4), is labelled a
 * signaller in >= 90% of seeds, the bar the recorded-type test sets. Mechanism: its signal
 * s_i = S_i max(0, similarity - depth) lowers its reservation (market/reservation.ts), so the
 * deal it signs is one it would have refused without the signal (metrics/typology.ts,
 * "decisive"), or its share deployed exceeds the leader's ask of every state. It only shows
 * when Georgia deploys a real contingent: with the default patience (0.95 a quarter) it held
 * out in round 1 for a share of the surplus the pivotal's scarcity ceiling allowed, other
 * partners filled the surge meanwhile, and in 10 of seeds 1-50 it was walked away from or got a
 * 1-3 soldier deal later. The scenario's `assumptions` source gives its patience 0.85.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { typeAgreement } from '../../src/calibration/recordedTypes';
import { valid, ROOT } from '../helpers/scenarios';

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
const scenario = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'isaf-surge.json'), 'utf8')));

it('Georgia bargains with patience 0.85, the other partners with the default', () => {
  const patience = scenario.thirdParties.map((t) => [t.id, t.bargaining.patience]);
  expect(patience.filter(([, p]) => p !== 0.95)).toEqual([['GEO', 0.85]]);
});

it('Georgia is labelled a signaller in >= 90% of 50 seeds', () => {
  const [row] = typeAgreement([{ case: 'isaf-surge', iso3: 'GEO', country: 'Georgia', recordedType: 'signaller' }], [scenario], SEEDS);
  expect(row!.hits / row!.seeds).toBeGreaterThanOrEqual(0.9);
});
