/** `coalsim merge <dirs...> --out DIR`: combine sweep shards into the single-machine result. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { finishSweep } from '../../experiment/finish';
import { experimentOfStore, mergeSweeps, SweepMismatchError } from '../../experiment/merge';
import { STORE_FILE, SweepStore } from '../../experiment/store';
import { CliError, ExitCode } from '../exitCodes';
import { packageVersion } from '../paths';
import { displayPath } from '../scenarioInput';
import { assertDirectoryPath, assertNotAnInput, claimOutDir, requireOutPath } from '../../output/outDir';
import { asDirError } from './sweep';

interface MergeArgs {
  dirs: string[];
  out: string;
  force: boolean;
  charts: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'Merge sweep shards (or partial sweeps) into one result; safe to repeat',
  builder: (y: Argv) =>
    y
      .positional('dirs', { type: 'string', array: true, describe: 'Output directories of `coalsim sweep --shard i/n`', default: undefined })
      .option('out', { type: 'string', demandOption: true, describe: 'Directory of the merged result (may already hold an earlier merge)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace what --out holds' })
      .option('charts', { type: 'boolean', default: true, describe: 'Render PNG charts when complete (--no-charts to skip)' })
      .example('$0 merge out/s0 out/s1 out/s2 out/s3 --out out/all', 'Combine four shards')
      .epilogue('Exit codes: 0 every run merged and ok; 3 the directories hold different experiments; 4 --out holds something else; 7 some runs failed; 8 runs still missing (merge the other shards into the same --out).') as unknown as Argv<MergeArgs>,
  handler: async (args: ArgumentsCamelCase<MergeArgs>) => {
    // An --out that names a file is refused first (exit 4), as every command refuses it; then an
    // input that is not there, or holds no sweep, is an input error (exit 3), named before what
    // --out holds is looked at (it read as exit 4, "--out holds something else").
    assertDirectoryPath(args.out);
    for (const dir of args.dirs) {
      if (!existsSync(dir)) throw new CliError(`${displayPath(dir)}: no such folder; give the --out folders of \`coalsim sweep\` (its shards)`, ExitCode.invalidInput);
      if (!existsSync(join(dir, STORE_FILE))) throw new CliError(`${displayPath(dir)} holds no sweep (no ${STORE_FILE}); give the --out folders of \`coalsim sweep\` (its shards)`, ExitCode.invalidInput);
    }
    // Held until the charts and report are written too (mergeSweeps' own claim ends with the CSVs).
    const held = claimOutDir(requireOutPath(args.out));
    try {
      let report;
      try {
        assertNotAnInput(args.out, args.dirs);
        report = mergeSweeps(args.dirs, args.out, { force: args.force, version: packageVersion() });
      } catch (err) {
        if (err instanceof SweepMismatchError) throw new CliError(err.message, ExitCode.invalidInput);
        asDirError(err);
      }
      const where = displayPath(args.out);
      if (report.complete) {
        const store = SweepStore.open(join(args.out, STORE_FILE), { readonly: true });
        if (!store) throw new CliError(`${where}: the merged store cannot be read back`, ExitCode.io);
        try {
          finishSweep(args.out, experimentOfStore(store, where), store, { charts: args.charts, warn: (m) => process.stderr.write(`coalsim: ${m}\n`) });
        } finally {
          store.close();
        }
      }
      const lines = [
        `merged ${report.sources} director${report.sources === 1 ? 'y' : 'ies'} into ${where}: ${report.added} run(s) added; ${report.ok + report.failed} stored (${report.failed} failed), ${report.missing} missing`,
        ...report.files.map((f) => `  ${join(where, f)}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
      if (!report.complete) {
        throw new CliError(`${where} is incomplete: ${report.missing} run(s) of the experiment are in no shard given (aggregate.csv is written once every run is there). Merge the missing shards into the same --out.`, ExitCode.incompleteMerge);
      }
      if (report.failed > 0) throw new CliError(`${where}: ${report.failed} run(s) failed (see the status and error columns of runs.csv); re-run them in their shard with --resume --retry-failed, then merge again`, ExitCode.runsFailed);
    } finally {
      held.release();
    }
  },
};
