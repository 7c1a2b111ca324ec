/**
 * File-system and SQLite failures as one line for the user (exit 5), or null for anything
 * else (a bug: exit 1 with its stack). Disk full, from Node (ENOSPC, EDQUOT) or from SQLite
 * (SQLITE_FULL, SQLITE_IOERR_SHMSIZE), says what to do: every writer replaces nothing until its files are complete
 * and a sweep's store commits whole batches, so freeing space and running again (a sweep:
 * with --resume) loses nothing.
 */
export function describeIoError(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  const message = (err as Error).message;
  const path = (err as { path?: unknown }).path;
  // SQLite in WAL mode also meets a full disk when growing its shared-memory file (IOERR_SHMSIZE).
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') {
    return `disk full (${code}): ${message}. Nothing was replaced; free some space, then run the command again, adding --resume for a sweep or a fit (it keeps every run or particle already stored; a merge continues with the same command).`;
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    // Name the folder the user chose, not coalsim's temporary or lock file inside it.
    const where = typeof path === 'string' ? userPath(path) : null;
    const what = code === 'EROFS' ? 'read-only filesystem' : 'permission denied';
    // The lock and the staging folder live beside the output, in its parent: when that parent is
    // what cannot be written, say so (the output folder itself may be writable).
    const beside = typeof path === 'string' ? besideOutput(path) : null;
    if (beside !== null) return `cannot write beside ${beside.out} (${code}: ${what}): coalsim keeps its lock and builds the new results in the folder that holds it, ${beside.parent}, so that folder must be writable too. Nothing was replaced. Choose an --out inside a folder you can write (e.g. under your home folder)`;
    return `cannot use ${where ?? 'a file'} (${code}: ${what}). Nothing was replaced. If it is where the output goes, choose another --out somewhere you can write (e.g. under your home folder); if it is an input, check its permissions`;
  }
  const out = typeof path === 'string' ? besideOutput(path)?.out ?? userPath(path) : null;
  // Replacing the output folder whole renames it: a mount point (a Docker volume, a tmpfs) cannot be renamed.
  if (code === 'EBUSY' && out !== null) return `cannot replace ${out} (EBUSY: it is a mount point or in use): coalsim writes its output folder whole, by renaming, which a mount point does not allow. Nothing was replaced. Give a folder inside it, e.g. --out ${out}/results`;
  // The lock and staging names add about 30 characters to the folder's own name.
  if (code === 'ENAMETOOLONG' && out !== null) return `cannot write ${out} (ENAMETOOLONG): its name is too long for coalsim's lock and staging files beside it, which add about 30 characters (a file name holds at most 255). Nothing was replaced. Choose a shorter --out`;
  if (/^E[A-Z]+$/.test(code)) return `file error: ${message}`;
  if (code.startsWith('SQLITE_')) return `sweep store error (${code}): ${message}`;
  return null;
}

/**
 * For a lock (`.<out>.lock...`) or a staging folder (`.<out>.coalsim-tmp-PID`) that could not be
 * made: the output folder and the parent it lives in; null for any other path.
 */
function besideOutput(path: string): { out: string; parent: string } | null {
  const parts = path.split(/[\\/]/);
  const last = parts.at(-1) ?? '';
  const m = /^\.(.+?)(?:\.lock(?:\.coalsim-(?:tmp|stale)-\d+)?|\.coalsim-(?:tmp|old)-\d+)$/.exec(last);
  if (!m) return null;
  const parent = parts.slice(0, -1).join('/') || '/';
  return { out: `${parent === '/' ? '' : parent}/${m[1]!}`, parent };
}

/**
 * The path as the user knows it: coalsim's own temporary and lock names (`.<out>.lock`,
 * `<name>.coalsim-tmp-PID`, `.<out>.coalsim-tmp-PID/...`) are turned back into the folder or file
 * they stand for.
 */
function userPath(path: string): string {
  const parts = path.split(/[\\/]/);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    // `.<out>.lock` or its temporary `.<out>.lock.coalsim-tmp-PID`; `.<out>.coalsim-tmp-PID/` (a folder being staged).
    const hidden = /^\.(.+?)(?:\.lock(?:\.coalsim-(?:tmp|stale)-\d+)?|\.coalsim-(?:tmp|old|stale)-\d+)$/.exec(part);
    if (hidden) return [...parts.slice(0, k), hidden[1]!].join('/');
    // `<file>.coalsim-tmp-PID`: a file being written.
    const file = /^(.+)\.coalsim-(?:tmp|old|stale)-\d+$/.exec(part);
    if (file) return [...parts.slice(0, k), file[1]!].join('/');
  }
  return path;
}
