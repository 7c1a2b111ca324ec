/**
 * What a trust audit (2026-12-07) found could still lose or misreport a user's results, each
 * fixed and checked here through the CLI:
 * - `fit`, `analyze` and `report` claim their folder like `run` and `sweep`: while another
 *   coalsim holds it they exit 4 and touch nothing (a second fit with --force deleted the first
 *   one's store as it ran; a report finishing after a run --force put the older run back);
 * - `report` never rebuilds from data edited since coalsim wrote it (an emptied events.ndjson
 *   gave a report saying "No reversal"), nor follows a symlink or opens a FIFO in the folder;
 * - `--force` keeps a data file edited since coalsim wrote it (a run's scenario.json), and
 *   `sweep`/`fit --force` refuse an input that lies in --out;
 * - `slurm` never overwrites a slurm/manifest.json that is not coalsim's record.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimOutDir } from '../../src/output/outDir';
import { coalsim, filesOf, tempDir } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';
import { workspace } from '../experiment/helpers';

/** A saved run of the default scenario (no charts: quick). */
function savedRun(dir: string, name = 'run'): string {
  const out = join(dir, name);
  const r = coalsim(['run', join(ROOT, 'scenarios', 'default.json'), '--out', out, '--no-charts', '--json']);
  expect(r.status).toBe(0);
  return out;
}

/** While this process holds `held` (a live pid, as a running coalsim would), `args` exits 4 and `held` is unchanged. */
function expectRefusedWhileHeld(held: string, args: string[]): void {
  const before = filesOf(held);
  const claim = claimOutDir(held);
  try {
    const r = coalsim(args);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/is being written by another coalsim/);
    expect(filesOf(held)).toEqual(before);
  } finally {
    claim.release();
  }
}

describe('a folder another coalsim holds is left alone', () => {
  it('fit, analyze and report exit 4 while the folder is claimed, and change nothing in it', () => {
    const dir = tempDir('coalsim-held-');
    // This test process holds the claims: a live pid, as a running coalsim would.
    const run = savedRun(dir);
    const before = filesOf(run);
    const held = claimOutDir(run);
    try {
      const r = coalsim(['report', run, '--force', '--no-charts']);
      expect(r.status).toBe(4);
      expect(r.stderr).toMatch(/is being written by another coalsim \(pid \d+\)/);
      expect(filesOf(run)).toEqual(before);
    } finally {
      held.release();
    }

    copyFileSync(join(ROOT, 'test', 'fit', 'fixtures', 'rubinstein.fit.json'), join(dir, 'f.fit.json'));
    copyFileSync(join(ROOT, 'test', 'fit', 'fixtures', 'bilateral.json'), join(dir, 'bilateral.json'));
    const fitOut = join(dir, 'fit');
    const heldFit = claimOutDir(fitOut);
    try {
      const r = coalsim(['fit', join(dir, 'f.fit.json'), '--out', fitOut, '--force', '--workers', '0']);
      expect(r.status).toBe(4);
      expect(r.stderr).toMatch(/is being written by another coalsim/);
      expect(existsSync(fitOut)).toBe(false);
    } finally {
      heldFit.release();
    }

    const ws = workspace();
    const exp = ws.write('grid.json', { replicates: 1 });
    const sweepOut = join(ws.dir, 's');
    expect(coalsim(['sweep', exp, '--out', sweepOut, '--quiet', '--no-charts', '--workers', '0']).status).toBe(0);
    expectRefusedWhileHeld(sweepOut, ['analyze', sweepOut]);
  }, 180_000);
});

describe('report rebuilds only from the data coalsim wrote', () => {
  it('refuses an edited events.ndjson (exit 3, named), and a symlink in the folder, without following it', () => {
    const dir = tempDir('coalsim-edited-');
    const run = savedRun(dir);
    writeFileSync(join(run, 'events.ndjson'), '');
    const r = coalsim(['report', run, '--force', '--no-charts']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/events\.ndjson is missing or no longer what coalsim wrote \(the sha256 in manifest\.json differs\)/);
    expect(readFileSync(join(run, 'events.ndjson'), 'utf8')).toBe('');

    const other = savedRun(dir, 'other');
    symlinkSync('.', join(other, 'self'));
    const loop = coalsim(['report', other, '--force', '--no-charts']);
    expect(loop.status).toBe(3);
    expect(loop.stderr).toMatch(/self is a symbolic link, which coalsim never writes in a run folder/);
    expect(loop.stderr).not.toMatch(/ELOOP/);
  }, 60_000);
});

describe('--force keeps what a user edited or reads', () => {
  it('run --force refuses a folder whose scenario.json was edited since, and keeps the edit', () => {
    const dir = tempDir('coalsim-force-edit-');
    const run = savedRun(dir);
    const edited = readFileSync(join(run, 'scenario.json'), 'utf8').replace('"rounds": 24', '"rounds": 25');
    writeFileSync(join(run, 'scenario.json'), edited);
    const r = coalsim(['run', join(ROOT, 'scenarios', 'default.json'), '--out', run, '--force', '--no-charts']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/holds a file coalsim did not write, or edited since it wrote it \(scenario\.json\)/);
    expect(readFileSync(join(run, 'scenario.json'), 'utf8')).toBe(edited);
  }, 60_000);

  it('sweep --force refuses an --out that holds its own experiment file', () => {
    const ws = workspace();
    const out = join(ws.dir, 's');
    const exp = ws.write('grid.json', { replicates: 1 });
    expect(coalsim(['sweep', exp, '--out', out, '--quiet', '--no-charts', '--workers', '0']).status).toBe(0);
    const inside = join(out, 'mine.json');
    copyFileSync(exp, inside);
    writeFileSync(inside, readFileSync(exp, 'utf8').replace('"scenario": "scenario.json"', '"scenario": "../scenario.json"'));
    const r = coalsim(['sweep', inside, '--out', out, '--force', '--quiet', '--no-charts', '--workers', '0']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/is, holds or lies inside the input .*mine\.json/);
    expect(existsSync(inside)).toBe(true);
  }, 120_000);

  it("slurm never overwrites a slurm/manifest.json that is not coalsim's record, even with --force", () => {
    const ws = workspace();
    const exp = ws.write('grid.json', { replicates: 1 });
    const project = join(ws.dir, 'proj');
    mkdirSync(join(project, 'slurm'), { recursive: true });
    writeFileSync(join(project, 'slurm', 'manifest.json'), '{"my":1}\n');
    for (const force of [[], ['--force']]) {
      const r = coalsim(['slurm', exp, '--out', project, ...force]);
      expect(r.status).toBe(4);
      expect(r.stderr).toMatch(/manifest\.json, which is not coalsim's record of its job scripts/);
    }
    expect(readFileSync(join(project, 'slurm', 'manifest.json'), 'utf8')).toBe('{"my":1}\n');
  }, 60_000);
});

describe('a replaced folder keeps its permissions', () => {
  it('report --force and run --force keep a private folder private (700) and a private file 600', () => {
    const dir = tempDir('coalsim-modes-');
    const run = savedRun(dir);
    chmodSync(run, 0o700);
    chmodSync(join(run, 'summary.json'), 0o600);
    expect(coalsim(['report', run, '--force', '--no-charts']).status).toBe(0);
    expect(statSync(run).mode & 0o777).toBe(0o700);
    expect(statSync(join(run, 'summary.json')).mode & 0o777).toBe(0o600);
    expect(coalsim(['run', join(ROOT, 'scenarios', 'default.json'), '--seed', '2', '--out', run, '--force', '--no-charts']).status).toBe(0);
    expect(statSync(run).mode & 0o777).toBe(0o700);
    expect(statSync(join(run, 'summary.json')).mode & 0o777).toBe(0o600);
  }, 60_000);
});

describe('paths that would mislead', () => {
  it('an unexpanded ~ in --out is refused (exit 2) before any folder named "~" is made', () => {
    const dir = tempDir('coalsim-tilde-');
    const r = coalsim(['run', '--out=~/results', '--no-charts'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the shell did not expand "~".*--out "\$HOME\/results"/);
    expect(existsSync(join(dir, '~'))).toBe(false);
  });

  it('validate --migrate on a missing file is an input error (exit 3), not "not migrated" with exit 0', () => {
    const dir = tempDir('coalsim-migrate-missing-');
    const r = coalsim(['validate', '--migrate', join(dir, 'nosuch.json')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/nosuch\.json {2}file not found/);
    expect(r.stderr).not.toMatch(/\(root\)/);
  });
});

describe('merge names a missing input as an input error', () => {
  it('a shard folder that does not exist, or holds no sweep, exits 3 naming it (it exited 4, "--out holds something else")', () => {
    const dir = tempDir('coalsim-merge-missing-');
    const gone = coalsim(['merge', join(dir, 'nosuch'), '--out', join(dir, 'all')]);
    expect(gone.status).toBe(3);
    expect(gone.stderr).toMatch(/nosuch: no such folder/);
    mkdirSync(join(dir, 'empty'));
    const empty = coalsim(['merge', join(dir, 'empty'), '--out', join(dir, 'all')]);
    expect(empty.status).toBe(3);
    expect(empty.stderr).toMatch(/empty holds no sweep/);
    expect(existsSync(join(dir, 'all'))).toBe(false);
  });
});

describe('results edited by hand are the user\'s (audits of 2026-12-07, teacher and security)', () => {
  it('run --force keeps an annotated report.html (exit 4, named); an untouched one is replaced', () => {
    const dir = tempDir('coalsim-view-');
    const run = savedRun(dir);
    writeFileSync(join(run, 'report.html'), readFileSync(join(run, 'report.html'), 'utf8') + '<!-- teacher edit -->\n');
    const r = coalsim(['run', join(ROOT, 'scenarios', 'default.json'), '--seed', '2', '--out', run, '--force', '--no-charts']);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('report.html');
    expect(readFileSync(join(run, 'report.html'), 'utf8')).toContain('<!-- teacher edit -->');
    const clean = savedRun(dir, 'clean');
    expect(coalsim(['run', join(ROOT, 'scenarios', 'default.json'), '--seed', '2', '--out', clean, '--force', '--no-charts']).status).toBe(0);
  });

  it('fit --force, --resume and --merge keep an edited fitted-scenario.json (exit 4, named)', () => {
    const dir = tempDir('coalsim-fitedit-');
    copyFileSync(join(ROOT, 'test', 'fit', 'fixtures', 'rubinstein.fit.json'), join(dir, 'f.fit.json'));
    copyFileSync(join(ROOT, 'test', 'fit', 'fixtures', 'bilateral.json'), join(dir, 'bilateral.json'));
    const out = join(dir, 'fit');
    expect(coalsim(['fit', join(dir, 'f.fit.json'), '--out', out, '--workers', '0', '--quiet']).status).toBe(0);
    const file = join(out, 'fitted-scenario.json');
    const edited = readFileSync(file, 'utf8').replace('"title": "', '"title": "My edit: ');
    writeFileSync(file, edited);
    for (const flag of ['--force', '--resume', '--merge']) {
      const r = coalsim(['fit', join(dir, 'f.fit.json'), '--out', out, '--workers', '0', '--quiet', flag]);
      expect({ flag, status: r.status }).toEqual({ flag, status: 4 });
      expect(r.stderr).toContain('fitted-scenario.json');
      expect(readFileSync(file, 'utf8')).toBe(edited);
    }
  }, 180_000);
});

describe('the one-writer lock follows links (security audit, 2026-12-07)', () => {
  it('a sweep resumed through a link to a folder another coalsim holds exits 4 and writes nothing', () => {
    const ws = workspace();
    const exp = ws.write('grid.json', { replicates: 1 });
    const out = join(ws.dir, 's');
    expect(coalsim(['sweep', exp, '--out', out, '--quiet', '--no-charts', '--workers', '0']).status).toBe(0);
    const link = join(ws.dir, 'link');
    symlinkSync(out, link);
    expectRefusedWhileHeld(out, ['sweep', exp, '--out', link, '--resume', '--quiet', '--no-charts', '--workers', '0']);
  }, 120_000);
});
