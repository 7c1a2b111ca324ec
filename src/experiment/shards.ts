/**
 * Which runs this process does, and in what order. Run r is replicate r % R of point
 * floor(r / R); shard i of n takes the runs with r % n === i, so shards partition the sweep
 * exactly, interleave cheap and costly points, and never depend on timing. On Slurm the
 * shard defaults from the array task (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT).
 */
import type { CompiledExperiment } from './load';
import type { RunTask } from './runner';
import { replicateSeeds } from './seeds';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE: Shard = { index: 0, count: 1 };

export function parseShard(text: string): { ok: true; value: Shard } | { ok: false; message: string } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const example = 'Example: --shard 0/4 (the first of four shards; indices run from 0 to 3)';
  if (!m) return { ok: false, message: `--shard must be i/n, got "${text}". ${example}` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return { ok: false, message: `--shard needs at least one shard, got "${text}". ${example}` };
  if (index >= count) return { ok: false, message: `--shard index must be below the count (0 to ${count - 1}), got "${text}". ${example}` };
  return { ok: true, value: { index, count } };
}

/** The shard of a Slurm array task, or null outside one. */
export function shardFromEnv(env: NodeJS.ProcessEnv): { ok: true; value: Shard } | { ok: false; message: string } | null {
  const id = env.SLURM_ARRAY_TASK_ID;
  const count = env.SLURM_ARRAY_TASK_COUNT;
  if (!id || !count) return null;
  const min = Number(env.SLURM_ARRAY_TASK_MIN ?? 0);
  const r = parseShard(`${Number(id) - min}/${count}`);
  return r.ok ? r : { ok: false, message: `cannot take the shard from Slurm (SLURM_ARRAY_TASK_ID=${id}, SLURM_ARRAY_TASK_MIN=${min}, SLURM_ARRAY_TASK_COUNT=${count}): ${r.message}` };
}

export function inShard(run: number, shard: Shard): boolean {
  return run % shard.count === shard.index;
}

/** Tasks of a shard not yet done, in run order, generated lazily (seeds computed per point). */
export function* tasksToRun(c: CompiledExperiment, shard: Shard, done: Uint8Array | null): Generator<RunTask> {
  const R = c.experiment.replicates;
  for (let point = 0; point < c.points.length; point++) {
    const base = point * R;
    let any = false;
    for (let r = 0; r < R; r++) {
      const run = base + r;
      if (inShard(run, shard) && !(done && done[run] === 1)) {
        any = true;
        break;
      }
    }
    if (!any) continue;
    const seeds = replicateSeeds(c.experiment.seed, c.keys[point]!, R);
    const values = c.points[point]!;
    for (let r = 0; r < R; r++) {
      const run = base + r;
      if (!inShard(run, shard) || (done && done[run] === 1)) continue;
      yield { run, point, replicate: r, seed: seeds[r]!, values };
    }
  }
}

export function totalRuns(c: CompiledExperiment): number {
  return c.points.length * c.experiment.replicates;
}
