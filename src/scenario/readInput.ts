/**
 * Reading an input file (scenario, experiment): its text, or one issue saying why not and
 * what to give instead. The size is checked before reading, so a huge file is refused
 * without being loaded; the bytes must be UTF-8 (see encoding.ts).
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { decodeInput } from './encoding';
import type { InputIssue } from './issues';
import { MAX_INPUT_BYTES } from './limits';

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issue: InputIssue };

export function readInputFile(file: string, kind: string, fix: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readLimited(file);
  } catch (err) {
    if (err instanceof TooLarge) {
      return {
        ok: false,
        issue: { code: 'too-large', path: [], message: `the file is ${err.size.toLocaleString('en-US')} bytes, over the limit of ${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes (10 MiB) for input files`, fix: `give ${kind} under 10 MiB (see "Limits" in the README)` },
      };
    }
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? `is a directory, not ${kind}` : `cannot read the file (${code ?? String(err)})`;
    return { ok: false, issue: { code: 'unreadable', path: [], message, fix } };
  }
  const decoded = decodeInput(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : decoded;
}

class TooLarge extends Error {
  constructor(readonly size: number) {
    super('too large');
  }
}

/** The file's bytes, refusing before reading when it is over the limit (also for pipes, which have no size). */
function readLimited(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st.size > MAX_INPUT_BYTES) throw new TooLarge(st.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, MAX_INPUT_BYTES + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > MAX_INPUT_BYTES) throw new TooLarge(total);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * The existing path nearest in spelling to a missing one: from its deepest existing folder,
 * each missing segment is replaced by the closest entry there (the file name must end in
 * ext). Undefined when some segment has no close entry.
 */
export function nearestExistingPath(missing: string, ext: string): string | undefined {
  const parts = resolve(missing).split(sep);
  let dir = parts[0] === '' ? sep : parts[0]!;
  let k = 1;
  while (k < parts.length && existsSync(join(dir, parts[k]!))) dir = join(dir, parts[k++]!);
  if (k >= parts.length) return undefined;
  for (; k < parts.length; k++) {
    const want = parts[k]!;
    const lastPart = k === parts.length - 1;
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true }).filter((d) => (lastPart ? d.name.endsWith(ext) : d.isDirectory())).map((d) => d.name);
    } catch {
      return undefined;
    }
    if (names.length === 0) return undefined;
    const guess = closest(want, names);
    if (distance(want.toLowerCase(), guess.toLowerCase()) > Math.max(1, Math.floor(want.length / 4))) return undefined;
    dir = join(dir, guess);
  }
  return dir;
}
