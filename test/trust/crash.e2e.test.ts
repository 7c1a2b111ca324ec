/**
 * kill -9 at chosen moments (fixed list, from the first milliseconds to late) of run, sweep,
 * sweep-store creation and merge, then the same command again (a sweep with --resume):
 * 0 runs lost, 0 duplicated, outputs byte-identical to an uninterrupted reference, and no
 * debris (temp dirs/files named by the dead pid, locks) left behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { coalsim, filesOf, tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';
import { workspace } from '../experiment/helpers';

/** Kill moments, ms after spawn: before startup ends, mid store creation, mid work, near the end. */
const DELAYS = [0, 40, 120, 250, 400, 600, 900, 1300];

async function killAfter(args: string[], cwd: string, ms: number): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'coalsim.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1', SLURM_ARRAY_TASK_ID: '' }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise((r) => setTimeout(r, ms));
  child.kill('SIGKILL');
  await exited;
}

/** Everything a killed process may leave: temp/old siblings and files by pid, and lock files. */
function debris(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (/\.(tmp|old)-\d+$|\.lock$|\.stale-\d+$/.test(e.name)) found.push(join(d, e.name));
      if (e.isDirectory()) walk(join(d, e.name));
    }
  };
  walk(dir);
  return found;
}

function withoutStore(files: Map<string, Buffer>): Map<string, Buffer> {
  return new Map([...files].filter(([name]) => !name.startsWith('sweep.sqlite')));
}

function runNumbers(dir: string): number[] {
  const db = new Database(join(dir, 'sweep.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT run FROM runs ORDER BY run').all() as { run: number }[]).map((r) => r.run);
  } finally {
    db.close();
  }
}

describe('kill -9, then again', () => {
  const ws = workspace();
  const exp = ws.write('crash.json', { replicates: 6 });
  const TOTAL = 4 * 6;
  const sweepArgs = (out: string, resume: boolean): string[] => ['sweep', exp, '--out', out, '--quiet', '--no-charts', '--workers', '1', ...(resume ? ['--resume'] : [])];

  it('coalsim run: the re-run is byte-identical to an uninterrupted one', async () => {
    const refDir = tempDir('coalsim-crash-run-ref-');
    expect(coalsim(['run', '--seed', '4', '--out', 'o', '--no-charts'], { cwd: refDir }).status).toBe(0);
    const ref = filesOf(join(refDir, 'o'));
    for (const ms of DELAYS) {
      const cwd = tempDir('coalsim-crash-run-');
      await killAfter(['run', '--seed', '4', '--out', 'o', '--no-charts'], cwd, ms);
      const again = coalsim(['run', '--seed', '4', '--out', 'o', '--no-charts'], { cwd });
      expect({ ms, status: again.status, stderr: again.stderr }).toEqual({ ms, status: 0, stderr: '' });
      expect(filesOf(join(cwd, 'o'))).toEqual(ref);
      expect({ ms, debris: debris(cwd) }).toEqual({ ms, debris: [] });
    }
  }, 300_000);

  it('coalsim sweep (including store creation): --resume loses and duplicates nothing, byte-identical', async () => {
    const refOut = join(ws.dir, 'ref');
    expect(coalsim(sweepArgs(refOut, false)).status).toBe(0);
    const ref = withoutStore(filesOf(refOut));
    for (const ms of DELAYS) {
      const out = join(ws.dir, `killed-${ms}`);
      await killAfter(sweepArgs(out, false), ws.dir, ms);
      const again = coalsim(sweepArgs(out, true));
      expect({ ms, status: again.status, stderr: again.stderr }).toEqual({ ms, status: 0, stderr: '' });
      expect(runNumbers(out)).toEqual([...Array(TOTAL).keys()]);
      expect(withoutStore(filesOf(out))).toEqual(ref);
      expect({ ms, debris: debris(ws.dir) }).toEqual({ ms, debris: [] });
    }
  }, 300_000);

  it('a store whose creation was cut short (empty file, or SQLite without tables) is recreated by --resume', () => {
    const ref = withoutStore(filesOf(join(ws.dir, 'ref')));
    const empty = join(ws.dir, 'cut-empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'sweep.sqlite'), '');
    const noTables = join(ws.dir, 'cut-notables');
    mkdirSync(noTables);
    const db = new Database(join(noTables, 'sweep.sqlite'));
    db.pragma('journal_mode = WAL');
    db.close();
    for (const out of [empty, noTables]) {
      const r = coalsim(sweepArgs(out, true));
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      expect(withoutStore(filesOf(out))).toEqual(ref);
    }
  }, 120_000);

  it('coalsim merge: the same command again completes it, byte-identical', async () => {
    const shards = [0, 1].map((i) => join(ws.dir, `shard${i}`));
    shards.forEach((d, i) => expect(coalsim([...sweepArgs(d, false), '--shard', `${i}/2`]).status).toBe(0));
    const refOut = join(ws.dir, 'merge-ref');
    expect(coalsim(['merge', ...shards, '--out', refOut, '--no-charts']).status).toBe(0);
    const ref = withoutStore(filesOf(refOut));
    expect(ref).toEqual(withoutStore(filesOf(join(ws.dir, 'ref'))));
    for (const ms of DELAYS.slice(0, 6)) {
      const out = join(ws.dir, `merge-killed-${ms}`);
      await killAfter(['merge', ...shards, '--out', out, '--no-charts'], ws.dir, ms);
      const again = coalsim(['merge', ...shards, '--out', out, '--no-charts']);
      expect({ ms, status: again.status, stderr: again.stderr }).toEqual({ ms, status: 0, stderr: '' });
      expect(runNumbers(out)).toEqual([...Array(TOTAL).keys()]);
      expect(withoutStore(filesOf(out))).toEqual(ref);
      expect({ ms, debris: debris(ws.dir) }).toEqual({ ms, debris: [] });
    }
    expect(existsSync(join(ws.dir, 'merge-ref', 'aggregate.csv'))).toBe(true);
  }, 300_000);
});
