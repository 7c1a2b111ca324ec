/**
 * Mission stance in the round loop (issue 12 item 4; politics/stance.ts): the stance cost
 * enters a state's reservation, so open opposition keeps it out at any price the pivotal would
 * pay, and partial opposition makes it dearer. Engine level, on the hand-checkable tiny case:
 * A (cost 24,000, half self-funded) and B (36,000) for 1,000 troops sought, 600 each at most.
 */
import { runScenario } from '../../src/core/engine/run';
import type { SimEvent } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import type { ScenarioInput } from '../../src/scenario/schema';
import { tinyScenario, valid } from '../helpers/scenarios';

function withStance(stanceA: number | undefined, pricing: ScenarioInput['engine'] = { costUncertainty: 0, pricing: { rule: 'nash', thirdPartyWeight: 0.5 } }): ScenarioInput {
  const t = tinyScenario();
  return { ...t, engine: pricing, thirdParties: t.thirdParties.map((p) => (p.id === 'A' && stanceA !== undefined ? { ...p, missionStance: stanceA } : p)) };
}
const dealsOf = (events: readonly SimEvent[], party: string) => events.filter((e) => (e.type === 'deal-signed' || e.type === 'volunteered') && e.party === party);

describe('mission stance enters the reservation (engine)', () => {
  it('half opposed (stance -0.5) doubles its cost: r_A = max(2 x 24,000, 12,000) = 48,000', () => {
    const r = runScenario(valid(withStance(-0.5)), 1);
    expect(r.states[0]!.parties.A!.reservation).toBe(48_000);
    expect(runScenario(valid(withStance(undefined)), 1).states[0]!.parties.A!.reservation).toBe(24_000);
    // B is now the cheaper partner and is approached first; A still joins for the rest, dearer.
    const neutral = summarize(runScenario(valid(withStance(undefined)), 1));
    const opposed = summarize(r);
    const price = (s: typeof neutral, id: string) => s.coalition.members.find((m) => m.id === id)!.pricePerSoldierYear;
    expect(price(opposed, 'A')).toBeGreaterThan(price(neutral, 'A'));
  });
  it('open opposition (stance -1) keeps it out at any price, whatever the pricing rule, even when it is the only partner left and its soldiers cost a fifth of the pivotal\'s', () => {
    const rules: ScenarioInput['engine'][] = [
      { costUncertainty: 0, pricing: { rule: 'nash', thirdPartyWeight: 0.9 } },
      { costUncertainty: 0, pricing: { rule: 'reservation' } },
      { costUncertainty: 0, pricing: { rule: 'negotiation' } },
    ];
    for (const engine of rules) {
      for (let seed = 1; seed <= 10; seed++) {
        const r = runScenario(valid(withStance(-1, engine)), seed);
        expect(dealsOf(r.events, 'A')).toHaveLength(0);
        expect(r.states.every((s) => s.parties.A!.troops === 0)).toBe(true);
        // B still joins: the opposed state's absence leaves a gap, not a broken market.
        expect(dealsOf(r.events, 'B').length).toBeGreaterThan(0);
      }
      // Neutral, it would have joined.
      expect(dealsOf(runScenario(valid(withStance(0, engine)), 1).events, 'A').length).toBeGreaterThan(0);
    }
  });
});
