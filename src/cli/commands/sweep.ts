/** `coalsim sweep <experiment>`: run a parameter sweep on all cores, resumable, shardable. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { finishSweep, type FinishResult } from '../../experiment/finish';
import { sensitivitySummary } from '../../experiment/sensitivity';
import { loadExperimentFile, type LoadedExperiment, type LoadOptions } from '../../experiment/load';
import { MAX_DESIGN_POINTS } from '../../scenario/limits';
import { METRICS } from '../../experiment/metrics';
import { createProgress, duration } from '../progress';
import { parseShard, shardFromEnv, WHOLE, type Shard } from '../../experiment/shards';
import { refuseLinkedStore, STORE_FILE, SweepStore } from '../../experiment/store';
import { runSweep, SweepDirError } from '../../experiment/sweep';
import { OutputExistsError } from '../../output/atomic';
import { formatIssues } from '../../scenario/issues';
import { CliError, ExitCode } from '../exitCodes';
import { numberOption, wholeNumberOption } from '../numberOptions';
import { assertNotAnInput, claimOutDir, requireOutPath } from '../../output/outDir';
import { safeField } from '../../output/terminalSafe';
import { stopOnSignals } from '../stopSignals';
import { FEW_REPLICATES } from '../../experiment/charts';
import { packageVersion } from '../paths';
import { displayPath } from '../scenarioInput';
import { wrongKindMessage } from '../fileKind';

interface SweepArgs {
  experiment?: string;
  out?: string;
  workers?: string;
  resume: boolean;
  retryFailed: boolean;
  force: boolean;
  shard?: string;
  quiet: boolean;
  charts: boolean;
  listMetrics: boolean;
}

export function requireExperiment(file: string, options: LoadOptions = {}): LoadedExperiment {
  const r = loadExperimentFile(file, options);
  if (!r.ok) {
    const other = existsSync(file) ? wrongKindMessage(file, displayPath(file), 'experiment') : null;
    if (other !== null) throw new CliError(other, ExitCode.invalidInput);
    throw new CliError(r.problems.map((p) => formatIssues(displayPath(p.file), p.issues)).join('\n'), ExitCode.invalidInput);
  }
  return r.value;
}

/** Worker threads: --workers, else the Slurm allocation, else every core. */
export function defaultWorkers(env: NodeJS.ProcessEnv): number {
  const slurm = Number(env.SLURM_CPUS_PER_TASK);
  if (Number.isInteger(slurm) && slurm > 0) return slurm;
  return availableParallelism();
}

export function chooseShard(flag: string | undefined, env: NodeJS.ProcessEnv): Shard {
  if (flag !== undefined) {
    const r = parseShard(flag);
    if (!r.ok) throw new CliError(r.message, ExitCode.usage);
    return r.value;
  }
  const fromEnv = shardFromEnv(env);
  if (fromEnv && !fromEnv.ok) throw new CliError(fromEnv.message, ExitCode.usage);
  return fromEnv ? fromEnv.value : WHOLE;
}

/**
 * A refused --out as a CliError (exit 4). `resumable`: the command has --resume (sweep); the
 * message offers it only when the folder holds a sweep's store, since --resume refuses a folder
 * without one.
 */
export function asDirError(err: unknown, resumable = false): never {
  if (err instanceof OutputExistsError) throw new CliError(resumable && existsSync(join(err.dir, STORE_FILE)) ? `${err.message}, or --resume to continue the sweep stored there` : err.message, ExitCode.outputExists);
  if (err instanceof SweepDirError) throw new CliError(err.message, ExitCode.outputExists);
  throw err;
}

/** Charts, sensitivity and sweep-report.html of a complete sweep directory (store opened read-only). */
export function finishInDir(dir: string, c: LoadedExperiment | CompiledExperimentLike, charts: boolean): FinishResult {
  const store = SweepStore.open(join(dir, STORE_FILE), { readonly: true });
  if (!store) throw new CliError(`${displayPath(dir)}: the sweep store cannot be read back`, ExitCode.io);
  try {
    return finishSweep(dir, c, store, { charts, warn: (m) => process.stderr.write(`coalsim: ${m}\n`) });
  } finally {
    store.close();
  }
}

type CompiledExperimentLike = Parameters<typeof finishSweep>[1];

/** A note when a sampled design runs fewer points than it asked for (rounding made some coincide). */
export function designLoss(c: Pick<LoadedExperiment, 'requestedPoints' | 'points' | 'experiment'>): string | null {
  if (c.points.length >= c.requestedPoints) return null;
  return `the ${c.experiment.design.type} design asked for ${c.requestedPoints} points but only ${c.points.length} are distinct after rounding to whole numbers or list values (recorded in manifest.json as requestedPoints and points); widen the integer ranges or use fewer points`;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep [experiment]',
  describe: 'Run a parameter sweep (experiment file) on all cores; resumable and shardable',
  builder: (y: Argv) =>
    y
      .positional('experiment', { type: 'string', describe: 'Experiment JSON file (see experiments/)' })
      .option('out', { type: 'string', describe: 'Output directory (default: out/sweep-<experiment-id>)' })
      .option('workers', numberOption('Worker threads (default: SLURM_CPUS_PER_TASK, else all cores; 0 runs in this thread)'))
      .option('resume', { type: 'boolean', default: false, describe: 'Continue an interrupted sweep in --out, skipping stored runs' })
      .option('retry-failed', { type: 'boolean', default: false, describe: 'With --resume: run the stored failed runs again (same seeds)' })
      .option('force', { type: 'boolean', default: false, describe: 'Start over: replace the sweep coalsim wrote in --out. Refused (exit 4) if --out holds files coalsim did not write or that were edited since' })
      .option('shard', { type: 'string', describe: 'Run only shard i of n (runs with number % n = i), e.g. 0/4 (default: from SLURM_ARRAY_TASK_ID/COUNT)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress output' })
      .option('charts', { type: 'boolean', default: true, describe: 'Render PNG charts of the aggregate (--no-charts to skip)' })
      .option('list-metrics', { type: 'boolean', default: false, describe: 'List the metrics an experiment can collect, and exit' })
      .example('$0 sweep experiments/information-by-surge.json --out out/ibs', 'Sweep on every core')
      .example('$0 sweep experiments/information-by-surge.json --out out/ibs --resume', 'Continue after a crash or Ctrl-C')
      .example('$0 sweep experiments/information-by-surge.json --out out/ibs --resume --retry-failed', 'Run the failed runs again (exit 7 while any fail)')
      .example('$0 sweep experiments/sensitivity-default.json --out out/sens', 'A Sobol sensitivity study; sensitivity.csv and charts follow')
      .example('$0 sweep experiments/information-by-surge.json --out out/s0 --shard 0/4', 'One quarter of the runs (merge the four with coalsim merge)') as unknown as Argv<SweepArgs>,
  handler: async (args: ArgumentsCamelCase<SweepArgs>) => {
    if (args.listMetrics) {
      const width = Math.max(...Object.keys(METRICS).map((k) => k.length));
      for (const [name, m] of Object.entries(METRICS)) process.stdout.write(`${name.padEnd(width)}  ${m.label} (${m.unit}): ${m.description}\n`);
      return;
    }
    if (args.experiment === undefined) throw new CliError('name an experiment file. Example: coalsim sweep experiments/information-by-surge.json --out out/ibs', ExitCode.usage);
    const workers = wholeNumberOption('--workers', args.workers ?? String(defaultWorkers(process.env)), { min: 0, max: 1024, example: '--workers 4' });
    if (args.retryFailed && !args.resume) throw new CliError('--retry-failed re-runs the failed runs of a stored sweep: add --resume. Example: coalsim sweep e.json --out out/e --resume --retry-failed', ExitCode.usage);
    const shard = chooseShard(args.shard, process.env);
    // Checking every design point takes ~1 ms a point: say so for large designs.
    let nextTenth = 1;
    const loaded = requireExperiment(args.experiment, {
      onPointsChecked: (done, total) => {
        if (args.quiet || total < 10_000 || done < (nextTenth * total) / 10) return;
        nextTenth = Math.floor((done * 10) / total) + 1;
        process.stderr.write(`coalsim: checked ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} design points\n`);
      },
    });
    if (!args.quiet) process.stderr.write(`coalsim: ${planLine(loaded, workers)}\n`);
    const out = args.out ?? `out/sweep-${loaded.experiment.id}${shard.count > 1 ? `-shard${shard.index}of${shard.count}` : ''}`;
    // --force replaces the folder as a whole: never when the experiment or its scenario lies in it
    // (a run's scenario.json, edited and swept), as run, compare and merge refuse too.
    if (args.force) assertNotAnInput(out, [args.experiment, loaded.scenarioFile]);
    // A store behind a symbolic link is refused first: any other check would read through it.
    refuseLinkedStore(join(out, STORE_FILE));

    const lost = designLoss(loaded);
    if (lost) process.stderr.write(`coalsim: ${lost}\n`);

    // Held until the charts and report are written too (runSweep's own claim ends with the CSVs):
    // a second sweep or merge into --out waits for the whole folder, never mixes into it.
    const held = claimOutDir(requireOutPath(out));
    try {
      const stop = stopOnSignals('the runs');
      const started = performance.now();
      const label = shard.count > 1 ? `sweep ${loaded.experiment.id} [shard ${shard.index}/${shard.count}]` : `sweep ${loaded.experiment.id}`;
      let report;
      try {
        report = await runSweep({
          compiled: loaded,
          out,
          shard,
          workers,
          resume: args.resume,
          retryFailed: args.retryFailed,
          force: args.force,
          version: packageVersion(),
          progress: createProgress(process.stderr, { quiet: args.quiet, label }),
          shouldStop: stop.requested,
        });
      } catch (err) {
        asDirError(err, true);
      } finally {
        stop.release();
      }
      const secs = (performance.now() - started) / 1000;
      const where = displayPath(out);
      if (report.stopped) {
        process.stderr.write(`coalsim: interrupted: ${report.ok + report.failed} runs stored in ${where}; continue with\n  coalsim sweep ${args.experiment} --out ${where} --resume\n`);
        process.exitCode = 130;
        return;
      }
      // Ctrl-C or SIGTERM while the charts and report are written: they are finished first (a folder
      // whose manifest says complete must hold them all); a second one quits, saying how to redo them.
      const finishing = stopOnSignals('the charts and report', `quit before the charts and report were all written; the runs and CSVs are complete. Write the rest with\n  coalsim sweep ${args.experiment} --out ${where} --resume`);
      let finished: FinishResult | null;
      try {
        finished = report.complete && shard.count === 1 ? finishInDir(out, loaded, args.charts) : null;
      } finally {
        finishing.release();
      }
      if (finishing.requested()) process.exitCode = 130;
      const charts = finished?.charts ?? 0;
      const rate = secs > 0 ? report.ranNow / secs : 0;
      // Paths are printed as fields: a newline or control character in a folder name is shown escaped, as `run` does.
      const at = (f: string): string => safeField(join(where, f));
      const lines = [
        `${label}: ${report.ok + report.failed} runs (${report.failed} failed)${report.resumedFrom > 0 ? `, ${report.resumedFrom} of them already stored` : ''}; ${report.ranNow} ${report.ranNow === 1 ? 'run' : 'runs'} now in ${duration(secs)} (${rate.toFixed(0)} runs/s, ${workers === 0 ? 'in-process' : `${workers} worker${workers === 1 ? '' : 's'}`})`,
        ...report.files.map((f) => `  ${at(f)}`),
        `  ${at(STORE_FILE)}  (SQLite: SELECT * FROM results)`,
        ...(finished ? finished.files.filter((f) => !f.endsWith('.png')).map((f) => `  ${at(f)}`) : []),
        ...(charts > 0 ? [`  ${at('charts')}/  (${charts} PNG charts)`] : []),
      ];
      // A percentile bootstrap over so few replicates covers less than 95% (docs/sweeps.md, ci_method).
      if (report.complete && loaded.experiment.replicates < FEW_REPLICATES) lines.push(`  note: ${loaded.experiment.replicates} replicate${loaded.experiment.replicates === 1 ? '' : 's'} a point: the 95% intervals of shares and counts (bootstrap) are narrower than nominal below ${FEW_REPLICATES}; raise "replicates" for intervals to rely on`);
      if (finished?.sensitivity) lines.push('', ...sensitivitySummary(finished.sensitivity));
      if (shard.count > 1) lines.push(`  shard ${shard.index}/${shard.count} done; combine the shards with: coalsim merge <shard dirs...> --out DIR`);
      if (report.retried > 0) lines.push(`  ${report.retried} failed run(s) were run again (--retry-failed)`);
      process.stdout.write(lines.join('\n') + '\n');
      if (report.failed > 0) {
        process.stderr.write(`coalsim: ${report.failed} run(s) failed: see the status and error columns of ${join(where, 'runs.csv')}; run them again with\n  coalsim sweep ${args.experiment} --out ${where} --resume --retry-failed\n`);
        process.exitCode = ExitCode.runsFailed;
      }
    } finally {
      held.release();
    }
  },
};

/**
 * What a sweep will do and a rough memory estimate, printed before it starts. Measured on the
 * reference machine: a process needs ~120 MB, each worker ~40 MB plus ~2 KB per party-round of
 * the run in progress, and each design point ~300 bytes held for the whole sweep.
 */
export function planLine(c: LoadedExperiment, workers: number): string {
  const points = c.points.length;
  const runs = points * c.experiment.replicates;
  const partyRounds = c.base.thirdParties.length * c.base.clock.rounds;
  const mb = 120 + Math.max(1, workers) * (40 + (2 * partyRounds) / 1024) + (points * 300) / 1024 / 1024;
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return `${fmt(points)} point(s) x ${fmt(c.experiment.replicates)} replicate(s) = ${fmt(runs)} runs of ${fmt(partyRounds)} party-rounds each; estimated memory about ${fmt(Math.ceil(mb / 10) * 10)} MB (${workers === 0 ? 'in-process' : `${workers} worker(s)`}; design points are limited to ${fmt(MAX_DESIGN_POINTS)})`;
}
