/**
 * The --force guard through the built CLI, for every command that takes --out: `.`, `..`,
 * $HOME (a fake one), `/`, "", a folder coalsim did not write and a symlink pointing
 * outside are all refused (exit 2 or 4) and left exactly as they were.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, filesOf, tempDir } from '../helpers/cli';
import { workspace } from '../experiment/helpers';

const MANIFEST = JSON.stringify({ tool: 'coalsim', version: '0.1.0', files: [] });

/** A folder that looks like coalsim's output (so only the protection can save it), plus a private file. */
function precious(dir: string): Map<string, Buffer> {
  mkdirSync(join(dir, '.ssh'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), MANIFEST);
  writeFileSync(join(dir, '.ssh', 'id_ed25519'), 'PRIVATE KEY');
  writeFileSync(join(dir, 'notes.txt'), 'mine');
  return filesOf(dir);
}

const ws = workspace();
const experiment = ws.write('tiny.json', { replicates: 1 });
const root = tempDir('coalsim-guard-');

type Cmd = (out: string) => string[];
const commands: [string, Cmd][] = [
  ['run', (out) => ['run', '--out', out, '--force', '--no-charts']],
  ['sweep', (out) => ['sweep', experiment, '--out', out, '--force', '--quiet', '--no-charts', '--workers', '0']],
  ['replicate', (out) => ['replicate', 'isaf', '--seeds', '1', '--out', out, '--force', '--no-charts']],
];

describe.each(commands)('coalsim %s --force', (_name, cmd) => {
  it('refuses the current directory (.) and leaves it untouched', () => {
    const cwd = join(root, `${_name}-cwd`);
    const before = precious(cwd);
    for (const out of ['.', cwd]) {
      const r = coalsim(cmd(out), { cwd });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 4, stderr: expect.stringMatching(/current directory.*never replaces|current directory/) });
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      expect(filesOf(cwd)).toEqual(before);
    }
  });

  it('refuses a parent of the current directory (..)', () => {
    const parent = join(root, `${_name}-parent`);
    const before = precious(parent);
    const cwd = join(parent, 'sub');
    mkdirSync(cwd);
    const r = coalsim(cmd('..'), { cwd });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/current directory or one of its parents/);
    expect(filesOf(parent).get('.ssh/id_ed25519')).toEqual(before.get('.ssh/id_ed25519'));
  });

  it('refuses $HOME (a fake one) even when it looks like coalsim output', () => {
    const home = join(root, `${_name}-home`);
    const before = precious(home);
    const r = coalsim(cmd(home), { env: { HOME: home } });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/home directory/);
    expect(filesOf(home)).toEqual(before);
  });

  it('refuses /', () => {
    const r = coalsim(cmd('/'));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/filesystem root/);
  });

  it('refuses an empty --out with exit 2 (never the current directory)', () => {
    const cwd = join(root, `${_name}-empty`);
    const before = precious(cwd);
    const r = coalsim(cmd(''), { cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out needs a directory path/);
    expect(r.stdout).not.toMatch(/Wrote \//);
    expect(filesOf(cwd)).toEqual(before);
  });

  it('refuses a folder coalsim did not write', () => {
    const mine = join(root, `${_name}-mine`);
    mkdirSync(mine);
    writeFileSync(join(mine, 'data.csv'), 'x\n1\n');
    const r = coalsim(cmd(mine));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/holds files coalsim did not write/);
    // No sweep is stored there, so --resume (which would refuse the folder too) is not offered.
    expect(r.stderr).not.toMatch(/--resume/);
    expect(readFileSync(join(mine, 'data.csv'), 'utf8')).toBe('x\n1\n');
  });

  it('refuses a symlink pointing outside, and leaves its target alone', () => {
    const outside = join(root, `${_name}-outside`);
    const before = precious(outside);
    const link = join(root, `${_name}-link`);
    symlinkSync(outside, link);
    const r = coalsim(cmd(link));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/symbolic link/);
    expect(filesOf(outside)).toEqual(before);
  });

  it('refuses to replace its own output once a user has added files to it, and keeps them', () => {
    const out = join(root, `${_name}-added`);
    expect(coalsim(cmd(out)).status).toBe(0);
    writeFileSync(join(out, 'mynotes.txt'), 'mine');
    mkdirSync(join(out, 'sub'));
    writeFileSync(join(out, 'sub', 'f'), 'also mine');
    const before = filesOf(out);
    const r = coalsim(cmd(out));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/holds 2 files coalsim did not write, or edited since it wrote them \(mynotes\.txt, sub\/f\)/);
    expect(filesOf(out)).toEqual(before);
  });

  it("never takes a user's files named like temporary ones (x.tmp-<digits>, a .<out>.tmp-<digits> folder beside it) as a killed run's leftovers", () => {
    const out = join(root, `${_name}-tmpnames`);
    expect(coalsim(cmd(out)).status).toBe(0);
    // 99999999 is above Linux's pid_max: no live process has it.
    writeFileSync(join(out, 'analysis.tmp-99999999'), 'mine');
    mkdirSync(join(root, `.${_name}-tmpnames.tmp-99999999`));
    writeFileSync(join(root, `.${_name}-tmpnames.tmp-99999999`, 'draft.txt'), 'mine');
    const before = filesOf(out);
    coalsim(cmd(out));
    expect(filesOf(out).get('analysis.tmp-99999999')).toEqual(before.get('analysis.tmp-99999999'));
    expect(readFileSync(join(root, `.${_name}-tmpnames.tmp-99999999`, 'draft.txt'), 'utf8')).toBe('mine');
  });

  it('replaces its own earlier output, leaving no temp, old or lock files', () => {
    const out = join(root, `${_name}-own`);
    const first = coalsim(cmd(out));
    expect(first.status).toBe(0);
    const again = coalsim(cmd(out));
    expect(again.status).toBe(0);
    expect(readdirSync(root).filter((n) => n.includes(`${_name}-own`) && n !== `${_name}-own`)).toEqual([]);
  });
});

describe('the other commands that take --out share the guard', () => {
  it('merge refuses "", the cwd and a non-coalsim folder', () => {
    const shard = join(root, 'merge-src');
    expect(coalsim(['sweep', experiment, '--out', shard, '--quiet', '--no-charts', '--workers', '0']).status).toBe(0);
    expect(coalsim(['merge', shard, '--out', '', '--no-charts']).status).toBe(2);
    const cwd = join(root, 'merge-cwd');
    const before = precious(cwd);
    const r = coalsim(['merge', shard, '--out', '.', '--force', '--no-charts'], { cwd });
    expect(r.status).toBe(4);
    expect(filesOf(cwd)).toEqual(before);
    const mine = join(root, 'merge-mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'a.txt'), 'a');
    expect(coalsim(['merge', shard, '--out', mine, '--force', '--no-charts']).status).toBe(4);
    expect(existsSync(join(mine, 'a.txt'))).toBe(true);
  });

  it("run --force refuses an --out that holds the scenario it runs (a run's scenario.json, edited), and keeps the edit", () => {
    const out = join(root, 'run-own-input');
    expect(coalsim(['run', 'teaching-holdup', '--out', out, '--no-charts']).status).toBe(0);
    const edited = readFileSync(join(out, 'scenario.json'), 'utf8').replace('"title": "', '"title": "My edit: ');
    writeFileSync(join(out, 'scenario.json'), edited);
    const r = coalsim(['run', join(out, 'scenario.json'), '--out', out, '--force', '--no-charts']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/holds or lies inside the input .*scenario\.json.*e\.g\. --out .*run-own-input-out/);
    expect(readFileSync(join(out, 'scenario.json'), 'utf8')).toBe(edited);
  });

  it('report refuses to rebuild in place when the run directory is the cwd', () => {
    const run = join(root, 'report-run');
    expect(coalsim(['run', '--out', run, '--no-charts']).status).toBe(0);
    writeFileSync(join(run, 'report.html'), 'edited');
    const r = coalsim(['report', '.', '--force', '--no-charts'], { cwd: run });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/current directory/);
    expect(readFileSync(join(run, 'report.html'), 'utf8')).toBe('edited');
  });

  it('--out with no value (then --force) is an empty path: exit 2, the cwd untouched', () => {
    const cwd = join(root, 'novalue');
    const before = precious(cwd);
    for (const args of [['run', '--out', '--force', '--no-charts'], ['replicate', 'isaf', '--seeds', '1', '--out', '--force']]) {
      const r = coalsim(args, { cwd });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/--out needs a directory path/);
    }
    expect(filesOf(cwd)).toEqual(before);
  });

  it('slurm refuses an empty --out', () => {
    const r = coalsim(['slurm', experiment, '--out', '']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out needs a directory path/);
  });
});

describe('coalsim classroom --force (one file, not a directory)', () => {
  const dir = join(root, 'classroom');
  mkdirSync(dir, { recursive: true });

  it("never replaces a user's file, even with --force, and leaves it as it was", () => {
    const mine = join(dir, 'lesson-notes.html');
    writeFileSync(mine, '<html>my own lesson plan</html>');
    const r = coalsim(['classroom', 'teaching-holdup', '--out', mine, '--force']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/not a classroom page coalsim wrote/);
    expect(readFileSync(mine, 'utf8')).toBe('<html>my own lesson plan</html>');
  });

  it("never replaces its own page once a teacher edited it, even with --force: the page's seal (its sha256, in its head) no longer matches", () => {
    const page = join(dir, 'annotated.html');
    expect(coalsim(['classroom', 'teaching-holdup', '--out', page]).status).toBe(0);
    const written = readFileSync(page, 'utf8');
    expect(written).toMatch(/<meta name="coalsim-sha256" content="[0-9a-f]{64}">/);
    const annotated = written.replace('<main>', '<main><p>Ask the class: why did the US pay?</p>');
    writeFileSync(page, annotated);
    const r = coalsim(['classroom', 'teaching-holdup', '--out', page, '--seed', '2', '--force']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/was edited since \(its coalsim-sha256 no longer matches\), so it is partly yours; coalsim never replaces it, even with --force/);
    expect(readFileSync(page, 'utf8')).toBe(annotated);
    // A page of a coalsim that did not seal its pages: whether it was edited cannot be told, so it stays.
    const old = join(dir, 'unsealed.html');
    writeFileSync(old, written.replace(/\n<meta name="coalsim-sha256" content="[0-9a-f]{64}">/, ''));
    const u = coalsim(['classroom', 'teaching-holdup', '--out', old, '--force']);
    expect(u.status).toBe(4);
    expect(u.stderr).toMatch(/written by an earlier coalsim, which did not seal its pages/);
  });

  it('replaces its own page with --force, and names the fix when --out is a directory', () => {
    const page = join(dir, 'holdup.html');
    expect(coalsim(['classroom', 'teaching-holdup', '--out', page]).status).toBe(0);
    expect(coalsim(['classroom', 'teaching-holdup', '--out', page, '--seed', '2']).status).toBe(4);
    expect(coalsim(['classroom', 'teaching-holdup', '--out', page, '--seed', '2', '--force']).status).toBe(0);
    const asDir = coalsim(['classroom', 'teaching-holdup', '--out', dir]);
    expect(asDir.status).toBe(4);
    expect(asDir.stderr).toMatch(/is a directory; name the page's file, e\.g\. --out .*teaching-holdup-classroom\.html/);
    // A trailing separator names a folder: the page goes inside it (it wrote a file named like the folder).
    const folder = join(dir, 'pages');
    expect(coalsim(['classroom', 'teaching-holdup', '--out', `${folder}/`]).status).toBe(0);
    expect(readdirSync(folder)).toEqual(['teaching-holdup-classroom.html']);
    // Under a regular file: the fix, exit 4 (was EEXIST, exit 5).
    const mine = join(dir, 'notes.html');
    writeFileSync(mine, 'mine');
    const under = coalsim(['classroom', 'teaching-holdup', '--out', join(mine, 'x.html')]);
    expect(under.status).toBe(4);
    expect(under.stderr).toMatch(/is a file, not a directory; choose another --out/);
    expect(readFileSync(mine, 'utf8')).toBe('mine');
  });
});

describe('coalsim slurm --force (three job scripts in <out>/slurm/)', () => {
  const slurm = (out: string, ...more: string[]) => coalsim(['slurm', experiment, '--out', out, '--shards', '2', '--time', '00:10:00', ...more]);

  it('rewrites its own scripts, but never one a user edited or wrote, even with --force', () => {
    const out = join(root, 'slurm-edited');
    expect(slurm(out).status).toBe(0);
    expect(slurm(out).status).toBe(4); // no --force
    expect(slurm(out, '--force').status).toBe(0); // its own, unchanged: rewritten
    const submit = join(out, 'slurm', 'submit.sh');
    const edited = readFileSync(submit, 'utf8') + '\n# my change: mail me when done\n';
    writeFileSync(submit, edited);
    const r = slurm(out, '--force');
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/submit\.sh, which coalsim did not write or which was edited since/);
    expect(readFileSync(submit, 'utf8')).toBe(edited);
  });

  it('refuses, with --force too, to write scripts that could not resume the shards already stored under <out>/shards (another --shards): every task would fail', () => {
    const out = join(root, 'slurm-reshard');
    expect(slurm(out).status).toBe(0);
    // Shard 0 of the 2-shard job, as its array task would have stored it.
    expect(coalsim(['sweep', experiment, '--shard', '0/2', '--out', join(out, 'shards', '0'), '--quiet', '--no-charts', '--workers', '0']).status).toBe(0);
    const scripts = readFileSync(join(out, 'slurm', 'sweep.sbatch'), 'utf8');
    const r = coalsim(['slurm', experiment, '--out', out, '--shards', '3', '--time', '00:10:00', '--force']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/shards holds shard 0\/2 of an earlier job \(2 shards, not 3\).*Use the same --shards/);
    expect(readFileSync(join(out, 'slurm', 'sweep.sbatch'), 'utf8')).toBe(scripts);
    expect(existsSync(join(out, 'shards', '0', 'sweep.sqlite'))).toBe(true);
    expect(slurm(out, '--force').status).toBe(0); // the same layout: rewritten
  });

  it("never overwrites a user's own submit.sh in slurm/, with or without --force", () => {
    const out = join(root, 'slurm-theirs');
    mkdirSync(join(out, 'slurm'), { recursive: true });
    writeFileSync(join(out, 'slurm', 'submit.sh'), '#!/bin/bash\necho mine\n');
    for (const extra of [[], ['--force']]) {
      expect(slurm(out, ...extra).status).toBe(4);
      expect(readFileSync(join(out, 'slurm', 'submit.sh'), 'utf8')).toBe('#!/bin/bash\necho mine\n');
    }
  });
});

describe('--out naming a regular file: exit 4 with the fix, the file untouched (was ENOTDIR/EEXIST, exit 5)', () => {
  const file = join(root, 'not-a-dir.txt');
  writeFileSync(file, 'mine');
  const mergeFrom = join(root, 'merge-source');
  const cases: [string, string[]][] = [
    ['sweep', ['sweep', experiment, '--quiet', '--no-charts', '--workers', '0']],
    ['merge', ['merge', mergeFrom]],
    ['slurm', ['slurm', experiment, '--shards', '2']],
    ['fit', ['fit', 'scenarios/fits/gulf-war-1991.fit.json']],
  ];
  it.each(cases)('%s', (_name, args) => {
    for (const out of [file, join(file, 'sub')]) {
      const r = coalsim([...args, '--out', out]);
      expect(r.status).toBe(4);
      expect(r.stderr).toMatch(/is a file, not a directory; choose another --out/);
      expect(r.stderr).not.toMatch(/ENOTDIR|EEXIST/);
    }
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });
});

describe('coalsim fit --slurm --force (its job scripts in <out>/slurm/): the same rule as coalsim slurm', () => {
  const fitSlurm = (out: string, ...more: string[]) => coalsim(['fit', 'scenarios/fits/gulf-war-1991.fit.json', '--out', out, '--slurm', '--shards', '2', '--time', '00:10:00', ...more]);

  it('rewrites its own scripts with --force, never an edited one or a user\'s own', () => {
    const out = join(root, 'fit-slurm');
    expect(fitSlurm(out).status).toBe(0);
    expect(fitSlurm(out).status).toBe(4);
    expect(fitSlurm(out, '--force').status).toBe(0);
    const submit = join(out, 'slurm', 'submit.sh');
    const edited = readFileSync(submit, 'utf8') + '# mine\n';
    writeFileSync(submit, edited);
    const r = fitSlurm(out, '--force');
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/submit\.sh, which coalsim did not write or which was edited since/);
    expect(readFileSync(submit, 'utf8')).toBe(edited);
    const theirs = join(root, 'fit-slurm-theirs');
    mkdirSync(join(theirs, 'slurm'), { recursive: true });
    writeFileSync(join(theirs, 'slurm', 'merge.sbatch'), '#!/bin/bash\necho mine\n');
    expect(fitSlurm(theirs).status).toBe(4);
    expect(readFileSync(join(theirs, 'slurm', 'merge.sbatch'), 'utf8')).toBe('#!/bin/bash\necho mine\n');
  });
});
