/**
 * The story says what demand the engine walks: a demand event's surge lasts until the schedule's
 * next step sets the level anew. The default scenario's offensive (+12,000 in month 9) is undone
 * by its scheduled 9,000 in month 19, a drawdown the story used to tell as "6,000 from round 1
 * and 9,000 from round 19", a rise (teacher's audit). Mechanism: engine/phases/scheduled.ts.
 */
import { demandPath } from '../../src/scenario/crossChecks';
import { runScenario } from '../../src/core/engine/run';
import { buildNarrative } from '../../src/report/narrative';
import { summarize } from '../../src/core/metrics/summary';
import { defaultScenario } from '../helpers/scenarios';

it('the default scenario: 6,000, then 18,000 from the offensive, then the scheduled 9,000', () => {
  const s = defaultScenario();
  expect(demandPath(s)).toEqual([
    { round: 1, troops: 6000, before: 0, eventIndex: null },
    { round: 9, troops: 18000, before: 6000, eventIndex: 0 },
    { round: 19, troops: 9000, before: 18000, eventIndex: null },
  ]);
  // The path is the run's: each round's demand in the snapshots follows it.
  const run = runScenario(s, 1);
  expect([1, 8, 9, 18, 19, 24].map((t) => run.states[t]!.demand)).toEqual([6000, 6000, 18000, 18000, 9000, 9000]);
  const text = JSON.stringify(buildNarrative({ scenario: s, events: run.events, summary: summarize(run) }));
  expect(text).toContain('6,000 from month 1; 18,000 from month 9 (An enemy offensive');
  expect(text).toContain('9,000 from month 19 (scheduled, down from 18,000)');
});
