/** Scenarios for testing the bargaining engine against theory and for phenomena over many seeds. */
import seedrandom from 'seedrandom';
import type { ScenarioInput } from '../../src/scenario/schema';

type Negotiation = Extract<NonNullable<NonNullable<ScenarioInput['engine']>['pricing']>, { rule: 'negotiation' }>;
type PivotalBargaining = NonNullable<ScenarioInput['pivotal']['bargaining']>;

/** One third party, scarcity (no substitute), no flag or criticality value: the pie is [r, c_P]. */
export function bilateral(opts: {
  pivotal: PivotalBargaining;
  partyPatience: number;
  partyStrategy?: 'equilibrium' | 'screening' | 'boulware' | 'conceder';
  negotiation: Partial<Negotiation>;
  reservation?: number;
}): ScenarioInput {
  return {
    formatVersion: 2,
    meta: { id: 'bilateral', title: 'Bilateral', description: 'One pivotal, one partner, no substitutes.' },
    clock: { rounds: 3 },
    pivotal: {
      id: 'P', name: 'Pivotal', capability: { armedForces: 1_000_000 }, budget: 1e12, ownSoldierCostPerYear: 120_000,
      bargaining: opts.pivotal, demand: [{ fromRound: 1, troops: 1000 }],
    },
    thirdParties: [{
      id: 'T', name: 'Third', armedForces: 20_000, maxTroops: 500, deploymentCostPerYear: opts.reservation ?? 20_000, selfFundedShare: 1,
      bargaining: { strategy: opts.partyStrategy ?? 'equilibrium', patience: opts.partyPatience },
    }],
    engine: { costUncertainty: 0, pricing: { rule: 'negotiation', ...opts.negotiation } },
  };
}

export interface PopulationOptions {
  /** Demand as a multiple of total capacity. */
  demandFactor: number;
  openness: number;
  intelligence: number;
  urgency?: number;
  patience?: number;
  /** Number of third parties that are critical (criticality 1, lukewarm, self-funded). */
  critical?: number;
  /** Number that are willing but under-resourced (high interest, little self-funding). */
  underResourced?: number;
  /** Number of generic partners with random attributes. */
  generic?: number;
  deadline?: number;
  /** `engine.operation.holdUpTremble`: chance per round that a paid partner misjudges its credibility and threatens (at most 0.05). */
  holdUpTremble?: number;
  /** Casualty risk, and the sensitivity of every generic partner. */
  deathsPerThousandPerRound?: number;
  casualtySensitivity?: number;
  populationSeed: number;
}

/** A synthetic population of third parties, drawn from a seeded generator (not the engine's). */
export function population(o: PopulationOptions): ScenarioInput {
  const rng = seedrandom.alea(`population-${o.populationSeed}`);
  const u = (a: number, b: number) => a + (b - a) * rng();
  const parties: ScenarioInput['thirdParties'] = [];
  let capacity = 0;
  const add = (kind: string, i: number, attrs: Partial<ScenarioInput['thirdParties'][number]>) => {
    const maxTroops = Math.round(u(400, 1500));
    capacity += maxTroops;
    parties.push({ id: `${kind}${i}`, name: `${kind} ${i}`, armedForces: Math.round(u(20_000, 120_000)), maxTroops, deploymentCostPerYear: Math.round(u(15_000, 50_000)), selfFundedShare: 0.5, ...attrs });
  };
  for (let i = 0; i < (o.critical ?? 0); i++) add('CRIT', i, { criticality: 1, selfFundedShare: 0.9, intrinsicValuePerYear: 0 });
  for (let i = 0; i < (o.underResourced ?? 0); i++) {
    const c = Math.round(u(15_000, 30_000));
    add('POOR', i, { deploymentCostPerYear: c, selfFundedShare: u(0.05, 0.2), intrinsicValuePerYear: Math.round(c * u(0.8, 1)) });
  }
  for (let i = 0; i < (o.generic ?? 0); i++) {
    const c = Math.round(u(15_000, 50_000));
    add('GEN', i, { deploymentCostPerYear: c, selfFundedShare: u(0.1, 0.9), intrinsicValuePerYear: Math.round(c * u(0, 0.6)), casualtySensitivity: o.casualtySensitivity ?? 0 });
  }
  return {
    formatVersion: 2,
    meta: { id: 'population', title: 'Synthetic population', description: 'Generated for phenomenon tests.' },
    clock: { rounds: 12 },
    pivotal: {
      id: 'P', name: 'Pivotal', capability: { armedForces: 1_400_000 }, budget: 1e12, ownSoldierCostPerYear: 138_465,
      flagValuePerYear: 5_000_000, criticalPartnerValuePerYear: 200_000_000,
      bargaining: { openness: o.openness, intelligence: o.intelligence, urgency: o.urgency ?? 0, patience: o.patience ?? 0.95 },
      demand: [{ fromRound: 1, troops: Math.round(capacity * o.demandFactor) }],
    },
    thirdParties: parties,
    sideDeals: [
      { id: 'arms', label: 'Arms sale', kind: 'arms', costToGiver: 20_000_000, valueToReceiver: 60_000_000 },
      { id: 'aid', label: 'Military aid', kind: 'military_aid', costToGiver: 30_000_000, valueToReceiver: 50_000_000 },
      { id: 'trade', label: 'Trade deal', kind: 'trade', costToGiver: 10_000_000, valueToReceiver: 25_000_000 },
    ],
    engine: { costUncertainty: 0.1, pricing: { rule: 'negotiation', deadline: o.deadline ?? 6 }, operation: { deathsPerThousandPerRound: o.deathsPerThousandPerRound ?? 0, holdUpTremble: o.holdUpTremble ?? 0 } },
  };
}
