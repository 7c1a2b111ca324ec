/**
 * Two coalsim processes writing one --out at once: the claim on the directory is atomic
 * (an exclusive create of its lock), so exactly one wins and the other exits 4 with a
 * clear message, never a stack trace and never a silent replace. Repeated, because a race
 * shows only sometimes.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';
import { workspace } from '../experiment/helpers';

interface Exit {
  status: number | null;
  stderr: string;
}

function start(args: string[], cwd: string): Promise<Exit> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'coalsim.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1', SLURM_ARRAY_TASK_ID: '' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ status: code, stderr })));
}

const LOSER = /is being written by another coalsim \(pid \d+\)|already holds results/;

function expectOneWinner(results: Exit[]): void {
  const statuses = results.map((r) => r.status).sort();
  expect(statuses).toEqual([0, 4]);
  const loser = results.find((r) => r.status === 4)!;
  expect(loser.stderr).toMatch(LOSER);
  expect(loser.stderr).not.toMatch(/\n\s+at /);
}

describe('two processes, one --out', () => {
  it('two `coalsim run` at once: exactly one wins, the other exits 4 (6 tries)', async () => {
    const dir = tempDir('coalsim-race-run-');
    for (let t = 0; t < 6; t++) {
      const out = `o${t}`;
      // Different seeds: the loser can never be a harmless "already up to date".
      const results = await Promise.all([start(['run', '--seed', '1', '--out', out, '--no-charts', '--json'], dir), start(['run', '--seed', '2', '--out', out, '--no-charts', '--json'], dir)]);
      expectOneWinner(results);
      const winnerSeed = results[0]!.status === 0 ? 1 : 2;
      expect(JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8')).seed).toBe(winnerSeed);
    }
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 240_000);

  it('two sweeps at once: exactly one wins, the other exits 4 (4 tries)', async () => {
    const ws = workspace();
    const exp = ws.write('race.json', { replicates: 2 });
    for (let t = 0; t < 4; t++) {
      const out = `s${t}`;
      const args = ['sweep', exp, '--out', out, '--quiet', '--no-charts', '--workers', '1'];
      const results = await Promise.all([start(args, ws.dir), start(args, ws.dir)]);
      expectOneWinner(results);
      const rows = readFileSync(join(ws.dir, out, 'runs.csv'), 'utf8').trim().split('\n');
      expect(rows).toHaveLength(1 + 4 * 2);
    }
    expect(readdirSync(ws.dir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 240_000);
});
