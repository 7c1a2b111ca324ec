/**
 * The one guard on output directories, shared by every command that takes --out (run,
 * report, sweep, merge, replicate, slurm) and by writeDirAtomically / writeFileAtomically,
 * so future commands inherit it:
 *
 * - `--out` must be a non-empty path (exit 2).
 * - `--force` replaces only a directory coalsim wrote: its manifest.json says
 *   `"tool": "coalsim"`, or it holds a coalsim sweep store (sweep.sqlite); and only while
 *   everything in it is coalsim's (`foreignEntries`: a file a user added beside the results is
 *   never deleted with them). Never
 *   the current directory or one of its parents, $HOME or one of its parents, `/`, and never
 *   a symlink (which would reach somewhere else). Refusals exit 4 with the fix.
 * - Claiming a directory is atomic: an exclusive create of `.<name>.lock` beside it, holding
 *   the claimant's pid and host. A second process exits 4; a lock whose pid is dead (kill -9),
 *   or left by an earlier attempt of the same requeued Slurm job, is taken over.
 * - Debris of a killed process (`.<name>.coalsim-tmp-PID/`, `.<name>.coalsim-old-PID/`,
 *   `<file>.coalsim-tmp-PID`: names only coalsim makes, `tempPath`) is removed on the next claim
 *   when PID is dead; an interrupted replace is rolled back. A user's `notes.tmp-2024` is never
 *   touched, and inside an output directory only files are, never a folder.
 */
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readSync, readdirSync, readFileSync, realpathSync, readlinkSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { recordedHashes } from './manifest';

/** A refusal with its exit code (2 usage, 4 output directory); main.ts prints it without a stack. */
export class OutDirError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 4,
  ) {
    super(message);
    this.name = 'OutDirError';
  }
}

const STORE_FILE = 'sweep.sqlite';
/** A coalsim fit's store (fit/store.ts FIT_STORE_FILE). */
const FIT_STORE = 'fit.sqlite';

/** `--out` as given: a non-empty path, or exit 2. Returns the absolute path. */
export function requireOutPath(out: unknown, flag = '--out'): string {
  if (typeof out !== 'string' || out.trim() === '') {
    throw new OutDirError(`${flag} needs a directory path, got ${JSON.stringify(out ?? '')}. Example: ${flag} out/demo`, 2);
  }
  return resolve(out);
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Where a symbolic link points: its resolved target, or, dangling, what it names. */
function linkTarget(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    try {
      return `${readlinkSync(p)}, which does not exist`;
    } catch {
      return resolve(p);
    }
  }
}

const isAncestorOrSelf = (a: string, b: string): boolean => a === b || b.startsWith(a.endsWith(sep) ? a : a + sep);

/**
 * Why `dir` must never be deleted or replaced, or null. The current directory, its parents,
 * $HOME and its parents, and `/` are protected, judged both as written and after resolving
 * symlinks; a symlink itself is never replaced (its target may lie anywhere).
 */
export function protectedReason(dir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const target = resolve(dir);
  const home = env.HOME !== undefined && env.HOME !== '' ? env.HOME : homedir();
  const forms = [target, real(target)];
  const cwds = [process.cwd(), real(process.cwd())];
  const homes = [resolve(home), real(home)];
  for (const t of forms) {
    if (t === sep || dirname(t) === t) return `${dir} is the filesystem root`;
    if (cwds.some((c) => isAncestorOrSelf(t, c))) return `${dir} is the current directory or one of its parents`;
    if (homes.some((h) => isAncestorOrSelf(t, h))) return `${dir} is your home directory or one of its parents`;
  }
  try {
    if (lstatSync(target).isSymbolicLink()) return `${dir} is a symbolic link (to ${linkTarget(target)})`;
  } catch {
    /* absent: nothing to protect */
  }
  return null;
}

/**
 * What `file` is: a coalsim store ('store': an SQLite database whose meta table names a coalsim
 * format), one whose creation was cut short ('unfinished': an empty file, or SQLite without
 * tables, the state a kill during SweepStore.create / FitStore.create leaves), or neither (null).
 *
 * Any SQLite file used to count as coalsim's: a user's own database named sweep.sqlite (or an
 * empty file of that name) made their whole folder "a coalsim sweep", and `sweep --force`
 * deleted their runs.csv and report with it (hostile review, 2026-12-07). A link is never ours.
 */
export function storeKind(file: string): 'store' | 'unfinished' | null {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    return null; // absent
  }
  if (!st.isFile()) return null;
  if (st.size === 0) return 'unfinished';
  // Loaded only here: most commands never meet a store, and the native module costs start-up time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const kindOf = (db: import('better-sqlite3').Database): 'store' | 'unfinished' | null => {
    try {
      const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
      if (tables === 0) return 'unfinished';
      const row = db.prepare("SELECT value FROM meta WHERE key = 'format'").get() as { value?: unknown } | undefined;
      // A sweep store keeps JSON values ('"coalsim-sweep-1"'), a fit store plain ones ('coalsim-fit-1').
      return typeof row?.value === 'string' && /^"?coalsim-(sweep|fit)-\d+"?$/.test(row.value) ? 'store' : null;
    } finally {
      db.close();
    }
  };
  let head: Buffer;
  try {
    // A copy of the start of the file, never the file itself: SQLite opening a database in WAL mode,
    // even read-only, creates its -wal and -shm files beside it, in what may be a user's folder.
    // A store's schema and meta table are made first, in one transaction, so they lie in its first pages.
    head = Buffer.alloc(Math.min(st.size, STORE_HEAD_BYTES));
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return null; // unreadable: not ours as far as we can tell
  }
  if (!head.toString('latin1').startsWith('SQLite format 3')) return null;
  const wal = head.length > 19 && head[18] === 2;
  try {
    const copy = Buffer.from(head);
    // The copy reads as a rollback-journal database (bytes 18-19: 1), of the pages it holds.
    copy[18] = copy[19] = 1;
    const pageSize = copy.readUInt16BE(16) === 1 ? 65536 : copy.readUInt16BE(16);
    const pages = Math.floor(copy.length / pageSize);
    if (pages > 0 && copy.length < st.size) copy.writeUInt32BE(pages, 28);
    return kindOf(new Database(pages > 0 && copy.length < st.size ? copy.subarray(0, pages * pageSize) : copy, { readonly: true }));
  } catch {
    // The copy did not hold what the query needs (a larger database): open the file itself, read-only,
    // when that creates nothing beside it (not in WAL mode, or its -wal and -shm are already there).
    if (copyCovers(st.size) || (wal && !(existsSync(`${file}-wal`) && existsSync(`${file}-shm`)))) return null;
    try {
      return kindOf(new Database(file, { readonly: true, fileMustExist: true }));
    } catch {
      return null; // a database without coalsim's meta table, or unreadable: not ours as far as we can tell
    }
  }
}

/** How much of a store storeKind copies: its schema and meta table (with the scenario, at most 10 MiB) lie well within it. */
const STORE_HEAD_BYTES = 16 << 20;
const copyCovers = (size: number): boolean => size <= STORE_HEAD_BYTES;

/** Did coalsim write this directory? Its manifest, its sweep store or its fit store says so. */
export function isCoalsimDir(dir: string): boolean {
  if (storeKind(join(dir, STORE_FILE)) !== null || storeKind(join(dir, FIT_STORE)) !== null) return true;
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { tool?: unknown };
    return m.tool === 'coalsim';
  } catch {
    return false;
  }
}

/**
 * What a sweep directory holds besides the files its manifest lists (runs.csv, aggregate.csv):
 * the store and its journals, the report, the sensitivity tables (experiment/*: STORE_FILE,
 * SWEEP_REPORT_FILE, SENSITIVITY_FILE, SENSITIVITY_JSON); its charts: sweepChartNames.
 */
const SWEEP_OUTPUTS = new Set([STORE_FILE, `${STORE_FILE}-wal`, `${STORE_FILE}-shm`, `${STORE_FILE}-journal`, 'runs.csv', 'aggregate.csv', 'sweep-report.html', 'sensitivity.csv', 'sensitivity.json']);

/**
 * A sweep's record of the views it wrote after its data (experiment/finish.ts): the report, the
 * charts and the sensitivity files, each with the sha256 of the bytes written. Kept apart from
 * manifest.json, whose bytes must not depend on --charts (a sweep, its Slurm shards and their
 * merge give the same manifest), so that a view edited since is the user's, as in a run folder.
 */
export const SWEEP_VIEWS_FILE = 'manifest-views.json';

/** The views a sweep folder's SWEEP_VIEWS_FILE lists, name -> sha256 (none, or unreadable: empty). */
export function sweepViewHashes(dir: string): Map<string, string> {
  try {
    return recordedHashes(readFileSync(join(dir, SWEEP_VIEWS_FILE), 'utf8'));
  } catch {
    return new Map(); // none written yet
  }
}

/**
 * What a fit directory holds (fit/outputs.ts FIT_OUTPUT_FILES, fit/run.ts SHARDS_DIR, the job
 * scripts of `fit --slurm`): the store and its journals, the fitted scenario, posterior, summary,
 * report, shards/gen-NNN/shard-KofN.json and slurm/ with its logs; its charts/*.png are in
 * its manifest.
 */
const FIT_OUTPUTS = new Set([FIT_STORE, `${FIT_STORE}-wal`, `${FIT_STORE}-shm`, `${FIT_STORE}-journal`, 'slurm/shard.sbatch', 'slurm/merge.sbatch', 'slurm/submit.sh', 'slurm/manifest.json']);
/**
 * A fit's results, written once at its end and listed in its manifest: coalsim's while they hold
 * the bytes the manifest records (an edited fitted-scenario.json, the file users take and run, is
 * theirs), and before a manifest lists them, while a fit that stopped as it wrote them is resumed.
 */
const FIT_RESULTS = new Set(['fitted-scenario.json', 'posterior.csv', 'summary.json', 'fit-report.html']);
const FIT_PATTERNS = [/^shards(\/gen-\d+(\/shard-\d+of\d+\.json)?)?$/, /^slurm\/logs(\/[^/]+)?$/];

/** Every file, symlink and empty directory under `dir`, as paths relative to it ('/'-separated); never follows a symlink. */
function entriesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  const names = readdirSync(join(dir, rel)).sort();
  if (names.length === 0 && rel !== '') return [rel];
  for (const name of names) {
    const r = rel === '' ? name : `${rel}/${name}`;
    const st = lstatSync(join(dir, r));
    if (st.isDirectory()) out.push(...entriesUnder(dir, r));
    else out.push(r);
  }
  return out;
}

/**
 * The chart files a sweep writes (experiment/charts.ts and sensitivityOutputs.ts ids:
 * `<metric>-by-<parameter>`, `<metric>-heatmap`, `sensitivity-<metric>`), from the metrics and
 * parameters its manifest names. Only these count as the sweep's: any other PNG in charts/ is a
 * user's (an annotated copy, a screenshot) and is never deleted with the results.
 */
function sweepChartNames(manifest: { metrics?: unknown; design?: { parameters?: unknown } } | null): Set<string> {
  const names = new Set<string>();
  const metrics = Array.isArray(manifest?.metrics) ? manifest.metrics.filter((m): m is string => typeof m === 'string') : [];
  const params = Array.isArray(manifest?.design?.parameters) ? manifest.design.parameters.flatMap((p: unknown) => (typeof p === 'object' && p !== null && typeof (p as { name?: unknown }).name === 'string' ? [(p as { name: string }).name] : [])) : [];
  for (const m of metrics) {
    names.add(`charts/${m}-heatmap.png`);
    names.add(`charts/sensitivity-${m}.png`);
    for (const p of params) names.add(`charts/${m}-by-${p}.png`);
  }
  return names;
}

/**
 * The entries of a coalsim directory that coalsim did not write, sorted: anything that is not
 * manifest.json, not a file its manifest lists (run, replicate, report and fit outputs list
 * every file, charts included) and, in a sweep directory, not one of the outputs a sweep adds
 * (SWEEP_OUTPUTS, and the charts its manifest's metrics and parameters name). `--force`
 * refuses while there are any: replacing the directory would delete them.
 */
export function foreignEntries(dir: string, rebuildsViews = false): string[] {
  let listed: Set<string> | null = null;
  const hashes = new Map<string, string>();
  type Manifest = { files?: unknown; metrics?: unknown; design?: { parameters?: unknown } };
  let manifest: Manifest | null = null;
  try {
    const parsed = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest | null;
    manifest = typeof parsed === 'object' ? parsed : null;
    const files = manifest?.files;
    if (Array.isArray(files)) {
      listed = new Set();
      for (const f of files as unknown[]) {
        if (typeof f !== 'object' || f === null || typeof (f as { name?: unknown }).name !== 'string') continue;
        const name = (f as { name: string }).name.split(sep).join('/');
        listed.add(name);
        const hash = (f as { sha256?: unknown }).sha256;
        if (typeof hash === 'string') hashes.set(name, hash);
      }
    }
  } catch {
    /* no readable manifest: only a sweep store can vouch for the files */
  }
  // Only a coalsim store vouches for a sweep's or a fit's other files (a user's own sweep.sqlite
  // does not); one whose creation was cut short vouches only for itself and its journals, since
  // coalsim creates it first, in an empty folder, before writing anything else there.
  const sweepStore = storeKind(join(dir, STORE_FILE));
  const fitStore = storeKind(join(dir, FIT_STORE));
  const sweep = sweepStore === 'store';
  const fit = fitStore === 'store';
  const journalOf = (store: string, r: string): boolean => r === store || r === `${store}-wal` || r === `${store}-shm` || r === `${store}-journal`;
  const sweepCharts = sweep ? sweepChartNames(manifest) : new Set<string>();
  const sweepViews = sweep ? sweepViewHashes(dir) : new Map<string, string>();
  return entriesUnder(dir).filter((r) => {
    // Outputs a sweep or fit rewrites as it goes (its store, runs.csv, the report) and the views
    // `report` rebuilds are its own whatever their bytes; any other file the manifest lists is
    // coalsim's only while it holds the bytes coalsim wrote: data edited since (a run's
    // scenario.json, a summary annotated by hand) is a user's work now, and replacing the folder
    // would delete it.
    // A sweep's CSVs are listed in its manifest with their hashes once written: edited since, they
    // are the user's (--resume, merge and --force would have replaced them silently).
    if (sweep && SWEEP_OUTPUTS.has(r) && hashes.has(r)) return editedSince(join(dir, r), hashes.get(r));
    // Its report, charts and sensitivity files likewise, from the record of the views it wrote.
    if (sweep && sweepViews.has(r)) return editedSince(join(dir, r), sweepViews.get(r));
    if (sweep && (SWEEP_OUTPUTS.has(r) || sweepCharts.has(r) || r === SWEEP_VIEWS_FILE)) return false;
    if (fit && (FIT_OUTPUTS.has(r) || FIT_PATTERNS.some((x) => x.test(r)))) return false;
    if (fit && FIT_RESULTS.has(r) && listed?.has(r) !== true) return false;
    if (sweepStore === 'unfinished' && journalOf(STORE_FILE, r)) return false;
    if (fitStore === 'unfinished' && journalOf(FIT_STORE, r)) return false;
    if (r === 'manifest.json') return false;
    // The report and charts too: a report a teacher annotated is theirs, though coalsim could
    // rebuild the original from the data (it used to be replaced, edited or not); only `report`,
    // which exists to rebuild them, replaces edited views, and only with --force.
    // A listed file without its sha256 is not vouched for: coalsim records one for every file it
    // writes, so such an entry is from a manifest.json someone wrote by hand (it let --force delete
    // the files it named).
    if (listed?.has(r) === true) return !(rebuildsViews && REBUILT_VIEWS.test(r)) && (!hashes.has(r) || editedSince(join(dir, r), hashes.get(r)));
    return true;
  });
}

/** Does the file at `path` differ from the sha256 its manifest recorded (none recorded: no)? Never follows a symlink. */
function editedSince(path: string, recorded: string | undefined): boolean {
  if (recorded === undefined) return false;
  try {
    if (!lstatSync(path).isFile()) return true;
    return createHash('sha256').update(readFileSync(path)).digest('hex') !== recorded;
  } catch {
    return false;
  }
}

export function isNonEmptyDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

/**
 * May `dir` be written? A missing or empty directory always (unless protected and
 * non-empty); a non-empty one only with force, only if coalsim wrote it and it is not
 * protected. Throws OutDirError (exit 4) naming the fix.
 */
/** The views `coalsim report` rebuilds from a run's data: the report and the charts. */
const REBUILT_VIEWS = /^(report\.html|charts\/[^/]+\.png)$/;

/** `rebuildsViews`: the caller is `report`, which may replace edited views (never edited data). */
export function assertReplaceable(dir: string, force: boolean, what = '--out', rebuildsViews = false): void {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new OutDirError(`${what} ${dir} is a file, not a directory; choose another --out`, 4);
  }
  if (!isNonEmptyDir(target)) return;
  if (!force) throw new OutDirError(existsMessage(dir), 4);
  const why = protectedReason(target);
  if (why !== null) throw new OutDirError(`refusing --force: ${why}, which coalsim never replaces. Choose a new subdirectory, e.g. --out ${join(dir === '' ? '.' : dir, 'coalsim-out')}`, 4);
  if (!isCoalsimDir(target)) {
    throw new OutDirError(`refusing --force: ${dir} holds files coalsim did not write (no manifest.json from coalsim, no sweep store). Move them away, or choose another --out`, 4);
  }
  const foreign = foreignEntries(target, rebuildsViews);
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : '');
    throw new OutDirError(`refusing --force: ${dir} holds ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} coalsim did not write, or edited since it wrote ${foreign.length === 1 ? 'it' : 'them'} (${shown}), which replacing the directory would delete. Move ${foreign.length === 1 ? 'it' : 'them'} away, or choose another --out`, 4);
  }
}

/**
 * Refuses (exit 4, naming them) to overwrite files of `dir` that its manifest lists with other
 * bytes than coalsim wrote: a result the user edited since. For outputs rewritten in place
 * without replacing the folder (a fit's results after --resume or --merge; a sweep's CSVs after
 * --resume or merge). `what` names what is being written.
 */
export function assertUnedited(dir: string, names: Iterable<string>, what = "the fit's results"): void {
  const writing = new Set(names);
  const edited = foreignEntries(resolve(dir)).filter((r) => writing.has(r));
  if (edited.length > 0) throw new OutDirError(`${dir} holds ${edited.length === 1 ? 'a result' : 'results'} edited since coalsim wrote ${edited.length === 1 ? 'it' : 'them'} (${edited.join(', ')}), which writing ${what} would overwrite. Move ${edited.length === 1 ? 'it' : 'them'} away (or copy your edit elsewhere), then run the command again`, 4);
}

/**
 * Why a non-empty `dir` cannot be written without --force, with the fix that will work: pass
 * --force for coalsim's own results, but never for a folder holding anything else (--force
 * would be refused too, so saying "pass --force" there would send the user round in a circle).
 */
export function existsMessage(dir: string): string {
  const target = resolve(dir);
  if (!isCoalsimDir(target)) return `${dir} holds files coalsim did not write; choose another --out (coalsim never replaces such a folder, even with --force)`;
  const foreign = foreignEntries(target);
  if (foreign.length > 0) return `${dir} holds coalsim's results and ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} it did not write or that were edited since (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', ...' : ''}); move ${foreign.length === 1 ? 'it' : 'them'} away and pass --force, or choose another --out`;
  return `${dir} already holds results; pass --force to replace them, or choose another --out`;
}

/** Is a process with this id alive on this machine? (EPERM: alive, someone else's.) */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Every folder between `root` (an output folder) and `path` (a file coalsim is about to write in
 * it) that exists is a real folder, not a symbolic link nor anything else; throws OutDirError
 * (exit 4) naming the link and the fix otherwise. A link planted inside an output folder
 * (`charts -> ~/Pictures`) was written through: `sweep --resume`, `analyze` and a fit's results
 * replaced same-named files at its target, which coalsim never wrote (hostile review,
 * 2026-12-07). `root` itself may be a link (a sweep resumed through a link to its folder).
 */
export function assertNoLinkBelow(root: string, path: string): void {
  const base = resolve(root);
  const rel = relative(base, dirname(resolve(path)));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return;
  let p = base;
  for (const part of rel.split(sep)) {
    p = join(p, part);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      return; // absent: mkdir makes it, and what is below it, as real folders
    }
    if (st.isSymbolicLink()) throw new OutDirError(`${p} is a symbolic link (to ${real(p)}); coalsim writes only into real folders inside its output folder, never through a link. Move the link away (or replace it with a folder), then run the command again`, 4);
    if (!st.isDirectory()) throw new OutDirError(`${p} is not a folder, but coalsim writes files inside it. Move it away, then run the command again`, 4);
  }
}

/**
 * `dir` can be a directory: neither it nor an existing parent of it is a regular file. Throws
 * OutDirError (exit 4) naming the file and the fix (the system's ENOTDIR or EEXIST would not).
 */
export function assertDirectoryPath(dir: string, flag = '--out'): void {
  const target = resolve(dir);
  for (let p = target; ; p = dirname(p)) {
    let st;
    try {
      st = statSync(p);
    } catch {
      st = null;
    }
    if (st !== null) {
      if (st.isDirectory()) return;
      throw new OutDirError(p === target ? `${flag} ${dir} is a file, not a directory; choose another ${flag}` : `${flag} ${dir} lies under ${p}, which is a file, not a directory; choose another ${flag}`, 4);
    }
    if (dirname(p) === p) return;
  }
}

/**
 * `out` is not one of the command's inputs, nor inside one, nor holding one: replacing it with
 * --force would delete what the command reads (merging a shard into itself, comparing a run
 * into its own folder). Compared as written and after resolving symlinks. Throws OutDirError
 * (exit 4) naming the input and the fix.
 */
export function assertNotAnInput(out: string, inputs: readonly string[], flag = '--out'): void {
  // A protected --out (/, $HOME, the current directory or a parent) holds every input below it:
  // the guard that refuses it names the real reason (assertReplaceable, protectedReason).
  if (protectedReason(resolve(out)) !== null) return;
  const clashes = (path: string): string | undefined => {
    const targets = [resolve(path), real(path)];
    return inputs.find((input) => {
      const sources = [resolve(input), real(input)];
      return targets.some((t) => sources.some((src) => isAncestorOrSelf(t, src) || isAncestorOrSelf(src, t)));
    });
  };
  const input = clashes(out);
  if (input === undefined) return;
  // The suggestion must not clash too: beside the input that holds --out (not inside it), or beside --out when it holds the input.
  const outside = isAncestorOrSelf(resolve(input), resolve(out)) && resolve(input) !== resolve(out) ? join(dirname(resolve(input)), basename(resolve(out))) : join(dirname(resolve(out)), `${basename(resolve(out))}-out`);
  let suggestion = outside;
  for (let k = 0; k < 20 && (clashes(suggestion) !== undefined || existsSync(suggestion)); k++) suggestion = `${outside}-${k + 2}`;
  throw new OutDirError(`${flag} ${out} is, holds or lies inside the input ${input}; writing there would replace what this command reads. Choose a new directory, e.g. ${flag} ${suggestion}`, 4);
}

const held = new Map<string, number>();

export interface Claim {
  readonly dir: string;
  release(): void;
}

const lockPathOf = (target: string): string => join(dirname(target), `.${basename(target)}.lock`);

/** The path with every symbolic link resolved: of the path itself if it exists, else of its nearest existing parent. */
function realLocation(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realLocation(parent), basename(path));
  }
}

/**
 * Claim `dir` for this process until release() (or exit): an exclusive create of its lock
 * file. Re-entrant within one process. Throws OutDirError (exit 4) when another live
 * process holds it; takes over the lock of a dead one.
 */
export function claimOutDir(dir: string): Claim {
  // The lock sits beside the real folder: through a symbolic link to it (or to a parent) a second
  // coalsim would otherwise take another lock and write the same store at once.
  const target = realLocation(resolve(dir));
  if (dirname(target) === target) throw new OutDirError(`refusing ${dir} as an output directory: it is the filesystem root. Choose a new subdirectory, e.g. --out out/demo`, 4);
  assertDirectoryPath(target);
  const lock = lockPathOf(target);
  const n = held.get(lock);
  if (n !== undefined) {
    held.set(lock, n + 1);
    return { dir: target, release: () => releaseLock(lock) };
  }
  // The parent must exist for the lock; create it (never the target itself here).
  mkdirSync(dirname(target), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // The lock appears complete or not at all: written in full under a temp name, then
      // hard-linked to its real name, which fails with EEXIST if another process holds it.
      const tmp = tempPath(lock);
      rmSync(tmp, { force: true });
      writeNewFileDurably(tmp, `${process.pid} ${hostname()} ${slurmAttempt()}\n`);
      try {
        linkSync(tmp, lock);
      } finally {
        rmSync(tmp, { force: true });
      }
      held.set(lock, 1);
      process.once('exit', () => {
        if (held.has(lock)) rmSync(lock, { force: true });
      });
      removeDebris(target);
      return { dir: target, release: () => releaseLock(lock) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const seen = readLockText(lock);
      const owner = parseLock(seen);
      // Not a lock coalsim wrote ("PID HOST ATTEMPT", a regular file): a user's file of that name,
      // or a folder, is never taken over (taking over deletes it).
      if (owner === null) {
        throw new OutDirError(`${lock} exists but is not a coalsim lock (coalsim writes one line, "PID HOST ATTEMPT", there while it writes ${dir}); move it away, or choose another --out`, 4);
      }
      if (!supersededBySlurm(owner.attempt) && (owner.host !== hostname() || pidAlive(owner.pid))) {
        throw new OutDirError(
          `${dir} is being written by another coalsim (pid ${owner.pid}${owner.host !== hostname() ? ` on ${owner.host}` : ''}); wait for it to finish, or choose another --out${owner.host !== hostname() ? ` (if no such process runs, delete ${lock})` : ''}`,
          4,
        );
      }
      // Dead owner: take it over. Move it aside first and check it is
      // the lock judged dead; if another taker replaced it meanwhile, put theirs back.
      const stale = tempPath(lock, 'stale');
      try {
        renameSync(lock, stale);
      } catch {
        continue; // someone else moved it: try again
      }
      if (readLockText(stale) !== seen) {
        try {
          linkSync(stale, lock);
        } catch {
          /* a third process holds it now; the next attempt sees that */
        }
      }
      rmSync(stale, { force: true });
    }
  }
  throw new OutDirError(`could not claim ${dir}: another coalsim keeps taking it; choose another --out`, 4);
}

function releaseLock(lock: string): void {
  const n = held.get(lock);
  if (n === undefined) return;
  if (n > 1) {
    held.set(lock, n - 1);
    return;
  }
  held.delete(lock);
  try {
    unlinkSync(lock);
  } catch {
    /* already gone */
  }
}

function readLockText(lock: string): string | null {
  try {
    return readFileSync(lock, 'utf8');
  } catch {
    return null;
  }
}

/** The owner a lock names, or null when the text is not what claimOutDir writes ("PID HOST ATTEMPT\n"; older releases wrote "PID HOST" or "PID"). */
function parseLock(text: string | null): { pid: number; host: string; attempt: string } | null {
  if (text === null) return null;
  const m = /^(\d{1,10}) ?(\S*) ?(\S*)\n?$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isInteger(n) || n <= 0) return null;
  return { pid: n, host: m[2] || hostname(), attempt: m[3] || '-' };
}

/**
 * The Slurm job and restart count of this process ("-" outside Slurm). A requeued task runs
 * with the same job id and a higher SLURM_RESTART_COUNT, possibly on another node, and Slurm
 * has ended the earlier attempt: its lock is stale even though its pid cannot be checked.
 */
function slurmAttempt(env: NodeJS.ProcessEnv = process.env): string {
  const job = env.SLURM_ARRAY_JOB_ID !== undefined && env.SLURM_ARRAY_TASK_ID !== undefined ? `${env.SLURM_ARRAY_JOB_ID}_${env.SLURM_ARRAY_TASK_ID}` : env.SLURM_JOB_ID;
  return job !== undefined && job !== '' ? `${job}#${Number(env.SLURM_RESTART_COUNT ?? 0) || 0}` : '-';
}

function supersededBySlurm(ownerAttempt: string): boolean {
  const mine = slurmAttempt();
  if (mine === '-' || ownerAttempt === '-') return false;
  const [myJob, myRestart] = mine.split('#');
  const [job, restart] = ownerAttempt.split('#');
  return job === myJob && Number(restart) < Number(myRestart);
}

/**
 * The name of a temporary file or folder of this process beside `path`: `<path>.coalsim-tmp-PID`
 * (`old`: results moved aside during a replace; `stale`: a lock being taken over). The
 * "coalsim-" mark is what lets the next claim remove a killed process's leftovers without ever
 * taking a user's own file that happens to end in ".tmp-" and digits.
 */
export function tempPath(path: string, kind: 'tmp' | 'old' | 'stale' = 'tmp'): string {
  return `${path}.coalsim-${kind}-${process.pid}`;
}

const DEBRIS = /^(.*)\.coalsim-(tmp|old|stale)-(\d+)$/;

/**
 * Remove what killed processes left around `target`: its temp and old siblings, and temp
 * files inside it, when their pid is dead. An interrupted replace (old moved aside, new not
 * yet in place) is rolled back: the old directory is restored.
 */
export function removeDebris(target: string): void {
  const parent = dirname(target);
  const name = basename(target);
  const entries = safeList(parent);
  for (const e of entries) {
    const m = DEBRIS.exec(e);
    if (!m || (m[1] !== `.${name}` && m[1] !== `.${name}.lock`) || pidAlive(Number(m[3]))) continue;
    const p = join(parent, e);
    if (m[2] === 'old' && !existsSync(target)) renameSync(p, target);
    else rmSync(p, { recursive: true, force: true });
  }
  // Inside the directory coalsim stages single files only (experiment/outputs.ts): remove those, never a folder.
  const sweepDebris = (dir: string): void => {
    for (const e of safeList(dir)) {
      const m = DEBRIS.exec(e);
      if (m && m[2] === 'tmp' && !pidAlive(Number(m[3])) && isRegularFile(join(dir, e))) rmSync(join(dir, e), { force: true });
    }
  };
  if (isCoalsimDir(target)) {
    sweepDebris(target);
    sweepDebris(join(target, 'charts'));
  }
}

function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Write every byte of buf, checking each count (a short write is retried, never taken as done). */
export function writeAll(fd: number, buf: Uint8Array): void {
  let off = 0;
  while (off < buf.length) {
    const n = writeSync(fd, buf, off, buf.length - off);
    if (n <= 0) throw Object.assign(new Error(`write returned ${n} with ${buf.length - off} bytes left`), { code: 'EIO' });
    off += n;
  }
}

/**
 * Create `path` exclusively, write all of content, fsync, close. If the write fails (a full disk),
 * the file, which this call created, is removed: the lock's temporary file of claimOutDir was left
 * behind, empty, beside --out by every command that met a disk with no space at all.
 */
export function writeNewFileDurably(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    try {
      writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    rmSync(path, { force: true });
    throw err;
  }
}

/** fsync a directory so the renames in it survive power loss (best effort where unsupported). */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* some filesystems refuse fsync on directories */
  }
}

/** A directory's permission bits and owner, to give its replacement (null: it does not exist). */
export interface DirAttributes {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
}

export function dirAttributes(dir: string): DirAttributes | null {
  try {
    const st = statSync(dir);
    return st.isDirectory() ? { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid } : null;
  } catch {
    return null;
  }
}

/**
 * Give a replacement directory the permissions (and, where allowed, the owner) of the one it
 * replaces: a folder a user made private (chmod 700) stays private after --force or a report
 * rebuild, instead of taking the umask's 755.
 */
export function applyDirAttributes(dir: string, a: DirAttributes | null): void {
  if (a === null) return;
  chmodSync(dir, a.mode);
  try {
    chownSync(dir, a.uid, a.gid);
  } catch {
    /* not root, and not ours to give away: the mode is what protects it */
  }
}
