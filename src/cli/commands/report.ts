/**
 * `coalsim report <out-dir>`: rebuild charts/*.png and report.html from a run's saved files
 * without re-running it. Same files in, same bytes out as `coalsim run` wrote. The directory
 * is rewritten atomically, with the manifest's entries for the rebuilt files updated.
 */
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { shellWord } from '../../experiment/slurm';
import { basename, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { writeDirAtomically } from '../../output/atomic';
import { recordedHashes, sha256 } from '../../output/manifest';
import { buildReportFilesParallel } from '../../report/build';
import { startRenderPool } from '../../charts/renderPool';
import { outputsFromFiles, OutputsError, readOutputDir } from '../../report/loadOutputs';
import { CliError, ExitCode } from '../exitCodes';
import { displayPath } from '../scenarioInput';
import { claimOutDir, foreignEntries, protectedReason } from '../../output/outDir';

interface ReportArgs {
  dir: string;
  force: boolean;
  charts: boolean;
}

/** The files a rebuild writes: report.html, and the charts unless --no-charts (which keeps the existing PNGs as they are). */
const builtBy = (charts: boolean) => (name: string): boolean => name === 'report.html' || (charts && /^charts\/[^/]+\.png$/.test(name));

function sameBytes(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  return Buffer.from(typeof a === 'string' ? Buffer.from(a) : a).equals(typeof b === 'string' ? Buffer.from(b) : Buffer.from(b));
}

interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * The run's data files (every file its manifest lists that a rebuild does not write) whose bytes
 * are no longer those coalsim wrote (a sha256 that differs from the manifest's), or that are
 * missing: a report built from edited data would present it as the run's.
 */
function editedData(existing: ReadonlyMap<string, Uint8Array>, isBuilt: (name: string) => boolean): string[] {
  return [...manifestHashes(existing)].filter(([name, hash]) => {
    if (isBuilt(name)) return false;
    const bytes = existing.get(name);
    return bytes === undefined || sha256(bytes) !== hash;
  }).map(([name]) => name);
}

/** The sha256 manifest.json records for each file it lists (none readable: empty). */
function manifestHashes(existing: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const text = existing.get('manifest.json');
  // Unreadable: nothing recorded, so every changed view needs --force.
  return text === undefined ? new Map() : recordedHashes(Buffer.from(text).toString('utf8'));
}

/** The manifest with entries for rebuilt files replaced: data files keep their place, rebuilt ones follow in build order. */
function updatedManifest(text: string, built: ReadonlyMap<string, string | Uint8Array>, isBuilt: (name: string) => boolean): string {
  const manifest = JSON.parse(text) as { files?: ManifestFile[] };
  const kept = (manifest.files ?? []).filter((f) => !isBuilt(f.name));
  const rebuilt = [...built.entries()].map(([name, content]) => ({ name, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength, sha256: sha256(content) }));
  // The report is listed after any files `run` wrote before it (it always comes last in run's map).
  manifest.files = [...kept, ...rebuilt];
  return JSON.stringify(manifest, null, 2) + '\n';
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <dir>',
  describe: 'Rebuild the charts and report.html of a saved run (no re-run)',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', describe: 'Output directory written by `coalsim run`', demandOption: true })
      .option('force', { type: 'boolean', default: false, describe: 'Replace existing charts and report.html' })
      .option('charts', { type: 'boolean', default: true, describe: 'Render PNG charts (--no-charts: rebuild only report.html; existing charts are kept as they are)' })
      .example('$0 report out/default-seed1 --force', 'Rebuild charts/ and report.html in place') as unknown as Argv<ReportArgs>,
  handler: async (args: ArgumentsCamelCase<ReportArgs>) => {
    const dir = args.dir;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir} is not a directory. Give the output directory of a run, e.g. coalsim report out/default-seed1`, ExitCode.invalidInput);
    const shown = displayPath(dir) || '.';
    // Claimed from the first read to the last write, as run and sweep claim it: a run --force
    // into the same folder meanwhile would otherwise be replaced by this rebuild of the older run.
    // (A protected folder, the current one or its parents, is refused below before any write.)
    const claim = protectedReason(dir) === null ? claimOutDir(dir) : null;
    try {
      await rebuild(dir, shown, args);
    } finally {
      claim?.release();
    }
  },
};

async function rebuild(dir: string, shown: string, args: ArgumentsCamelCase<ReportArgs>): Promise<void> {
  // The chart workers load node-canvas and Chart.js while this thread reads the run.
  const pool = args.charts ? startRenderPool() : null;
  let existing: ReturnType<typeof readOutputDir>;
  let build;
  // Whether this rebuild writes charts/*.png: as asked, unless they cannot be drawn here.
  let charts = args.charts;
  try {
    existing = readOutputDir(dir);
    const edited = editedData(existing, builtBy(args.charts));
    if (edited.length > 0) {
      const what = edited.length === 1 ? edited[0]! : `${edited.length} files (${edited.slice(0, 3).join(', ')}${edited.length > 3 ? ', ...' : ''})`;
      throw new CliError(`${shown}: ${what} ${edited.length === 1 ? 'is' : 'are'} missing or no longer what coalsim wrote (the sha256 in manifest.json differs); a report rebuilt from edited data would present it as the run's. Re-run the scenario instead: coalsim run ${shown}/scenario.json --out <new folder>`, ExitCode.invalidInput);
    }
    // --no-charts keeps the PNGs already there: the rebuilt captions still name them.
    const hadPngs = [...existing.keys()].some((n) => /^charts\/[^/]+\.png$/.test(n));
    const outputs = outputsFromFiles(existing);
    build = await buildReportFilesParallel(outputs, pool, !args.charts && hadPngs);
    // Charts asked for but not drawn (no canvas on this machine): the PNGs already there are kept,
    // as with --no-charts, never dropped (a security review: report on a copy of a run folder on a
    // machine without cairo deleted its seven charts, exit 0; with --force, hand-annotated ones too).
    if (args.charts && hadPngs && ![...build.files.keys()].some((n) => n.endsWith('.png'))) {
      charts = false;
      build = { ...(await buildReportFilesParallel(outputs, null, true)), notice: `${build.notice ?? 'PNG charts could not be drawn'} The charts already in the folder are kept as they are.` };
    }
  } catch (err) {
    if (err instanceof OutputsError) throw new CliError(`${displayPath(dir)}: ${err.message}`, ExitCode.invalidInput);
    throw err;
  } finally {
    await pool?.close();
  }
  if (build.notice !== null) process.stderr.write(`coalsim: ${build.notice}\n`);
  const isBuilt = builtBy(charts);
  const old = [...existing.keys()].filter(isBuilt);
  if (old.length === build.files.size && [...build.files].every(([name, content]) => sameBytes(existing.get(name), content))) {
    process.stdout.write(`${shown}: report.html${charts ? ` and ${build.files.size - 1} chart(s)` : ''} ${charts ? 'are' : 'is'} up to date.\n`);
    return;
  }
  // Files a rebuild would change or drop that were edited since coalsim wrote them (their sha256
  // is not the manifest's): only those need --force. A view still as coalsim wrote it is replaced
  // freely: after run --no-charts, report adds the charts and a report.html that names them.
  const recorded = manifestHashes(existing);
  const conflicts = old.filter((name) => !sameBytes(existing.get(name), build.files.get(name) ?? '') && recorded.get(name) !== sha256(existing.get(name)!));
  // The folder is rebuilt by replacing it whole (atomically), which coalsim never does to the
  // current directory, its parents or $HOME: say how to run it instead of a --force/--out hint.
  const guarded = protectedReason(dir);
  if (guarded !== null) {
    // Through a link, the folder above would be refused the same way: name the real folder.
    const linked = lstatSync(resolve(dir), { throwIfNoEntry: false })?.isSymbolicLink() === true;
    const fix = linked ? `Give the folder itself: coalsim report ${shellWord(realpathSync(resolve(dir)))}` : `Run it from the folder above: cd .. && coalsim report ${basename(resolve(dir))}`;
    throw new CliError(`${shown}: ${guarded}; report rebuilds a run folder by replacing it whole, which coalsim never does there. ${fix}`, ExitCode.outputExists);
  }
  // A file its manifest does not list is a user's: the rebuild replaces the folder whole, so
  // --force could not help (the guard refuses to delete it); say so instead of suggesting it.
  const foreign = foreignEntries(dir, true);
  if (foreign.length > 0) {
    const names = `${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ` and ${foreign.length - 5} more` : ''}`;
    throw new CliError(`${shown}: holds ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} coalsim did not write, or edited since it wrote ${foreign.length === 1 ? 'it' : 'them'} (${names}); report rebuilds the folder by replacing it whole, so it never runs while ${foreign.length === 1 ? 'that file is' : 'they are'} there, even with --force. Move ${foreign.length === 1 ? 'it' : 'them'} out of the folder, then run report again`, ExitCode.outputExists);
  }
  if (conflicts.length > 0 && !args.force) {
    const what = conflicts.length === 1 ? conflicts[0]! : `${conflicts.length} files (${conflicts.slice(0, 3).join(', ')}${conflicts.length > 3 ? ', ...' : ''})`;
    throw new CliError(`${shown}: ${what} differ${conflicts.length === 1 ? 's' : ''} from a rebuild; pass --force to replace ${conflicts.length === 1 ? 'it' : 'them'}`, ExitCode.outputExists);
  }
  const files = new Map<string, string | Uint8Array>();
  for (const [name, content] of existing) if (!isBuilt(name) && name !== 'manifest.json') files.set(name, content);
  for (const [name, content] of build.files) files.set(name, content);
  const manifest = existing.get('manifest.json');
  if (manifest !== undefined) files.set('manifest.json', updatedManifest(Buffer.from(manifest).toString('utf8'), build.files, isBuilt));
  writeDirAtomically(dir, files, true, true);
  process.stdout.write(`${shown}: wrote report.html${build.files.size > 1 ? ` and ${build.files.size - 1} chart(s) in charts/` : ''}.\n`);
}
