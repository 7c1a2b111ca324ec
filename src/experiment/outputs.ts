/**
 * The files of a sweep directory, derived from its store in run order: runs.csv (one row a
 * run), aggregate.csv (one row a point x metric; only when the store holds every run of
 * the experiment) and manifest.json. Written to temporary names and renamed, streamed in
 * chunks so memory does not grow with the number of runs. The manifest holds no times,
 * paths or worker counts: an interrupted-and-resumed, a parallel and a merged sweep of
 * the same experiment give the same bytes.
 *
 * Every file is written in full to `<name>.coalsim-tmp-PID` (tempPath) and fsynced; only when all are complete
 * are they renamed into place, so a disk that fills mid-way (ENOSPC: exit 5) replaces
 * nothing, and the next sweep or merge removes the temp files of a killed process.
 */
import { codeSource } from '../output/source';
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '../output/csv';
import { fsyncDir, tempPath, writeAll, writeNewFileDurably } from '../output/outDir';
import { aggregate, type PointStats } from './aggregate';
import type { CompiledExperiment } from './load';
import { cell, type SweepStore } from './store';
import { RNG_VERSION } from '../core/rng';

export const RUNS_FILE = 'runs.csv';
export const AGGREGATE_FILE = 'aggregate.csv';
/** The CSVs a sweep (or merge) rewrites in place on --resume; the manifest records their hashes. */
export const SWEEP_CSVS = [RUNS_FILE, AGGREGATE_FILE] as const;
export const MANIFEST_FILE = 'manifest.json';

type Row = readonly (string | number | null)[];

export function runColumns(c: CompiledExperiment): string[] {
  return ['run', 'point', ...c.params.map((p) => p.name), 'replicate', 'seed', 'status', 'error', ...c.experiment.metrics];
}

export const AGGREGATE_STAT_COLUMNS = ['metric', 'runs', 'failed', 'n', 'mean', 'sd', 'ci95_low', 'ci95_high', 'ci_method'] as const;

export function aggregateColumns(c: CompiledExperiment): string[] {
  return ['point', ...c.params.map((p) => p.name), ...AGGREGATE_STAT_COLUMNS];
}

export interface SweepFiles {
  readonly ok: number;
  readonly failed: number;
  readonly missing: number;
  readonly complete: boolean;
  readonly files: readonly string[];
}

/**
 * Whether aggregate.csv is written: only for a whole experiment (one shard, no run missing).
 * The same test decides whether a sweep computes the statistics on its workers.
 */
export function storeIsWhole(store: SweepStore): { whole: boolean; ok: number; failed: number; expected: number; missing: number } {
  const { shardIndex, shardCount, totalRuns } = store.meta;
  const { ok, failed } = store.counts();
  const expected = shardCount === 1 ? totalRuns : countShard(totalRuns, shardIndex, shardCount);
  const missing = expected - ok - failed;
  return { whole: shardCount === 1 && missing === 0, ok, failed, expected, missing };
}

/**
 * `stats`: aggregate.csv's statistics already computed (by the sweep's workers), every point
 * in point order; without it they are computed here from the store, point by point.
 */
export function writeSweepOutputs(dir: string, c: CompiledExperiment, store: SweepStore, version: string, stats?: readonly PointStats[]): SweepFiles {
  const { shardIndex, shardCount, totalRuns } = store.meta;
  const { whole, ok, failed, expected, missing } = storeIsWhole(store);
  const params = (point: number): Row => c.points[point]!.map(cell);

  const hashes = new Map<string, { bytes: number; sha256: string }>();
  const staged: string[] = [];
  const stage = (name: string): string => {
    const tmp = tempPath(join(dir, name));
    rmSync(tmp, { force: true });
    staged.push(name);
    return tmp;
  };
  try {
    hashes.set(RUNS_FILE, writeCsv(stage(RUNS_FILE), runColumns(c), (function* () {
      for (const r of store.runs()) yield [r.run, r.point, ...params(r.point), r.replicate, r.seed, r.status, r.error, ...r.metrics];
    })()));
    if (whole) {
      hashes.set(AGGREGATE_FILE, writeCsv(stage(AGGREGATE_FILE), aggregateColumns(c), (function* () {
        for (const p of stats ?? aggregate(store.runs(), c.experiment.metrics)) {
          for (const m of p.metrics) yield [p.point, ...params(p.point), m.metric, m.runs, m.failed, m.n, m.mean, m.sd, m.ci95Low, m.ci95High, m.ciMethod];
        }
      })()));
    }

    const e = c.experiment;
    const manifest = {
      tool: 'coalsim',
      version,
      source: codeSource(),
      node: process.version,
      // Which random streams made the numbers: a new RNG version changes every run.
      rng: RNG_VERSION,
      kind: 'sweep',
      experiment: { id: e.id, title: e.title, sha256: c.hash, scenarioId: c.base.meta.id },
      design: { type: e.design.type, parameters: c.params.map((p) => ({ name: p.name, path: p.path })), requestedPoints: c.requestedPoints, points: c.points.length, replicates: e.replicates, runs: totalRuns },
      seed: e.seed,
      metrics: e.metrics,
      ...(shardCount > 1 ? { shard: { index: shardIndex, count: shardCount, runs: expected } } : {}),
      runs: { ok, failed, missing },
      complete: missing === 0,
      files: [...hashes.entries()].map(([name, h]) => ({ name, ...h })),
    };
    const text = JSON.stringify(manifest, null, 2) + '\n';
    writeNewFileDurably(stage(MANIFEST_FILE), text);
  } catch (err) {
    for (const name of staged) rmSync(tempPath(join(dir, name)), { force: true });
    throw err;
  }
  // All complete: now replace. The manifest goes last, so it never names files not yet in place.
  if (!whole) rmSync(join(dir, AGGREGATE_FILE), { force: true });
  for (const name of staged) renameSync(tempPath(join(dir, name)), join(dir, name));
  fsyncDir(dir);
  return { ok, failed, missing, complete: missing === 0, files: [...hashes.keys(), MANIFEST_FILE] };
}

/** Runs r in 0..total-1 with r % count === index. */
export function countShard(total: number, index: number, count: number): number {
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}

const CHUNK = 2000;

/** Stream rows into a new file at `tmp` (every byte written, then fsynced); its size and hash. */
function writeCsv(tmp: string, columns: readonly string[], rows: Iterable<Row>): { bytes: number; sha256: string } {
  const fd = openSync(tmp, 'wx');
  const hash = new Hasher();
  try {
    const put = (text: string): void => {
      const buf = Buffer.from(text, 'utf8');
      writeAll(fd, buf);
      hash.update(buf);
    };
    put(stringify([columns as string[]], CSV_OPTIONS));
    let chunk: Row[] = [];
    for (const row of rows) {
      chunk.push(row);
      if (chunk.length >= CHUNK) {
        put(stringify(chunk as unknown[][], CSV_OPTIONS));
        chunk = [];
      }
    }
    if (chunk.length > 0) put(stringify(chunk as unknown[][], CSV_OPTIONS));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return hash.digest();
}

class Hasher {
  private readonly h: Hash = createHash('sha256');
  private bytes = 0;
  update(buf: Buffer): void {
    this.h.update(buf);
    this.bytes += buf.length;
  }
  digest(): { bytes: number; sha256: string } {
    return { bytes: this.bytes, sha256: this.h.digest('hex') };
  }
}
