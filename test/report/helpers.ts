/** Outputs of a run, built in memory exactly as `coalsim run` builds them before writing. */
import { runScenario } from '../../src/core/engine/run';
import type { SimEvent } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import { runDataFiles } from '../../src/output/runFiles';
import { outputsFromFiles, type RunOutputs } from '../../src/report/loadOutputs';
import type { Scenario } from '../../src/scenario/schema';
import { defaultScenario } from '../helpers/scenarios';

export function runFiles(scenario: Scenario = defaultScenario(), seed = 1): Map<string, string | Uint8Array> {
  const result = runScenario(scenario, seed);
  const files = runDataFiles(result, summarize(result));
  files.set('scenario.json', JSON.stringify(scenario, null, 2) + '\n');
  return files;
}

export function runOutputs(scenario: Scenario = defaultScenario(), seed = 1): RunOutputs {
  return outputsFromFiles(runFiles(scenario, seed));
}

/** Extra events for a run: hold-ups (the default scenario may have none) and a type no module knows. */
export function withExtraEvents(o: RunOutputs, extra: readonly object[]): RunOutputs {
  return { ...o, events: [...o.events, ...(extra as unknown as SimEvent[])] };
}

export const HOLDUP_EVENTS = [
  { type: 'holdup-threat', round: 12, party: 'TUR', demandPerSoldierYear: 20_000, demandTotal: 50_000_000, replacementPremium: 60_000, tightness: 1.3, leaveProbability: 0.9, casualtyPremium: 12_000 },
  { type: 'holdup-resolved', round: 13, party: 'TUR', outcome: 'paid', concessionCost: 50_000_000, share: 0.8 },
  { type: 'holdup-threat', round: 15, party: 'ETH', demandPerSoldierYear: 5_000, demandTotal: 5_000_000, replacementPremium: 1_000, tightness: 0.9, leaveProbability: 0, casualtyPremium: 0 },
  { type: 'holdup-resolved', round: 16, party: 'ETH', outcome: 'bluff-called', concessionCost: 0, share: 0.4 },
  { type: 'holdup-threat', round: 17, party: 'GEO', demandPerSoldierYear: 8_000, demandTotal: 1_000_000, replacementPremium: 500, tightness: 0.9, leaveProbability: 1, casualtyPremium: null },
  { type: 'holdup-resolved', round: 18, party: 'GEO', outcome: 'refused-withdrew', concessionCost: 0, share: null },
];

export const UNKNOWN_EVENT = { type: 'weather-changed', round: 5, what: 'monsoon' };
