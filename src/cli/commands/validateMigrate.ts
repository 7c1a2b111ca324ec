/**
 * `coalsim validate --migrate <files..>`: rewrite scenario files of an earlier format version
 * as the current one, explaining each change. The migrated text is validated before anything
 * is written, and written atomically (a temporary sibling renamed over the file), so a file is
 * either untouched or fully migrated, never half-written.
 */
import { describeMigration, migrateText } from '../../scenario/migrate';
import { formatIssues, type InputIssue } from '../../scenario/issues';
import { parseScenario } from '../../scenario/load';
import { readInputFile } from '../../scenario/readInput';
import { SCENARIO_FORMAT_VERSION } from '../../scenario/schema';
import { parseDocument } from '../../scenario/validate';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { writeFileAtomically } from '../../output/atomic';

export type MigrationOutcome =
  | { readonly file: string; readonly status: 'migrated'; readonly lines: readonly string[] }
  | { readonly file: string; readonly status: 'current' }
  | { readonly file: string; readonly status: 'invalid'; readonly issues: readonly InputIssue[] };

/** Migrate one scenario file in place (`shown` is the path as the user should read it). */
export function migrateScenarioFile(file: string, shown: string): MigrationOutcome {
  const read = readInputFile(file, 'a scenario file', 'give the path of a scenario .json file');
  if (!read.ok) return { file: shown, status: 'invalid', issues: [read.issue] };
  const doc = parseDocument(read.text);
  if (!doc.ok) return { file: shown, status: 'invalid', issues: doc.issues };
  const migrated = migrateText(read.text, doc.value);
  if (migrated === null) {
    const check = parseScenario(read.text);
    return check.ok ? { file: shown, status: 'current' } : { file: shown, status: 'invalid', issues: check.issues };
  }
  // Validate what would be written: a file that would not load after migration is left as it is.
  const check = parseScenario(migrated.text);
  if (!check.ok) return { file: shown, status: 'invalid', issues: check.issues };
  // A write-protected file stays as it is: writing a new file and renaming it over the old one
  // would pass the protection by (root, or the owner of the folder, can do that to a 0444 file).
  const mode = statSync(file).mode;
  if ((mode & 0o222) === 0) {
    const octal = (mode & 0o777).toString(8).padStart(4, '0');
    return { file: shown, status: 'invalid', issues: [{ code: 'read-only', path: [], message: `is write-protected (mode ${octal}), so --migrate leaves it as it is`, fix: `make it writable (chmod u+w ${shown}) and migrate again, or migrate a copy` }] };
  }
  // A byte-order mark the file began with stays (some Windows editors need it to read UTF-8).
  writeFileAtomically(file, (startsWithBom(file) ? '\uFEFF' : '') + migrated.text);
  return { file: shown, status: 'migrated', lines: describeMigration(migrated.reports) };
}

function startsWithBom(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    closeSync(fd);
  }
}

/** The terminal text for the outcomes (problems are reported separately, as for validation). */
export function migrationText(outcomes: readonly MigrationOutcome[]): string {
  const out: string[] = [];
  for (const o of outcomes) {
    if (o.status === 'current') out.push(`ok  ${o.file} (already format version ${SCENARIO_FORMAT_VERSION}; unchanged)`);
    else if (o.status === 'migrated') {
      out.push(`migrated  ${o.file} to format version ${SCENARIO_FORMAT_VERSION}:`);
      for (const l of o.lines) out.push(`  ${l}`);
    }
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

export function migrationProblems(outcomes: readonly MigrationOutcome[]): string {
  return outcomes
    .filter((o): o is Extract<MigrationOutcome, { status: 'invalid' }> => o.status === 'invalid')
    .map((o) => `${formatIssues(o.file, o.issues)}\n  (not migrated: the file is unchanged)`)
    .join('\n');
}
