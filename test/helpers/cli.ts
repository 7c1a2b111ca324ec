import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './scenarios';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (npm test builds dist/ first) as a user would. */
export function coalsim(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'coalsim.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    // npm_command cleared: under `npx jest` it is "exec", and help would say `npx coalsim` (cli/invocation.ts).
    env: { ...process.env, NO_COLOR: '1', npm_command: '', ...opts.env },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'coalsim-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under a directory, by relative path, in sorted order (for byte comparisons). */
export function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
      else out.set(prefix + name, readFileSync(p));
    }
  };
  walk(dir, '');
  return out;
}
