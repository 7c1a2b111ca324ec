/**
 * The bundled scenarios (scenarios/*.json) as ids, and how a reference to a scenario resolves:
 * one rule for the command line (`coalsim run korea-1950`), an experiment's and a fit file's
 * "scenario" field, so an id works everywhere a path does.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { BUNDLED_SCENARIOS } from '../cli/paths';
import type { InputIssue } from './issues';
import { nearestExistingPath } from './readInput';

/** The ids of the bundled scenarios ("default", "korea-1950", ...), sorted. */
export function bundledScenarioIds(): string[] {
  return readdirSync(BUNDLED_SCENARIOS)
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length))
    .sort();
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Where a reference to a scenario points. `value` is a path (relative to `baseDir`) when a
 * regular file is there or it names a folder (has a separator); otherwise, when a bundled
 * scenario has that id ("korea-1950" or "korea-1950.json"), that file; otherwise the path, so
 * the caller's "not found" names what the user wrote. A folder that happens to carry an id's
 * name does not hide the bundled scenario: only a file can.
 */
export function scenarioReference(baseDir: string, value: string): string {
  const asPath = resolve(baseDir, value);
  if (isFile(asPath) || /[\\/]/.test(value)) return asPath;
  const bundled = join(BUNDLED_SCENARIOS, value.endsWith('.json') ? value : `${value}.json`);
  return isFile(bundled) ? bundled : asPath;
}

/**
 * The bundled id a mistyped bare reference most likely meant ("korae-1950" -> "korea-1950"),
 * within an edit distance of max(2, a third of its length); undefined for a path (it has a
 * separator) or when nothing is that close.
 */
export function nearestBundledId(value: string): string | undefined {
  const bare = value.replace(/\.json$/, '');
  if (/[\\/]/.test(bare) || bare === '') return undefined;
  const ids = bundledScenarioIds();
  if (ids.length === 0) return undefined;
  const id = closest(bare, ids);
  return distance(bare.toLowerCase(), id.toLowerCase()) <= Math.max(2, Math.floor(bare.length / 3)) ? id : undefined;
}

/**
 * The problem, at the field "scenario" of `file` (an experiment or a fit file: `kind` names it), when the
 * scenario it names cannot be read: what was tried, and the likeliest fix (a nearby file,
 * relative to `file`; a bundled id one typo away; else how to write a path or an id).
 */
export function missingScenarioIssue(file: string, value: string, tried: string, why: string, role: string, kind: string): InputIssue {
  const dir = dirname(resolve(file));
  const near = why === 'file not found' ? nearestExistingPath(tried, '.json') : undefined;
  const guess = near !== undefined ? relative(dir, near) : why === 'file not found' ? nearestBundledId(value) : undefined;
  return {
    code: 'missing-scenario',
    path: ['scenario'],
    message: `${role} "${value}" (${tried}): ${why}${guess !== undefined ? `; did you mean "${guess}"?` : ''}`,
    fix: guess !== undefined ? `write "scenario": "${guess}"` : `give the scenario file's path relative to this ${kind} (which is in ${dir}), or the id of a bundled scenario, e.g. "default"`,
  };
}
