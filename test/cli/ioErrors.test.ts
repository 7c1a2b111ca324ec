/** File-system failures reach the user as one line naming what they chose, with a fix (exit 5 in main.ts). */
import { describeIoError } from '../../src/cli/ioErrors';

const err = (code: string, path: string) => Object.assign(new Error(`${code}: permission denied, open '${path}'`), { code, path });

describe('describeIoError', () => {
  it('a mount point as --out, or a name too long for the lock beside it, gets the folder the user gave and a fix (a security audit, 2026-12-07)', () => {
    // rename(2) of a mount point: EBUSY on the folder itself.
    expect(describeIoError(err('EBUSY', '/tmp/play/full'))).toBe('cannot replace /tmp/play/full (EBUSY: it is a mount point or in use): coalsim writes its output folder whole, by renaming, which a mount point does not allow. Nothing was replaced. Give a folder inside it, e.g. --out /tmp/play/full/results');
    const long = 'a'.repeat(240);
    expect(describeIoError(err('ENAMETOOLONG', `/tmp/play/.${long}.lock.coalsim-tmp-4242`))).toBe(`cannot write /tmp/play/${long} (ENAMETOOLONG): its name is too long for coalsim's lock and staging files beside it, which add about 30 characters (a file name holds at most 255). Nothing was replaced. Choose a shorter --out`);
  });

  it('names the folder the user chose, not coalsim\'s lock or temporary file in it, and gives the fix', () => {
    expect(describeIoError(err('EACCES', '/data/ro/.new.coalsim-tmp-12/runs.csv'))).toBe(
      'cannot use /data/ro/new (EACCES: permission denied). Nothing was replaced. If it is where the output goes, choose another --out somewhere you can write (e.g. under your home folder); if it is an input, check its permissions',
    );
    // The lock or the staging folder could not be made: it is the parent that must be writable
    // (a writable --out inside a read-only folder read "cannot use .../out" before).
    for (const path of ['/data/ro/.new.lock.coalsim-tmp-31906', '/data/ro/.new.lock', '/data/ro/.new.coalsim-tmp-12']) {
      expect(describeIoError(err('EACCES', path))).toBe(
        'cannot write beside /data/ro/new (EACCES: permission denied): coalsim keeps its lock and builds the new results in the folder that holds it, /data/ro, so that folder must be writable too. Nothing was replaced. Choose an --out inside a folder you can write (e.g. under your home folder)',
      );
    }
    expect(describeIoError(err('EROFS', '/mnt/cd/out/runs.csv.coalsim-tmp-9'))).toMatch(/^cannot use \/mnt\/cd\/out\/runs\.csv \(EROFS: read-only filesystem\)/);
    expect(describeIoError(err('EACCES', '/data/mine.json'))).toMatch(/^cannot use \/data\/mine\.json \(EACCES/);
  });

  it('says what to do on a full disk, and leaves non-file errors to the bug path', () => {
    expect(describeIoError(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toMatch(/^disk full \(ENOSPC\).*free some space/);
    expect(describeIoError(new Error('plain'))).toBeNull();
  });
});
