/**
 * The command line: a declarative table of commands, and one top-level catch that turns
 * errors into a message on stderr and an exit code (see exitCodes.ts).
 */
import yargs, { type Argv, type CommandModule } from 'yargs';
import { InvariantError } from '../core/errors';
import { CliError, ExitCode } from './exitCodes';
import { packageVersion } from './paths';
import { explainUsageError } from './usageErrors';
import { OutDirError } from '../output/outDir';
import { describeIoError } from './ioErrors';

/**
 * The commands, in the order --help lists them. Each module is loaded only when its command
 * runs, so `coalsim --help` (and every other command) loads no chart, schema or calibration
 * code it does not use. test/cli/commands.test.ts checks these lines against the modules.
 */
export const COMMANDS: readonly LazyCommand[] = [
  {
    command: 'run [scenario]',
    describe: 'Run a scenario (default: the bundled default scenario) and write its outputs',
    load: () => (require('./commands/run') as typeof import('./commands/run')).runCommand,
  },
  {
    command: 'validate <files..>',
    describe: 'Check scenario and experiment files: syntax, schema and cross-field rules; all problems at once',
    load: () => (require('./commands/validate') as typeof import('./commands/validate')).validateCommand,
  },
  {
    command: 'schema [kind]',
    describe: 'Print the JSON Schema of the scenario (default), experiment or fit format (for editor completion)',
    load: () => (require('./commands/schema') as typeof import('./commands/schema')).schemaCommand,
  },
  {
    command: 'list',
    describe: 'List the bundled scenarios',
    load: () => (require('./commands/list') as typeof import('./commands/list')).listCommand,
  },
  {
    command: 'explain [scenario]',
    describe: 'Tell the story of a run in plain language, round by round',
    load: () => (require('./commands/explain') as typeof import('./commands/explain')).explainCommand,
  },
  {
    command: 'report <dir>',
    describe: 'Rebuild the charts and report.html of a saved run (no re-run)',
    load: () => (require('./commands/report') as typeof import('./commands/report')).reportCommand,
  },
  {
    command: 'classroom [scenario]',
    describe: 'Write a self-contained HTML page where the model runs live, with sliders and two panes to compare',
    load: () => (require('./commands/classroom') as typeof import('./commands/classroom')).classroomCommand,
  },
  {
    command: 'compare <runs..>',
    describe: 'Compare saved runs: a table of differences and the same charts side by side',
    load: () => (require('./commands/compare') as typeof import('./commands/compare')).compareCommand,
  },
  {
    command: 'sweep [experiment]',
    describe: 'Run a parameter sweep (experiment file) on all cores; resumable and shardable',
    load: () => (require('./commands/sweep') as typeof import('./commands/sweep')).sweepCommand,
  },
  {
    command: 'merge <dirs..>',
    describe: 'Merge sweep shards (or partial sweeps) into one result; safe to repeat',
    load: () => (require('./commands/merge') as typeof import('./commands/merge')).mergeCommand,
  },
  {
    command: 'analyze <dir>',
    describe: 'Sensitivity indices of a finished saltelli (Sobol S1, ST, S2) or morris (mu*, sigma) sweep',
    load: () => (require('./commands/analyze') as typeof import('./commands/analyze')).analyzeCommand,
  },
  {
    command: 'fit <fit>',
    describe: 'Estimate scenario parameters from recorded figures (ABC-SMC), with held-out checks; resumable, shardable',
    load: () => (require('./commands/fit') as typeof import('./commands/fit')).fitCommand,
  },
  {
    command: 'slurm <experiment>',
    describe: 'Write Slurm scripts that run a sweep as an array job plus a dependent merge job',
    load: () => (require('./commands/slurm') as typeof import('./commands/slurm')).slurmCommand,
  },
  {
    command: 'replicate <study>',
    describe: 'Replicate a published finding on real data (isaf: alliance signalling in ISAF, Nov 2010)',
    load: () => (require('./commands/replicate') as typeof import('./commands/replicate')).replicateCommand,
  },
  {
    command: 'calibrate [scenarios..]',
    describe: 'Run scenarios over many seeds and compare each recorded figure in meta.calibration with the simulated median and interval',
    load: () => (require('./commands/calibrate') as typeof import('./commands/calibrate')).calibrateCommand,
  },
];

/** Any command's module: each has its own argument type, erased here at the edge. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = CommandModule<object, any>;

interface LazyCommand {
  readonly command: string;
  readonly describe: string;
  readonly load: () => AnyCommand;
}

function lazy(c: LazyCommand): CommandModule {
  let loaded: AnyCommand | undefined;
  const get = (): AnyCommand => (loaded ??= c.load());
  return {
    command: c.command,
    describe: c.describe,
    builder: (y: Argv) => {
      const b = get().builder;
      return (typeof b === 'function' ? b(y) : y.options(b ?? {})) as Argv;
    },
    handler: (args) => get().handler(args),
  };
}

export async function main(argv: string[]): Promise<number> {
  const parser = yargs(argv)
    .scriptName('coalsim')
    .usage('$0 <command> [options]\n\nAgent-based simulator of how military coalitions are bought and bargained for.')
    .command(COMMANDS.map(lazy))
    .demandCommand(1, 'Name a command: run, validate, schema or list. Example: coalsim run')
    .strict()
    .recommendCommands()
    .version(packageVersion())
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .epilogue('Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid scenario/experiment/fit, 4 output directory exists, is in use or may not be replaced, 5 file I/O or disk full, 6 calibration miss (calibrate --strict), 7 sweep finished with failed runs, 8 merge, sweep or fit generation incomplete, 9 fit tolerance out of reach.\nDocs: README.md')
    .fail((msg, err, y) => {
      if (err) throw err;
      throw new CliError(`${explainUsageError(msg, argv, y)}\nRun with --help for usage.`, ExitCode.usage);
    });
  try {
    await parser.parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`coalsim: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof OutDirError) {
      process.stderr.write(`coalsim: ${err.message}\n`);
      return err.exitCode;
    }
    const io = describeIoError(err);
    if (io !== null) {
      process.stderr.write(`coalsim: ${io}\n`);
      return ExitCode.io;
    }
    const what = err instanceof InvariantError ? 'a model invariant broke (this is a bug; please report it with the scenario and seed)' : 'unexpected error (this is a bug)';
    process.stderr.write(`coalsim: ${what}\n${(err as Error).stack ?? String(err)}\n`);
    return ExitCode.internal;
  }
}
