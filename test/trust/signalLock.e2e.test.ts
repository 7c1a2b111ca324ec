/**
 * A `run` stopped by Ctrl-C or SIGTERM leaves no lock beside its folder and nothing half-written
 * (output/outDir.ts `leaveThroughExitOnSignals`: with no other listener, a signal leaves through
 * process.exit, whose handlers remove the claim's lock; a default signal death ran none and
 * left `.<name>.lock`). Node takes a signal between turns of its event loop: one that arrives while
 * the model or the writing runs is taken after it, so the folder is then whole (the results of a
 * run that had nothing left to do but write them); never part of it. The next run replaces it
 * with no debris left beside it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';

const SCENARIO = join(ROOT, 'scenarios', 'default.json');

/** Starts `coalsim run` into `out`, sends `signal` as soon as its lock exists, and waits for the exit. */
async function stopWhileLocked(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawLock: boolean; stderr: string }> {
  const lock = join(out, '..', `.${out.split('/').pop()!}.lock`);
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'coalsim.js'), 'run', SCENARIO, '--seed', '1', '--out', out], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, sig) => resolve({ code, signal: sig })));
  let sawLock = false;
  for (let i = 0; i < 4000 && child.exitCode === null; i++) {
    if (existsSync(lock)) {
      sawLock = true;
      child.kill(signal);
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return { ...(await exited), sawLock, stderr };
}

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('coalsim run stopped by %s', (signal, code) => {
  const parent = tempDir();
  const out = join(parent, 'out');

  it(`exits ${code}, removes its lock and leaves the folder whole or absent`, async () => {
    const stopped = await stopWhileLocked(out, signal);
    expect(stopped.sawLock).toBe(true);
    expect(stopped).toMatchObject({ code, signal: null });
    expect(stopped.stderr).toContain(`coalsim: stopped by ${signal}; no output folder is left half-written`);
    expect(readdirSync(parent).filter((f) => f.endsWith('.lock'))).toEqual([]);
    if (existsSync(out)) {
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { name: string; bytes: number }[] };
      expect(manifest.files.length).toBeGreaterThan(5);
      for (const f of manifest.files) expect({ name: f.name, bytes: statSync(join(out, f.name)).size }).toEqual({ name: f.name, bytes: f.bytes });
    }
  }, 60_000);

  it('the next run into the same folder finishes whole and leaves no debris beside it', () => {
    const r = coalsim(['run', SCENARIO, '--seed', '1', '--out', out, '--no-charts', '--force']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['out']);
  }, 60_000);
});
