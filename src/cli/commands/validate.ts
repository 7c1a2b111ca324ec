/** `coalsim validate <files...>`: check scenario and experiment files without running them. */
import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadExperimentFile } from '../../experiment/load';
import { formatIssues, type InputIssue } from '../../scenario/issues';
import { loadScenarioFile } from '../../scenario/load';
import { CliError, ExitCode } from '../exitCodes';
import { displayPath } from '../scenarioInput';

interface ValidateArgs {
  files: string[];
  json: boolean;
}

interface FileReport {
  readonly file: string;
  readonly kind: 'scenario' | 'experiment';
  readonly ok: boolean;
  /** Problems by file: an experiment's base scenario is reported under its own name. */
  readonly problems: readonly { readonly file: string; readonly issues: readonly InputIssue[] }[];
}

/** An experiment file says so in its $schema, or has a design and parameters; anything else is a scenario. */
function kindOf(file: string): 'scenario' | 'experiment' {
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const schema = typeof doc.$schema === 'string' ? doc.$schema : '';
    return schema.includes('experiment') || ('parameters' in doc && 'design' in doc) ? 'experiment' : 'scenario';
  } catch {
    return 'scenario'; // unreadable or not JSON: the scenario loader reports it with line and column
  }
}

function check(file: string): FileReport {
  const shown = displayPath(file);
  if (kindOf(file) === 'experiment') {
    const r = loadExperimentFile(file);
    return { file: shown, kind: 'experiment', ok: r.ok, problems: r.ok ? [] : r.problems.map((p) => ({ file: displayPath(p.file), issues: p.issues })) };
  }
  const r = loadScenarioFile(file).result;
  return { file: shown, kind: 'scenario', ok: r.ok, problems: r.ok ? [] : [{ file: shown, issues: r.issues }] };
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <files..>',
  describe: 'Check scenario and experiment files: syntax, schema and cross-field rules; all problems at once',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'Scenario or experiment JSON files' })
      .option('json', { type: 'boolean', default: false, describe: 'Print results as JSON' })
      .example('$0 validate scenarios/*.json', 'Check every bundled scenario')
      .example('$0 validate experiments/*.json', 'Check experiment files (and every design point)') as unknown as Argv<ValidateArgs>,
  handler: (args: ArgumentsCamelCase<ValidateArgs>) => {
    const reports = args.files.map(check);
    const bad = reports.filter((r) => !r.ok);
    if (args.json) {
      const out = reports.map((r) => ({ file: r.file, kind: r.kind, ok: r.ok, issues: r.problems.flatMap((p) => p.issues.map((i) => ({ file: p.file, ...i }))) }));
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      if (bad.length > 0) process.exitCode = ExitCode.invalidInput;
      return;
    }
    for (const r of reports) if (r.ok) process.stdout.write(`ok  ${r.file}${r.kind === 'experiment' ? ' (experiment)' : ''}\n`);
    if (bad.length > 0) {
      const text = bad.flatMap((r) => r.problems.map((p) => formatIssues(p.file, p.issues))).join('\n');
      throw new CliError(text, ExitCode.invalidInput);
    }
  },
};
