/**
 * The command line: a declarative table of commands, and one top-level catch that turns
 * errors into a message on stderr and an exit code (see exitCodes.ts).
 */
import yargs from 'yargs';
import { InvariantError } from '../core/errors';
import { calibrateCommand } from './commands/calibrate';
import { explainCommand } from './commands/explain';
import { fitCommand } from './commands/fit';
import { listCommand } from './commands/list';
import { replicateCommand } from './commands/replicate';
import { reportCommand } from './commands/report';
import { mergeCommand } from './commands/merge';
import { runCommand } from './commands/run';
import { schemaCommand } from './commands/schema';
import { slurmCommand } from './commands/slurm';
import { sweepCommand } from './commands/sweep';
import { validateCommand } from './commands/validate';
import { CliError, ExitCode } from './exitCodes';
import { packageVersion } from './paths';
import { configureRuntime } from '../runtime';

export async function main(argv: string[]): Promise<number> {
  configureRuntime();
  const parser = yargs(argv)
    .scriptName('coalsim')
    .usage('$0 <command> [options]\n\nAgent-based simulator of how military coalitions are bought and bargained for.')
    .command(runCommand)
    .command(validateCommand)
    .command(schemaCommand)
    .command(listCommand)
    .command(explainCommand)
    .command(reportCommand)
    .command(sweepCommand)
    .command(mergeCommand)
    .command(slurmCommand)
    .command(replicateCommand)
    .command(calibrateCommand)
    .command(fitCommand)
    .demandCommand(1, 'Name a command: run, validate, schema or list. Example: coalsim run')
    .strict()
    .recommendCommands()
    .version(packageVersion())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid scenario/experiment/fit, 4 output exists (use --force), 5 file I/O, 6 calibration miss (calibrate --strict), 8 shards missing (fit --merge), 9 fit tolerance out of reach.\nDocs: README.md')
    .fail((msg, err) => {
      if (err) throw err;
      throw new CliError(`${msg}\nRun with --help for usage.`, ExitCode.usage);
    });
  try {
    await parser.parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`coalsim: ${err.message}\n`);
      return err.exitCode;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      process.stderr.write(`coalsim: file error: ${(err as Error).message}\n`);
      return ExitCode.io;
    }
    const what = err instanceof InvariantError ? 'a model invariant broke (this is a bug; please report it with the scenario and seed)' : 'unexpected error (this is a bug)';
    process.stderr.write(`coalsim: ${what}\n${(err as Error).stack ?? String(err)}\n`);
    return ExitCode.internal;
  }
}
