/**
 * Ctrl-C stops a long `run` at once, and what it leaves is harmless. Node takes a JavaScript
 * signal listener only between turns of its event loop, and the model runs in one synchronous
 * turn: a listener that cleaned up the lock on the way out kept a 14-second run going to the end
 * and then reported 130 over a finished folder (researcher's audit). So `run` keeps the default
 * action: the process ends at once, its folder is absent (written in full, then renamed, only at
 * the end), and the lock it leaves beside it names a dead process, which the next command into the
 * same folder takes over and removes (output/outDir.ts claimOutDir). Sweep and fit stop after
 * the work in progress instead (cli/stopSignals.ts; test/experiment/sweep.e2e.test.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { population } from '../helpers/bargainingScenarios';
import { coalsim, tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';

/** About 11 s of engine work on a 2-core machine: 150 partners, 600 rounds. */
function longScenario(dir: string): string {
  const s = population({ generic: 150, populationSeed: 1, demandFactor: 0.8, openness: 0.5, intelligence: 0.5, deathsPerThousandPerRound: 0.5, casualtySensitivity: 0.5 });
  const file = join(dir, 'long.json');
  writeFileSync(file, JSON.stringify({ ...s, clock: { ...s.clock, rounds: 600 } }));
  return file;
}

describe.each(['SIGINT', 'SIGTERM'] as const)('coalsim run stopped by %s', (signal) => {
  const parent = tempDir();
  const scenario = longScenario(tempDir());
  const out = join(parent, 'out');

  it('ends at once, mid-run, with no folder written', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'coalsim.js'), 'run', scenario, '--out', out, '--no-charts'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    const lock = join(parent, '.out.lock');
    for (let i = 0; i < 3000 && child.exitCode === null && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 5));
    expect(existsSync(lock)).toBe(true);
    // Into the model's synchronous work.
    await new Promise((r) => setTimeout(r, 500));
    child.kill(signal);
    const ended = await exited;
    // Ended by the signal, before the run could write anything: had the signal waited for the
    // model, the folder would exist.
    expect(ended).toEqual({ code: null, signal });
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('the next run into the same folder takes over the dead lock and leaves nothing beside it', () => {
    const r = coalsim(['run', 'default', '--seed', '1', '--out', out, '--no-charts']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    expect(readdirSync(parent)).toEqual(['out']);
  }, 60_000);
});
