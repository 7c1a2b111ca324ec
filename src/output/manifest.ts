/** The manifest: what produced a directory of outputs, so any number can be traced and re-made. */
import { createHash } from 'node:crypto';
import type { OutputFiles } from './atomic';
import { RNG_VERSION } from '../core/rng';
import type { CodeSource } from './source';

export interface Provenance {
  readonly tool: 'coalsim';
  readonly version: string;
  /** The git commit the code was built from, and whether it had uncommitted changes (output/source.ts). */
  readonly source: CodeSource;
  readonly node: string;
  /** The command as typed (the one field that varies with how outputs were requested). */
  readonly command: readonly string[];
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The sha256 a manifest-like JSON text records per file (`{ "files": [{ "name", "sha256" }] }`:
 * manifest.json, a sweep's manifest-views.json), name -> hash; entries without both are skipped,
 * and unreadable text gives an empty map.
 */
export function recordedHashes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const files = (JSON.parse(text) as { files?: unknown } | null)?.files;
    if (!Array.isArray(files)) return out;
    for (const f of files as unknown[]) {
      const name = (f as { name?: unknown } | null)?.name;
      const hash = (f as { sha256?: unknown } | null)?.sha256;
      if (typeof name === 'string' && typeof hash === 'string') out.set(name, hash);
    }
  } catch {
    /* not JSON: nothing recorded */
  }
  return out;
}

export function manifestFor(
  provenance: Provenance,
  run: { scenarioId: string; scenarioFile: string; scenarioText: string; scenarioCanonical: unknown; seed: number },
  files: OutputFiles,
): string {
  const manifest = {
    ...provenance,
    // Which random streams made the numbers: a new RNG version changes every run.
    rng: RNG_VERSION,
    scenario: {
      id: run.scenarioId,
      file: run.scenarioFile,
      fileSha256: sha256(run.scenarioText),
      // Hash of the validated scenario with defaults filled: equal for files that differ only in layout.
      canonicalSha256: sha256(JSON.stringify(run.scenarioCanonical)),
    },
    seed: run.seed,
    files: [...files.entries()].map(([name, content]) => ({ name, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength, sha256: sha256(content) })),
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}
