/**
 * The pivotal's commitments (issue 10 item 15): at the end of every round, `committed` is
 * exactly, to the cent, the sum of what each contingent's deal still promises (its payment
 * per round times the rounds left), never negative, and zero after the last round: through
 * enlargements, hold-up concessions, withdrawals, pro-rata cuts after budget cuts, and
 * retaliation. Incremental bookkeeping drifted (-2.97, -3.75 after withdrawals).
 */
import fc from 'fast-check';
import { runScenario } from '../../src/core/engine/run';
import { promiseCents } from '../../src/core/engine/phases/commit';
import { freeBudget } from '../../src/core/state';
import { valid } from '../helpers/scenarios';
import { scenarioArb } from '../helpers/arbitraries';

describe('commitments', () => {
  it('committed equals the sum of the deals\' remaining promises, in whole cents, in every round', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(1000), (input, seed) => {
        const scenario = valid(input);
        const rpy = scenario.clock.roundsPerYear;
        const r = runScenario(scenario, seed);
        const last = r.states.length - 1;
        for (let t = 1; t <= last; t++) {
          const s = r.states[t]!;
          let expected = 0;
          for (const p of Object.values(s.parties)) if (p.deal) expected += promiseCents(p.deal.subsidyPerSoldierYear, p.troops, rpy, last - t);
          expect(Math.round(s.pivotal.committed * 100)).toBe(expected);
          expect(s.pivotal.committed).toBe(Math.round(s.pivotal.committed * 100) / 100);
          expect(s.pivotal.committed).toBeGreaterThanOrEqual(0);
          // Free money is negative only when a budget cut left promises the budget cannot cover.
          if (freeBudget(s.pivotal) < 0) expect(s.pivotal.committed).toBeGreaterThan(s.pivotal.budgetTotal - s.pivotal.spent);
        }
        expect(r.states[last]!.pivotal.committed).toBe(0);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('a withdrawal mid-operation releases exactly the withdrawn troops\' promise', () => {
    // One paid partner, demand halved in round 4: half its contingent goes home.
    const scenario = valid({
      formatVersion: 2,
      meta: { id: 'withdraw', title: 'Withdrawal', description: 'Demand halves in round 4.' },
      clock: { rounds: 12 },
      pivotal: { id: 'P', name: 'Pivotal', capability: { armedForces: 1_000_000 }, budget: 1_000_000_000, ownSoldierCostPerYear: 138_465, flagValuePerYear: 0, criticalPartnerValuePerYear: 0, demand: [{ fromRound: 1, troops: 1000 }, { fromRound: 4, troops: 500 }] },
      thirdParties: [{ id: 'A', name: 'A', armedForces: 50_000, maxTroops: 1000, deploymentCostPerYear: 30_001, selfFundedShare: 0, intrinsicValuePerYear: 0, effectiveness: 1 }],
      engine: { pricing: { rule: 'nash', thirdPartyWeight: 0.5 }, costUncertainty: 0 },
    });
    const r = runScenario(scenario, 1);
    const a3 = r.states[3]!.parties.A!;
    const a4 = r.states[4]!.parties.A!;
    expect(a3.troops).toBe(1000);
    expect(a4.troops).toBe(500);
    const perRound = (troops: number): number => promiseCents(a4.deal!.subsidyPerSoldierYear, troops, 12, 1);
    // By hand: after round 3 it is promised 9 more payments for 1,000 troops; after round 4, 8 for 500.
    expect(Math.round(r.states[3]!.pivotal.committed * 100)).toBe(perRound(1000) * 9);
    expect(Math.round(r.states[4]!.pivotal.committed * 100)).toBe(perRound(500) * 8);
  });
});
