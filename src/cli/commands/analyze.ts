/** `coalsim analyze <sweep-dir>`: Sobol or Morris sensitivity indices of a finished sweep. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { finishSweep } from '../../experiment/finish';
import { experimentOfStore } from '../../experiment/merge';
import { isSensitivityDesign, sensitivitySummary } from '../../experiment/sensitivity';
import { STORE_FILE, SweepStore } from '../../experiment/store';
import { SweepDirError } from '../../experiment/sweep';
import { CliError, ExitCode } from '../exitCodes';
import { decimalOption, numberOption, typedValue, wholeNumberOption } from '../numberOptions';
import { displayPath } from '../scenarioInput';
import { claimOutDir } from '../../output/outDir';

interface AnalyzeArgs {
  dir: string;
  resamples: string;
  confidence: string;
  charts: boolean;
  json: boolean;
}

export const analyzeCommand: CommandModule<object, AnalyzeArgs> = {
  command: 'analyze <dir>',
  describe: 'Sensitivity indices of a finished saltelli (Sobol S1, ST, S2) or morris (mu*, sigma) sweep',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'Output directory of `coalsim sweep` (or `merge`)' })
      .option('resamples', numberOption('Bootstrap resamples for the intervals', '1000'))
      .option('confidence', numberOption('Confidence level of the intervals', '0.95'))
      .option('charts', { type: 'boolean', default: true, describe: 'Render PNG charts (--no-charts to skip)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the indices as JSON on stdout' })
      .example('$0 analyze out/sens', 'Writes sensitivity.csv, sensitivity.json, charts/sensitivity-*.png and sweep-report.html')
      .example('$0 analyze out/sens --json | jq \'.metrics[0].rows\'', 'The indices as JSON')
      .epilogue('Exit codes: 0 ok; 2 bad option; 3 not a sensitivity design or not a sweep directory; 8 the sweep is incomplete (resume or merge it first).') as unknown as Argv<AnalyzeArgs>,
  handler: (args: ArgumentsCamelCase<AnalyzeArgs>) => {
    const resamples = wholeNumberOption('--resamples', args.resamples, { min: 10, max: 100_000, example: '--resamples 1000' });
    const confidence = decimalOption(args.confidence);
    if (!(confidence > 0 && confidence < 1)) throw new CliError(`--confidence must lie between 0 and 1, got ${typedValue(args.confidence)}. Example: --confidence 0.9`, ExitCode.usage);
    const where = displayPath(args.dir);
    const path = join(args.dir, STORE_FILE);
    if (!existsSync(path)) throw new CliError(`${where} holds no sweep (no ${STORE_FILE}); give the --out directory of \`coalsim sweep\``, ExitCode.invalidInput);
    // The sweep folder is this process's while it reads the store and writes the indices, charts
    // and report: a sweep --force into it meanwhile would get another sweep's results mixed with
    // these (exit 4 for the second instead, as for two sweeps).
    const claim = claimOutDir(args.dir);
    const store = SweepStore.open(path, { readonly: true });
    if (!store) {
      claim.release();
      throw new CliError(`${displayPath(path)} is not a coalsim sweep store`, ExitCode.invalidInput);
    }
    try {
      let c;
      try {
        c = experimentOfStore(store, where);
      } catch (err) {
        if (err instanceof SweepDirError) throw new CliError(err.message, ExitCode.invalidInput);
        throw err;
      }
      const design = c.experiment.design;
      if (!isSensitivityDesign(design)) {
        throw new CliError(`${where} holds a ${design.type} design; sensitivity indices need "design": { "type": "saltelli", "samples": 128 } (Sobol) or { "type": "morris", "trajectories": 20 } in the experiment.${existsSync(join(args.dir, 'sweep-report.html')) ? ' Its charts and sweep-report.html are already there.' : ` Its charts and sweep-report.html are written by coalsim sweep <experiment> --out ${where} --resume.`}`, ExitCode.invalidInput);
      }
      const { ok, failed } = store.counts();
      const missing = store.meta.totalRuns - ok - failed;
      if (store.meta.shardCount !== 1 || missing > 0) {
        throw new CliError(`${where} is incomplete (${store.meta.shardCount !== 1 ? `shard ${store.meta.shardIndex}/${store.meta.shardCount}; merge the shards first` : `${missing} run(s) missing; finish it with coalsim sweep <experiment> --out ${where} --resume`})`, ExitCode.incompleteMerge);
      }
      const result = finishSweep(args.dir, c, store, { charts: args.charts, resamples, confidence, warn: (m) => process.stderr.write(`coalsim: ${m}\n`) });
      const report = result.sensitivity!;
      if (args.json) {
        process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        return;
      }
      const lines = [...sensitivitySummary(report), '', ...result.files.filter((f) => !f.endsWith('.png')).map((f) => `  ${join(where, f)}`)];
      if (result.charts > 0) lines.push(`  ${join(where, 'charts')}/  (${result.charts} PNG charts)`);
      if (failed > 0) lines.push(`  note: ${failed} run(s) failed and are left out of the point means`);
      process.stdout.write(lines.join('\n') + '\n');
    } finally {
      store.close();
      claim.release();
    }
  },
};
