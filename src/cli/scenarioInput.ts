/** Loading scenarios for commands: a valid scenario, or a CliError listing every issue. */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { formatIssues, type InputIssue } from '../scenario/issues';
import { nearestExistingPath } from '../scenario/readInput';
import { loadScenarioFile, type LoadedScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { CliError, ExitCode } from './exitCodes';
import { typedValue } from './numberOptions';
import { bundledScenarioIds, nearestBundledId, scenarioReference } from '../scenario/bundled';
import { DEFAULT_SCENARIO } from './paths';
import { wrongKindMessage } from './fileKind';

/** A path, or the id of a bundled scenario ("korea-1950" for scenarios/korea-1950.json). */
export function resolveScenarioPath(arg: string): string {
  const path = scenarioReference(process.cwd(), arg);
  // The user's own file keeps their spelling of its path in messages; an id resolves to the package's file.
  return path === resolve(arg) ? arg : path;
}

export interface ValidScenario extends LoadedScenario {
  readonly scenario: Scenario;
}

export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  // The working folder itself relativises to '' ("coalsim explain ."): show it as '.'.
  return rel === '' ? '.' : rel.startsWith('..') ? file : rel;
}

/** `runDir`: the command also reads a run's output directory (explain), so a path that names nothing says so. */
export function requireScenario(file: string | undefined, runDir = false): ValidScenario {
  const path = file === undefined ? DEFAULT_SCENARIO : resolveScenarioPath(file);
  const loaded = loadScenarioFile(path);
  if (!loaded.result.ok) {
    const other = file !== undefined && existsSync(path) ? wrongKindMessage(path, displayPath(path), 'scenario') : null;
    if (other !== null) throw new CliError(other, ExitCode.invalidInput);
    const issues = loaded.result.issues[0]?.message === 'file not found' && file !== undefined ? [notFound(file, runDir)] : loaded.result.issues;
    throw new CliError(formatIssues(displayPath(path), issues), ExitCode.invalidInput);
  }
  // An older format version was migrated in memory: say so, once, where the user looks for problems.
  for (const n of loaded.result.notices ?? []) process.stderr.write(`${displayPath(path)}: note: ${n}\n`);
  return { ...loaded, file: displayPath(path), scenario: loaded.result.value };
}

/**
 * A seed from the command line: decimal digits only, 0 to 2^32 - 1. Read as a string (the
 * option is declared so), because yargs' number parsing takes "" for 0, "0x10" for 16 and
 * "1e3" for 1000; a seed must be what the user typed, so those are refused, echoing the input.
 */
/** Neither a file nor a bundled id: suggest the nearest bundled id, or the nearest existing path. */
function notFound(arg: string, runDir: boolean): InputIssue {
  const id = nearestBundledId(arg);
  if (id !== undefined) return { code: 'unreadable', path: [], message: `no such file or bundled scenario; the nearest bundled id is "${id}"`, fix: `give "${id}"` };
  const near = nearestExistingPath(arg, '.json');
  if (near !== undefined) {
    const shown = displayPath(near);
    return { code: 'unreadable', path: [], message: `file not found; did you mean "${shown}"?`, fix: `give "${shown}"` };
  }
  return { code: 'unreadable', path: [], message: 'file not found, and no bundled scenario has this id', fix: `give the path of a scenario .json file, ${runDir ? 'the output directory of a `coalsim run` (e.g. out/default-seed1), ' : ''}or a bundled id: ${bundledScenarioIds().join(', ')}` };
}

export function parseSeed(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text === 'string' && /^[0-9]{1,10}$/.test(text)) {
    const n = Number(text);
    if (n <= 0xffffffff) return n;
  }
  throw new CliError(`--seed must be a whole number from 0 to 4294967295 in decimal digits, got ${typedValue(value)}. Example: --seed 7`, ExitCode.usage);
}
