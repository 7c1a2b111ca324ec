/**
 * Runs tasks in batches, in this thread (workers = 0) or in a pool of worker threads, and
 * hands each finished batch to onBatch (which stores it). Both paths call the same runner.
 * Tasks are pulled lazily, so memory holds only the batches in flight. Stopping (Ctrl-C)
 * sends no new batch, waits for those in flight and resolves with stopped = true.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { summarisePoint, type PointGroup, type PointStats } from './aggregate';
import { createRunner, type RunnerSpec, type RunOutcome, type RunTask } from './runner';

export type ToWorker =
  | { readonly type: 'batch'; readonly id: number; readonly tasks: readonly RunTask[] }
  | { readonly type: 'aggregate'; readonly id: number; readonly groups: readonly PointGroup[]; readonly metrics: readonly string[] };
/** `ms`: the worker's time on the batch, which sizes the next batches (batchSizeAfter). */
export type FromWorker =
  | { readonly type: 'done'; readonly id: number; readonly outcomes: readonly RunOutcome[]; readonly ms: number }
  | { readonly type: 'aggregated'; readonly id: number; readonly stats: readonly PointStats[] };

/**
 * aggregate.csv's statistics, computed after the runs on the same workers (the percentile
 * bootstraps cost about as much as cheap runs, and done on the main thread after the pool
 * they were the serial part that kept a second worker from paying). `groups()` is called
 * once the runs are stored and gives the points in order, or null (nothing to aggregate);
 * `onStats` receives every point's statistics in point order. Without workers they are
 * computed in this thread: the same function, the same bytes.
 */
export interface AggregateJob {
  readonly metrics: readonly string[];
  groups(): Iterable<PointGroup> | null;
  onStats(stats: readonly PointStats[]): void;
}

export interface ExecuteOptions {
  readonly spec: RunnerSpec;
  readonly tasks: Iterator<RunTask>;
  /** 0: run in this thread; n >= 1: n worker threads. */
  readonly workers: number;
  readonly batchSize?: number;
  readonly onBatch: (tasks: readonly RunTask[], outcomes: readonly RunOutcome[]) => void;
  /** Polled between batches; true stops the sweep cleanly. */
  readonly shouldStop?: () => boolean;
  /** Statistics to compute once every run is done (not after a stop). */
  readonly aggregate?: AggregateJob;
}

/**
 * Each worker's young generation is capped at 8 MB. V8 otherwise grows it towards 48 MB per
 * isolate as a worker allocates fast, which is why a sweep's peak RSS rose with its length
 * (measured, 2 workers: 157 MB at 1,000 runs, 208 MB at 10,000; capped: 141 and 160 MB) while
 * the live heap stayed at ~20-40 MB. The same CPU time within noise (3.6 s either way for
 * 10,000 runs); it is a sizing limit, not a heap limit: nothing fails if a run needs more.
 *
 * The old generation is capped at 128 MB: with no cap V8 sizes it from the machine's memory and
 * lets it grow with a long sweep's promotions (measured with the model v2 engine, 2 workers:
 * 157 MB peak RSS at 1,000 runs, 212 MB at 10,000; capped, 154 and 171 MB, the same wall time).
 * This one is a hard limit, far above what a sweep-mode run holds: the largest run the limits
 * allow (1,000 parties x 250 rounds) peaked at 159 MB RSS for the whole 2-worker process.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };

/** Points per aggregate message: enough work to outweigh a message, few enough to spread. */
const AGGREGATE_CHUNK_RUNS = 512;
const AGGREGATE_CHUNK_POINTS = 64;

function takeGroups(groups: Iterator<PointGroup>): PointGroup[] {
  const chunk: PointGroup[] = [];
  let runs = 0;
  while (runs < AGGREGATE_CHUNK_RUNS && chunk.length < AGGREGATE_CHUNK_POINTS) {
    const next = groups.next();
    if (next.done) break;
    chunk.push(next.value);
    runs += next.value.runs.length;
  }
  return chunk;
}

const DEFAULT_BATCH = 16;
/** Worker batches aim at this much work: each costs a message each way and a store transaction. */
const TARGET_BATCH_MS = 40;
const MAX_BATCH = 512;

/**
 * The next batch size for workers, from how long the last batch of `size` runs took: sized to
 * about TARGET_BATCH_MS, within [DEFAULT_BATCH, MAX_BATCH] and at most doubling at a time. With
 * runs of 0.3 ms (the default scenario), batches of 16 cost the main thread a transaction and
 * two structured clones every 5 ms, and a second worker gained little; results never depend on
 * batch boundaries (the store orders runs by number).
 */
export function batchSizeAfter(size: number, ms: number): number {
  const aimed = ms > 0 ? Math.floor((size * TARGET_BATCH_MS) / ms) : size * 2;
  return Math.max(DEFAULT_BATCH, Math.min(MAX_BATCH, size * 2, aimed));
}
/** Batches queued per worker, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;

export async function execute(o: ExecuteOptions): Promise<{ stopped: boolean }> {
  return o.workers <= 0 ? inProcess(o) : inWorkers(o);
}

function takeBatch(tasks: Iterator<RunTask>, size: number): RunTask[] {
  const batch: RunTask[] = [];
  while (batch.length < size) {
    const next = tasks.next();
    if (next.done) break;
    batch.push(next.value);
  }
  return batch;
}

async function inProcess(o: ExecuteOptions): Promise<{ stopped: boolean }> {
  const run = createRunner(o.spec);
  const size = o.batchSize ?? DEFAULT_BATCH;
  for (;;) {
    if (o.shouldStop?.()) return { stopped: true };
    const batch = takeBatch(o.tasks, size);
    if (batch.length === 0) {
      if (o.aggregate) {
        const groups = o.aggregate.groups();
        const metrics = o.aggregate.metrics;
        if (groups) {
          // One point's runs at a time: the statistics are kept, the runs are not.
          const stats: PointStats[] = [];
          for (const g of groups) stats.push(summarisePoint(g.point, g.runs, metrics));
          o.aggregate.onStats(stats);
        }
      }
      return { stopped: false };
    }
    o.onBatch(batch, batch.map(run));
    // Let signals and progress timers in between batches.
    await new Promise<void>((r) => setImmediate(r));
  }
}

/** The compiled worker: next to this file when running from dist/, else in dist/ (tests from src/). */
export function workerScript(): string {
  const here = join(__dirname, 'worker.js');
  if (existsSync(here)) return here;
  const built = resolve(__dirname, '..', '..', 'dist', 'experiment', 'worker.js');
  if (existsSync(built)) return built;
  throw new Error(`worker script not found (${here}); run \`npm run build\` first, or use --workers 0`);
}

function inWorkers(o: ExecuteOptions): Promise<{ stopped: boolean }> {
  // A given batchSize is kept; the default grows with the measured cost of a run.
  let size = o.batchSize ?? DEFAULT_BATCH;
  const script = workerScript();
  return new Promise((resolvePromise, reject) => {
    const pool: Worker[] = [];
    const inFlight = new Map<number, { worker: Worker; tasks: RunTask[] }>();
    let nextId = 0;
    let exhausted = false;
    let stopped = false;
    let settled = false;
    let aggregating: { groups: Iterator<PointGroup>; results: (readonly PointStats[])[]; inFlight: Map<number, number>; done: boolean } | null = null;

    const finish = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      // An aggregate phase cut short by an error leaves its store query open: close it.
      aggregating?.groups.return?.();
      for (const w of pool) void w.terminate();
      if (err !== undefined) reject(err);
      else resolvePromise({ stopped });
    };
    const feed = (w: Worker): void => {
      if (exhausted || stopped) return;
      if (o.shouldStop?.()) {
        stopped = true;
        return;
      }
      const tasks = takeBatch(o.tasks, size);
      if (tasks.length === 0) {
        exhausted = true;
        return;
      }
      const id = nextId++;
      inFlight.set(id, { worker: w, tasks });
      const msg: ToWorker = { type: 'batch', id, tasks };
      w.postMessage(msg);
    };
    // The aggregate phase: chunks of points out to whichever worker is free, results by chunk.
    const feedAggregate = (w: Worker): void => {
      const a = aggregating!;
      if (a.done) return;
      const groups = takeGroups(a.groups);
      if (groups.length === 0) {
        a.done = true;
        return;
      }
      const id = nextId++;
      a.inFlight.set(id, a.results.length);
      a.results.push([]);
      const msg: ToWorker = { type: 'aggregate', id, groups, metrics: o.aggregate!.metrics };
      w.postMessage(msg);
    };
    const maybeDone = (): void => {
      if (!((exhausted || stopped) && inFlight.size === 0)) return;
      if (stopped || !o.aggregate) return finish();
      if (aggregating === null) {
        const groups = o.aggregate.groups();
        if (groups === null) return finish();
        aggregating = { groups: groups[Symbol.iterator](), results: [], inFlight: new Map(), done: false };
        for (let k = 0; k < IN_FLIGHT; k++) for (const w of pool) feedAggregate(w);
      }
      if (aggregating.done && aggregating.inFlight.size === 0) {
        try {
          o.aggregate.onStats(aggregating.results.flat());
        } catch (err) {
          return finish(err);
        }
        finish();
      }
    };

    for (let i = 0; i < o.workers; i++) {
      const w = new Worker(script, { workerData: o.spec, resourceLimits: WORKER_LIMITS });
      pool.push(w);
      w.on('message', (msg: FromWorker) => {
        if (msg.type === 'aggregated') {
          const slot = aggregating?.inFlight.get(msg.id);
          if (slot === undefined || aggregating === null) return;
          aggregating.inFlight.delete(msg.id);
          aggregating.results[slot] = msg.stats;
          try {
            feedAggregate(w);
          } catch (err) {
            return finish(err);
          }
          return maybeDone();
        }
        const job = inFlight.get(msg.id);
        if (!job) return;
        inFlight.delete(msg.id);
        if (o.batchSize === undefined) size = batchSizeAfter(job.tasks.length, msg.ms);
        try {
          o.onBatch(job.tasks, msg.outcomes);
        } catch (err) {
          finish(err);
          return;
        }
        feed(w);
        maybeDone();
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`a worker thread exited (code ${code}) before the sweep finished`));
      });
    }
    for (let k = 0; k < IN_FLIGHT; k++) for (const w of pool) feed(w);
    maybeDone();
    // Stop requests arrive between messages too (e.g. while every worker is busy).
    const poll = setInterval(() => {
      if (!stopped && o.shouldStop?.()) {
        stopped = true;
        maybeDone();
      }
      if (settled) clearInterval(poll);
    }, 50);
    poll.unref();
  });
}
