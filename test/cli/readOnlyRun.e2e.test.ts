/**
 * Commands that only read a saved run (explain, compare) read its own files and nothing else:
 * the teacher's notes or a link beside them in the folder are neither read nor refused, a folder
 * that is no run is named as such, and the working folder shows as "." in messages.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coalsim, tempDir } from '../helpers/cli';

describe('explain and compare on a saved run', () => {
  const tmp = tempDir();
  const run = join(tmp, 'run');
  const other = join(tmp, 'other');
  const made = coalsim(['run', 'teaching-holdup', '--seed', '1', '--out', run, '--no-charts']);
  const madeOther = coalsim(['run', 'teaching-holdup', '--seed', '2', '--out', other, '--no-charts']);
  mkdirSync(join(run, 'slides'));
  symlinkSync('/etc/hostname', join(run, 'slides', 'link'));
  writeFileSync(join(run, 'notes.txt'), 'my notes\n');

  it('the runs were made', () => {
    expect([made.status, madeOther.status]).toEqual([0, 0]);
  });

  it('explain reads a run folder that also holds a link and notes', () => {
    const r = coalsim(['explain', run]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toContain('South Africa');
  });

  it('compare does too', () => {
    const r = coalsim(['compare', run, other, '--out', join(tmp, 'cmp'), '--no-charts']);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('a folder that is no run is named as such, "." included, with exit 3', () => {
    const notes = join(tmp, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'lesson.md'), '# lesson\n');
    const r = coalsim(['explain', '.'], { cwd: notes });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('coalsim: .: not a run folder');
    expect(r.stderr).toContain('coalsim run --out DIR');
  });

  it('a link in place of one of the run files is refused, naming it', () => {
    const linked = join(tmp, 'linked');
    mkdirSync(linked);
    symlinkSync(join(run, 'summary.json'), join(linked, 'summary.json'));
    const r = coalsim(['explain', linked]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('summary.json is a symbolic link');
    expect(r.stderr).not.toContain('report');
  });
});
