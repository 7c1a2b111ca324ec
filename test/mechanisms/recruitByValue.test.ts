/**
 * Recruitment by value in the round loop (issue 12 item 1; market/recruitValue.ts wired by
 * engine/phases/approach.ts), both directions, under complete information (nash) and under
 * negotiation: A (900 troops, cost 24,000) and B (600, cost 60,000) cannot fill the 2,000 troops
 * sought; S and T are small and poor (100 troops at most, cost 8,000, nothing self-funded,
 * effectiveness 0.05: a soldier of theirs replaces a twentieth of the pivotal's, worth 6,000 a
 * year, less than it costs). With flags valued at 10,000,000 a year they are recruited and paid;
 * without flag value they are never approached, though troops are short.
 */
import { runScenario } from '../../src/core/engine/run';
import type { SimEvent } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import type { ScenarioInput } from '../../src/scenario/schema';
import { tinyScenario, valid } from '../helpers/scenarios';

function scenario(flagValuePerYear: number, engine: ScenarioInput['engine']): ScenarioInput {
  const t = tinyScenario();
  const poor = (id: string) => ({ id, name: id, armedForces: 3000, maxTroops: 100, deploymentCostPerYear: 8000, selfFundedShare: 0, effectiveness: 0.05 });
  const B = { id: 'B', name: 'Beta', armedForces: 40_000, maxTroops: 600, deploymentCostPerYear: 60_000, selfFundedShare: 0.5 };
  return {
    ...t,
    clock: { rounds: 6, roundsPerYear: 12 },
    pivotal: { ...t.pivotal, flagValuePerYear, demand: [{ fromRound: 1, troops: 2000 }] },
    thirdParties: [{ ...t.thirdParties[0]!, maxTroops: 900 }, B, poor('S'), poor('T')],
    engine: { ...engine, minContingent: 50 },
  };
}
const dealsOf = (events: readonly SimEvent[], party: string) => events.filter((e) => e.type === 'deal-signed' && e.party === party);

const RULES: [string, ScenarioInput['engine']][] = [
  ['nash', { costUncertainty: 0, pricing: { rule: 'nash', thirdPartyWeight: 0.5 } }],
  ['negotiation', { costUncertainty: 0.1, pricing: { rule: 'negotiation', protocol: 'alternating-offers', deadline: 4 } }],
];

describe.each(RULES)('recruitment by value (%s)', (_name, engine) => {
  it('with flags valued (L = 10,000,000 a year), the small poor states are recruited and paid', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = runScenario(valid(scenario(10_000_000, engine)), seed);
      const sum = summarize(r);
      for (const id of ['S', 'T']) {
        const m = sum.coalition.members.find((x) => x.id === id);
        expect(m?.paymentsTotal ?? 0).toBeGreaterThan(0);
      }
    }
  });
  it('with no flag value they are never recruited, though troops are short', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const r = runScenario(valid(scenario(0, engine)), seed);
      for (const id of ['S', 'T']) {
        expect(dealsOf(r.events, id)).toHaveLength(0);
        // Under complete information it is not even approached (its price exceeds what a soldier
        // saves); under negotiation the pivotal may try when its belief says it is cheap, and learns.
        if (engine?.pricing?.rule === 'nash') expect(r.events.some((e) => e.type === 'no-deal' && e.party === id && e.reason !== 'above-ceiling')).toBe(false);
        expect(r.states.every((s) => s.parties[id]!.troops === 0)).toBe(true);
      }
      expect(dealsOf(r.events, 'B').length).toBeGreaterThan(0);
    }
  });
});
