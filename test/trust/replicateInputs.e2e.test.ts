/**
 * The data files `replicate` reads (--troops, --data, the shared data) are read as scenario files
 * are: at most 10 MiB, checked before loading, and UTF-8 (a security audit, 2026-12-07: --troops
 * /dev/zero grew to 12.9 GB of memory).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, tempDir } from '../helpers/cli';

it('--troops /dev/zero and --data /dev/zero are refused at the limit (exit 3), not read without end', () => {
  const dir = tempDir('coalsim-repl-');
  const started = Date.now();
  const a = coalsim(['replicate', 'isaf', '--data', '/dev/zero', '--seeds', '1']);
  expect(a.status).toBe(3);
  expect(a.stderr).toMatch(/\/dev\/zero: .*over the limit of 10,485,760 bytes/);
  const b = coalsim(['replicate', 'coalition', '--year', '2010', '--troops', '/dev/zero', '--seeds', '1', '--out', join(dir, 'o')]);
  expect(b.status).toBe(3);
  expect(b.stderr).toMatch(/over the limit/);
  expect(Date.now() - started).toBeLessThan(60_000);
});

it('a troops file that is not UTF-8 is refused, naming it', () => {
  const dir = tempDir('coalsim-repl-');
  const file = join(dir, 'troops.csv');
  writeFileSync(file, Buffer.from([0x69, 0x73, 0x6f, 0x33, 0x2c, 0x74, 0x72, 0x6f, 0x6f, 0x70, 0x73, 0x0a, 0xff, 0xfe, 0x2c, 0x31, 0x0a]));
  const r = coalsim(['replicate', 'coalition', '--year', '2010', '--troops', file, '--seeds', '1']);
  expect(r.status).toBe(3);
  expect(r.stderr).toContain('troops.csv');
  expect(r.stderr).toMatch(/UTF-8/);
});
