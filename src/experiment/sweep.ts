/**
 * A sweep from start to files: prepare the output directory (new, --resume or --force),
 * run what is not yet stored, streaming each batch into the store, then derive the CSVs
 * and the manifest from the store.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OutputExistsError } from '../output/atomic';
import { applyDirAttributes, assertNoLinkBelow, assertReplaceable, assertUnedited, claimOutDir, sweepViewHashes, dirAttributes, requireOutPath } from '../output/outDir';
import { execute } from './executor';
import type { CompiledExperiment } from './load';
import { storeIsWhole, SWEEP_CSVS, writeSweepOutputs, type SweepFiles } from './outputs';
import { pointGroups, type PointStats } from './aggregate';
import { type Shard, tasksToRun, totalRuns } from './shards';
import { STORE_FILE, SweepDirError, SweepStore } from './store';
import { canonicalJson } from './seeds';

export { SweepDirError } from './store';

/** Most point x metric statistics a sweep holds in memory to write aggregate.csv (about 200 bytes each). */
const MAX_HELD_STATS = 100_000;

export interface ProgressSink {
  start(total: number, alreadyDone: number): void;
  update(done: number, failed: number): void;
  stop(): void;
}

export interface SweepOptions {
  readonly compiled: CompiledExperiment;
  readonly out: string;
  readonly shard: Shard;
  readonly workers: number;
  readonly resume: boolean;
  readonly force: boolean;
  /** With resume: forget stored failed runs first, so they run again. */
  readonly retryFailed?: boolean;
  readonly version: string;
  readonly progress?: ProgressSink;
  readonly shouldStop?: () => boolean;
  readonly batchSize?: number;
}

export interface SweepReport extends SweepFiles {
  readonly stopped: boolean;
  /** Runs done by this invocation (not counting those found stored on --resume). */
  readonly ranNow: number;
  readonly resumedFrom: number;
  /** Failed runs forgotten by --retry-failed before running. */
  readonly retried: number;
}

export function openOrCreateStore(o: Pick<SweepOptions, 'compiled' | 'out' | 'shard' | 'resume' | 'force' | 'version'>): SweepStore {
  const { compiled: c, out, shard } = o;
  requireOutPath(out);
  const path = join(out, STORE_FILE);
  if (o.resume && !o.force && existsSync(path) && SweepStore.isUnfinished(path)) {
    // Killed while the store was being created: nothing was stored, start it afresh.
    for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  }
  const nonEmpty = existsSync(out) && readdirSync(out).length > 0;
  if (nonEmpty && o.resume && !o.force) {
    if (!existsSync(path)) throw new SweepDirError(`${out} holds no sweep to resume (no ${STORE_FILE}); choose another --out, or drop --resume`);
    const store = SweepStore.open(path);
    if (!store) throw new SweepDirError(`${join(out, STORE_FILE)} is not a coalsim sweep store; choose another --out`);
    const m = store.meta;
    const problem =
      m.hash !== c.hash
        ? `it holds a different experiment (stored ${m.hash.slice(0, 12)}, this one ${c.hash.slice(0, 12)}): the experiment or its base scenario changed`
        : m.shardIndex !== shard.index || m.shardCount !== shard.count
          ? `it holds shard ${m.shardIndex}/${m.shardCount}, not ${shard.index}/${shard.count}`
          : m.version !== o.version
            ? `it was made by coalsim ${m.version}, this is ${o.version}`
            : null;
    if (problem) {
      store.close();
      throw new SweepDirError(`cannot resume into ${out}: ${problem}. Use another --out, or --force to start over`);
    }
    return store;
  }
  if (nonEmpty && !o.force) throw new OutputExistsError(out);
  const kept = dirAttributes(out);
  if (nonEmpty) {
    assertReplaceable(out, o.force);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  applyDirAttributes(out, kept);
  return SweepStore.create(
    path,
    {
      hash: c.hash,
      version: o.version,
      experiment: canonicalJson(c.experiment),
      scenario: canonicalJson(c.base),
      parameters: c.params.map((p) => p.name),
      metrics: c.experiment.metrics,
      totalRuns: totalRuns(c),
      shardIndex: shard.index,
      shardCount: shard.count,
    },
    c.points,
    c.keys,
  );
}

export async function runSweep(o: SweepOptions): Promise<SweepReport> {
  // Held for the whole sweep: a second sweep into the same --out exits 4 at once.
  const claim = claimOutDir(requireOutPath(o.out));
  let store: SweepStore;
  try {
    // Before any run: CSVs the user edited since the sweep wrote them are theirs (--force refuses
    // them too, assertReplaceable), not for --resume to rewrite hours later.
    if (o.resume && !o.force && existsSync(o.out)) {
      assertUnedited(o.out, [...SWEEP_CSVS, ...sweepViewHashes(o.out).keys()], "the sweep's CSVs, charts and report");
      // And before any run, not hours later when the charts are written: never through a planted link.
      assertNoLinkBelow(o.out, join(o.out, 'charts', 'chart.png'));
    }
    store = openOrCreateStore(o);
  } catch (err) {
    claim.release();
    throw err;
  }
  try {
    const retried = o.resume && o.retryFailed ? store.deleteFailed() : 0;
    const c = o.compiled;
    const done = store.doneBitmap();
    const before = store.counts();
    const stored = before.ok + before.failed;
    let inShard = 0;
    for (let r = 0; r < done.length; r++) if (r % o.shard.count === o.shard.index) inShard++;
    o.progress?.start(inShard, stored);
    let finished = stored;
    let failed = before.failed;
    let ranNow = 0;
    let stats: readonly PointStats[] | undefined;
    const { stopped } = await execute({
      spec: { base: c.base, params: c.params, metrics: c.experiment.metrics },
      tasks: tasksToRun(c, o.shard, done),
      // No idle threads: a worker costs startup time and memory.
      workers: o.workers > 0 ? Math.min(o.workers, Math.max(1, Math.ceil((inShard - stored) / (o.batchSize ?? 16)))) : 0,
      ...(o.batchSize !== undefined ? { batchSize: o.batchSize } : {}),
      onBatch: (tasks, outcomes) => {
        store.write(tasks, outcomes);
        ranNow += outcomes.length;
        finished += outcomes.length;
        for (const x of outcomes) if (x.status === 'failed') failed++;
        o.progress?.update(finished, failed);
      },
      ...(o.shouldStop ? { shouldStop: o.shouldStop } : {}),
      aggregate: {
        metrics: c.experiment.metrics,
        // Held in memory until aggregate.csv is written, so only up to MAX_HELD_STATS point x
        // metric rows; beyond that writeSweepOutputs computes them point by point as it writes.
        groups: () => (storeIsWhole(store).whole && c.points.length * c.experiment.metrics.length <= MAX_HELD_STATS ? pointGroups(store.runs()) : null),
        onStats: (s) => (stats = s),
      },
    });
    o.progress?.stop();
    const files = stopped ? { ...countsOnly(store, inShard), files: [] } : writeSweepOutputs(o.out, c, store, o.version, stats);
    return { ...files, stopped, ranNow, resumedFrom: stored, retried };
  } finally {
    store.close();
    claim.release();
  }
}

function countsOnly(store: SweepStore, expected: number): Omit<SweepFiles, 'files'> {
  const { ok, failed } = store.counts();
  return { ok, failed, missing: expected - ok - failed, complete: false };
}
