/** Loading scenarios for commands: a valid scenario, or a CliError listing every issue. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatIssues } from '../scenario/issues';
import { loadScenarioFile, type LoadedScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { CliError, ExitCode } from './exitCodes';
import { BUNDLED_SCENARIOS, DEFAULT_SCENARIO } from './paths';

/** A path, or the id of a bundled scenario ("korea-1950" for scenarios/korea-1950.json). */
export function resolveScenarioPath(arg: string): string {
  if (existsSync(arg)) return arg;
  const bundled = join(BUNDLED_SCENARIOS, arg.endsWith('.json') ? arg : `${arg}.json`);
  return existsSync(bundled) ? bundled : arg;
}

export interface ValidScenario extends LoadedScenario {
  readonly scenario: Scenario;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function requireScenario(file: string | undefined): ValidScenario {
  const path = file === undefined ? DEFAULT_SCENARIO : resolveScenarioPath(file);
  const loaded = loadScenarioFile(path);
  if (!loaded.result.ok) throw new CliError(formatIssues(displayPath(path), loaded.result.issues), ExitCode.invalidInput);
  return { ...loaded, file: displayPath(path), scenario: loaded.result.value };
}

export function parseSeed(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new CliError(`--seed must be a whole number from 0 to 4294967295, got ${String(value)}. Example: --seed 7`, ExitCode.usage);
  }
  return n;
}
