/** `coalsim slurm <experiment> --out DIR`: write (and optionally submit) Slurm job scripts for a sweep. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { totalRuns } from '../../experiment/shards';
import { STORE_FILE, SweepStore } from '../../experiment/store';
import { checkSbatchValue, shellWord, slurmScripts } from '../../experiment/slurm';
import { assertJobScriptsWritable, writeJobScripts } from '../../output/jobScripts';
import { assertDirectoryPath, assertNoLinkBelow, claimOutDir, protectedReason, requireOutPath } from '../../output/outDir';
import { CliError, ExitCode } from '../exitCodes';
import { numberOption, wholeNumberOption } from '../numberOptions';
import { PACKAGE_ROOT } from '../paths';
import { displayPath } from '../scenarioInput';
import { requireExperiment } from './sweep';

/** The job scripts `coalsim slurm` writes in <out>/slurm/ (output/jobScripts.ts records them). */
const SCRIPT_NAMES = ['sweep.sbatch', 'merge.sbatch', 'submit.sh'] as const;

interface SlurmArgs {
  experiment: string;
  out: string;
  shards: string;
  cpusPerTask: string;
  time: string;
  partition?: string;
  mem?: string;
  sbatch: string[];
  submit: boolean;
  force: boolean;
}

export const slurmCommand: CommandModule<object, SlurmArgs> = {
  command: 'slurm <experiment>',
  describe: 'Write Slurm scripts that run a sweep as an array job plus a dependent merge job',
  builder: (y: Argv) =>
    y
      .positional('experiment', { type: 'string', demandOption: true, describe: 'Experiment JSON file' })
      .option('out', { type: 'string', demandOption: true, describe: 'Working directory on the shared filesystem: slurm/ (scripts, logs), shards/<i>/, result/' })
      .option('shards', numberOption('Array tasks (each runs runs with number % shards = task id)', '4'))
      .option('cpus-per-task', numberOption('CPUs (worker threads) per array task', '4'))
      .option('time', { type: 'string', default: '02:00:00', describe: 'Time limit per task (sbatch --time)' })
      .option('partition', { type: 'string', describe: 'sbatch --partition' })
      .option('mem', { type: 'string', describe: 'sbatch --mem, e.g. 4G' })
      .option('sbatch', { type: 'string', array: true, default: [], describe: 'Extra #SBATCH option, repeatable, e.g. --sbatch=--account=myproj' })
      .option('submit', { type: 'boolean', default: false, describe: 'Submit at once (runs slurm/submit.sh)' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite existing scripts' })
      .example('$0 slurm experiments/information-by-surge-10k.json --out /scratch/ibs --shards 8', 'Write the scripts (--cpus-per-task N sizes each job)')
      .example('bash /scratch/ibs/slurm/submit.sh', 'Submit them (or pass --submit)') as unknown as Argv<SlurmArgs>,
  handler: (args: ArgumentsCamelCase<SlurmArgs>) => {
    const loaded = requireExperiment(args.experiment);
    const total = totalRuns(loaded);
    const most = Math.min(total, 100_000);
    const shards = wholeNumberOption('--shards', args.shards, { min: 1, max: most, range: `from 1 to ${most} (the experiment has ${total} runs)`, example: '--shards 8' });
    const cpusPerTask = wholeNumberOption('--cpus-per-task', args.cpusPerTask, { min: 1, example: '--cpus-per-task 8' });
    if (!/^[0-9:-]+$/.test(args.time)) throw new CliError(`--time must be a Slurm time such as 02:00:00 or 1-00:00:00, got "${args.time}"`, ExitCode.usage);
    requireSbatchValues(args);
    const out = requireOutPath(args.out);
    if (/[\n\r\u0000]/.test(args.out)) throw new CliError(`--out must be a directory path on one line, got ${JSON.stringify(args.out)}`, ExitCode.usage);
    assertDirectoryPath(args.out);
    const dir = join(out, 'slurm');
    // --force here rewrites only the three scripts coalsim wrote in slurm/, and only while they
    // are as it wrote them (slurm/manifest.json); it deletes nothing.
    const claim = claimOutDir(dir);
    try {
      assertJobScriptsWritable(dir, SCRIPT_NAMES, args.force, displayPath(dir));
      const why = protectedReason(dir);
      if (why !== null && existsSync(dir)) throw new CliError(`refusing to write job scripts: ${why}; choose another --out`, ExitCode.outputExists);
      // The jobs write their logs in slurm/logs: never through a link planted there (a security review).
      assertNoLinkBelow(out, join(dir, 'logs', 'task.out'));
      const stale = staleShard(join(out, 'shards'), shards, loaded.hash);
      if (stale !== null) throw new CliError(`refusing to write job scripts: ${displayPath(join(out, 'shards'))} holds ${stale}, which the new tasks' --resume would refuse (every task would fail). Use the same --shards and experiment as before, or another --out; coalsim does not delete shard results`, ExitCode.outputExists);
      const files = slurmScripts({
        jobName: `coalsim-${loaded.experiment.id}`.slice(0, 60),
        node: process.execPath,
        cli: join(PACKAGE_ROOT, 'bin', 'coalsim.js'),
        experiment: resolve(args.experiment),
        out,
        shards,
        cpusPerTask,
        time: args.time,
        ...(args.partition !== undefined ? { partition: args.partition } : {}),
        ...(args.mem !== undefined ? { mem: args.mem } : {}),
        extra: args.sbatch,
      });
      writeJobScripts(dir, [['sweep.sbatch', files.sweep], ['merge.sbatch', files.merge], ['submit.sh', files.submit]]);
    } finally {
      claim.release();
    }
    const where = displayPath(dir);
    process.stdout.write(`wrote ${where}/sweep.sbatch (array of ${shards} shards, ${total} runs), ${where}/merge.sbatch and ${where}/submit.sh\n`);
    if (!args.submit) {
      process.stdout.write(`submit with: bash ${shellWord(`${where}/submit.sh`)}   (result in ${displayPath(join(out, 'result'))})\n`);
      return;
    }
    const r = spawnSync('bash', [join(dir, 'submit.sh')], { encoding: 'utf8' });
    process.stdout.write(r.stdout);
    if (r.status !== 0) {
      // Say what sbatch said; only a missing sbatch gets the PATH hint.
      const said = r.stderr.trim();
      const missing = r.error !== undefined || /sbatch: (command )?not found/.test(said);
      const why = missing ? `sbatch was not found (is Slurm installed and sbatch on PATH?)${said !== '' ? `: ${said}` : ''}` : said !== '' ? `sbatch refused the job: ${said}` : `submit.sh exited with status ${String(r.status)}`;
      throw new CliError(`submitting failed: ${why}\nThe scripts are in ${where}; fix the options and rerun with --force, or edit them and run: bash ${where}/submit.sh`, ExitCode.io);
    }
  },
};

/**
 * Refuse --partition, --mem and --sbatch values that cannot go into an #SBATCH line (exit 2):
 * shared by `coalsim slurm` and `coalsim fit --slurm`.
 */
export function requireSbatchValues(o: { readonly partition?: string | undefined; readonly mem?: string | undefined; readonly sbatch: readonly string[] }): void {
  for (const [flag, values] of [['--partition', o.partition === undefined ? [] : [o.partition]], ['--mem', o.mem === undefined ? [] : [o.mem]], ['--sbatch', o.sbatch]] as const) {
    for (const v of values) {
      const why = checkSbatchValue(String(v));
      if (why !== null) throw new CliError(`${flag} ${why}: got ${JSON.stringify(String(v))}. Example: ${flag === '--sbatch' ? '--sbatch=--account=myproj' : flag === '--mem' ? '--mem 4G' : '--partition short'}`, ExitCode.usage);
    }
  }
}

/**
 * The first stored shard under `shardsDir` (shards/<i>/sweep.sqlite of an earlier job) that the
 * scripts about to be written could not resume: another shard count, or another experiment
 * (its hash). Null when there is none, or all match.
 */
function staleShard(shardsDir: string, shards: number, hash: string): string | null {
  if (!existsSync(shardsDir)) return null;
  for (const name of readdirSync(shardsDir).sort()) {
    const path = join(shardsDir, name, STORE_FILE);
    if (!existsSync(path)) continue;
    const store = SweepStore.open(path, { readonly: true });
    if (store === null) continue;
    const m = store.meta;
    store.close();
    if (m.shardCount !== shards) return `shard ${m.shardIndex}/${m.shardCount} of an earlier job (${m.shardCount} shards, not ${shards})`;
    if (m.hash !== hash) return `shard ${name} of a different experiment (stored ${m.hash.slice(0, 12)}, this one ${hash.slice(0, 12)})`;
  }
  return null;
}
