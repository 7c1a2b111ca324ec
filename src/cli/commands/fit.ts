/**
 * `coalsim fit <fit-file>`: estimate scenario parameters from recorded figures by ABC-SMC, on
 * every core, resumable, shardable for Slurm; then write the fitted scenario, the posterior
 * and a report in which held-out checks are scored apart from the targets.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadFitFile, type LoadedFit } from '../../fit/load';
import { fitFiles, writeFitFiles, FIT_OUTPUT_FILES } from '../../fit/outputs';
import { FitTaskError } from '../../fit/pool';
import { fitResults, type ParameterPosterior } from '../../fit/results';
import { formatParameterValue, parameterUnit } from '../../fit/units';
import { FitDirError, fitComplete, mergeShards, readGenerations, runFit, runShard, totalGenerations, type FitProgressSink } from '../../fit/run';
import { fitSlurmScripts } from '../../fit/slurm';
import { shellWord } from '../../experiment/slurm';
import type { FinishedGeneration } from '../../fit/store';
import { OutputExistsError } from '../../output/atomic';
import { assertDirectoryPath, assertNotAnInput, claimOutDir } from '../../output/outDir';
import { assertJobScriptsWritable, writeJobScripts } from '../../output/jobScripts';
import { formatIssues } from '../../scenario/issues';
import { createFitProgress } from '../fitProgress';
import { CliError, ExitCode } from '../exitCodes';
import { numberOption, wholeNumberOption } from '../numberOptions';
import { PACKAGE_ROOT, packageVersion } from '../paths';
import { duration } from '../progress';
import { displayPath } from '../scenarioInput';
import { stopOnSignals } from '../stopSignals';
import { wrongKindMessage } from '../fileKind';
import { requireSbatchValues } from './slurm';
import { invocation } from '../invocation';
import { chooseShard, defaultWorkers } from './sweep';

interface FitArgs {
  fit: string;
  out?: string;
  workers?: string;
  resume: boolean;
  force: boolean;
  shard?: string;
  generation?: string;
  merge: boolean;
  date?: string;
  checkSeeds: string;
  quiet: boolean;
  json: boolean;
  slurm: boolean;
  shards: string;
  cpusPerTask: string;
  time: string;
  partition?: string;
  mem?: string;
  sbatch: string[];
  submit: boolean;
}

export function requireFit(file: string): LoadedFit {
  const r = loadFitFile(file);
  if (!r.ok) {
    const other = existsSync(file) ? wrongKindMessage(file, displayPath(file), 'fit') : null;
    if (other !== null) throw new CliError(other, ExitCode.invalidInput);
    throw new CliError(r.problems.map((p) => formatIssues(displayPath(p.file), p.issues)).join('\n'), ExitCode.invalidInput);
  }
  return r.value;
}

function dirError(err: unknown): never {
  if (err instanceof OutputExistsError) throw new CliError(`${err.message}, or --resume to continue a fit stored there`, ExitCode.outputExists);
  if (err instanceof FitDirError) throw new CliError(err.message, ExitCode.outputExists);
  if (err instanceof FitTaskError && err.unreachable) throw new CliError(`${err.message}. The tolerance is out of reach: raise "method.quantile" (a tolerance that shrinks more slowly) or "method.maxAttempts", set "method.finalTolerance", or widen the priors`, ExitCode.fitUnreachable);
  throw err;
}

/**
 * One fitted parameter for the terminal, in its unit (fit/units.ts): `flagValue = $4.6M
 * [90%: $1.2M, $9.8M] (was $4.6M; US$ a year)`. summary.json keeps the plain numbers.
 */
export function parameterLine(p: Pick<ParameterPosterior, 'name' | 'path' | 'integer' | 'median' | 'q05' | 'q95' | 'before'>): string {
  const unit = parameterUnit(p.path);
  const v = (x: number) => formatParameterValue(x, unit, p.integer);
  const before = typeof p.before === 'number' ? v(p.before) : p.before === null || p.before === undefined ? 'unset' : JSON.stringify(p.before);
  return `  ${p.name} = ${v(p.median)}  [90%: ${v(p.q05)}, ${v(p.q95)}]  (was ${before}${unit === null ? '' : `; ${unit}`})`;
}

/** Write the outputs of a complete fit; returns the summary text lines. */
function writeOutputs(loaded: LoadedFit, gens: readonly FinishedGeneration[], out: string, o: { date?: string | undefined; checkSeeds: number }): { lines: string[]; summary: string } {
  const date = o.date ?? loaded.fit.date ?? 'undated';
  // A finished fit re-scored at another --check-seeds rewrites its headline: say so (a researcher's
  // trial saw "3/6" become "4/6" after a --resume with no word of why).
  const before = previousCheckSeeds(join(out, FIT_OUTPUT_FILES.summary));
  if (before !== null && before !== o.checkSeeds) process.stderr.write(`coalsim: note: re-scoring the fitted scenario over ${o.checkSeeds} seeds; the results in ${displayPath(out)} were scored over ${before} (--check-seeds), so pass rates may change\n`);
  const { results, fitted } = fitResults(loaded, gens, { date, checkSeeds: o.checkSeeds });
  const { files, chartNote } = fitFiles(loaded, gens, results, fitted, { version: packageVersion() });
  writeFitFiles(out, files);
  const where = displayPath(out);
  const lines = [
    `fit ${loaded.fit.id}: ${gens.length} generations, ${results.simulations} evaluations; targets ${results.targets.passed}/${results.targets.total} pass, held-out checks ${results.checks.passed}/${results.checks.total} pass`,
    ...results.parameters.map((p) => parameterLine(p)),
    ...[...files.keys()].filter((f) => !f.startsWith('charts/')).map((f) => `  ${join(where, f)}`),
    ...(chartNote === null ? [`  ${join(where, 'charts')}/  (${[...files.keys()].filter((f) => f.startsWith('charts/')).length} PNG charts)`] : [`  (no charts: ${chartNote})`]),
    `  run it: ${invocation()} run ${join(where, FIT_OUTPUT_FILES.scenario)}`,
  ];
  return { lines, summary: files.get(FIT_OUTPUT_FILES.summary) as string };
}

/** The --check-seeds a fit's summary.json was scored with, or null (none, unreadable, or an older layout). */
function previousCheckSeeds(file: string): number | null {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8')) as { checkSeeds?: unknown };
    return typeof j.checkSeeds === 'number' ? j.checkSeeds : Array.isArray(j.checkSeeds) ? j.checkSeeds.length : null;
  } catch {
    return null;
  }
}

function checkDate(d: string | undefined): void {
  if (d !== undefined && !z.iso.date().safeParse(d).success) throw new CliError(`--date must be a calendar date YYYY-MM-DD (a real day), got "${d}". Example: --date 2026-11-30`, ExitCode.usage);
}

function writeSlurm(loaded: LoadedFit, args: FitArgs, out: string, checkSeeds: number): void {
  const population = loaded.fit.method.population;
  const shards = wholeNumberOption('--shards', args.shards, { min: 1, max: population, range: `from 1 to the population (${population})`, example: '--shards 8' });
  const cpusPerTask = wholeNumberOption('--cpus-per-task', args.cpusPerTask, { min: 1, example: '--cpus-per-task 8' });
  if (!/^[0-9:-]+$/.test(args.time)) throw new CliError(`--time must be a Slurm time such as 02:00:00, got "${args.time}"`, ExitCode.usage);
  requireSbatchValues(args);
  const dir = join(out, 'slurm');
  assertJobScriptsWritable(dir, ['shard.sbatch', 'merge.sbatch', 'submit.sh'], args.force, displayPath(dir));
  const files = fitSlurmScripts({
    jobName: `coalsim-fit-${loaded.fit.id}`.slice(0, 60),
    node: process.execPath,
    cli: join(PACKAGE_ROOT, 'bin', 'coalsim.js'),
    fit: resolve(loaded.file),
    out,
    shards,
    generations: totalGenerations(loaded),
    cpusPerTask,
    time: args.time,
    ...(args.partition !== undefined ? { partition: args.partition } : {}),
    ...(args.mem !== undefined ? { mem: args.mem } : {}),
    extra: args.sbatch,
    args: [...(args.date !== undefined ? ['--date', args.date] : []), '--check-seeds', String(checkSeeds)],
  });
  writeJobScripts(dir, [['shard.sbatch', files.shard], ['merge.sbatch', files.merge], ['submit.sh', files.submit]]);
  const where = displayPath(dir);
  process.stdout.write(`wrote ${where}/shard.sbatch (array of ${shards} shards), ${where}/merge.sbatch and ${where}/submit.sh (${totalGenerations(loaded)} generations)\n`);
  if (!args.submit) {
    process.stdout.write(`submit with: bash ${shellWord(`${where}/submit.sh`)}   (outputs in ${displayPath(out)})\n`);
    return;
  }
  const r = spawnSync('bash', [join(dir, 'submit.sh')], { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.status !== 0) throw new CliError(`submitting failed (is sbatch on PATH?): ${r.stderr.trim() || r.error?.message || `exit ${r.status}`}`, ExitCode.io);
}

export const fitCommand: CommandModule<object, FitArgs> = {
  command: 'fit <fit>',
  describe: 'Estimate scenario parameters from recorded figures (ABC-SMC), with held-out checks; resumable, shardable',
  builder: (y: Argv) =>
    y
      .positional('fit', { type: 'string', demandOption: true, describe: 'Fit file (see scenarios/fits/ and docs/fit.md)' })
      .option('out', { type: 'string', describe: 'Output directory (default: out/fit-<fit id>)' })
      .option('workers', numberOption('Worker threads (default: SLURM_CPUS_PER_TASK, else all cores; 0 runs in this thread)'))
      .option('resume', { type: 'boolean', default: false, describe: 'Continue an interrupted fit in --out (after Ctrl-C, a crash or kill -9)' })
      .option('force', { type: 'boolean', default: false, describe: 'Start over: replace the fit coalsim wrote in --out (with --slurm, its job scripts). Refused (exit 4) if --out holds files coalsim did not write or that were edited since' })
      .option('date', { type: 'string', describe: 'Date recorded in the fitted scenario, YYYY-MM-DD (default: the fit file\'s "date"; never the clock)' })
      .option('check-seeds', numberOption('Seeds 1..N for scoring the fitted scenario against every figure', '100'))
      .option('shard', { type: 'string', describe: 'Build only shard i/n of the next generation into --out/shards/ (default: from SLURM_ARRAY_TASK_ID/COUNT with --slurm scripts)' })
      .option('generation', numberOption('With --shard: fail unless this is the next generation'))
      .option('merge', { type: 'boolean', default: false, describe: 'Store the shards of the next generation and finish it; write the outputs once the fit is complete' })
      .option('slurm', { type: 'boolean', default: false, describe: 'Write Slurm scripts into --out/slurm (per generation: an array of --shards, then a merge)' })
      .option('shards', numberOption('With --slurm: array tasks per generation', '4'))
      .option('cpus-per-task', numberOption('With --slurm: CPUs (worker threads) per task', '4'))
      .option('time', { type: 'string', default: '02:00:00', describe: 'With --slurm: time limit per job' })
      .option('partition', { type: 'string', describe: 'With --slurm: sbatch --partition' })
      .option('mem', { type: 'string', describe: 'With --slurm: sbatch --mem' })
      .option('sbatch', { type: 'string', array: true, default: [], describe: 'With --slurm: extra #SBATCH option, repeatable' })
      .option('submit', { type: 'boolean', default: false, describe: 'With --slurm: submit at once' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress output' })
      .option('json', { type: 'boolean', default: false, describe: 'Print summary.json to stdout instead of the text summary' })
      .example('$0 fit scenarios/fits/korea-1950.fit.json --out out/fit-korea', 'Fit on every core')
      .example('$0 fit scenarios/fits/korea-1950.fit.json --out out/fit-korea --resume', 'Continue after Ctrl-C, a crash or kill -9')
      .example('$0 fit scenarios/fits/korea-1950.fit.json --out out/fk --shard 0/4', 'One quarter of the next generation (then --merge)')
      .example('$0 fit scenarios/fits/korea-1950.fit.json --out /scratch/fk --slurm --shards 8', 'Slurm scripts (--cpus-per-task N sizes each job)') as unknown as Argv<FitArgs>,
  handler: async (args: ArgumentsCamelCase<FitArgs>) => {
    checkDate(args.date);
    const checkSeeds = wholeNumberOption('--check-seeds', args.checkSeeds, { min: 1, max: 100_000, example: '--check-seeds 100' });
    const workers = wholeNumberOption('--workers', args.workers ?? String(defaultWorkers(process.env)), { min: 0, max: 1024, example: '--workers 4' });
    const generation = args.generation !== undefined ? wholeNumberOption('--generation', args.generation, { min: 0, example: '--generation 3' }) : undefined;
    const loaded = requireFit(args.fit);
    const out = resolve(args.out ?? `out/fit-${loaded.fit.id}`);
    assertDirectoryPath(args.out ?? out);
    const where = displayPath(out);
    if (args.slurm) return writeSlurm(loaded, args, out, checkSeeds);
    const label = `fit ${loaded.fit.id}`;
    const progress = createFitProgress(process.stderr, { quiet: args.quiet || args.json, label });

    // The fit's folder is this process's until it ends, as run's and sweep's are: a second fit,
    // or one with --force, into the same --out would delete the store this one is writing (exit 4
    // instead). Shard tasks do not claim it: many run at once, each writing only its own shard file.
    // --force replaces the folder as a whole: never when the fit file or its scenario lies in it.
    if (args.force) assertNotAnInput(out, [args.fit, loaded.scenarioFile]);
    const sharding = args.shard !== undefined || process.env.SLURM_ARRAY_TASK_ID !== undefined;
    const claim = sharding ? null : claimOutDir(out);
    try {
      await fitIn(loaded, out, where, label, progress, { workers, checkSeeds, generation }, sharding, args);
    } finally {
      claim?.release();
    }
  },
};


async function fitIn(loaded: LoadedFit, out: string, where: string, label: string, progress: FitProgressSink, numbers: { workers: number; checkSeeds: number; generation: number | undefined }, sharding: boolean, args: ArgumentsCamelCase<FitArgs>): Promise<void> {
  const { workers, checkSeeds, generation } = numbers;
  if (args.merge) {
    let m;
    try {
      m = mergeShards({ loaded, out, version: packageVersion() });
    } catch (err) {
      dirError(err);
    }
    if (!m.complete) {
      const msg = m.finished ? `generation ${m.generation} finished; run the shards of generation ${m.generation! + 1}` : `generation ${m.generation}: ${m.stored} of ${loaded.fit.method.population} particles stored; run the missing shards, then --merge again`;
      process.stdout.write(`${label}: ${msg}\n`);
      if (!m.finished) process.exitCode = ExitCode.incompleteMerge;
      return;
    }
    const { lines, summary } = writeOutputs(loaded, readGenerations(loaded, out), out, { date: args.date, checkSeeds });
    process.stdout.write(args.json ? summary : lines.join('\n') + '\n');
    return;
  }

  const stop = stopOnSignals('the particles');
  const started = performance.now();
  try {
    if (sharding) {
      const shard = chooseShard(args.shard, process.env);
      const r = await runShard({ loaded, out, workers, version: packageVersion(), shard, progress, shouldStop: stop.requested, ...(generation !== undefined ? { generation } : {}) });
      if (r.stopped) {
        process.stderr.write(`coalsim: interrupted; shard ${shard.index}/${shard.count} of generation ${r.generation} not written (run it again)\n`);
        process.exitCode = 130;
        return;
      }
      process.stdout.write(r.generation === null ? `${label}: the fit in ${where} is complete; nothing to do\n` : `${label}: generation ${r.generation}, shard ${shard.index}/${shard.count}: ${r.particles > 0 ? `${r.particles} particles in` : 'already built:'} ${displayPath(r.file!)}; when every shard is done: coalsim fit ${args.fit} --out ${where} --merge\n`);
      return;
    }
    const r = await runFit({ loaded, out, workers, resume: args.resume, force: args.force, version: packageVersion(), progress, shouldStop: stop.requested });
    if (r.stopped) {
      process.stderr.write(`coalsim: interrupted: ${r.generations.length} generation(s) finished and every built particle stored in ${where}; continue with\n  coalsim fit ${args.fit} --out ${where} --resume\n`);
      process.exitCode = 130;
      return;
    }
    if (!fitComplete(loaded, r.generations)) throw new Error('fit ended before it was complete');
    const secs = (performance.now() - started) / 1000;
    const { lines, summary } = writeOutputs(loaded, r.generations, out, { date: args.date, checkSeeds });
    if (args.json) process.stdout.write(summary);
    else process.stdout.write([...lines, `  ${r.builtParticles} particles built now${r.resumedParticles > 0 ? `, ${r.resumedParticles} found stored` : ''}, in ${duration(secs)} (${workers === 0 ? 'in-process' : `${workers} worker${workers === 1 ? '' : 's'}`})`].join('\n') + '\n');
  } catch (err) {
    dirError(err);
  } finally {
    stop.release();
  }
}
