/**
 * `coalsim compare <runA> <runB> [...]`: a comparison of saved runs: compare.html (a table of
 * differences, then every chart of each run side by side), charts/<id>.png with the runs' charts
 * side by side, and differences.json. Written atomically to one output directory.
 */
import { codeSource } from '../../output/source';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { sideBySidePng } from '../../charts/composite';
import { pngRenderer } from '../../charts/render';
import { OutputExistsError, writeDirAtomically } from '../../output/atomic';
import { assertNotAnInput } from '../../output/outDir';
import { reportAssets } from '../../report/assets';
import { buildCompareHtml, chartsByRun, compareRows, runName } from '../../report/compare';
import { outputsFromFiles, OutputsError, readRunFiles, type RunOutputs } from '../../report/loadOutputs';
import { CliError, ExitCode } from '../exitCodes';
import { displayPath } from '../scenarioInput';
import { safeField, safeJson } from '../../output/terminalSafe';
import { sha256 } from '../../output/manifest';
import { packageVersion } from '../paths';

interface CompareArgs {
  runs: string[];
  out?: string;
  force: boolean;
  json: boolean;
  charts: boolean;
}

const RUN_DIRS_EXAMPLE = 'e.g. coalsim compare out/teaching-information-open-seed1 out/teaching-information-discreet-seed1';

/**
 * A run folder to compare. One that does not exist, or a file, is an input that names nothing
 * readable: exit 3, as report, explain and analyze exit for the folder they read (README, Exit codes).
 */
function load(dir: string): RunOutputs {
  const shown = safeField(displayPath(dir));
  if (!existsSync(dir)) throw new CliError(`${shown}: no such directory. Give output directories of \`coalsim run\`, ${RUN_DIRS_EXAMPLE}`, ExitCode.invalidInput);
  if (!statSync(dir).isDirectory()) throw new CliError(`${shown} is a file, not a directory. Give output directories of \`coalsim run\`, ${RUN_DIRS_EXAMPLE}`, ExitCode.invalidInput);
  try {
    return outputsFromFiles(readRunFiles(dir));
  } catch (err) {
    if (err instanceof OutputsError) throw new CliError(`${displayPath(dir)}: ${err.message}`, ExitCode.invalidInput);
    throw err;
  }
}

/**
 * out/compare-<id>-seed<seed>-vs-...: one folder inside out/. The scenario id is validated (a
 * letter, then letters, digits, "_", "-", "."), but the seed is read as it stands in each run's
 * summary.json, which a run folder sent by someone else may carry as any JSON value: a seed of
 * "1/../../../x" put the comparison outside out/ (hostile review, 2026-12-07). A seed that is not
 * what `coalsim run` writes (a whole number 0 to 4294967295) is refused, naming the file and field.
 */
function defaultOut(runs: readonly RunOutputs[], dirs: readonly string[]): string {
  const parts = runs.map((o, i) => {
    const seed: unknown = o.summary.seed;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new CliError(`${safeField(join(displayPath(dirs[i]!), 'summary.json'))}: seed: must be a whole number 0 to 4294967295 as coalsim run writes it, got ${safeField(JSON.stringify(seed) ?? 'nothing')}; the default folder is named from it. Fix: re-run the scenario, or name the folder with --out DIR`, ExitCode.invalidInput);
    }
    return `${o.scenario.meta.id}-seed${seed}`;
  });
  return `out/compare-${parts.join('-vs-')}`;
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <runs..>',
  describe: 'Compare saved runs: a table of differences and the same charts side by side',
  builder: (y: Argv) =>
    y
      .positional('runs', { type: 'string', array: true, describe: 'Two or more output directories written by `coalsim run`', demandOption: true, default: undefined })
      .option('out', { type: 'string', describe: 'Output directory (default: out/compare-<A>-vs-<B>)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing comparison directory' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the differences as JSON' })
      .option('charts', { type: 'boolean', default: true, describe: 'Render side-by-side PNGs into <out>/charts/ (--no-charts to skip)' })
      .example('$0 run teaching-information-open && $0 run teaching-information-discreet', 'The teaching pair, seed 1')
      .example('$0 compare out/teaching-information-open-seed1 out/teaching-information-discreet-seed1', 'Open against discreet recruitment') as unknown as Argv<CompareArgs>,
  handler: (args: ArgumentsCamelCase<CompareArgs>) => {
    const dirs = args.runs;
    if (dirs.length < 2) throw new CliError('name at least two run directories to compare, e.g. coalsim compare out/a-seed1 out/b-seed1', ExitCode.usage);
    const runs = dirs.map(load);
    const out = args.out ?? defaultOut(runs, dirs);
    if (out.trim() === '') throw new CliError('--out must name a directory', ExitCode.usage);
    // Never into (or around) a run being compared: --force would replace it with the comparison.
    assertNotAnInput(out, dirs);
    const files = new Map<string, string | Uint8Array>();
    const rows = compareRows(runs);
    const table = { runs: runs.map((o, i) => ({ letter: String.fromCharCode(65 + i), dir: dirs[i], scenario: o.scenario.meta.id, seed: o.summary.seed })), measures: rows.map((r) => ({ key: r.key, label: r.label, values: r.values })) };
    files.set('differences.json', JSON.stringify(table, null, 2) + '\n');
    if (args.charts) {
      const r = pngRenderer();
      if (r.ok) {
        for (const g of chartsByRun(runs)) {
          const pngs = g.specs.map((s) => (s === null ? null : r.renderer.render(s)));
          const first = g.specs.find((s) => s !== null)!;
          files.set(`charts/${g.id}.png`, sideBySidePng(pngs, first.width, first.height));
        }
      } else process.stderr.write(`coalsim: PNG charts skipped: ${r.reason}. compare.html is written as usual.\n`);
    }
    files.set('compare.html', buildCompareHtml(runs, reportAssets(), dirs.map((d) => displayPath(d))));
    // Its own manifest, as every command's output has: the outputs' guard (output/outDir.ts)
    // recognises the directory as coalsim's, so `--force` may replace it and a re-run that
    // changes nothing is reported as up to date instead of refused as someone else's folder.
    const manifest = {
      tool: 'coalsim',
      version: packageVersion(),
      source: codeSource(),
      node: process.version,
      command: ['coalsim', ...process.argv.slice(2)],
      kind: 'compare',
      runs: table.runs,
      files: [...files.entries()].map(([name, content]) => ({ name, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength, sha256: sha256(content) })),
    };
    files.set('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
    try {
      writeDirAtomically(out, files, args.force);
    } catch (err) {
      if (err instanceof OutputExistsError) throw new CliError(err.message, ExitCode.outputExists);
      throw err;
    }
    if (args.json) {
      process.stdout.write(safeJson(JSON.stringify(table, null, 2)) + '\n');
      return;
    }
    const lines = [`Compared ${runs.map((o, i) => `${String.fromCharCode(65 + i)} = ${safeField(runName(o, displayPath(dirs[i]!)))}`).join(', ')}:`];
    for (const row of rows) lines.push(`  ${row.label}: ${row.values.map((v) => (v === null ? '-' : row.format(v))).join(' | ')}`);
    lines.push(`Wrote ${safeField(displayPath(out))} (compare.html${files.has('charts/forces.png') ? ', charts/*.png' : ''}, differences.json, manifest.json).`);
    process.stdout.write(lines.join('\n') + '\n');
  },
};
