/** Worker thread entry: builds the runner once, then answers batches of tasks (and, after them, aggregate statistics of points). */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './executor';
import { createRunner, type RunnerSpec } from './runner';
import { summarisePoint } from './aggregate';
import { answerFitBatch, isFitMessage, type FitBatchMessage } from '../fit/workerTask';

const port = parentPort;
if (!port) throw new Error('coalsim: experiment/worker.js runs only as a worker thread');
const run = createRunner(workerData as RunnerSpec);
port.on('message', (msg: ToWorker | FitBatchMessage) => {
  // coalsim fit: particles of an ABC-SMC generation (src/fit/workerTask.ts).
  if (isFitMessage(msg)) return port.postMessage(answerFitBatch(msg));
  if (msg.type === 'aggregate') {
    const stats = msg.groups.map((g) => summarisePoint(g.point, g.runs, msg.metrics));
    const reply: FromWorker = { type: 'aggregated', id: msg.id, stats };
    return port.postMessage(reply);
  }
  const t0 = performance.now();
  const outcomes = msg.tasks.map(run);
  const reply: FromWorker = { type: 'done', id: msg.id, outcomes, ms: performance.now() - t0 };
  port.postMessage(reply);
});
