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
  // SQLite in WAL mode also meets a full disk when growing its shared-memory file (IOERR_SHMSIZE).
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE') {
    return `disk full (${code}): ${message}. Nothing was replaced; free some space and run the command again (a sweep or merge continues with --resume / the same command, keeping every run already stored).`;
  }
  if (/^E[A-Z]+$/.test(code)) return `file error: ${message}`;
  if (code.startsWith('SQLITE_')) return `sweep store error (${code}): ${message}`;
  return null;
}
