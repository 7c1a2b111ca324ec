/** Worker thread entry: builds the runner once, then answers batches of tasks. */
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './executor';
import { createRunner, type RunnerSpec } from './runner';

const port = parentPort;
if (!port) throw new Error('coalsim: experiment/worker.js runs only as a worker thread');
const run = createRunner(workerData as RunnerSpec);
port.on('message', (msg: ToWorker) => {
  const reply: FromWorker = { type: 'done', id: msg.id, outcomes: msg.tasks.map(run) };
  port.postMessage(reply);
});
