/**
 * A hostile review of trust in users' files (security audit, 2026-12-07, second pass): each case
 * here made coalsim delete, overwrite or write outside what it was given before it was fixed.
 * - A user's own SQLite database named sweep.sqlite (or an empty file of that name) vouched for the
 *   whole folder as a coalsim sweep: `sweep --force` deleted the user's runs.csv and report with it
 *   (output/outDir.ts isCoalsimDir, foreignEntries).
 * - A manifest.json that says "tool": "coalsim" but lists files without their sha256 (coalsim always
 *   records one) vouched for those files: `run --force` deleted them.
 * - `compare` built its default --out from the seed in each run's summary.json: a seed such as
 *   "1/../../../x" in a run folder someone sent wrote the comparison outside out/.
 * - A folder planted as a symbolic link inside an output folder (charts -> ~/Pictures) was written
 *   through: `sweep --resume` and `analyze` replaced same-named files at the link's target.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { coalsim, filesOf, tempDir } from '../helpers/cli';
import { workspace } from '../experiment/helpers';

const ws = workspace();
const exp = ws.write('e.json', { replicates: 1 });
const env = { SLURM_ARRAY_TASK_ID: '', SLURM_ARRAY_TASK_COUNT: '' };
const sweep = (args: string[]) => coalsim(['sweep', ...args, '--quiet', '--workers', '0'], { env });

describe("a user's own sweep.sqlite does not make the folder coalsim's", () => {
  it.each([
    ['a SQLite database of their own', (path: string) => {
      const db = new Database(path);
      // In WAL mode: even a read-only look by SQLite would add sweep.sqlite-wal and -shm to their folder.
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE observations (x REAL)');
      db.prepare('INSERT INTO observations VALUES (42)').run();
      db.close();
    }],
    ['an empty file', (path: string) => writeFileSync(path, '')],
  ])('%s beside their runs.csv and report: sweep --force refuses (exit 4) and deletes nothing', (_what, make) => {
    const out = join(ws.dir, `own-store-${_what.length}`);
    mkdirSync(out);
    make(join(out, 'sweep.sqlite'));
    writeFileSync(join(out, 'runs.csv'), 'my,own,data\n1,2,3\n');
    writeFileSync(join(out, 'sweep-report.html'), '<p>my notes</p>\n');
    const before = filesOf(out);
    const r = sweep([exp, '--out', out, '--force', '--no-charts']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/did not write/);
    expect(filesOf(out)).toEqual(before);
    // Without --force the message says the files are not coalsim's (it said "already holds results; pass --force").
    const plain = sweep([exp, '--out', out, '--no-charts']);
    expect(plain.status).toBe(4);
    expect(plain.stderr).toMatch(/did not write/);
    expect(filesOf(out)).toEqual(before);
  }, 120_000);

  it("coalsim's own sweep folder is still replaced by --force", () => {
    const out = join(ws.dir, 'own-sweep');
    expect(sweep([exp, '--out', out, '--no-charts']).status).toBe(0);
    const r = sweep([exp, '--out', out, '--force', '--no-charts']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});

describe('a hand-written manifest.json', () => {
  it('that names files without their sha256 does not vouch for them: run --force refuses and keeps them', () => {
    const out = join(tempDir('coalsim-handmanifest-'), 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'precious\n');
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ tool: 'coalsim', files: [{ name: 'notes.txt' }] }));
    const before = filesOf(out);
    const r = coalsim(['run', '--out', out, '--force', '--no-charts']);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('notes.txt');
    expect(filesOf(out)).toEqual(before);
  });
});

describe('compare names its default folder from the runs it reads', () => {
  it('a seed in summary.json that is not a whole number is refused (exit 3, naming the file and field); nothing is written outside out/', () => {
    const dir = tempDir('coalsim-compare-seed-');
    expect(coalsim(['run', 'teaching-holdup', '--out', 'a', '--no-charts'], { cwd: dir }).status).toBe(0);
    expect(coalsim(['run', 'teaching-scarcity', '--out', 'b', '--no-charts'], { cwd: dir }).status).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'b', 'summary.json'), 'utf8')) as { seed: unknown };
    summary.seed = '1/../../../escaped';
    writeFileSync(join(dir, 'b', 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
    const r = coalsim(['compare', 'a', 'b', '--no-charts'], { cwd: dir });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/summary\.json/);
    expect(r.stderr).toMatch(/seed/);
    expect(r.stderr).toMatch(/--out/);
    expect(existsSync(join(dir, 'escaped'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['a', 'b']);
    // With --out named, the comparison is written where the user said.
    const named = coalsim(['compare', 'a', 'b', '--no-charts', '--out', 'cmp'], { cwd: dir });
    expect(named.status).toBe(0);
    expect(existsSync(join(dir, 'cmp', 'compare.html'))).toBe(true);
  }, 120_000);
});

describe('a symbolic link planted inside an output folder is never written through', () => {
  it('sweep --resume and merge into an earlier merge refuse a charts/ that is a link (exit 4, named) and leave its target alone', () => {
    const out = join(ws.dir, 'linked-charts');
    const merged = join(ws.dir, 'linked-merge');
    expect(sweep([exp, '--out', out]).status).toBe(0);
    expect(coalsim(['merge', out, '--out', merged]).status).toBe(0);
    const charts = readdirSync(join(out, 'charts'));
    if (charts.length === 0) return; // no PNG renderer here: nothing would be written into charts/
    const pictures = join(ws.dir, 'pictures');
    mkdirSync(pictures);
    for (const name of charts) writeFileSync(join(pictures, name), 'my own picture\n');
    for (const d of [out, merged]) {
      rmSync(join(d, 'charts'), { recursive: true });
      symlinkSync(pictures, join(d, 'charts'));
    }
    const before = filesOf(pictures);
    const csvs = [readFileSync(join(out, 'runs.csv')), readFileSync(join(merged, 'manifest.json'))];
    for (const r of [sweep([exp, '--out', out, '--resume']), coalsim(['merge', out, '--out', merged])]) {
      expect(r.stderr).toMatch(/charts is a symbolic link/);
      expect(r.status).toBe(4);
    }
    expect(filesOf(pictures)).toEqual(before);
    // Refused before any work: the data files are as they were.
    expect([readFileSync(join(out, 'runs.csv')), readFileSync(join(merged, 'manifest.json'))]).toEqual(csvs);
    expect(lstatSync(join(out, 'charts')).isSymbolicLink()).toBe(true);
    // Put back as a folder, the sweep finishes its views again.
    rmSync(join(out, 'charts'));
    mkdirSync(join(out, 'charts'));
    expect(sweep([exp, '--out', out, '--resume']).status).toBe(0);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual([...charts].sort());
  }, 120_000);
});

describe('a re-run into its own folder does not follow a link planted there', () => {
  it('run into a folder holding its own results and a link (to the folder itself, or to /usr): exit 4 naming the link, not ELOOP', () => {
    const dir = tempDir('coalsim-rerun-link-');
    const out = join(dir, 'r');
    expect(coalsim(['run', '--out', out, '--no-charts']).status).toBe(0);
    for (const target of ['.', '/usr']) {
      symlinkSync(target, join(out, 'planted'));
      const r = coalsim(['run', '--out', out, '--no-charts']);
      expect(r.stderr).not.toMatch(/ELOOP|file error/);
      expect(r.stderr).toContain('planted');
      expect(r.status).toBe(4);
      expect(lstatSync(join(out, 'planted')).isSymbolicLink()).toBe(true);
      rmSync(join(out, 'planted'));
    }
  });
});

describe('classroom --out naming something that is not a regular file', () => {
  it('a named pipe is refused at once (exit 4, named), not read until someone writes to it', () => {
    const dir = tempDir('coalsim-classroom-fifo-');
    const fifo = join(dir, 'page.html');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo here
    const started = Date.now();
    const r = coalsim(['classroom', 'teaching-scarcity', '--out', fifo, '--force']);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  }, 180_000);
});

describe('replicate isaf --cv --update-doc checks the file it will rewrite before the cross-validation', () => {
  it('a symbolic link is refused at once (exit 4, named), not after the minutes of work; its target is unchanged', () => {
    const dir = tempDir('coalsim-update-doc-link-');
    const doc = join(dir, 'replication.md');
    const text = `notes\n${'<!-- generated: coalsim replicate isaf --cv --update-doc docs/replication.md (do not edit by hand) -->'}\nold\n<!-- end generated -->\n`;
    writeFileSync(doc, text);
    symlinkSync(doc, join(dir, 'link.md'));
    const started = Date.now();
    const r = coalsim(['replicate', 'isaf', '--cv', '--seeds', '1', '--update-doc', join(dir, 'link.md')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/link\.md is a symbolic link/);
    // The cross-validation (about 40 s at one seed on 2 cores) did not run first.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(readFileSync(doc, 'utf8')).toBe(text);
  }, 180_000);
});
