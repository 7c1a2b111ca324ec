/** `coalsim validate <files...>`: check scenario files without running them. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { formatIssues } from '../../scenario/issues';
import { loadScenarioFile } from '../../scenario/load';
import { CliError, ExitCode } from '../exitCodes';
import { displayPath } from '../scenarioInput';

interface ValidateArgs {
  files: string[];
  json: boolean;
}

export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <files..>',
  describe: 'Check scenario files: syntax, schema and cross-field rules; all problems at once',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'Scenario JSON files' })
      .option('json', { type: 'boolean', default: false, describe: 'Print results as JSON' })
      .example('$0 validate scenarios/*.json', 'Check every bundled scenario') as unknown as Argv<ValidateArgs>,
  handler: (args: ArgumentsCamelCase<ValidateArgs>) => {
    const results = args.files.map((f) => ({ file: displayPath(f), result: loadScenarioFile(f).result }));
    const bad = results.filter((r) => !r.result.ok);
    if (args.json) {
      const report = results.map((r) => ({ file: r.file, ok: r.result.ok, issues: r.result.ok ? [] : r.result.issues }));
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      if (bad.length > 0) process.exitCode = ExitCode.invalidInput;
      return;
    }
    for (const r of results) if (r.result.ok) process.stdout.write(`ok  ${r.file}\n`);
    if (bad.length > 0) {
      const text = bad.map((r) => (r.result.ok ? '' : formatIssues(r.file, r.result.issues))).join('\n');
      throw new CliError(text, ExitCode.invalidInput);
    }
  },
};
