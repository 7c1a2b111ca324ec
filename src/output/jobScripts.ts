/**
 * Job scripts that coalsim writes for a scheduler (`slurm`, `fit --slurm`): written with their
 * SHA-256 in `manifest.json` beside them, so a later `--force` rewrites them only while they are
 * as coalsim wrote them. A script a user edited, or one of their own in the folder, is never
 * overwritten (exit 4), with or without `--force`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic';
import { sha256 } from './manifest';
import { OutDirError } from './outDir';

/** The record of the scripts in a job-script folder. */
export const JOB_SCRIPTS_MANIFEST = 'manifest.json';

/** Which of `present` are byte for byte what coalsim wrote last (the folder's manifest); none without one. */
function unchanged(dir: string, present: readonly string[]): string[] {
  let written: Map<string, string>;
  try {
    const m = JSON.parse(readFileSync(join(dir, JOB_SCRIPTS_MANIFEST), 'utf8')) as { tool?: unknown; files?: { name?: unknown; sha256?: unknown }[] };
    if (m.tool !== 'coalsim' || !Array.isArray(m.files)) return [];
    written = new Map(m.files.flatMap((f) => (typeof f.name === 'string' && typeof f.sha256 === 'string' ? [[f.name, f.sha256] as [string, string]] : [])));
  } catch {
    return [];
  }
  return present.filter((name) => {
    try {
      return written.get(name) === sha256(readFileSync(join(dir, name)));
    } catch {
      return false;
    }
  });
}

/** Is this file coalsim's record of the job scripts it wrote (tool "coalsim", kind "job-scripts")? */
function isJobScriptsRecord(path: string): boolean {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as { tool?: unknown; kind?: unknown };
    return m !== null && m.tool === 'coalsim' && m.kind === 'job-scripts';
  } catch {
    return false;
  }
}

/**
 * May the scripts `names` be written into `dir`? Throws OutDirError (exit 4) when one exists that
 * coalsim did not write or that was edited since (whatever `force`), or when coalsim's own are
 * there and `force` is not given. `shown`: the folder as the user should read it.
 */
export function assertJobScriptsWritable(dir: string, names: readonly string[], force: boolean, shown: string): void {
  // The manifest is rewritten too: one that is not coalsim's record of its scripts is a user's file.
  const record = join(dir, JOB_SCRIPTS_MANIFEST);
  if (existsSync(record) && !isJobScriptsRecord(record)) {
    throw new OutDirError(`${shown} holds ${JOB_SCRIPTS_MANIFEST}, which is not coalsim's record of its job scripts; coalsim never overwrites it, even with --force. Move it away, or choose another --out`, 4);
  }
  const present = names.filter((name) => existsSync(join(dir, name)));
  if (present.length === 0) return;
  const mine = unchanged(dir, present);
  const theirs = present.filter((name) => !mine.includes(name));
  if (theirs.length > 0) {
    const one = theirs.length === 1;
    throw new OutDirError(`${shown} holds ${theirs.join(', ')}, which coalsim did not write or which was edited since; coalsim never overwrites ${one ? 'it' : 'them'}, even with --force. Move ${one ? 'it' : 'them'} away (or submit ${one ? 'it as it is' : 'them as they are'}), or choose another --out`, 4);
  }
  if (!force) throw new OutDirError(`${shown} already holds job scripts; pass --force to rewrite them, or choose another --out`, 4);
}

/** Write each script (executable) and then the manifest that records them; logs/ is created for the scheduler's output. */
export function writeJobScripts(dir: string, scripts: readonly (readonly [string, string])[]): void {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  for (const [name, text] of scripts) {
    writeFileAtomically(join(dir, name), text);
    chmodSync(join(dir, name), 0o755);
  }
  // Last: what coalsim wrote, so a later --force can tell its scripts from edited ones.
  writeFileAtomically(join(dir, JOB_SCRIPTS_MANIFEST), JSON.stringify({ tool: 'coalsim', kind: 'job-scripts', files: scripts.map(([name, text]) => ({ name, bytes: Buffer.byteLength(text), sha256: sha256(text) })) }, null, 2) + '\n');
}
