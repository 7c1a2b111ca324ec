/**
 * A state that stayed out can still show a type in the run (typology.ts outsiderLabels): the
 * pivotal bargained with it for what only it could give, and it, or its legislature, refused.
 * The case literature classes Turkey in 2003 as critical whatever its parliament did (BRIEF §4,
 * Henke 2019); in iraq-2003 the parliament refuses even the overflight in some seeds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { ROOT, valid } from '../helpers/scenarios';

const iraq = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'iraq-2003.json'), 'utf8')));

describe('labels of a state that stayed out', () => {
  it('Turkey, its parliament refusing transit and overflight (seed 13), stays out labelled critical, with the access values and the refusal as evidence', () => {
    const { members, neverJoined } = summarize(runScenario(iraq, 13)).coalition;
    expect(members.some((m) => m.id === 'TUR')).toBe(false);
    const tur = neverJoined.find((n) => n.id === 'TUR')!;
    expect(tur.lastReason).toBe('ratification-failed');
    expect(tur.labels).toEqual([
      {
        label: 'critical',
        evidence: [
          'its transit access was worth $2,500,000,000 a year to the pivotal from it in particular; no deal in month 2: its legislature refused to ratify the deal',
          'its airspace access was worth $600,000,000 a year to the pivotal from it in particular; no deal in month 2: its legislature refused to ratify the deal',
        ],
        events: [
          { type: 'access-no-deal', round: 2 },
          { type: 'access-no-deal', round: 2 },
        ],
      },
    ]);
  });

  it('Turkey is critical in every seed 1-50, a member or not; a state never bargained with carries no label', () => {
    let critical = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const c = summarize(runScenario(iraq, seed)).coalition;
      const labels = c.members.find((m) => m.id === 'TUR')?.labels ?? c.neverJoined.find((n) => n.id === 'TUR')?.labels ?? [];
      if (labels.some((l) => l.label === 'critical')) critical++;
    }
    expect(critical).toBe(50);
    const holdup = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')));
    const out = summarize(runScenario(holdup, 1)).coalition.neverJoined;
    expect(out.map((n) => n.id)).toEqual(['THA']);
    expect(out[0]!.labels).toBeUndefined();
  });
});
