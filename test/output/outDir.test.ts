/**
 * The shared output-directory guard (src/output/outDir.ts) and the atomic writers built on
 * it: every refusal, the claim, and the cleanup of a killed process's debris. All on temp
 * dirs and a fake HOME: nothing here can reach the machine's own files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { OutputExistsError, writeDirAtomically, writeFileAtomically } from '../../src/output/atomic';
import { assertNotAnInput, assertReplaceable, claimOutDir, foreignEntries, isCoalsimDir, OutDirError, protectedReason, removeDebris, requireOutPath } from '../../src/output/outDir';
import Database from 'better-sqlite3';
import { tempDir } from '../helpers/cli';

const COALSIM_MANIFEST = JSON.stringify({ tool: 'coalsim', version: '0.1.0', files: [] });

/** A directory coalsim wrote earlier (its manifest says so, and lists `keep.txt`), holding `keep.txt`. */
function coalsimDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ tool: 'coalsim', version: '0.1.0', files: [{ name: 'keep.txt', bytes: 10, sha256: createHash('sha256').update('old result').digest('hex') }] }));
  writeFileSync(join(dir, 'keep.txt'), 'old result');
  return dir;
}

/** A store as coalsim makes one: SQLite whose meta table names a coalsim format (a sweep's value is JSON). */
function coalsimStore(path: string, format: string): void {
  const db = new Database(path);
  db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  db.prepare("INSERT INTO meta VALUES ('format', ?)").run(format);
  db.close();
}

function refusal(f: () => void): OutDirError {
  try {
    f();
  } catch (err) {
    if (err instanceof OutDirError) return err;
    throw err;
  }
  throw new Error('expected a refusal, but it was accepted');
}

/** The pid of a process that has exited (for stale locks and debris). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('--out must be a non-empty path', () => {
  it.each([[''], ['   '], [undefined]])('%p is refused with exit 2 and an example', (value) => {
    const e = refusal(() => requireOutPath(value));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/--out needs a directory path.*Example: --out out\/demo/);
  });
  it('writeDirAtomically and writeFileAtomically refuse it too (so future commands inherit it)', () => {
    expect(refusal(() => writeDirAtomically('', new Map([['a.txt', 'x']]), true)).exitCode).toBe(2);
    expect(refusal(() => writeFileAtomically('', 'x')).exitCode).toBe(2);
  });
});

describe('--force replaces only a directory coalsim wrote, never a protected one', () => {
  const root = tempDir('coalsim-outdir-');
  const home = coalsimDir(join(root, 'home'));
  mkdirSync(join(home, '.ssh'));
  writeFileSync(join(home, '.ssh', 'id_ed25519'), 'secret');
  const env = { HOME: home };

  it('protects /, $HOME and its parents, the cwd and its parents', () => {
    expect(protectedReason('/', env)).toMatch(/filesystem root/);
    expect(protectedReason(home, env)).toMatch(/home directory/);
    expect(protectedReason(dirname(home), env)).toMatch(/home directory or one of its parents/);
    expect(protectedReason(process.cwd(), env)).toMatch(/current directory/);
    expect(protectedReason(join(process.cwd(), '..'), env)).toMatch(/current directory or one of its parents/);
    expect(protectedReason(join(root, 'elsewhere'), env)).toBeNull();
  });

  it('protects a symlink, and a symlink to a protected directory', () => {
    const outside = coalsimDir(join(root, 'outside'));
    const link = join(root, 'link');
    symlinkSync(outside, link);
    expect(protectedReason(link, env)).toMatch(/symbolic link/);
    const toHome = join(root, 'to-home');
    symlinkSync(home, toHome);
    expect(protectedReason(toHome, env)).toMatch(/home directory/);
  });

  it('refuses to replace a folder coalsim did not write, and leaves it as it was', () => {
    const mine = join(root, 'thesis');
    mkdirSync(mine);
    writeFileSync(join(mine, 'chapter1.tex'), 'words');
    writeFileSync(join(mine, 'manifest.json'), JSON.stringify({ tool: 'something-else' }));
    expect(isCoalsimDir(mine)).toBe(false);
    const e = refusal(() => writeDirAtomically(mine, new Map([['summary.json', '{}']]), true));
    expect(e.exitCode).toBe(4);
    expect(e.message).toMatch(/holds files coalsim did not write.*Move them away, or choose another --out/);
    expect(readFileSync(join(mine, 'chapter1.tex'), 'utf8')).toBe('words');
  });

  it('refuses without --force, naming the fix', () => {
    const d = coalsimDir(join(root, 'previous'));
    const e = refusal(() => writeDirAtomically(d, new Map([['a.txt', 'new']]), false));
    expect(e).toBeInstanceOf(OutputExistsError);
    expect(e.exitCode).toBe(4);
    expect(e.message).toMatch(/pass --force/);
    expect(readFileSync(join(d, 'keep.txt'), 'utf8')).toBe('old result');
  });

  it('replaces a directory coalsim wrote with --force', () => {
    const d = coalsimDir(join(root, 'replace-me'));
    writeDirAtomically(d, new Map([['manifest.json', COALSIM_MANIFEST], ['a.txt', 'new']]), true);
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'manifest.json']);
    expect(readdirSync(root).filter((n) => /\.(tmp|old)-|\.lock$/.test(n))).toEqual([]);
  });

  it('refuses --force while the directory holds a file its manifest does not list (a user\'s), and deletes nothing', () => {
    const d = coalsimDir(join(root, 'with-notes'));
    writeFileSync(join(d, 'notes.txt'), 'mine');
    mkdirSync(join(d, 'empty-dir'));
    const e = refusal(() => writeDirAtomically(d, new Map([['manifest.json', COALSIM_MANIFEST], ['a.txt', 'new']]), true));
    expect(e.exitCode).toBe(4);
    expect(e.message).toMatch(/holds 2 files coalsim did not write, or edited since it wrote them \(empty-dir, notes\.txt\)/);
    expect(readdirSync(d).sort()).toEqual(['empty-dir', 'keep.txt', 'manifest.json', 'notes.txt']);
  });

  it("counts as a sweep's only the charts its metrics and parameters name: a user's PNG in charts/ is never deleted with them", () => {
    const d = join(root, 'sweep-charts');
    mkdirSync(join(d, 'charts'), { recursive: true });
    coalsimStore(join(d, 'sweep.sqlite'), '"coalsim-sweep-1"');
    writeFileSync(join(d, 'manifest.json'), JSON.stringify({ tool: 'coalsim', kind: 'sweep', metrics: ['deals'], design: { parameters: [{ name: 'budget' }] }, files: [{ name: 'runs.csv' }] }));
    for (const f of ['runs.csv', 'charts/deals-by-budget.png', 'charts/deals-heatmap.png', 'charts/sensitivity-deals.png', 'charts/mine.png']) writeFileSync(join(d, f), 'x');
    expect(foreignEntries(d)).toEqual(['charts/mine.png']);
    const e = refusal(() => assertReplaceable(d, true));
    expect(e.message).toMatch(/holds a file coalsim did not write, or edited since it wrote it \(charts\/mine\.png\)/);
    // A fit's charts are in its manifest's file list, so an unlisted PNG there is a user's too.
    const f = join(root, 'fit-charts');
    mkdirSync(join(f, 'charts'), { recursive: true });
    coalsimStore(join(f, 'fit.sqlite'), 'coalsim-fit-1');
    writeFileSync(join(f, 'manifest.json'), JSON.stringify({ tool: 'coalsim', files: [{ name: 'charts/posterior.png', sha256: createHash('sha256').update('x').digest('hex') }] }));
    writeFileSync(join(f, 'charts/posterior.png'), 'x');
    writeFileSync(join(f, 'charts/annotated.png'), 'x');
    expect(foreignEntries(f)).toEqual(['charts/annotated.png']);
  });

  it('refuses an --out that is, holds or lies inside one of the inputs (merge into a shard, compare into a run)', () => {
    const a = coalsimDir(join(root, 'input-a'));
    const b = coalsimDir(join(root, 'input-b'));
    for (const out of [a, join(a, 'sub'), root]) {
      const e = refusal(() => assertNotAnInput(out, [a, b]));
      expect(e.exitCode).toBe(4);
      expect(e.message).toMatch(/is, holds or lies inside the input .*input-a; writing there would replace what this command reads/);
      // The suggested --out is itself acceptable (it used to add "-out" inside the input: a/sub-out).
      const suggested = /e\.g\. --out (.*)$/.exec(e.message)![1]!;
      expect(() => assertNotAnInput(suggested, [a, b])).not.toThrow();
    }
    expect(() => assertNotAnInput(join(root, 'merged'), [a, b])).not.toThrow();
  });

  it('refuses the protected ones even when coalsim wrote them', () => {
    // (the fake $HOME is judged through protectedReason above; the CLI test runs with HOME set to it)
    const cwdRefusal = refusal(() => writeDirAtomically(process.cwd(), new Map([['a.txt', 'x']]), true));
    expect(cwdRefusal.exitCode).toBe(4);
    expect(cwdRefusal.message).toMatch(/current directory/);
    expect(refusal(() => writeDirAtomically('/', new Map([['a.txt', 'x']]), true)).message).toMatch(/filesystem root/);
  });

  it('never replaces through a symlink pointing elsewhere', () => {
    const target = coalsimDir(join(root, 'real-results'));
    const link = join(root, 'results-link');
    symlinkSync(target, link);
    const e = refusal(() => writeDirAtomically(link, new Map([['a.txt', 'x']]), true));
    expect(e.exitCode).toBe(4);
    expect(e.message).toMatch(/symbolic link/);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('old result');
    expect(refusal(() => writeFileAtomically(link, 'x')).message).toMatch(/is a directory|symbolic link/);
  });

  it('writeFileAtomically writes every byte and leaves no temp file', () => {
    const dir = join(root, 'single');
    const big = Buffer.alloc(3 * 1024 * 1024, 7);
    writeFileAtomically(join(dir, 'big.bin'), big);
    expect(readFileSync(join(dir, 'big.bin')).equals(big)).toBe(true);
    expect(readdirSync(dir)).toEqual(['big.bin']);
  });

  it('writeFileAtomically with its output folder never writes through a link planted inside it (charts -> elsewhere), exit 4', () => {
    const out = join(root, 'linked-out');
    const elsewhere = join(root, 'pictures');
    mkdirSync(out, { recursive: true });
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, 'chart.png'), 'my own picture');
    symlinkSync(elsewhere, join(out, 'charts'));
    const e = refusal(() => writeFileAtomically(join(out, 'charts', 'chart.png'), 'PNG', out));
    expect(e.exitCode).toBe(4);
    expect(e.message).toMatch(/charts is a symbolic link/);
    expect(readFileSync(join(elsewhere, 'chart.png'), 'utf8')).toBe('my own picture');
    expect(readdirSync(elsewhere)).toEqual(['chart.png']);
    // A real folder, a folder still to be made, and an output folder that is itself a link are fine.
    writeFileAtomically(join(out, 'shards', 'gen-000', 'shard-0of1.json'), '{}', out);
    symlinkSync(out, join(root, 'link-to-out'));
    writeFileAtomically(join(root, 'link-to-out', 'shards', 'gen-000', 'shard-0of2.json'), '{}', join(root, 'link-to-out'));
    expect(readdirSync(join(out, 'shards', 'gen-000')).sort()).toEqual(['shard-0of1.json', 'shard-0of2.json']);
  });
});

describe('claiming an output directory', () => {
  const root = tempDir('coalsim-claim-');

  it('a live process holding the claim makes a second claimant exit 4', async () => {
    const out = join(root, 'busy');
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(root, '.busy.lock'), `${holder.pid} ${hostname()}\n`);
      const e = refusal(() => claimOutDir(out));
      expect(e.exitCode).toBe(4);
      expect(e.message).toContain(`another coalsim (pid ${holder.pid})`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('the lock of a dead process is taken over, and released after', () => {
    const out = join(root, 'stale');
    writeFileSync(join(root, '.stale.lock'), `${deadPid()} ${hostname()}\n`);
    const claim = claimOutDir(out);
    expect(readFileSync(join(root, '.stale.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    claim.release();
    expect(existsSync(join(root, '.stale.lock'))).toBe(false);
  });

  it("a user's file or folder named like the lock is never taken over (taking over deletes it): exit 4, kept as it was", () => {
    // Researcher's audit: any text that was not a live pid counted as a dead lock, so
    // `run --out r5` deleted a user's `.r5.lock` holding notes.
    writeFileSync(join(root, '.notes.lock'), 'my notes about this run\n');
    expect(() => claimOutDir(join(root, 'notes'))).toThrow(expect.objectContaining({ exitCode: 4, message: expect.stringContaining('is not a coalsim lock') }));
    expect(readFileSync(join(root, '.notes.lock'), 'utf8')).toBe('my notes about this run\n');
    mkdirSync(join(root, '.folder.lock'));
    expect(() => claimOutDir(join(root, 'folder'))).toThrow(expect.objectContaining({ exitCode: 4 }));
    expect(statSync(join(root, '.folder.lock')).isDirectory()).toBe(true);
    // What older releases wrote ("PID HOST", "PID") still reads as a lock.
    writeFileSync(join(root, '.old.lock'), `${deadPid()}`);
    claimOutDir(join(root, 'old')).release();
    expect(existsSync(join(root, '.old.lock'))).toBe(false);
  });

  it('is re-entrant within one process (a command claims, then writeDirAtomically claims again)', () => {
    const out = join(root, 'nested');
    const claim = claimOutDir(out);
    writeDirAtomically(out, new Map([['a.txt', 'x']]), false);
    expect(existsSync(join(root, '.nested.lock'))).toBe(true);
    claim.release();
    expect(existsSync(join(root, '.nested.lock'))).toBe(false);
  });
});

describe('debris of a killed process', () => {
  it('removes temp dirs and files of dead pids, keeps those of live ones, restores an interrupted replace', () => {
    const root = tempDir('coalsim-debris-');
    const dead = deadPid();
    const out = coalsimDir(join(root, 'out'));
    mkdirSync(join(root, `.out.coalsim-tmp-${dead}`));
    writeFileSync(join(root, `.out.coalsim-tmp-${dead}`, 'half.csv'), 'a,b\n1,');
    writeFileSync(join(out, `runs.csv.coalsim-tmp-${dead}`), 'run,point\n0,');
    writeFileSync(join(out, `runs.csv.coalsim-tmp-${process.pid}`), 'mine, in progress');
    removeDebris(out);
    expect(readdirSync(root).sort()).toEqual(['out']);
    expect(readdirSync(out).sort()).toEqual(['keep.txt', 'manifest.json', `runs.csv.coalsim-tmp-${process.pid}`]);

    // Killed between moving the old results aside and renaming the new ones in: roll back.
    const other = join(root, 'other');
    coalsimDir(join(root, `.other.coalsim-old-${dead}`));
    removeDebris(other);
    expect(readFileSync(join(other, 'keep.txt'), 'utf8')).toBe('old result');
    expect(readdirSync(root).sort()).toEqual(['other', 'out']);
  });
});

describe("a user's own files named like temporary files", () => {
  it('are never removed: only names carrying coalsim\'s mark are debris, and inside an output folder only files', () => {
    const root = tempDir('coalsim-not-debris-');
    const dead = deadPid();
    const out = coalsimDir(join(root, 'out'));
    const theirs = [`analysis.tmp-${dead}`, `notes.old-${dead}`, `charts.stale-${dead}`];
    for (const f of theirs) writeFileSync(join(out, f), 'mine');
    mkdirSync(join(out, `figures.coalsim-tmp-${dead}`));
    writeFileSync(join(out, `figures.coalsim-tmp-${dead}`, 'fig1.svg'), 'mine');
    mkdirSync(join(root, `.out.tmp-${dead}`));
    writeFileSync(join(root, `.out.tmp-${dead}`, 'draft.txt'), 'mine');
    removeDebris(out);
    expect(readdirSync(out).sort()).toEqual([...theirs, `figures.coalsim-tmp-${dead}`, 'keep.txt', 'manifest.json'].sort());
    expect(readFileSync(join(out, `figures.coalsim-tmp-${dead}`, 'fig1.svg'), 'utf8')).toBe('mine');
    expect(readFileSync(join(root, `.out.tmp-${dead}`, 'draft.txt'), 'utf8')).toBe('mine');
  });
});

describe('a requeued Slurm task', () => {
  it('takes over the lock of its earlier attempt (same job, lower restart count), even from another node', () => {
    const root = tempDir('coalsim-requeue-');
    const out = join(root, 'shard3');
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { SLURM_JOB_ID: '77', SLURM_RESTART_COUNT: '1' });
      delete process.env.SLURM_ARRAY_JOB_ID;
      writeFileSync(join(root, '.shard3.lock'), '12345 some-other-node 77#0\n');
      const claim = claimOutDir(out);
      claim.release();
      // A different job's lock from another node is not ours to judge: refused, naming the file.
      writeFileSync(join(root, '.shard3.lock'), '12345 some-other-node 78#0\n');
      const e = refusal(() => claimOutDir(out));
      expect(e.exitCode).toBe(4);
      expect(e.message).toMatch(/on some-other-node.*delete .*\.shard3\.lock/);
    } finally {
      process.env = saved;
    }
  });
});
