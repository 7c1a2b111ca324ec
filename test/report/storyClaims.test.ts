/** The story `explain` and the report tell, checked against events.ndjson, for every bundled scenario (seed 1 and 2). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { buildNarrative } from '../../src/report/narrative';
import { loadScenarioFile } from '../../src/scenario/load';
import { ROOT } from '../helpers/scenarios';
import { storyProblems } from '../helpers/storyClaims';

const ids = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

describe('the story matches the event log', () => {
  it.each(ids.flatMap((id) => [[id, 1] as const, [id, 2] as const]))('%s seed %d', (id, seed) => {
    const r = loadScenarioFile(join(ROOT, 'scenarios', `${id}.json`)).result;
    if (!r.ok) throw new Error(`${id} invalid`);
    const result = runScenario(r.value, seed);
    const n = buildNarrative({ scenario: r.value, events: result.events, summary: summarize(result) });
    expect(storyProblems(n, r.value, result.events)).toEqual([]);
  });

  it('catches a story that contradicts the log', () => {
    const r = loadScenarioFile(join(ROOT, 'scenarios', 'teaching-holdup.json')).result;
    if (!r.ok) throw new Error('invalid');
    const result = runScenario(r.value, 1);
    const n = buildNarrative({ scenario: r.value, events: result.events, summary: summarize(result) });
    const lowered = { ...n, rounds: n.rounds.map((x, i) => (i === 0 ? { ...x, sentences: [...x.sentences, 'south africa keeps paying.', 'Colombia asks for $1; the United States accepts. The United States now reckons Colombia would settle for about $2.'] } : x)) };
    const problems = storyProblems(lowered, r.value, result.events);
    expect(problems.some((p) => p.includes('"south africa" written without the capitals'))).toBe(true);
    expect(problems.some((p) => p.includes('belief update after an acceptance'))).toBe(true);
    const noReversal = { ...n, rounds: n.rounds.map((x) => ({ ...x, sentences: x.sentences.filter((s) => !s.startsWith('A reversal')) })) };
    expect(storyProblems(noReversal, r.value, result.events).some((p) => p.includes('reversals'))).toBe(true);
  });
});
