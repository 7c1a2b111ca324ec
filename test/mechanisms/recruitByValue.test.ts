/**
 * Recruitment by value in the round loop (issue 12 item 1; market/recruitValue.ts wired by
 * engine/phases/approach.ts), both directions, under complete information (nash) and under
 * negotiation: A (600-1,200 troops, cost 24,000) can fill the 1,000 troops sought alone; S and T
 * are small and poor (100 troops at most, nothing self-funded, effectiveness 0.1: a soldier of
 * theirs replaces a tenth of the pivotal's). Valued flags buy them a token contingent and pay
 * it; without flag value they are never sought.
 */
import { runScenario } from '../../src/core/engine/run';
import type { SimEvent } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import type { ScenarioInput } from '../../src/scenario/schema';
import { tinyScenario, valid } from '../helpers/scenarios';

function scenario(flagValuePerYear: number, engine: ScenarioInput['engine']): ScenarioInput {
  const t = tinyScenario();
  const poor = (id: string) => ({ id, name: id, armedForces: 3000, maxTroops: 100, deploymentCostPerYear: 8000, selfFundedShare: 0, effectiveness: 0.1 });
  return {
    ...t,
    clock: { rounds: 6, roundsPerYear: 12 },
    pivotal: { ...t.pivotal, flagValuePerYear },
    thirdParties: [{ ...t.thirdParties[0]!, maxTroops: 1200 }, poor('S'), poor('T')],
    engine: { ...engine, minContingent: 50 },
  };
}
const dealsOf = (events: readonly SimEvent[], party: string) => events.filter((e) => e.type === 'deal-signed' && e.party === party);

const RULES: [string, ScenarioInput['engine']][] = [
  ['nash', { costUncertainty: 0, pricing: { rule: 'nash', thirdPartyWeight: 0.5 } }],
  ['negotiation', { costUncertainty: 0.1, pricing: { rule: 'negotiation', protocol: 'alternating-offers', deadline: 4 } }],
];

describe.each(RULES)('recruitment by value (%s)', (_name, engine) => {
  it('with flags valued (L = 2,000,000 a year), the small poor states are recruited for a token contingent and paid', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = runScenario(valid(scenario(2_000_000, engine)), seed);
      const sum = summarize(r);
      for (const id of ['S', 'T']) {
        const deals = dealsOf(r.events, id);
        expect(deals.length).toBeGreaterThan(0);
        const m = sum.coalition.members.find((x) => x.id === id)!;
        expect(m.troopsMax).toBe(50); // the minimum contingent: a flag, not troops
        expect(m.paymentsTotal).toBeGreaterThan(0);
      }
      // The troop demand is still met by the partner that is cheapest per effective soldier.
      expect(sum.coalition.members.find((x) => x.id === 'A')!.troopsMax).toBe(1000);
    }
  });
  it('with no flag value they are never approached, though each would take less than a soldier saves', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = runScenario(valid(scenario(0, engine)), seed);
      for (const id of ['S', 'T']) {
        expect(dealsOf(r.events, id)).toHaveLength(0);
        expect(r.events.some((e) => e.type === 'negotiation-opened' && e.party === id)).toBe(false);
        expect(r.states.every((s) => s.parties[id]!.troops === 0)).toBe(true);
      }
      expect(summarize(r).coalition.flags).toBe(1);
    }
  });
});
