/** `coalsim run [scenario]`: one seeded run, written atomically to an output directory. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeSource } from '../../output/source';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { runScenario } from '../../core/engine/run';
import { summarize } from '../../core/metrics/summary';
import { isNonEmptyDir, OutputExistsError, sameFiles, writeDirAtomically } from '../../output/atomic';
import { assertNotAnInput, assertReplaceable, claimOutDir, requireOutPath } from '../../output/outDir';
import { manifestFor, sha256 } from '../../output/manifest';
import { runDataFiles } from '../../output/runFiles';
import { buildReportFilesParallel } from '../../report/build';
import { startRenderPool, type RenderPool } from '../../charts/renderPool';
import { outputsFromFiles } from '../../report/loadOutputs';
import { CliError, ExitCode } from '../exitCodes';
import { packageVersion } from '../paths';
import { renderSummary } from '../render/summaryTable';
import { terminalWidth, useColor } from '../render/format';
import { safeJson } from '../../output/terminalSafe';
import { displayPath, parseSeed, requireScenario } from '../scenarioInput';
import { numberOption } from '../numberOptions';

interface RunArgs {
  scenario?: string;
  seed: string;
  out?: string;
  force: boolean;
  json: boolean;
  charts: boolean;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run [scenario]',
  describe: 'Run a scenario (default: the bundled default scenario) and write its outputs',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario JSON file, or the id of a bundled one (default: scenarios/default.json)' })
      .option('seed', numberOption('Random seed; same scenario + seed = same bytes', '1'))
      .option('out', { type: 'string', describe: 'Output directory (default: out/<scenario-id>-seed<seed>)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing non-empty output directory' })
      .option('json', { type: 'boolean', default: false, describe: 'Print summary.json to stdout instead of the table' })
      .option('charts', { type: 'boolean', default: true, describe: 'Render PNG charts into <out>/charts/ (--no-charts to skip; report.html is always written)' })
      .example('$0 run', 'Run the default scenario with seed 1')
      .example('$0 run teaching-holdup', 'A bundled scenario by id')
      .example('$0 run scenarios/default.json --seed 7 --out out/demo', 'Choose scenario, seed and output directory') as unknown as Argv<RunArgs>,
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    const seed = parseSeed(args.seed);
    const input = requireScenario(args.scenario);
    const out = args.out ?? `out/${input.scenario.meta.id}-seed${seed}`;
    // Claimed for the whole run: a second `coalsim run` into the same --out exits 4 at once.
    const claim = claimOutDir(requireOutPath(out));
    // The chart workers load node-canvas and Chart.js while this thread runs the model.
    const pool = args.charts ? startRenderPool() : null;
    try {
      await runInto(args, input, seed, out, pool);
    } finally {
      await pool?.close();
      claim.release();
    }
  },
};

/** Whether `out`'s manifest records a run of this scenario (its canonical form) and seed. */
function sameRunRecorded(out: string, scenario: unknown, seed: number): boolean {
  try {
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { tool?: unknown; seed?: unknown; scenario?: { canonicalSha256?: unknown } };
    return m.tool === 'coalsim' && m.seed === seed && m.scenario?.canonicalSha256 === sha256(JSON.stringify(scenario));
  } catch {
    return false;
  }
}

async function runInto(args: ArgumentsCamelCase<RunArgs>, input: ReturnType<typeof requireScenario>, seed: number, out: string, pool: RenderPool | null): Promise<void> {
  if (args.force) {
    // --force replaces the folder as a whole: never when the scenario being run lies in it
    // (a run's own scenario.json, edited and run again), as compare and merge refuse too.
    if (args.scenario !== undefined) assertNotAnInput(out, [input.file]);
    assertReplaceable(out, true);
  }
  const occupied = !args.force && isNonEmptyDir(out);
  // Re-running the same scenario and seed into its folder is checked file by file below; results
  // of another scenario or seed are refused now, not after the whole run (researcher's audit: a
  // 10-second run before exit 4).
  if (occupied && !sameRunRecorded(out, input.scenario, seed)) throw new CliError(new OutputExistsError(out).message, ExitCode.outputExists);
  const result = runScenario(input.scenario, seed);
  const summary = summarize(result);
  const files = runDataFiles(result, summary);
  files.set('scenario.json', JSON.stringify(input.scenario, null, 2) + '\n');
  // Charts and report are built from the files as written, exactly as `coalsim report` rebuilds them.
  const report = await buildReportFilesParallel(outputsFromFiles(files), pool);
  for (const [name, content] of report.files) files.set(name, content);
  if (report.notice !== null) process.stderr.write(`coalsim: ${report.notice}\n`);
  const provenance = { tool: 'coalsim' as const, version: packageVersion(), source: codeSource(), node: process.version, command: ['coalsim', ...process.argv.slice(2)] };
  let note = '';
  if (occupied) {
    // Re-running the same thing is harmless: if every file would come out byte-identical, leave
    // the directory alone and say so. Anything else there is a user's result: keep it.
    if (!sameFiles(out, files)) throw new CliError(new OutputExistsError(out).message, ExitCode.outputExists);
    note = ' (already up to date: same files, nothing written)';
  } else {
    files.set('manifest.json', manifestFor(provenance, { scenarioId: input.scenario.meta.id, scenarioFile: input.file, scenarioText: input.text, scenarioCanonical: input.scenario, seed }, files));
    writeDirAtomically(out, files, args.force);
  }
  if (args.json) process.stdout.write(safeJson(JSON.stringify(summary, null, 2)) + '\n');
  else process.stdout.write(renderSummary(summary, displayPath(out), { color: useColor(process.stdout), width: terminalWidth(process.stdout), events: result.events }, note) + '\n');
}
