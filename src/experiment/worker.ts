/** Worker thread entry: builds the runner once, then answers batches of tasks. */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './executor';
import { createRunner, type RunnerSpec } from './runner';
import { answerFitBatch, isFitMessage, type FitBatchMessage } from '../fit/workerTask';

const port = parentPort;
if (!port) throw new Error('coalsim: experiment/worker.js runs only as a worker thread');
const run = createRunner(workerData as RunnerSpec);
port.on('message', (msg: ToWorker | FitBatchMessage) => {
  // coalsim fit: particles of an ABC-SMC generation (src/fit/workerTask.ts).
  if (isFitMessage(msg)) return port.postMessage(answerFitBatch(msg));
  const reply: FromWorker = { type: 'done', id: msg.id, outcomes: msg.tasks.map(run) };
  port.postMessage(reply);
});
