/**
 * A sweep store behind a symbolic link is never opened: SQLite would write through it, to a file
 * outside the sweep's folder (a security review: `sweep --resume` changed the bytes of the linked
 * store, and of another folder's shard store it refused to resume into). Every command that opens
 * a store refuses, exit 4, naming the link and its target; the target is left byte-identical.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/**
 * --out that is a dangling symbolic link: refused like any link, naming it and where it points,
 * with a fix that is not a subfolder of the link. It had failed with ENOTDIR, exit 5, naming
 * coalsim's temporary folder (a security review).
 */
describe('--out as a dangling symbolic link', () => {
  const dir = tempDir('coalsim-dangling-out-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('is refused, exit 4, naming the link and its missing target; nothing is created', () => {
    const link = join(dir, 'dang');
    symlinkSync(join(dir, 'nowhere'), link);
    const r = coalsim(['run', 'teaching-holdup', '--out', link, '--no-charts']);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain(`is a symbolic link (to ${join(dir, 'nowhere')}, which does not exist)`);
    expect(r.stderr).toContain('Give --out a real folder, not a link to one');
    expect(r.stderr).not.toMatch(/coalsim-tmp|ENOTDIR/);
    expect(readdirSync(dir)).toEqual(['dang']);
  });
});

/** `report` given a link to a run folder names the real folder as the fix (it had said "cd .. && coalsim report <link>", refused the same way). */
describe('report through a symbolic link to a run folder', () => {
  const dir = tempDir('coalsim-report-link-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('is refused, naming the real folder to give instead', () => {
    const run = join(dir, 'r2');
    expect(coalsim(['run', 'teaching-holdup', '--out', run, '--no-charts']).status).toBe(0);
    writeFileSync(join(run, 'report.html'), readFileSync(join(run, 'report.html'), 'utf8') + ' ');
    const link = join(dir, 'r2link');
    symlinkSync(run, link);
    const r = coalsim(['report', link, '--force']);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain(`Give the folder itself: coalsim report ${run}`);
    // And that command works.
    expect(coalsim(['report', run, '--force', '--no-charts']).status).toBe(0);
  });
});

/** `coalsim slurm` refuses a link planted at slurm/logs, where the jobs would write their logs through it (a security review). */
describe('slurm with a symbolic link at slurm/logs', () => {
  const dir = tempDir('coalsim-slurm-logs-link-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('is refused, exit 4, naming the link; no script is written', () => {
    const exp = join(dir, 'tiny.json');
    writeFileSync(exp, JSON.stringify({ formatVersion: 1, id: 'tiny', title: 'tiny', scenario: 'default', design: { type: 'grid' }, parameters: [{ name: 'o', path: 'pivotal.bargaining.openness', values: [0.2, 0.8] }], replicates: 2, metrics: ['meanShare'] }));
    const out = join(dir, 'sl');
    mkdirSync(join(out, 'slurm'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(out, 'slurm', 'logs'));
    const r = coalsim(['slurm', exp, '--out', out, '--shards', '2']);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain(`${join(out, 'slurm', 'logs')} is a symbolic link`);
    expect(readdirSync(join(out, 'slurm'))).toEqual(['logs']);
  });
});
