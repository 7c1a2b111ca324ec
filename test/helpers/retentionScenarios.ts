/** Synthetic populations with retention and punishment switched on (issue 16 item 4). */
import type { ScenarioInput } from '../../src/scenario/schema';
import { population } from './bargainingScenarios';

/**
 * The phenomenon population (casualty-sensitive generic partners, whose mounting losses make hold-up
 * threats genuine; two critical and three under-resourced), with demand `demandFactor` times the
 * capacity on offer; `holdUpTremble` adds threats from partners misjudging their credibility.
 */
export function keepingPopulation(o: { demandFactor: number; seed: number; retention?: boolean; punishment?: boolean; holdUpTremble?: number }): ScenarioInput {
  const input = population({
    demandFactor: o.demandFactor, openness: 0.5, intelligence: 0.5, critical: 2, underResourced: 3, generic: 8,
    holdUpTremble: o.holdUpTremble ?? 0, deathsPerThousandPerRound: 3, casualtySensitivity: 0.9, populationSeed: o.seed,
  });
  return {
    ...input,
    pivotal: { ...input.pivotal, ...(o.retention ? { retention: {} } : {}), ...(o.punishment ? { punishment: {} } : {}) },
  };
}
