/**
 * Which code made a set of outputs: the git commit of the coalsim source, and whether that
 * source had uncommitted changes, for the manifests (a number in a manifest-bearing folder can
 * then be traced to the exact code, not only to a package version that many commits share).
 *
 * Read at the edge, once per process: from git when the package is a source checkout (it has its
 * own .git), else from dist/build-info.json, which `npm run build` writes (scripts/build-info.js)
 * and `npm pack` ships; else unknown (null). Never from a git repository the package merely sits
 * inside (an install under a user's project would report the project's commit).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CodeSource {
  /** 40-hex git commit, or null when unknown. */
  readonly commit: string | null;
  /** True when the source had uncommitted changes to tracked files; null when unknown. */
  readonly modified: boolean | null;
}

// src/output/source.ts and dist/output/source.js are both two levels below the package root.
const ROOT = resolve(__dirname, '..', '..');
const UNKNOWN: CodeSource = { commit: null, modified: null };
let cached: CodeSource | undefined;

/** From git, when `root` is a checkout with its own .git (also what the build records, scripts/build-info.js); null otherwise. */
export function fromGit(root: string): CodeSource | null {
  if (!existsSync(join(root, '.git'))) return null;
  try {
    // One git process for both (it is on every run's path: about 12 ms): the commit from the
    // "# branch.oid" header, and a change to a tracked file as any line that is not a header.
    const lines = execFileSync('git', ['-C', root, 'status', '--porcelain=v2', '--branch', '--untracked-files=no'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).split('\n');
    const commit = lines.find((l) => l.startsWith('# branch.oid '))?.slice('# branch.oid '.length).trim() ?? '';
    if (!/^[0-9a-f]{40}$/.test(commit)) return null;
    return { commit, modified: lines.some((l) => l !== '' && !l.startsWith('#')) };
  } catch {
    // No git on the PATH, or git refuses the folder (another owner): fall back to the build's record.
    return null;
  }
}

function fromBuildInfo(root: string): CodeSource | null {
  try {
    const info = JSON.parse(readFileSync(join(root, 'dist', 'build-info.json'), 'utf8')) as { commit?: unknown; modified?: unknown };
    const commit = typeof info.commit === 'string' && /^[0-9a-f]{40}$/.test(info.commit) ? info.commit : null;
    return { commit, modified: typeof info.modified === 'boolean' ? info.modified : null };
  } catch {
    return null;
  }
}

/** The code's source, for manifests: `{ commit, modified }`, null fields when unknown. Cached per process. */
export function codeSource(root: string = ROOT): CodeSource {
  if (root !== ROOT) return fromGit(root) ?? fromBuildInfo(root) ?? UNKNOWN;
  cached ??= fromGit(ROOT) ?? fromBuildInfo(ROOT) ?? UNKNOWN;
  return cached;
}
