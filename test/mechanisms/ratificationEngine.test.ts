/**
 * Domestic ratification in the round loop (issue 12 item 4; politics/ratification.ts): the
 * parliament's tolerance u is drawn once per run and a deal passes iff u >= q min(1, k / K), so
 * 1 - q k / K before any vote; after a failure the pivotal comes back with half the deal, and a
 * size the parliament rejected is never put to it again. Engine level, on the hand-checkable tiny
 * case (A: 600 troops at most, B: 600; 1,000 sought), complete information.
 */
import { runScenario } from '../../src/core/engine/run';
import type { EventOf, SimEvent } from '../../src/core/events';
import type { ScenarioInput } from '../../src/scenario/schema';
import { tinyScenario, valid } from '../helpers/scenarios';

function withOpposition(q: number | undefined, rounds = 3): ScenarioInput {
  const t = tinyScenario();
  return { ...t, clock: { rounds, roundsPerYear: 12 }, thirdParties: t.thirdParties.map((p) => (p.id === 'A' && q !== undefined ? { ...p, domesticOpposition: q } : p)) };
}
const ofType = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T) => events.filter((e): e is EventOf<T> => e.type === type);

describe('domestic ratification (engine)', () => {
  it('without opposition nothing changes: the same events as a scenario that omits the field', () => {
    expect(JSON.stringify(runScenario(valid(withOpposition(0)), 3).events)).toBe(JSON.stringify(runScenario(valid(withOpposition(undefined)), 3).events));
  });
  it('a deal for all A can deploy fails with probability q (q = 0.4: 40% of 400 seeds within sampling error), and the follow-up is half the failed deal, 300 troops', () => {
    let failed = 0;
    const seeds = 400;
    for (let seed = 1; seed <= seeds; seed++) {
      const r = runScenario(valid(withOpposition(0.4)), seed);
      const first = ofType(r.events, 'ratification-failed').find((e) => e.round === 1 && e.party === 'A');
      const signed = ofType(r.events, 'deal-signed').find((e) => e.round === 1 && e.party === 'A');
      // Round 1: A, the cheaper partner, is offered all 600 it can deploy; exactly one of the two happens.
      expect(Boolean(first) !== Boolean(signed)).toBe(true);
      if (!first) continue;
      failed++;
      expect(first.troops).toBe(600);
      expect(first.probability).toBeCloseTo(0.6, 12);
      expect(first.followUpTroops).toBe(300);
      // It never deploys more than the follow-up afterwards.
      expect(r.states.every((s) => s.parties.A!.troops <= 300)).toBe(true);
    }
    const se = Math.sqrt((0.4 * 0.6) / seeds);
    expect(Math.abs(failed / seeds - 0.4)).toBeLessThan(4 * se);
  });
  it('one parliament: no deal the parliament rejected is put to it again at that size or more, and each later failure halves the ask', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = runScenario(valid(withOpposition(0.9, 8)), seed);
      const fails = ofType(r.events, 'ratification-failed').filter((e) => e.party === 'A');
      for (let j = 1; j < fails.length; j++) {
        expect(fails[j]!.troops).toBeLessThanOrEqual(fails[j - 1]!.followUpTroops);
        expect(fails[j]!.troops).toBeLessThan(fails[j - 1]!.troops);
      }
      // After the first failure the pivotal's chance for the follow-up is 1 - 1/2 (it knows only that u < q s).
      if (fails.length > 1) expect(fails[1]!.probability).toBeCloseTo(1 - fails[1]!.troops / fails[0]!.troops, 6);
    }
  });
  it('a smaller follow-up passes more often: over 400 seeds and 6 rounds, most states whose first deal failed join later with fewer troops', () => {
    let failedFirst = 0;
    let joinedLater = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const r = runScenario(valid(withOpposition(0.6, 6)), seed);
      const fails = ofType(r.events, 'ratification-failed').filter((e) => e.party === 'A');
      if (fails.length === 0 || fails[0]!.round !== 1) continue;
      failedFirst++;
      const later = ofType(r.events, 'deal-signed').find((e) => e.party === 'A' && e.round > 1);
      if (later) {
        joinedLater++;
        expect(later.troops).toBeLessThan(fails[0]!.troops);
      }
    }
    expect(failedFirst).toBeGreaterThan(150);
    expect(joinedLater / failedFirst).toBeGreaterThan(0.5);
  });
});
