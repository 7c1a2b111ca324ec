/** `coalsim validate <files...>`: check scenario and experiment files without running them. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { parseCalibratedScenario } from '../../calibration/checks';
import { loadExperimentFile } from '../../experiment/load';
import { loadFitFile } from '../../fit/load';
import { formatIssues, type InputIssue } from '../../scenario/issues';
import { SCENARIO_FILE_FIX } from '../../scenario/load';
import { readInputFile } from '../../scenario/readInput';
import { parseDocument } from '../../scenario/validate';
import { deprecatedFields, type DeprecatedField } from '../../scenario/deprecated';
import { CliError, ExitCode } from '../exitCodes';
import { displayPath } from '../scenarioInput';
import { kindOf, kindOfText } from '../fileKind';
import { migrateScenarioFile, migrationProblems, migrationText } from './validateMigrate';

interface ValidateArgs {
  files: string[];
  json: boolean;
  migrate: boolean;
}

interface FileReport {
  readonly file: string;
  readonly kind: 'scenario' | 'experiment' | 'fit';
  readonly ok: boolean;
  /** Problems by file: an experiment's base scenario is reported under its own name. */
  readonly problems: readonly { readonly file: string; readonly issues: readonly InputIssue[] }[];
  /** Fields still accepted but ignored (scenario files only). */
  readonly deprecated: readonly DeprecatedField[];
  /** Notes from loading, e.g. an earlier format version migrated in memory (`validate --migrate` rewrites it). */
  readonly notes: readonly string[];
}

export { kindOf } from '../fileKind';

function check(file: string): FileReport {
  const shown = displayPath(file);
  // Read once: a scenario given as a pipe (validate <(cat s.json)) can be read only once.
  const read = readInputFile(file, 'a scenario file', SCENARIO_FILE_FIX);
  // A file of no recognisable kind is checked as a scenario: the scenario loader says what is wrong.
  const kind = (read.ok ? kindOfText(file, read.text) : null) ?? 'scenario';
  if (kind === 'fit') {
    const r = loadFitFile(file);
    return { file: shown, kind: 'fit', ok: r.ok, problems: r.ok ? [] : r.problems.map((p) => ({ file: displayPath(p.file), issues: p.issues })), deprecated: [], notes: [] };
  }
  if (kind === 'experiment') {
    const r = loadExperimentFile(file);
    return { file: shown, kind: 'experiment', ok: r.ok, problems: r.ok ? [] : r.problems.map((p) => ({ file: displayPath(p.file), issues: p.issues })), deprecated: [], notes: [] };
  }
  // Parsed once, with the calibration targets checked too (measures, their arguments, records and rules), as `coalsim calibrate` does.
  const r = read.ok ? parseCalibratedScenario(read.text) : { ok: false as const, issues: [read.issue] };
  return { file: shown, kind: 'scenario', ok: r.ok, problems: r.ok ? [] : [{ file: shown, issues: r.issues }], deprecated: r.ok && read.ok ? deprecatedIn(read.text) : [], notes: r.ok ? (r.notices ?? []) : [] };
}

/** Deprecated fields the text sets (read as a plain document: the parsed scenario has its defaults filled in). */
function deprecatedIn(text: string): DeprecatedField[] {
  const doc = parseDocument(text);
  return doc.ok ? deprecatedFields(doc.value) : [];
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <files..>',
  describe: 'Check scenario, experiment and fit files: syntax, schema, cross-field rules and a scenario\'s calibration targets; all problems at once',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'Scenario, experiment or fit (.fit.json) files', default: undefined })
      .option('json', { type: 'boolean', default: false, describe: 'Print results as JSON' })
      .option('migrate', { type: 'boolean', default: false, describe: 'Rewrite scenario files of an earlier format version as the current one (atomically), explaining each change' })
      .example('$0 validate --migrate my-scenario.json', 'Update a version-1 scenario file to version 2')
      .example('$0 validate scenarios/*.json', 'Check every bundled scenario')
      .example('$0 validate experiments/*.json', 'Check experiment files (and every design point)')
      .example('$0 validate scenarios/fits/*.fit.json', 'Check fit files (parameters resolve in their scenario, figures, priors)') as unknown as Argv<ValidateArgs>,
  handler: (args: ArgumentsCamelCase<ValidateArgs>) => {
    if (args.migrate) {
      // Experiment and fit files have no earlier version; anything else (a scenario, or a file
      // that cannot be read or told apart) goes through the scenario migration, which says why
      // it cannot migrate it (a missing or unreadable file is an input error, exit 3).
      const scenarios = args.files.filter((f) => { const k = kindOf(f); return k !== 'experiment' && k !== 'fit'; });
      const outcomes = scenarios.map((f) => migrateScenarioFile(f, displayPath(f)));
      if (args.json) process.stdout.write(JSON.stringify(outcomes, null, 2) + '\n');
      else process.stdout.write(migrationText(outcomes));
      const skipped = args.files.filter((f) => !scenarios.includes(f));
      if (skipped.length > 0 && !args.json) process.stderr.write(`not migrated (experiment and fit files have no earlier version): ${skipped.map(displayPath).join(', ')}\n`);
      const problems = migrationProblems(outcomes);
      if (problems !== '') {
        if (args.json) process.exitCode = ExitCode.invalidInput;
        else throw new CliError(problems, ExitCode.invalidInput);
      }
      return;
    }
    const reports = args.files.map(check);
    const bad = reports.filter((r) => !r.ok);
    if (args.json) {
      const out = reports.map((r) => ({ file: r.file, kind: r.kind, ok: r.ok, issues: r.problems.flatMap((p) => p.issues.map((i) => ({ file: p.file, ...i }))), ...(r.deprecated.length > 0 ? { deprecated: r.deprecated } : {}), ...(r.notes.length > 0 ? { notes: r.notes } : {}) }));
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      if (bad.length > 0) process.exitCode = ExitCode.invalidInput;
      return;
    }
    for (const r of reports) if (r.ok) process.stdout.write(`ok  ${r.file}${r.kind === 'scenario' ? '' : ` (${r.kind})`}\n`);
    for (const r of reports) for (const n of r.notes) process.stderr.write(`note  ${r.file}: ${n}\n`);
    for (const r of reports) for (const d of r.deprecated) process.stderr.write(`warning  ${r.file}: ${d.path} is deprecated and ${d.reason}\n`);
    if (bad.length > 0) {
      const text = bad.flatMap((r) => r.problems.map((p) => formatIssues(p.file, p.issues))).join('\n');
      throw new CliError(text, ExitCode.invalidInput);
    }
  },
};
