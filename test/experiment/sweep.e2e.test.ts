/**
 * The sweep through the built CLI (npm test builds dist/ first), as a user runs it: worker
 * counts, failures, kill -9 and resume, Ctrl-C, output safety, shards and merge.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { experimentHash } from '../../src/experiment/load';
import { coalsim } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';
import { workspace } from './helpers';

const FILES = ['runs.csv', 'aggregate.csv', 'manifest.json'];
const ws = workspace();
const small = ws.write('small.json', { replicates: 6 });

function sweep(args: string[], env: Record<string, string> = {}): ReturnType<typeof coalsim> {
  return coalsim(['sweep', ...args, '--quiet', '--no-charts'], { env: { SLURM_ARRAY_TASK_ID: '', SLURM_ARRAY_TASK_COUNT: '', ...env } });
}

function expectSameFiles(a: string, b: string): void {
  for (const f of FILES) expect(`${f}: ${readFileSync(join(b, f), 'utf8')}`).toBe(`${f}: ${readFileSync(join(a, f), 'utf8')}`);
}

function storedRuns(dir: string): number {
  const path = join(dir, 'sweep.sqlite');
  if (!existsSync(path)) return 0;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Start a sweep in the background and send it `signal` once `after` runs are stored. */
async function interrupt(args: string[], dir: string, after: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; storedAtKill: number }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'coalsim.js'), 'sweep', ...args, '--quiet', '--no-charts'], { cwd: ROOT, env: { ...process.env, SLURM_ARRAY_TASK_ID: '' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  let storedAtKill = 0;
  for (let i = 0; i < 2000 && child.exitCode === null; i++) {
    storedAtKill = storedRuns(dir);
    if (storedAtKill >= after) {
      child.kill(signal);
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { ...(await exited), stderr, storedAtKill };
}

describe('coalsim sweep', () => {
  const ref = join(ws.dir, 'ref');
  const first = sweep([small, '--out', ref, '--workers', '2']);

  it('runs a sweep and writes runs.csv, aggregate.csv, manifest.json and the store', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/24 runs \(0 failed\)/);
    // A finished sweep leaves its store as one file: no SQLite write-ahead log or shared-memory file beside it.
    expect(readdirSync(ref).filter((f) => f.startsWith('sweep.sqlite-'))).toEqual([]);
    const runs = readFileSync(join(ref, 'runs.csv'), 'utf8').trim().split('\n');
    expect(runs[0]).toBe('run,point,uncertainty,surge,replicate,seed,status,error,costPerForeignSoldierYear,flags,meanShare,reversals');
    expect(runs).toHaveLength(1 + 24);
    expect(runs.slice(1).map((r) => r.split(',')[0])).toEqual(Array.from({ length: 24 }, (_, i) => String(i)));
    const agg = readFileSync(join(ref, 'aggregate.csv'), 'utf8').trim().split('\n');
    expect(agg[0]).toBe('point,uncertainty,surge,metric,runs,failed,n,mean,sd,ci95_low,ci95_high,ci_method');
    expect(agg).toHaveLength(1 + 4 * 4);
    const manifest = JSON.parse(readFileSync(join(ref, 'manifest.json'), 'utf8')) as { complete: boolean; runs: { ok: number }; files: { name: string }[] };
    expect(manifest.complete).toBe(true);
    expect(manifest.runs.ok).toBe(24);
    expect(manifest.files.map((f) => f.name)).toEqual(['runs.csv', 'aggregate.csv']);
  });

  it('aggregate: mean, sd and a t-based 95% interval per point and metric, from runs.csv, to 6 significant digits', () => {
    const runs = readFileSync(join(ref, 'runs.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const costs = runs.filter((r) => r[1] === '0').map((r) => Number(r[8]));
    const row = readFileSync(join(ref, 'aggregate.csv'), 'utf8').split('\n').find((l) => l.startsWith('0,') && l.includes(',costPerForeignSoldierYear,'))!.split(',');
    const n = costs.length;
    const mean = costs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(costs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const t5 = 2.570581835636314; // t(0.975, 5)
    const six = (x: number): number => Number(x.toPrecision(6));
    expect(Number(row[6])).toBe(6);
    expect(Number(row[7])).toBe(six(mean));
    expect(Number(row[8])).toBe(six(sd));
    expect(Number(row[9])).toBe(six(mean - (t5 * sd) / Math.sqrt(n)));
    expect(Number(row[10])).toBe(six(mean + (t5 * sd) / Math.sqrt(n)));
    expect(row[11]).toBe('t');
    // A bounded metric (flags, a count) gets a bootstrap interval, which stays at or above 0.
    const agg = readFileSync(join(ref, 'aggregate.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const flags = agg.filter((a) => a[3] === 'flags');
    expect(flags.length).toBeGreaterThan(0);
    for (const a of flags) {
      expect(a[11]).toBe('bootstrap');
      expect(Number(a[9])).toBeGreaterThanOrEqual(0);
      expect(Number(a[9])).toBeLessThanOrEqual(Number(a[7]));
      expect(Number(a[10])).toBeGreaterThanOrEqual(Number(a[7]));
    }
    // No float noise: every number has at most 6 significant digits.
    for (const a of agg) for (const v of a.slice(7, 11)) if (v !== '') expect(Number(v)).toBe(Number(Number(v).toPrecision(6)));
  });

  it('gives byte-identical outputs in this thread, with 1 worker and with 2 workers', () => {
    for (const workers of ['0', '1']) {
      const out = join(ws.dir, `w${workers}`);
      expect(sweep([small, '--out', out, '--workers', workers]).status).toBe(0);
      expectSameFiles(ref, out);
    }
  });

  it('never overwrites results without --force, and --force starts over', () => {
    const again = sweep([small, '--out', ref]);
    expect(again.status).toBe(4);
    expect(again.stderr).toMatch(/already holds results; pass --force .* or --resume/);
    const forced = sweep([small, '--out', ref, '--force', '--workers', '0']);
    expect(forced.status).toBe(0);
    expectSameFiles(join(ws.dir, 'w0'), ref);
  });

  it('--resume refuses a directory holding a different experiment', () => {
    const other = ws.write('other.json', { replicates: 6, seed: 99 });
    const r = sweep([other, '--out', ref, '--resume']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/cannot resume into .*ref: it holds a different experiment/);
  });

  it('records a run that throws as failed, with its error and seed, and goes on', () => {
    const out = join(ws.dir, 'failing');
    const r = sweep([small, '--out', out, '--workers', '2'], { COALSIM_TEST_FAIL_REPLICATE: '1' });
    // Outputs are written, but the exit code says the sweep did not succeed (a Slurm afterok stops).
    expect(r.status).toBe(7);
    expect(r.stderr).toMatch(/4 run\(s\) failed.*\n.*--resume --retry-failed/);
    expect(r.stdout).toMatch(/24 runs \(4 failed\)/);
    const rows = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const failed = rows.filter((x) => x[6] === 'failed');
    expect(failed.map((x) => x[4])).toEqual(['1', '1', '1', '1']);
    for (const x of failed) {
      expect(x[7]).toMatch(/injected failure/);
      expect(Number(x[5])).toBeGreaterThan(0);
    }
    // Same seeds as the clean sweep: failure changes nothing else.
    const clean = readFileSync(join(ref, 'runs.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.map((x) => x[5])).toEqual(clean.map((x) => x[5]));
    const agg = readFileSync(join(out, 'aggregate.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    for (const a of agg) expect([a[4], a[5]]).toEqual(['6', '1']);
  });

  it('--resume --retry-failed runs the failed runs again; once they pass, the result is the clean sweep and exit 0', () => {
    const out = join(ws.dir, 'failing');
    expect(sweep([small, '--out', out, '--retry-failed']).status).toBe(2);
    const r = sweep([small, '--out', out, '--resume', '--retry-failed', '--workers', '0']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 failed run\(s\) were run again/);
    expectSameFiles(ref, out);
  });
});

describe('resume', () => {
  const big = ws.write('big.json', { replicates: 150 });
  const whole = join(ws.dir, 'big-whole');
  const reference = sweep([big, '--out', whole, '--workers', '2']);

  it('after kill -9 mid-sweep, --resume skips stored runs and ends byte-identical', async () => {
    expect(reference.status).toBe(0);
    const out = join(ws.dir, 'big-killed');
    const killed = await interrupt([big, '--out', out, '--workers', '1'], out, 60, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const stored = storedRuns(out);
    expect(stored).toBeGreaterThanOrEqual(60);
    expect(stored).toBeLessThan(600);
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
    const resumed = sweep([big, '--out', out, '--resume', '--workers', '2']);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`600 runs \\(0 failed\\), ${stored} of them already stored; ${600 - stored} runs now`));
    expectSameFiles(whole, out);
  }, 120_000);

  it('stops cleanly on Ctrl-C (SIGINT), keeping every finished run, and resumes', async () => {
    const out = join(ws.dir, 'big-sigint');
    const stopped = await interrupt([big, '--out', out, '--workers', '2'], out, 40, 'SIGINT');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted: \d+ runs stored .*\n.*--resume/);
    expect(sweep([big, '--out', out, '--resume']).status).toBe(0);
    expectSameFiles(whole, out);
    // Resuming a finished sweep runs nothing and changes nothing.
    const again = sweep([big, '--out', out, '--resume']);
    expect(again.stdout).toMatch(/; 0 runs now/);
    expectSameFiles(whole, out);
  }, 120_000);
});

describe('shards and merge', () => {
  const dirs = [0, 1, 2].map((i) => join(ws.dir, `shard${i}`));
  const whole = join(ws.dir, 'w0');

  it('--shard i/n runs a slice; merging the shards gives the single-machine result', () => {
    dirs.forEach((d, i) => {
      const r = sweep([small, '--out', d, '--shard', `${i}/3`, '--workers', '1']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/8 runs/);
      expect(existsSync(join(d, 'aggregate.csv'))).toBe(false);
    });
    const merged = join(ws.dir, 'merged');
    // Incomplete first: two shards of three.
    const partial = coalsim(['merge', dirs[0]!, dirs[2]!, '--out', merged, '--no-charts']);
    expect(partial.status).toBe(8);
    expect(partial.stderr).toMatch(/incomplete: 8 run\(s\)/);
    expect(existsSync(join(merged, 'aggregate.csv'))).toBe(false);
    // The missing shard into the same --out completes it.
    const rest = coalsim(['merge', dirs[1]!, '--out', merged, '--no-charts']);
    expect(rest.status).toBe(0);
    expectSameFiles(whole, merged);
    // Idempotent: merging everything again (a shard twice, too) changes nothing.
    const again = coalsim(['merge', ...dirs, dirs[1]!, '--out', merged, '--no-charts']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/0 run\(s\) added/);
    expectSameFiles(whole, merged);
  });

  it('merges stores made before the scenario format bump (their scenario in format 1)', () => {
    // Rewrite copies of the shards' stores as an older coalsim wrote them: the base scenario in
    // format version 1, the sweep identified by the hash of that stored form.
    const old = dirs.map((d, i) => {
      const copy = join(ws.dir, `v1-shard${i}`);
      cpSync(d, copy, { recursive: true });
      const db = new Database(join(copy, 'sweep.sqlite'));
      const get = (k: string) => JSON.parse((db.prepare('SELECT value FROM meta WHERE key = ?').get(k) as { value: string }).value) as string;
      const scenario = { ...JSON.parse(get('scenario')), formatVersion: 1 };
      const hash = experimentHash(JSON.parse(get('experiment')), scenario);
      const set = db.prepare('UPDATE meta SET value = ? WHERE key = ?');
      set.run(JSON.stringify(JSON.stringify(scenario)), 'scenario');
      set.run(JSON.stringify(hash), 'hash');
      db.close();
      return copy;
    });
    const merged = join(ws.dir, 'merged-v1');
    const r = coalsim(['merge', ...old, '--out', merged, '--no-charts']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(merged, 'runs.csv'), 'utf8')).toBe(readFileSync(join(whole, 'runs.csv'), 'utf8'));
  });

  it('takes the shard from a Slurm array task', () => {
    const d = join(ws.dir, 'slurm-shard');
    const r = sweep([small, '--out', d, '--workers', '0'], { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '0' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(d, 'runs.csv'), 'utf8')).toBe(readFileSync(join(dirs[1]!, 'runs.csv'), 'utf8'));
  });

  it('refuses to merge shards of different experiments', () => {
    const other = ws.write('other2.json', { replicates: 6, seed: 5 });
    const d = join(ws.dir, 'other-shard');
    expect(sweep([other, '--out', d, '--shard', '0/3']).status).toBe(0);
    const r = coalsim(['merge', dirs[0]!, d, '--out', join(ws.dir, 'bad-merge')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/holds a different experiment/);
  });
});
