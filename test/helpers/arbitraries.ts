/** fast-check generators of valid random scenarios, for property tests. */
import fc from 'fast-check';
import type { ScenarioInput } from '../../src/scenario/schema';
import { demandBeforeEvent } from '../../src/scenario/crossChecks';

const party = (i: number) =>
  fc.record({
    id: fc.constant(`T${i}`),
    name: fc.constant(`Party ${i}`),
    armedForces: fc.integer({ min: 1000, max: 500_000 }),
    maxTroops: fc.integer({ min: 0, max: 5000 }),
    deploymentCostPerYear: fc.integer({ min: 1000, max: 200_000 }),
    selfFundedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    intrinsicValuePerYear: fc.integer({ min: 0, max: 100_000 }),
    effectiveness: fc.double({ min: 0.2, max: 1.5, noNaN: true }),
    criticality: fc.double({ min: 0, max: 1, noNaN: true }),
    preferenceSimilarity: fc.double({ min: 0, max: 1, noNaN: true }),
    allianceDepth: fc.double({ min: 0, max: 1, noNaN: true }),
    signallingValuePerYear: fc.integer({ min: 0, max: 50_000 }),
    opportunismMarkupPerYear: fc.integer({ min: 0, max: 80_000 }),
    availableFromRound: fc.integer({ min: 1, max: 4 }),
    casualtySensitivity: fc.double({ min: 0, max: 1, noNaN: true }),
    exposure: fc.double({ min: 0, max: 3, noNaN: true }),
  });

export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    rounds: fc.integer({ min: 4, max: 18 }),
    nParties: fc.integer({ min: 1, max: 7 }),
    budget: fc.integer({ min: 1, max: 2_000_000_000 }),
    demand: fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 4 }),
    weight: fc.double({ min: 0, max: 1, noNaN: true }),
    rule: fc.constantFrom('nash', 'fixed-rate', 'reservation'),
    rate: fc.integer({ min: 100, max: 10_000 }),
    cv: fc.double({ min: 0, max: 0.5, noNaN: true }),
    operation: fc.record({
      deathsPerThousandPerRound: fc.double({ min: 0, max: 20, noNaN: true }),
      maxCasualtyTolerance: fc.integer({ min: 1, max: 300 }),
      crowdingOut: fc.double({ min: 0, max: 1, noNaN: true }),
      holdUpTremble: fc.double({ min: 0, max: 0.05, noNaN: true }),
      renegingMisperception: fc.double({ min: 0, max: 0.5, noNaN: true }),
      signalling: fc.boolean(),
      maxDeployableShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
      allianceReward: fc.double({ min: 0, max: 1, noNaN: true }),
      randomShocks: fc.record({ demandProbability: fc.double({ min: 0, max: 0.5, noNaN: true }), supplyProbability: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
    }),
    firmness: fc.double({ min: 0, max: 1, noNaN: true }),
    shocks: fc.array(fc.record({ round: fc.integer({ min: 1, max: 4 }), delta: fc.integer({ min: -10_000, max: 10_000 }), cut: fc.integer({ min: -1e9, max: 1e9 }), blockIndex: fc.nat(6), available: fc.boolean() }), { maxLength: 3 }),
  })
  .chain((g) =>
    fc.tuple(...Array.from({ length: g.nParties }, (_, i) => party(i))).map((parties): ScenarioInput => {
      const pricing = g.rule === 'nash' ? { rule: 'nash' as const, thirdPartyWeight: g.weight } : g.rule === 'fixed-rate' ? { rule: 'fixed-rate' as const, ratePerSoldierPerRound: g.rate } : { rule: 'reservation' as const };
      return {
        formatVersion: 2,
        meta: { id: 'prop', title: 'Property scenario', description: 'Generated.' },
        clock: { rounds: g.rounds },
        pivotal: {
          id: 'P', name: 'Pivotal', capability: { armedForces: 1_000_000 }, budget: g.budget,
          ownSoldierCostPerYear: 138_465, flagValuePerYear: 5_000_000, criticalPartnerValuePerYear: 50_000_000, firmness: g.firmness,
          demand: g.demand.map((troops, i) => ({ fromRound: 1 + i, troops })),
        },
        donors: [{ id: 'D', name: 'Donor', contributions: [{ round: 2, amount: 100_000_000 }] }],
        thirdParties: parties,
        events: g.shocks.flatMap((s) => [
          { round: s.round, type: 'demand' as const, delta: s.delta },
          { round: s.round, type: 'budget' as const, amount: s.cut },
          { round: s.round, type: 'availability' as const, party: `T${s.blockIndex % g.nParties}`, available: s.available },
        ]),
        engine: { pricing, costUncertainty: g.cv, operation: g.operation },
      };
    }).map(validDemandCuts),
  );

/**
 * A generated demand cut no larger than the demand it cuts: validation refuses a delta that would
 * take the demand below zero (scenario/crossChecks), and the engine floored such a delta at 0, so
 * clamping it to minus the demand before it keeps the same demand path.
 */
function validDemandCuts(input: ScenarioInput): ScenarioInput {
  const events = [...(input.events ?? [])];
  const path = { clock: { rounds: input.clock.rounds ?? 1 }, pivotal: { demand: input.pivotal.demand }, events } as unknown as Parameters<typeof demandBeforeEvent>[0];
  events.forEach((e, i) => {
    if (e.type !== 'demand' || e.delta === undefined) return;
    const before = demandBeforeEvent(path, i);
    if (e.delta < -before) events[i] = { ...e, delta: -before };
  });
  return { ...input, events };
}
