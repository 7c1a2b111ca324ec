/**
 * Recruitment when a gap opens (issue 12 items 1-2, engine/phases/recruit.ts): demand doubles
 * from 6,000 to 12,000 in round 5 of an 8-state scenario with contingent choice on
 * (fixtures/surge-stall.json), and some 18,000 more troops are on offer at prices the pivotal
 * would pay. The pivotal ranks candidates by value and asks the best for their value-optimal
 * size; when such an ask is above the competitive ceiling (the next substitute's price) it is
 * refused, and the gap it was meant to fill must go to the next candidates in the ranking.
 * Before the fix the plan had filled the gap on paper, no one else was approached, and over
 * seeds 1-30 only 110,222 of the 180,000 troops sought were added (seed 3 6,000 short to the end).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import { valid } from '../helpers/scenarios';

const scenario = valid(JSON.parse(readFileSync(join(__dirname, 'fixtures', 'surge-stall.json'), 'utf8')));
const SEEDS = Array.from({ length: 20 }, (_, k) => k + 1);
const deployed = (run: ReturnType<typeof runScenario>, round: number) => Object.values(run.states[round]!.parties).reduce((a, p) => a + p.troops, 0);

describe('surge: the pivotal approaches available partners when a gap opens', () => {
  it('seed 3: after the two value-ranked asks are refused, other partners are approached in the same round and the gap closes', () => {
    const run = runScenario(scenario, 3);
    const r5 = run.events.filter((e) => e.round === 5);
    const refused = new Set(r5.filter((e) => e.type === 'no-deal').map((e) => (e as { party: string }).party));
    const signed = r5.filter((e) => e.type === 'deal-signed').map((e) => (e as { party: string }).party);
    expect(signed.length).toBeGreaterThan(0);
    for (const p of signed) expect(refused.has(p)).toBe(false);
    expect(deployed(run, 5)).toBe(12_000);
  });

  it('over seeds 1-20 the doubled demand is met in the round it rises, while troops are on offer', () => {
    for (const seed of SEEDS) {
      const run = runScenario(scenario, seed);
      const market5 = run.events.find((e) => e.type === 'market' && e.round === 5) as { supply: number } | undefined;
      expect(market5!.supply).toBeGreaterThan(12_000);
      expect([seed, deployed(run, 5)]).toEqual([seed, 12_000]);
    }
  });
});
