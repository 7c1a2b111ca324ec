/**
 * The command table and the texts of the top-level --help, apart from main.ts so that the
 * fast path for `coalsim --help` and `--version` (fastHelp.ts) can print them without
 * loading yargs. Imports nothing at load time: each command module is required on use.
 */
import type { CommandModule } from 'yargs';

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
    describe: 'Check scenario, experiment and fit files: syntax, schema, cross-field rules and a scenario\'s calibration targets; all problems at once',
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
    describe: 'Replicate a published finding on real data (isaf: alliance signalling in ISAF, Nov 2010), or score the simulator on another real coalition (coalition)',
    load: () => (require('./commands/replicate') as typeof import('./commands/replicate')).replicateCommand,
  },
  {
    command: 'calibrate [scenarios..]',
    describe: 'Run scenarios over many seeds and compare each recorded figure in meta.calibration with the simulated median and interval',
    load: () => (require('./commands/calibrate') as typeof import('./commands/calibrate')).calibrateCommand,
  },
];

/** A command as --help lists it, and how to load its module when it runs. */
export interface LazyCommand {
  readonly command: string;
  readonly describe: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly load: () => CommandModule<object, any>;
}

/** The usage line and one-line description at the top of --help ($0 is the script name). */
export const USAGE = '$0 <command> [options]\n\nAgent-based simulator of how military coalitions are bought and bargained for.';

/** The lines at the foot of --help: exit codes, examples a new user can copy (each command's --help has its own), the docs. */
export const EPILOGUE =
  'Exit codes: 0 ok, 1 internal error, 2 usage, 3 invalid scenario/experiment/fit, 4 output directory exists, is in use or may not be replaced, 5 file I/O or disk full, 6 calibration miss (calibrate --strict), 7 sweep finished with failed runs, 8 merge, sweep or fit generation incomplete, 9 fit tolerance out of reach.\nExamples: coalsim run teaching-holdup (a classroom hold-up, seed 1, into out/teaching-holdup-seed1); coalsim explain out/teaching-holdup-seed1 (its story, month by month); coalsim classroom teaching-holdup (a page with sliders, offline). Every command has examples in its own --help.\nDocs: README.md';

/** Columns --help wraps to: the terminal's width, at most 100 (100 off a terminal). */
export function helpWidth(columns: number | undefined): number {
  return Math.min(100, columns ?? 100);
}
