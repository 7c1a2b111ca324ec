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

/**
 * A free flag is never turned away when flags are valued: V1 would volunteer 600 troops against
 * the 500 sought; V2 becomes available in round 2 and would volunteer 300 unpaid (its interest
 * exceeds its cost). With L > 0 each joins with its whole offer though the gap is filled (a flag
 * is worth L and an unpaid one costs nothing); with L = 0 V1 gives the 500 sought and V2 is
 * turned away, as before.
 */
describe('volunteers beyond the gap (a free flag)', () => {
  const volunteers = (flagValuePerYear: number): ScenarioInput => {
    const t = tinyScenario();
    const willing = { armedForces: 50_000, deploymentCostPerYear: 20_000, selfFundedShare: 1, intrinsicValuePerYear: 30_000 };
    return {
      ...t,
      pivotal: { ...t.pivotal, flagValuePerYear, demand: [{ fromRound: 1, troops: 500 }] },
      thirdParties: [
        { id: 'V1', name: 'V1', maxTroops: 600, ...willing },
        { id: 'V2', name: 'V2', maxTroops: 300, availableFromRound: 2, ...willing },
      ],
    };
  };
  const volunteered = (events: readonly SimEvent[], party: string) => events.filter((e) => e.type === 'volunteered' && e.party === party) as Extract<SimEvent, { type: 'volunteered' }>[];
  it('with flags valued, a second volunteer joins with its whole offer after the gap is filled', () => {
    const r = runScenario(valid(volunteers(1_000_000)), 1);
    // A new member brings its whole contingent, 600 against the 500 sought: extra unpaid troops cost nothing.
    expect(volunteered(r.events, 'V1').map((e) => [e.round, e.troops])).toEqual([[1, 600]]);
    expect(volunteered(r.events, 'V2').map((e) => [e.round, e.troops])).toEqual([[2, 300]]);
    expect(r.states.at(-1)!.parties.V2!.troops).toBe(300);
    // Unpaid: it costs the pivotal nothing.
    expect(r.events.some((e) => e.type === 'payment' && e.recipient === 'V2')).toBe(false);
  });
  it('with no flag value only the troops sought are taken, and it is turned away once the gap is filled', () => {
    const r = runScenario(valid(volunteers(0)), 1);
    expect(volunteered(r.events, 'V1').map((e) => [e.round, e.troops])).toEqual([[1, 500]]);
    expect(volunteered(r.events, 'V2')).toHaveLength(0);
    expect(r.states.every((s) => s.parties.V2!.troops === 0)).toBe(true);
  });
});
