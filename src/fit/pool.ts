/**
 * Builds the particles of a generation on the sweep's worker threads (the worker entry of
 * src/experiment/worker.ts, which answers 'fit' messages with src/fit/workerTask.ts), or in
 * this thread (workers = 0). Particles are handed out one at a time, two in flight per worker,
 * and each finished particle goes to onParticle (which stores it) as soon as it arrives. The
 * order of arrival does not matter: a particle's value depends only on its index. Stopping
 * sends no new particle and waits for those in flight.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../experiment/executor';
import type { RunnerSpec } from '../experiment/runner';
import type { GenerationPlan, Particle } from './abc';
import type { FitSpec } from './evaluate';
import { answerFitBatch, type FitBatchMessage, type FitBatchReply } from './workerTask';

export class FitTaskError extends Error {
  constructor(
    message: string,
    readonly unreachable: boolean,
  ) {
    super(message);
    this.name = 'FitTaskError';
  }
}

export interface GenerationWork {
  readonly plan: GenerationPlan;
  /** Particle indices still to build, in order. */
  readonly indices: readonly number[];
  readonly onParticle: (index: number, particle: Particle) => void;
  readonly shouldStop?: () => boolean;
}

const IN_FLIGHT = 2;

export interface ParticlePool {
  run(work: GenerationWork): Promise<{ stopped: boolean }>;
  close(): Promise<void>;
}

export function createPool(spec: FitSpec, workers: number): ParticlePool {
  return workers <= 0 ? inProcessPool(spec) : threadPool(spec, workers);
}

function inProcessPool(spec: FitSpec): ParticlePool {
  return {
    async run(work) {
      let id = 0;
      for (const i of work.indices) {
        if (work.shouldStop?.()) return { stopped: true };
        const reply = answerFitBatch({ type: 'fit', id: id++, spec, plan: work.plan, particles: [i] });
        if (reply.type === 'fit-failed') throw new FitTaskError(reply.error, reply.unreachable);
        work.onParticle(i, reply.particles[0]!);
        // Let signals and progress timers in between particles.
        await new Promise<void>((r) => setImmediate(r));
      }
      return { stopped: false };
    },
    async close() {},
  };
}

function threadPool(spec: FitSpec, workers: number): ParticlePool {
  const script = workerScript();
  // The worker builds a sweep runner at start; an empty one costs nothing and is never used.
  const workerData: RunnerSpec = { base: spec.base, params: [], metrics: [] };
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData }));
  let closed = false;
  // Ids run on across generations, so a late reply of an abandoned generation matches nothing.
  let nextId = 0;
  return {
    run(work) {
      return new Promise((resolve, reject) => {
        const queue = [...work.indices];
        const inFlight = new Map<number, { worker: Worker; index: number }>();
        let stopped = false;
        let settled = false;
        const cleanup = (): void => {
          for (const w of pool) {
            w.off('message', onMessage.get(w)!);
            w.off('error', onError);
            w.off('exit', onExit);
          }
        };
        const finish = (err?: unknown): void => {
          if (settled) return;
          settled = true;
          cleanup();
          if (err !== undefined) reject(err);
          else resolve({ stopped });
        };
        const feed = (w: Worker): void => {
          if (stopped || queue.length === 0) return;
          if (work.shouldStop?.()) {
            stopped = true;
            return;
          }
          const index = queue.shift()!;
          const id = nextId++;
          inFlight.set(id, { worker: w, index });
          const msg: FitBatchMessage = { type: 'fit', id, spec, plan: work.plan, particles: [index] };
          w.postMessage(msg);
        };
        const maybeDone = (): void => {
          if ((stopped || queue.length === 0) && inFlight.size === 0) finish();
        };
        const onMessage = new Map<Worker, (msg: FitBatchReply) => void>();
        const onError = (err: Error): void => finish(err);
        const onExit = (code: number): void => finish(new Error(`a worker thread exited (code ${code}) before the generation finished`));
        for (const w of pool) {
          const handler = (msg: FitBatchReply): void => {
            const job = inFlight.get(msg.id);
            if (!job) return;
            inFlight.delete(msg.id);
            if (msg.type === 'fit-failed') {
              stopped = true;
              finish(new FitTaskError(msg.error, msg.unreachable));
              return;
            }
            try {
              work.onParticle(job.index, msg.particles[0]!);
            } catch (err) {
              finish(err);
              return;
            }
            feed(w);
            maybeDone();
          };
          onMessage.set(w, handler);
          w.on('message', handler);
          w.on('error', onError);
          w.on('exit', onExit);
        }
        for (let k = 0; k < IN_FLIGHT; k++) for (const w of pool) feed(w);
        maybeDone();
        const poll = setInterval(() => {
          if (settled) return clearInterval(poll);
          if (!stopped && work.shouldStop?.()) {
            stopped = true;
            maybeDone();
          }
        }, 50);
        poll.unref();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
