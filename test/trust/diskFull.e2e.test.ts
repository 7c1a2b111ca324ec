/**
 * A disk that fills up, on a real small tmpfs mounted by the test (CI runs as root; without
 * root the test says why it skips). Whatever moment the space runs out (the run's files,
 * the sweep store's SQLITE_FULL, the CSVs): exit 5 with a plain "disk full" message, no
 * stack trace, nothing replaced, no temp files left; after freeing space the same command
 * (a sweep with --resume) completes, byte-identical to a run on a roomy disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, filesOf, tempDir } from '../helpers/cli';
import { workspace } from '../experiment/helpers';

const isRoot = process.getuid?.() === 0;
if (!isRoot) process.stdout.write('diskFull.e2e: skipped: mounting a small tmpfs needs root (CI runs as root)\n');
const maybe = isRoot ? describe : describe.skip;

/** Fill `mount` so that only `free` bytes stay available. */
function fillTo(mount: string, free: number): string {
  const filler = join(mount, 'filler.bin');
  rmSync(filler, { force: true });
  const s = statfsSync(mount);
  const avail = s.bavail * s.bsize;
  writeFileSync(filler, Buffer.alloc(Math.max(0, avail - free)));
  return filler;
}

function tmpFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      // coalsim's temporary names (outDir.ts tempPath: `.coalsim-tmp-PID`, `-old-`, `-stale-`; the
      // pattern used to look for an older `.tmp-PID` only, so it could not see them) and locks.
      if (/\.coalsim-(tmp|old|stale)-\d+$|\.(tmp|old)-\d+$|\.lock$/.test(e.name)) found.push(join(d, e.name));
      if (e.isDirectory()) walk(join(d, e.name));
    }
  };
  walk(dir);
  return found;
}

const withoutStore = (m: Map<string, Buffer>): Map<string, Buffer> => new Map([...m].filter(([n]) => !n.startsWith('sweep.sqlite')));

function expectDiskFull(r: { status: number | null; stderr: string }): void {
  expect(r.status).toBe(5);
  expect(r.stderr).toMatch(/disk full \((ENOSPC|SQLITE_FULL|SQLITE_IOERR_SHMSIZE)\).*Nothing was replaced/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

maybe('disk full on a 2 MB tmpfs', () => {
  const mount = tempDir('coalsim-tmpfs-');
  const ws = workspace();
  const exp = ws.write('full.json', { replicates: 40 });
  const sweepArgs = (out: string, extra: string[] = []): string[] => ['sweep', exp, '--out', out, '--quiet', '--no-charts', '--workers', '1', ...extra];

  beforeAll(() => execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount]));
  afterAll(() => execFileSync('umount', [mount]));
  afterEach(() => {
    for (const e of readdirSync(mount)) rmSync(join(mount, e), { recursive: true, force: true });
  });

  it('run --force into a full disk: exit 5, the old results untouched; then it works once space is freed', () => {
    const out = join(mount, 'run');
    expect(coalsim(['run', '--seed', '1', '--out', out, '--no-charts']).status).toBe(0);
    const before = filesOf(out);
    const filler = fillTo(mount, 64 * 1024);
    const r = coalsim(['run', '--seed', '2', '--out', out, '--force', '--no-charts']);
    expectDiskFull(r);
    expect(filesOf(out)).toEqual(before);
    expect(tmpFiles(mount)).toEqual([]);
    rmSync(filler);
    expect(coalsim(['run', '--seed', '2', '--out', out, '--force', '--no-charts']).status).toBe(0);
  }, 120_000);

  it('a disk with no space left at all: run, compare and classroom exit 5 and leave not even the lock\'s temporary file', () => {
    expect(coalsim(['run', 'teaching-holdup', '--out', join(mount, 'a'), '--no-charts']).status).toBe(0);
    const filler = fillTo(mount, 0);
    const before = filesOf(mount);
    for (const args of [['run', '--out', join(mount, 'b'), '--no-charts'], ['compare', join(mount, 'a'), join(mount, 'a'), '--out', join(mount, 'c'), '--no-charts'], ['classroom', 'teaching-holdup', '--out', join(mount, 'page.html')]]) {
      expectDiskFull(coalsim(args));
      expect(tmpFiles(mount)).toEqual([]);
    }
    expect(filesOf(mount)).toEqual(before);
    rmSync(filler);
  }, 120_000);

  it('sweep: whenever the space runs out, exit 5 and --resume after freeing it gives the same bytes', () => {
    const ref = join(ws.dir, 'ref');
    // The reference sweep, on an ordinary disk: with its stderr if it fails (once, in a CI dry run, it exited 1 and the log said no more).
    const first = coalsim(sweepArgs(ref));
    expect([first.status, first.status === 0 ? '' : first.stderr]).toEqual([0, '']);
    const refFiles = withoutStore(filesOf(ref));
    let full = 0;
    for (const free of [12 * 1024, 40 * 1024, 80 * 1024, 160 * 1024]) {
      const out = join(mount, `sweep-${free}`);
      mkdirSync(out);
      const filler = fillTo(mount, free);
      const r = coalsim(sweepArgs(out));
      expect([0, 5]).toContain(r.status);
      if (r.status === 5) {
        full++;
        expectDiskFull(r);
        expect(tmpFiles(mount)).toEqual([]);
      }
      rmSync(filler);
      const again = coalsim(sweepArgs(out, ['--resume']));
      // Once in a CI dry run (2026-12-07) the full-disk sweep had stored 144 runs as failed, so the
      // resume exited 7: show why those runs failed (runs.csv's error column) if it happens again.
      const errors = again.status === 0 ? [] : [...new Set(readFileSync(join(out, 'runs.csv'), 'utf8').split('\n').filter((l) => l.includes(',failed,')).map((l) => l.split(',failed,')[1]))].slice(0, 3);
      expect({ free, status: again.status, stderr: again.stderr, errors, firstStatus: r.status, firstStderr: again.status === 0 ? '' : r.stderr }).toEqual({ free, status: 0, stderr: '', errors: [], firstStatus: r.status, firstStderr: '' });
      expect(withoutStore(filesOf(out))).toEqual(refFiles);
      rmSync(out, { recursive: true });
    }
    // The test must have hit a full disk at least once, or it proves nothing.
    expect(full).toBeGreaterThan(0);
  }, 300_000);

  it('merge into a full disk replaces nothing: runs.csv and manifest.json stay as they were', () => {
    const shards = [0, 1].map((i) => join(ws.dir, `full-shard${i}`));
    shards.forEach((d, i) => expect(coalsim(sweepArgs(d, ['--shard', `${i}/2`])).status).toBe(0));
    const ref = join(ws.dir, 'full-merged-ref');
    expect(coalsim(['merge', ...shards, '--out', ref, '--no-charts']).status).toBe(0);
    const out = join(mount, 'merged');
    const half = coalsim(['merge', shards[0]!, '--out', out, '--no-charts']);
    expect(half.status).toBe(8); // incomplete: one shard of two (exit code 8, incompleteMerge)
    const before = withoutStore(filesOf(out));
    const filler = fillTo(mount, 4 * 1024);
    const r = coalsim(['merge', shards[1]!, '--out', out, '--no-charts']);
    expectDiskFull(r);
    expect(withoutStore(filesOf(out))).toEqual(before);
    expect(tmpFiles(mount)).toEqual([]);
    rmSync(filler);
    expect(coalsim(['merge', shards[1]!, '--out', out, '--no-charts']).status).toBe(0);
    expect(withoutStore(filesOf(out))).toEqual(withoutStore(filesOf(ref)));
  }, 300_000);
});
