/**
 * The files of a sweep directory, derived from its store in run order: runs.csv (one row a
 * run), aggregate.csv (one row a point x metric; only when the store holds every run of
 * the experiment) and manifest.json. Written to temporary names and renamed, streamed in
 * chunks so memory does not grow with the number of runs. The manifest holds no times,
 * paths or worker counts: an interrupted-and-resumed, a parallel and a merged sweep of
 * the same experiment give the same bytes.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '../output/csv';
import { aggregate } from './aggregate';
import type { CompiledExperiment } from './load';
import { cell, type SweepStore } from './store';
import { RNG_VERSION } from '../core/rng';

export const RUNS_FILE = 'runs.csv';
export const AGGREGATE_FILE = 'aggregate.csv';
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

export function writeSweepOutputs(dir: string, c: CompiledExperiment, store: SweepStore, version: string): SweepFiles {
  const { shardIndex, shardCount, totalRuns } = store.meta;
  const { ok, failed } = store.counts();
  const expected = shardCount === 1 ? totalRuns : countShard(totalRuns, shardIndex, shardCount);
  const missing = expected - ok - failed;
  const whole = shardCount === 1 && missing === 0;
  const params = (point: number): Row => c.points[point]!.map(cell);

  const hashes = new Map<string, { bytes: number; sha256: string }>();
  hashes.set(RUNS_FILE, writeCsv(join(dir, RUNS_FILE), runColumns(c), (function* () {
    for (const r of store.runs()) yield [r.run, r.point, ...params(r.point), r.replicate, r.seed, r.status, r.error, ...r.metrics];
  })()));
  if (whole) {
    hashes.set(AGGREGATE_FILE, writeCsv(join(dir, AGGREGATE_FILE), aggregateColumns(c), (function* () {
      for (const p of aggregate(store.runs(), c.experiment.metrics)) {
        for (const m of p.metrics) yield [p.point, ...params(p.point), m.metric, m.runs, m.failed, m.n, m.mean, m.sd, m.ci95Low, m.ci95High, m.ciMethod];
      }
    })()));
  } else rmSync(join(dir, AGGREGATE_FILE), { force: true });

  const e = c.experiment;
  const manifest = {
    tool: 'coalsim',
    version,
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
  writeText(join(dir, MANIFEST_FILE), text);
  return { ok, failed, missing, complete: missing === 0, files: [...hashes.keys(), MANIFEST_FILE] };
}

/** Runs r in 0..total-1 with r % count === index. */
export function countShard(total: number, index: number, count: number): number {
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}

const CHUNK = 2000;

function writeCsv(path: string, columns: readonly string[], rows: Iterable<Row>): { bytes: number; sha256: string } {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  const hash = new Hasher();
  try {
    const put = (text: string): void => {
      const buf = Buffer.from(text, 'utf8');
      writeSync(fd, buf);
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
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return hash.digest();
}

function writeText(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
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
