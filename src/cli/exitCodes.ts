/** Exit codes, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** A bug: an invariant broke or something unexpected threw. */
  internal: 1,
  /** Bad command line: unknown option, missing argument. */
  usage: 2,
  /** A scenario, experiment or fit file is invalid (syntax, schema or cross-field). */
  invalidInput: 3,
  /** The output directory already holds results and --force was not given. */
  outputExists: 4,
  /** Reading or writing files failed (permissions, disk full). */
  io: 5,
  /** `coalsim calibrate --strict`: at least one recorded figure missed. */
  calibrationMiss: 6,
  /**
   * `coalsim sweep` (or `merge`) wrote its outputs but some runs failed: the results are not
   * a success, so a Slurm `afterok` chain stops. `--resume --retry-failed` re-runs them.
   */
  runsFailed: 7,
  /** `coalsim merge` / `coalsim fit --merge`: the merged shards do not yet hold every run (or particle of the generation). */
  incompleteMerge: 8,
  /** `coalsim fit`: a generation could not reach its tolerance within method.maxAttempts proposals per particle. */
  fitUnreachable: 9,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Thrown by command handlers; the one top-level catch turns it into a message and exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
