/**
 * Error messages quote file names and scenario keys; their control characters reach the terminal
 * escaped (a security audit, 2026-12-07: an OSC sequence in a file name retitled the window, and
 * an 8-bit CSI in a JSON key reached stderr raw). Messages keep their own line breaks.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';

const ESC = '\u001b';

it('a file name with escape sequences is printed escaped', () => {
  const dir = tempDir('coalsim-esc-');
  const name = join(dir, `evil${ESC}]0;pwned\u0007${ESC}[31mname.json`);
  writeFileSync(name, '{ not json');
  for (const cmd of ['validate', 'run']) {
    const r = coalsim([cmd, name]);
    expect(r.status).toBe(3);
    expect(r.stderr).not.toContain(ESC);
    expect(r.stderr).not.toContain('\u0007');
    expect(r.stderr).toContain('\\u001b]0;pwned');
  }
});

it('an 8-bit CSI in a scenario key is printed escaped', () => {
  const dir = tempDir('coalsim-csi-');
  const file = join(dir, 's.json');
  writeFileSync(file, JSON.stringify({ formatVersion: 2, meta: { id: 'x', title: 'x' }, ['\u009b31mX']: 1 }));
  const r = coalsim(['validate', file]);
  expect(r.status).toBe(3);
  expect(r.stderr).not.toContain('\u009b');
  expect(r.stderr).toContain('\\u009b31mX');
});

it('validate reads a scenario given as a pipe once (it read it twice and saw an empty second read)', () => {
  // A real pipe: bash process substitution, as a user would write it.
  const p = spawnSync('bash', ['-c', `"${process.execPath}" bin/coalsim.js validate <(cat scenarios/teaching-holdup.json)`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect({ status: p.status, stderr: p.stderr }).toEqual({ status: 0, stderr: '' });
  expect(p.stdout).toMatch(/^ok {2}\/dev\/fd\/\d+/);
});
