/**
 * The core is pure: no I/O, no wall clock, no global randomness, and nothing from the
 * edges (CLI, output, charts, report, experiment) is imported into it. A lint in test form.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/scenarios';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const core = files(join(ROOT, 'src', 'core'));

describe('the pure core (src/core)', () => {
  it('has files to check', () => {
    expect(core.length).toBeGreaterThan(20);
  });
  it.each([
    ['node: built-ins or fs/path/os', /from ['"](node:|fs['"]|path['"]|os['"]|child_process|worker_threads)/],
    ['Math.random', /Math\.random\(/],
    ['the wall clock', /Date\.now\(|new Date\(|performance\.now\(/],
    ['console output', /console\.(log|error|warn|info)\(/],
    ['process', /\bprocess\./],
    ['imports from the edges', /from ['"]\.\.\/(\.\.\/)*(cli|output|charts|report|experiment|calibration|replication)\//],
  ])('never uses %s', (_what, pattern) => {
    const offenders = core.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
