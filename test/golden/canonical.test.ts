/**
 * Non-regression: the summaries of the canonical bundled scenarios, seed 1, as snapshots.
 * A change here is a change in what the model says; if it is intended, update with
 * `npx jest test/golden -u` and say why in the commit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { createHash } from 'node:crypto';
import { valid, ROOT } from '../helpers/scenarios';

const CANONICAL = ['default', 'teaching-holdup', 'teaching-scarcity', 'korea-1950', 'gulf-war-1991'];

describe.each(CANONICAL)('%s, seed 1', (id) => {
  const scenario = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')));
  const result = runScenario(scenario, 1);
  it('summary', () => {
    expect(summarize(result)).toMatchSnapshot();
  });
  it('event log (hash)', () => {
    const log = result.events.map((e) => JSON.stringify(e)).join('\n');
    expect({ events: result.events.length, sha256: createHash('sha256').update(log).digest('hex') }).toMatchSnapshot();
  });
});
