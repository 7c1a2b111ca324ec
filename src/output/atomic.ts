/**
 * Writing an output directory so a reader never sees half of it: every file goes into a
 * temporary sibling directory, written in full (each write's byte count checked) and
 * fsynced, which is renamed into place only when complete. A disk that fills mid-way
 * leaves the old directory untouched (the caller sees ENOSPC: exit 5).
 *
 * Both writers go through the shared guard of outDir.ts: a non-empty path, an atomic claim
 * (a second process writing the same directory exits 4), and --force replacing only a
 * directory coalsim wrote, never the current directory, its parents, $HOME or `/`.
 */
import { chmodSync, chownSync, closeSync, copyFileSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyDirAttributes, assertNoLinkBelow, assertReplaceable, claimOutDir, dirAttributes, existsMessage, fsyncDir, isNonEmptyDir, OutDirError, protectedReason, requireOutPath, tempPath, writeNewFileDurably } from './outDir';

export { isNonEmptyDir } from './outDir';

/** The destination holds results and --force was not given (exit 4). */
export class OutputExistsError extends OutDirError {
  constructor(readonly dir: string) {
    super(existsMessage(dir), 4);
    this.name = 'OutputExistsError';
  }
}

export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

/**
 * Fail early, before any work, if the destination would need --force (OutputExistsError)
 * or --force may not replace it (OutDirError, exit 4), or the path is empty (exit 2).
 */
export function assertWritable(dir: string, force: boolean, rebuildsViews = false): void {
  const target = requireOutPath(dir);
  if (!force && isNonEmptyDir(target)) throw new OutputExistsError(dir);
  assertReplaceable(target, force, '--out', rebuildsViews);
  // The directory is replaced as a whole (renamed away, even when empty): never one that is protected.
  // lstat, not exists: a dangling symbolic link "does not exist" and was renamed over (ENOTDIR, naming
  // coalsim's temporary folder; a security review).
  const why = presentOrLink(target) ? protectedReason(target) : null;
  if (why !== null) {
    // A new subdirectory of a link would be written through it: name a real folder instead.
    const fix = lstatSync(target, { throwIfNoEntry: false })?.isSymbolicLink() ? 'Give --out a real folder, not a link to one' : `Choose a new subdirectory, e.g. --out ${join(dir, 'coalsim-out')}`;
    throw new OutDirError(`refusing to write into ${dir}: ${why}, and coalsim replaces its output directory as a whole. ${fix}`, 4);
  }
}

/** Whether anything is at `path`, a dangling symbolic link included. */
function presentOrLink(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The permission bits of a regular file (not following a symlink), or null. */
function fileMode(path: string): number | null {
  try {
    const st = lstatSync(path);
    return st.isFile() ? st.mode & 0o7777 : null;
  } catch {
    return null;
  }
}

/** `rebuildsViews`: `report` rebuilding a run's views, which may replace edited ones (outDir.ts foreignEntries). */
export function writeDirAtomically(dir: string, files: OutputFiles, force: boolean, rebuildsViews = false): void {
  const target = requireOutPath(dir);
  const claim = claimOutDir(target);
  try {
    assertWritable(dir, force, rebuildsViews);
    const parent = dirname(target);
    const tmp = tempPath(join(parent, `.${basename(target)}`));
    rmSync(tmp, { recursive: true, force: true });
    try {
      const dirs = new Set<string>([tmp]);
      mkdirSync(tmp);
      applyDirAttributes(tmp, dirAttributes(target));
      for (const [name, content] of files) {
        const path = join(tmp, name);
        if (!dirs.has(dirname(path))) {
          mkdirSync(dirname(path), { recursive: true });
          dirs.add(dirname(path));
        }
        writeNewFileDurably(path, content);
        // A file that replaces one of the same name keeps its permissions (a results file made
        // private, chmod 600, stays private after a rebuild).
        const was = fileMode(join(target, name));
        if (was !== null) chmodSync(path, was);
      }
      for (const d of dirs) fsyncDir(d);
      if (existsSync(target)) {
        // Replace: move the old results aside first so a failure never leaves neither
        // (a crash between the two renames is rolled back by the next claim).
        const old = tempPath(join(parent, `.${basename(target)}`), 'old');
        renameSync(target, old);
        renameSync(tmp, target);
        rmSync(old, { recursive: true, force: true });
      } else {
        renameSync(tmp, target);
      }
      fsyncDir(parent);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
  } finally {
    claim.release();
  }
}

/**
 * A single file, written in full to `<path>.coalsim-tmp-PID` (tempPath), fsynced and renamed over `path`.
 * Refuses an empty path (exit 2) and a path that is a directory or a symlink (exit 4).
 * Replacing a user's file keeps what the file was besides its text: its permission bits and,
 * where this process may set it, its owner (a private `chmod 600` file stays private); and a
 * file with other hard links is rewritten in place once the full text is safely on disk in the
 * temporary file (a rename would leave the other names holding the old text). With `within`
 * (the output folder the file lies in), a folder between the two that is a symbolic link is
 * refused (exit 4, outDir.ts assertNoLinkBelow), never written through.
 */
export function writeFileAtomically(path: string, content: string | Uint8Array, within?: string): void {
  const target = requireOutPath(path, 'the output file path');
  // `within`: the output folder the file belongs to; no folder between it and the file may be a link.
  if (within !== undefined) assertNoLinkBelow(within, target);
  let st;
  try {
    st = lstatSync(target);
  } catch {
    st = null;
  }
  if (st?.isDirectory()) throw new OutDirError(`${path} is a directory; name a file to write`, 4);
  if (st?.isSymbolicLink()) throw new OutDirError(`${path} is a symbolic link; coalsim does not write through links. Name a regular file`, 4);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = tempPath(target);
  rmSync(tmp, { force: true });
  // Set once the target may be half-written: the temporary file then holds the only full copy.
  let keepTmp = false;
  try {
    writeNewFileDurably(tmp, content);
    if (st?.isFile()) {
      chmodSync(tmp, st.mode & 0o7777);
      try {
        chownSync(tmp, st.uid, st.gid);
      } catch {
        /* not permitted (another user's file): the owner becomes this process's, as any editor's save */
      }
    }
    if (st?.isFile() && st.nlink > 1) {
      // Same inode, so every link sees the new text; the temp copy is removed only once it is in.
      keepTmp = true;
      try {
        copyFileSync(tmp, target);
        const fd = openSync(target, 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch (err) {
        // The target may be half-written: keep the full text where the user can take it, and the
        // error's code, so a full disk still reads as one (cli/ioErrors.ts).
        const e = err as NodeJS.ErrnoException;
        throw Object.assign(new Error(`${path}: rewriting it in place (it has other hard links) failed (${e.code ?? e.message}); its full new text is in ${tmp}`), { code: e.code, path: target });
      }
      keepTmp = false;
      rmSync(tmp, { force: true });
    } else {
      renameSync(tmp, target);
    }
    fsyncDir(dirname(target));
  } catch (err) {
    if (!keepTmp) rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Does `dir` hold exactly these files (plus a manifest.json), byte for byte? Used to tell a
 * harmless re-run from one that would replace different results.
 */
export function sameFiles(dir: string, files: OutputFiles): boolean {
  const present = new Set<string>();
  // Never through a link: one planted in the folder (loop -> ., usr -> /usr) was followed, walking
  // whatever it reached until ELOOP (exit 5, "file error"); it is an entry like any other, not
  // coalsim's, so the folder is not the same and the refusal names it.
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (lstatSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
      else present.add(prefix + name);
    }
  };
  walk(dir, '');
  present.delete('manifest.json');
  if (present.size !== files.size) return false;
  for (const [name, content] of files) {
    if (!present.has(name)) return false;
    const disk = readFileSync(join(dir, name));
    const want = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    if (!disk.equals(want)) return false;
  }
  return true;
}
