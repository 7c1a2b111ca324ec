/**
 * Label evidence never quotes a negative price or value (a teacher reads these sentences): in
 * every bundled scenario, seeds 1-5. Two ways it once did, both for `critical` (metrics/
 * typology.ts): an enlargement judged against a ceiling with a premium for the partner in
 * particular, which an enlargement's ceiling does not have (default scenario: Turkey "above the
 * $-92,304 the same troops would have cost"); and a ceiling bound by the budget or spread over a
 * larger contingent, read as the marginal substitute's price less that premium (gulf-war-1991).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { valid, ROOT } from '../helpers/scenarios';

const scenarios = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8'))));

it.each(scenarios.map((s) => [s.meta.id, s] as const))('%s: no label evidence quotes a negative amount', (_id, scenario) => {
  const negative: string[] = [];
  for (let seed = 1; seed <= 5; seed++) {
    const s = summarize(runScenario(scenario, seed));
    for (const m of [...s.coalition.members, ...s.coalition.neverJoined]) {
      for (const l of m.labels ?? []) for (const e of l.evidence) if (/\$-|-\$/.test(e)) negative.push(`seed ${seed} ${m.id} ${l.label}: ${e}`);
    }
  }
  expect(negative).toEqual([]);
});
