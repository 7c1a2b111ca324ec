/**
 * Commands printed back to be pasted name coalsim as it was called (cli/invocation.ts): under npx
 * (npm sets npm_command=exec), inside a checkout where `coalsim` is not on PATH, help examples and
 * the run summary's hint say `npx coalsim ...`; a bare `coalsim run ...` there failed with
 * "command not found" (a new user's audit).
 */
import { invocation } from '../../src/cli/invocation';
import { coalsim, tempDir } from '../helpers/cli';
import { join } from 'node:path';

it('npx coalsim under npx, coalsim otherwise', () => {
  expect(invocation({ npm_command: 'exec' })).toBe('npx coalsim');
  expect(invocation({})).toBe('coalsim');
  expect(invocation({ npm_command: 'run-script' })).toBe('coalsim');
});

it('help examples and the hold-up hint are pasteable under npx', () => {
  const help = coalsim(['run', '--help'], { env: { npm_command: 'exec' } });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('npx coalsim run teaching-holdup');
  const out = join(tempDir(), 'holdup');
  const r = coalsim(['run', 'teaching-holdup', '--seed', '1', '--no-charts', '--out', out], { env: { npm_command: 'exec' } });
  expect(r.status).toBe(0);
  // The summary wraps at the terminal width: compare with line breaks as spaces.
  expect(r.stdout.replace(/\s+/g, ' ')).toContain(`\`npx coalsim explain ${out}\` tells each one`);
  const plain = coalsim(['run', '--help']);
  expect(plain.stdout).toMatch(/^ {2}coalsim run teaching-holdup/m);
});
