/**
 * Writing an output directory so a reader never sees half of it: every file goes into a
 * temporary sibling directory, which is renamed into place only when complete. An
 * existing non-empty directory is kept unless the caller passes force.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputExistsError extends Error {
  constructor(readonly dir: string) {
    super(`${dir} already holds results; pass --force to replace them, or choose another --out`);
    this.name = 'OutputExistsError';
  }
}

export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

export function isNonEmptyDir(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

/** Fail early, before any work, if the destination would need --force. */
export function assertWritable(dir: string, force: boolean): void {
  if (!force && isNonEmptyDir(dir)) throw new OutputExistsError(dir);
}

export function writeDirAtomically(dir: string, files: OutputFiles, force: boolean): void {
  const target = resolve(dir);
  assertWritable(target, force);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [name, content] of files) {
      const path = join(tmp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (existsSync(target)) {
      // Replace: move the old results aside first so a failure never leaves neither.
      const old = join(parent, `.${basename(target)}.old-${process.pid}`);
      renameSync(target, old);
      renameSync(tmp, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, target);
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** A single file, written to a temp path and renamed. */
export function writeFileAtomically(path: string, content: string | Uint8Array): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, target);
}

/**
 * Does `dir` hold exactly these files (plus a manifest.json), byte for byte? Used to tell a
 * harmless re-run from one that would replace different results.
 */
export function sameFiles(dir: string, files: OutputFiles): boolean {
  const present = new Set<string>();
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
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
