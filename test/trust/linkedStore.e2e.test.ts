/**
 * A sweep store behind a symbolic link is never opened: SQLite would write through it, to a file
 * outside the sweep's folder (a security review: `sweep --resume` changed the bytes of the linked
 * store, and of another folder's shard store it refused to resume into). Every command that opens
 * a store refuses, exit 4, naming the link and its target; the target is left byte-identical.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { coalsim, tempDir } from '../helpers/cli';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('a sweep store behind a symbolic link', () => {
  const dir = tempDir('coalsim-linked-store-');
  const exp = join(dir, 'tiny.json');
  const sw = join(dir, 'sw');
  const outside = join(dir, 'outside', 'store.sqlite');
  beforeAll(() => {
    writeFileSync(exp, JSON.stringify({ formatVersion: 1, id: 'tiny', title: 'tiny', scenario: 'default', design: { type: 'grid' }, parameters: [{ name: 'o', path: 'pivotal.bargaining.openness', values: [0.2, 0.8] }], replicates: 2, metrics: ['meanShare'] }));
    expect(coalsim(['sweep', exp, '--out', sw, '--quiet', '--no-charts']).status).toBe(0);
    mkdirSync(join(dir, 'outside'));
    cpSync(join(sw, 'sweep.sqlite'), outside);
    rmSync(join(sw, 'sweep.sqlite'));
    symlinkSync(outside, join(sw, 'sweep.sqlite'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['sweep --resume', () => ['sweep', exp, '--out', sw, '--resume', '--quiet']],
    ['analyze', () => ['analyze', sw]],
    ['merge', () => ['merge', sw, '--out', join(dir, 'merged')]],
  ])('%s refuses it, exit 4, naming the link and its target, and leaves the target as it was', (_, args) => {
    const before = sha(outside);
    const r = coalsim(args());
    expect(r.status).toBe(4);
    expect(r.stderr).toContain(`sweep.sqlite is a symbolic link (to ${outside}); coalsim never opens a sweep store through a link`);
    expect(sha(outside)).toBe(before);
  });
});
