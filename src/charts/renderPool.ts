/**
 * PNG charts rendered in parallel in child processes (renderWorker.ts says why not threads), for `coalsim run` and
 * `coalsim report`. Rendering is most of a run's CPU time (about 150 ms per 1600×900 chart,
 * mostly drawing and PNG encoding in cairo), and the charts are independent, so they split
 * over cores. The workers start (and load node-canvas and Chart.js) when the pool is made,
 * so that cost overlaps whatever the main thread does before it asks for the charts.
 *
 * The bytes are those of the one-thread renderer (render.ts): each worker runs the same code
 * on the same spec; test/charts/renderPool.test.ts compares them.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { pngRenderer } from './render';
import type { ChartSpec } from './types';

export type PoolResult = { readonly ok: true; readonly files: Map<string, Buffer> } | { readonly ok: false; readonly reason: string };

export interface RenderPool {
  /** charts/<id>.png for each spec, in spec order; or why none could be made (canvas missing). Renders a share on this thread. */
  render(specs: readonly ChartSpec[]): Promise<PoolResult>;
  /** Stop the workers; safe to call more than once, and after a failure. */
  close(): Promise<void>;
}

type Ready = { readonly ok: true } | { readonly ok: false; readonly reason: string };
type Reply = { type: 'ready' } | { type: 'failed'; reason: string } | { type: 'png'; index: number; png: Uint8Array } | { type: 'error'; index: number; message: string };

/** More workers than this cost more (each loads its own Chart.js) than a run's few charts gain. */
const MAX_WORKERS = 3;

/**
 * Worker processes for this machine: one per idle core besides this one, at most MAX_WORKERS.
 * On a busy machine (1-minute load average near the core count) a worker only competes with
 * this thread and adds its own start-up, so there are none and this thread renders every chart.
 * COALSIM_CHART_WORKERS=<n> overrides (benchmarks, tests).
 */
export function defaultPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.COALSIM_CHART_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(MAX_WORKERS, Number(forced));
  return poolSizeFor(availableParallelism(), loadavg()[0] ?? 0);
}

/**
 * Workers for `cores` cores at 1-minute load average `load`: the idle cores (cores - load),
 * rounded to the nearest whole core, less the one this thread takes. Rounding, not flooring:
 * an idle 2-core machine shows a load of 0.1-0.4 from its own housekeeping, and flooring
 * 1.6-1.9 idle cores to 1 left no core for a worker, so the pool never ran on such a machine.
 */
export function poolSizeFor(cores: number, load: number): number {
  const idle = Math.round(cores - load);
  return Math.max(0, Math.min(MAX_WORKERS, cores - 1, idle - 1));
}

interface Slot {
  readonly worker: ChildProcess;
  readonly ready: Promise<Ready>;
  onPng: ((index: number, png: Buffer) => void) | null;
  onError: ((err: Error) => void) | null;
  /** Set by close(): the process exiting after that is expected. */
  closing: boolean;
}

function startSlot(file: string): Slot {
  // 'advanced' serialization carries the PNG bytes as a Uint8Array, not as JSON numbers.
  const worker = fork(file, [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const slot: Slot = { worker, ready: Promise.resolve({ ok: true }), onPng: null, onError: null, closing: false };
  (slot as { ready: Promise<Ready> }).ready = new Promise<Ready>((resolve, reject) => {
    worker.on('message', (m: Reply) => {
      if (m.type === 'ready') resolve({ ok: true });
      else if (m.type === 'failed') resolve({ ok: false, reason: m.reason });
      // A structured clone of a Buffer arrives as a plain Uint8Array: view it as a Buffer, no copy.
      else if (m.type === 'png') slot.onPng?.(m.index, Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
      else slot.onError?.(new Error(`chart rendering failed in a worker: ${m.message}`));
    });
    worker.on('error', (err) => {
      reject(err);
      slot.onError?.(err);
    });
    worker.on('exit', (code, signal) => {
      const err = new Error(`a chart rendering process stopped (${signal ?? `exit code ${code}`})`);
      reject(err);
      if (!slot.closing) slot.onError?.(err);
    });
  });
  // Nothing may wait on a worker that the caller has given up on.
  slot.ready.catch(() => undefined);
  return slot;
}

/** Start `size` render workers now; `workerFile` is the built renderWorker.js (tests pass dist's). */
export function startRenderPool(size: number = defaultPoolSize(), workerFile: string = join(__dirname, 'renderWorker.js')): RenderPool {
  const slots = Array.from({ length: size }, () => startSlot(workerFile));
  const close = async (): Promise<void> => {
    await Promise.all(
      slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.closing || s.worker.exitCode !== null || s.worker.signalCode !== null) return resolve();
            s.closing = true;
            s.worker.once('exit', () => resolve());
            if (s.worker.connected) s.worker.send('close');
            else s.worker.kill();
          }),
      ),
    );
  };
  const render = async (specs: readonly ChartSpec[]): Promise<PoolResult> => {
    // This thread renders a share too: one process fewer to start, one Chart.js fewer to load.
    const own = pngRenderer();
    if (!own.ok) return own;
    const states = await Promise.all(slots.map((s) => s.ready));
    const failed = states.find((s): s is { ok: false; reason: string } => !s.ok);
    if (failed) return failed;
    const pngs: (Buffer | undefined)[] = new Array(specs.length);
    // Chart i goes to share i mod (workers + 1); the last share is this thread's. The charts
    // cost about the same, so a fixed split balances well and costs no round trips.
    const shares = slots.length + 1;
    const fromWorkers = new Promise<void>((resolve, reject) => {
      let waiting = 0;
      for (const s of slots) {
        s.onError = reject;
        s.onPng = (index, png) => {
          pngs[index] = png;
          if (--waiting === 0) resolve();
        };
      }
      specs.forEach((spec, i) => {
        const slot = slots[i % shares];
        if (slot === undefined) return;
        waiting++;
        slot.worker.send({ index: i, spec });
      });
      if (waiting === 0) resolve();
    });
    specs.forEach((spec, i) => {
      if (i % shares === slots.length) pngs[i] = own.renderer.render(spec);
    });
    await fromWorkers;
    const files = new Map<string, Buffer>();
    specs.forEach((spec, i) => files.set(`charts/${spec.id}.png`, pngs[i] as Buffer));
    return { ok: true, files };
  };
  return { render, close };
}
