/** Small scenarios and fit files for the fit tests, written to a temporary directory. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFitFile, type LoadedFit } from '../../src/fit/load';
import type { FitInput } from '../../src/fit/schema';
import type { ScenarioInput } from '../../src/scenario/schema';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `coalsim-${prefix}-`));
}

/** Write the scenario and the fit (whose "scenario" is set to it) into dir; load the fit. */
export function writeFit(dir: string, scenario: ScenarioInput, fit: Omit<FitInput, 'scenario' | 'formatVersion'>, name = 'case'): { file: string; loaded: LoadedFit } {
  writeFileSync(join(dir, `${name}.scenario.json`), JSON.stringify(scenario, null, 2));
  const file = join(dir, `${name}.fit.json`);
  writeFileSync(file, JSON.stringify({ formatVersion: 1, scenario: `${name}.scenario.json`, ...fit }, null, 2));
  const r = loadFitFile(file);
  if (!r.ok) throw new Error('fit invalid: ' + JSON.stringify(r.problems, null, 1));
  return { file, loaded: r.value };
}

/**
 * Complete-information alternating offers (Rubinstein 1982): one pivotal (patience d_P), one
 * partner (patience d_i), no substitute, the pivotal proposes first, open-ended horizon. The
 * partner's share of the surplus is 1 - (1 - d_i) / (1 - d_P d_i).
 */
export function bilateral(partnerPatience: number, pivotalPatience = 0.9): ScenarioInput {
  return {
    formatVersion: 2,
    meta: { id: 'bilateral', title: 'Bilateral', description: 'One pivotal, one partner, no substitutes.' },
    clock: { rounds: 3 },
    pivotal: {
      id: 'P', name: 'Pivotal', capability: { armedForces: 1_000_000 }, budget: 1e12, ownSoldierCostPerYear: 120_000,
      bargaining: { intelligence: 1, openness: 1, urgency: 0, patience: pivotalPatience }, demand: [{ fromRound: 1, troops: 1000 }],
    },
    thirdParties: [{ id: 'T', name: 'Third', armedForces: 20_000, maxTroops: 500, deploymentCostPerYear: 20_000, selfFundedShare: 1, bargaining: { strategy: 'equilibrium', patience: partnerPatience } }],
    engine: { costUncertainty: 0, pricing: { rule: 'negotiation', deadline: 400, firstProposer: 'pivotal', horizon: 'open-ended' } },
  };
}

/**
 * Two partners priced by the Nash rule with weight w, their costs drawn with 30% noise each
 * run: the cost per foreign soldier-year is about r + w (R - r), noisy through r.
 */
export function nashPair(weight: number, betaCost = 36_000): ScenarioInput {
  return {
    formatVersion: 2,
    meta: { id: 'nash-pair', title: 'Nash pair', description: 'Two partners, Nash pricing, noisy costs.' },
    clock: { rounds: 3, roundsPerYear: 12 },
    pivotal: { id: 'P', name: 'Pivotal', capability: { armedForces: 1_000_000 }, budget: 1e9, ownSoldierCostPerYear: 120_000, flagValuePerYear: 0, criticalPartnerValuePerYear: 0, demand: [{ fromRound: 1, troops: 1000 }] },
    thirdParties: [
      { id: 'A', name: 'Alpha', armedForces: 50_000, maxTroops: 600, deploymentCostPerYear: 24_000, selfFundedShare: 0.5, intrinsicValuePerYear: 0 },
      { id: 'B', name: 'Beta', armedForces: 40_000, maxTroops: 600, deploymentCostPerYear: betaCost, selfFundedShare: 0.5, intrinsicValuePerYear: 0 },
    ],
    engine: { costUncertainty: 0.3, pricing: { rule: 'nash', thirdPartyWeight: weight } },
  };
}
