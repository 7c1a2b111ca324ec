import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema';

export const ROOT = join(__dirname, '..', '..');
export const DEFAULT_SCENARIO_FILE = join(ROOT, 'scenarios', 'default.json');

export function defaultScenarioText(): string {
  return readFileSync(DEFAULT_SCENARIO_FILE, 'utf8');
}

export function defaultScenario(): Scenario {
  return valid(JSON.parse(defaultScenarioText()) as ScenarioInput);
}

/** Validate an input object, failing the test with the issues if it is invalid. */
export function valid(input: unknown): Scenario {
  const r = parseScenario(JSON.stringify(input));
  if (!r.ok) throw new Error('scenario invalid: ' + JSON.stringify(r.issues, null, 1));
  return r.value;
}

/** A small hand-checkable scenario: one pivotal, no randomness unless asked. */
export function tinyScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    formatVersion: 2,
    meta: { id: 'tiny', title: 'Tiny', description: 'A hand-checkable case.' },
    clock: { rounds: 3, roundsPerYear: 12 },
    pivotal: {
      id: 'P', name: 'Pivotal', capability: { armedForces: 1_000_000 }, budget: 1e9,
      ownSoldierCostPerYear: 120_000, flagValuePerYear: 0, criticalPartnerValuePerYear: 0,
      demand: [{ fromRound: 1, troops: 1000 }],
    },
    thirdParties: [
      { id: 'A', name: 'Alpha', armedForces: 50_000, maxTroops: 600, deploymentCostPerYear: 24_000, selfFundedShare: 0.5, intrinsicValuePerYear: 0 },
      { id: 'B', name: 'Beta', armedForces: 40_000, maxTroops: 600, deploymentCostPerYear: 36_000, selfFundedShare: 0.5, intrinsicValuePerYear: 0 },
    ],
    engine: { costUncertainty: 0, pricing: { rule: 'nash', thirdPartyWeight: 0.5 } },
    ...overrides,
  };
}
