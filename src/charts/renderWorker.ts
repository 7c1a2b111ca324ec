/**
 * A child process that renders chart specs to PNG for renderPool.ts. It loads node-canvas
 * and Chart.js, and builds the canvas for the standard chart size, as soon as it starts, so
 * that this cost overlaps the run itself in the parent.
 *
 * A process, not a worker thread: node-canvas 3.2 renders correctly in worker threads, but
 * the process crashes (SIGSEGV) when a thread that has rendered is torn down (checked with
 * node 20.20, canvas 3.2.3), so a worker thread would cost every run its exit code.
 *
 * Messages in: { index, spec }, or 'close'. Out: { type: 'ready' } | { type: 'failed', reason }
 * first, then { type: 'png', index, png } per spec, or { type: 'error', index, message }.
 */
import { pngRenderer } from './render';
import { HEIGHT, WIDTH } from './specs/common';
import type { ChartSpec } from './types';

const send = process.send?.bind(process);
if (send === undefined) throw new Error('renderWorker.js runs only as a child process of renderPool.ts');
const r = pngRenderer();
if (r.ok) {
  r.renderer.prepare(WIDTH, HEIGHT);
  send({ type: 'ready' });
} else {
  send({ type: 'failed', reason: r.reason });
}
process.on('message', (m: { index: number; spec: ChartSpec } | 'close') => {
  if (m === 'close' || !r.ok) {
    process.disconnect();
    return;
  }
  try {
    send({ type: 'png', index: m.index, png: r.renderer.render(m.spec) });
  } catch (err) {
    send({ type: 'error', index: m.index, message: String((err as Error).stack ?? err) });
  }
});
