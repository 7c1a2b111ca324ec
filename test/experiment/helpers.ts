/** Experiment files for tests, written next to a snapshot of the default scenario in a temp dir. */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentInput } from '../../src/experiment/schema';
import { tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';

export interface Workspace {
  readonly dir: string;
  write(name: string, experiment: Partial<ExperimentInput> | string): string;
}

/** A temp dir holding scenario.json (a copy of scenarios/default.json, so edits elsewhere cannot reach a test midway). */
export function workspace(): Workspace {
  const dir = tempDir('coalsim-sweep-');
  copyFileSync(join(ROOT, 'scenarios', 'default.json'), join(dir, 'scenario.json'));
  return {
    dir,
    write(name, experiment) {
      const path = join(dir, name);
      writeFileSync(path, typeof experiment === 'string' ? experiment : JSON.stringify({ ...baseExperiment(), ...experiment }, null, 2));
      return path;
    },
  };
}

/** Small and stable: parameters that exist in every version of the default scenario. */
export function baseExperiment(): ExperimentInput {
  return {
    formatVersion: 1,
    id: 'test-sweep',
    title: 'Test sweep',
    scenario: 'scenario.json',
    parameters: [
      { name: 'uncertainty', path: 'engine.costUncertainty', values: [0, 0.2] },
      { name: 'surge', path: 'events[0].delta', values: [0, 12000] },
    ],
    design: { type: 'grid' },
    replicates: 4,
    metrics: ['costPerForeignSoldierYear', 'flags', 'meanShare', 'reversals'],
    seed: 3,
  };
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}
