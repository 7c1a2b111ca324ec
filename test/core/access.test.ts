/**
 * Access deals (issue 16 item 1, src/core/engine/phases/access.ts): a party sells access without
 * troops, priced by the scenario's rule with r = its access cost and R = the access value,
 * paid like a troop deal, ratified, and counted as a flag and in the accounts.
 */
import { runScenario } from '../../src/core/engine/run';
import type { EventOf, SimEvent } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import type { ScenarioInput } from '../../src/scenario/schema';
import { tinyScenario, valid } from '../helpers/scenarios';

const YEAR = 12;

/** One troop partner (A) and an access seller (J) with no troops; 12 monthly rounds. */
function withAccess(overrides: Partial<ScenarioInput> = {}, access: Record<string, unknown> = {}, seller: Record<string, unknown> = {}): ScenarioInput {
  const base = tinyScenario();
  return {
    ...base,
    clock: { rounds: YEAR, roundsPerYear: 12 },
    thirdParties: [
      base.thirdParties[0]!,
      { id: 'J', name: 'Jordan', armedForces: 100_000, maxTroops: 0, deploymentCostPerYear: 6000, selfFundedShare: 0.3, access: [{ kind: 'other', label: 'cooperation', valuePerYear: 2_000_000, costPerYear: 1_000_000, ...access }], ...seller },
    ],
    ...overrides,
  };
}

const of = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T): EventOf<T>[] => events.filter((e): e is EventOf<T> => e.type === type);

describe('access deals', () => {
  it('a party with maxTroops 0 sells access at the Nash split of [cost, value], is paid every round, and is a flag', () => {
    const sc = valid(withAccess());
    const r = runScenario(sc, 1);
    const [signed] = of(r.events, 'access-signed');
    expect(signed).toMatchObject({ round: 1, party: 'J', kind: 'other', reservation: 1_000_000, pivotalReservation: 2_000_000, pricePerYear: 1_500_000, share: 0.5, mechanism: 'nash' });
    const paid = of(r.events, 'payment').filter((p) => p.recipient === 'J');
    expect(paid).toHaveLength(YEAR);
    expect(paid.every((p) => p.cause === 'access' && p.item === 'access: other' && p.amount === 125_000)).toBe(true);
    const s = summarize(r);
    const j = s.coalition.members.find((m) => m.id === 'J')!;
    expect(j).toMatchObject({ troopsMax: 0, paid: true, paymentsTotal: 1_500_000, type: 'critical' });
    expect(j.labels.map((l) => l.label)).toEqual(['critical', 'access-seller']);
    expect(j.labels[1]!.evidence[0]).toMatch(/sold other access \(cooperation\) in month 1 for \$1,500,000 a year/);
    expect(s.coalition.flags).toBe(2);
    expect(s.payments.access).toBe(1_500_000);
    // Access buys no soldiers: the cost per foreign soldier-year is the troop payments' alone.
    const troopPaid = s.payments.total - 1_500_000;
    expect(s.costs.costPerForeignSoldierYear).toBeCloseTo(troopPaid / s.costs.foreignSoldierYears, 1);
  });

  it('no deal when the access costs the seller more than it is worth to the pivotal', () => {
    const r = runScenario(valid(withAccess({}, { costPerYear: 3_000_000 })), 1);
    expect(of(r.events, 'access-signed')).toEqual([]);
    expect(of(r.events, 'access-no-deal')).toEqual([expect.objectContaining({ round: 1, party: 'J', reason: 'above-ceiling' })]);
    expect(summarize(r).coalition.members.map((m) => m.id)).toEqual(['A']);
  });

  it('the reservation rule pays the cost; under negotiation the price lies between cost and value', () => {
    const res = runScenario(valid(withAccess({ engine: { costUncertainty: 0, pricing: { rule: 'reservation' } } })), 1);
    expect(of(res.events, 'access-signed')[0]).toMatchObject({ pricePerYear: 1_000_000, share: 0 });
    for (const seed of [1, 2, 3, 4, 5]) {
      const neg = runScenario(valid(withAccess({ engine: { costUncertainty: 0.1, pricing: { rule: 'negotiation' } } })), seed);
      const [s] = of(neg.events, 'access-signed');
      expect(s).toBeDefined();
      expect(s!.pricePerYear).toBeGreaterThanOrEqual(s!.reservation - 0.01);
      expect(s!.pricePerYear).toBeLessThanOrEqual(2_000_000 + 0.01);
      expect(s!.mechanism).toBe('negotiation:alternating-offers');
    }
  });

  it('is paid partly in side deals from the catalog when they are worth more to the seller than they cost', () => {
    const sc = valid(withAccess({ sideDeals: [{ id: 'aid', label: 'Aid', kind: 'other', costToGiver: 100_000, valueToReceiver: 400_000, recipients: ['J'] }] }));
    const r = runScenario(sc, 1);
    const [signed] = of(r.events, 'access-signed');
    expect(signed!.sideDeals).toEqual([{ item: 'aid', cost: 100_000, value: 400_000 }]);
    // Cover-cost: cash up to the access cost; the 500,000 above it: the side deal's 400,000 of value, the rest in cash.
    expect(signed!.subsidyPerYear).toBe(1_100_000);
    expect(of(r.events, 'payment').filter((p) => p.kind === 'side-deal')).toEqual([expect.objectContaining({ recipient: 'J', item: 'aid', cause: 'access', amount: 100_000 })]);
  });

  it('is ratified like a troop deal: full domestic opposition refuses it', () => {
    const r = runScenario(valid(withAccess({}, {}, { domesticOpposition: 1 })), 1);
    expect(of(r.events, 'access-signed')).toEqual([]);
    expect(of(r.events, 'access-no-deal')).toEqual([expect.objectContaining({ reason: 'ratification-failed' })]);
  });

  it('needs the money to the end of the operation; a later cut of half or more ends it (retaliation)', () => {
    const poor = runScenario(valid(withAccess({ pivotal: { ...tinyScenario().pivotal, budget: 1_000_000, demand: [{ fromRound: 1, troops: 0 }] } })), 1);
    expect(of(poor.events, 'access-no-deal')).toEqual([expect.objectContaining({ reason: 'budget' })]);
    const cut = runScenario(valid(withAccess({ pivotal: { ...tinyScenario().pivotal, budget: 1_500_000, demand: [{ fromRound: 1, troops: 0 }] }, events: [{ round: 3, type: 'budget', amount: -1_300_000 }] })), 1);
    expect(of(cut.events, 'access-signed')).toHaveLength(1);
    expect(of(cut.events, 'payment-cut')[0]).toMatchObject({ round: 3, party: 'J', due: 125_000 });
    expect(of(cut.events, 'access-ended')).toEqual([expect.objectContaining({ round: 3, party: 'J', reason: 'retaliation' })]);
    expect(of(cut.events, 'payment').filter((p) => p.round > 3)).toEqual([]);
  });

  it('a seller of access and troops keeps both deals', () => {
    const sc = valid(withAccess({}, {}, { maxTroops: 300, deploymentCostPerYear: 20_000 }));
    const r = runScenario(sc, 1);
    expect(of(r.events, 'deal-signed').some((d) => d.party === 'J')).toBe(true);
    expect(of(r.events, 'access-signed').some((d) => d.party === 'J')).toBe(true);
  });

  it('a scenario without access offers has no access events (runs as before)', () => {
    const r = runScenario(valid(tinyScenario()), 1);
    expect(r.events.some((e) => e.type.startsWith('access-'))).toBe(false);
    expect(r.events.some((e) => e.type === 'payment' && e.cause === 'access')).toBe(false);
  });
});
