/**
 * Progress of a sweep on stderr. On a terminal: a bar with runs/s and ETA (cli-progress).
 * Elsewhere (cluster logs, pipes): a plain line at each tenth of the way and at least
 * once a minute. The clock is read here only, for display; it never reaches results.
 */
import { SingleBar } from 'cli-progress';
import type { ProgressSink } from '../experiment/sweep';

export function createProgress(stream: NodeJS.WriteStream, options: { quiet: boolean; label: string }): ProgressSink {
  if (options.quiet) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  return stream.isTTY ? barProgress(stream, options.label) : lineProgress(stream, options.label);
}

function rateAndEta(startedAt: number, startDone: number, done: number, total: number): { rate: number; eta: string } {
  const secs = (performance.now() - startedAt) / 1000; // monotonic clock, display only
  const rate = secs > 0 ? (done - startDone) / secs : 0;
  const left = total - done;
  return { rate, eta: rate > 0 ? duration(left / rate) : '?' };
}

export function duration(secs: number): string {
  if (!Number.isFinite(secs)) return '?';
  const s = Math.round(secs);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function barProgress(stream: NodeJS.WriteStream, label: string): ProgressSink {
  const bar = new SingleBar({
    stream,
    format: `${label} {bar} {percentage}% | {value}/{total} runs | {rate} runs/s | ETA {etaText} | {failed} failed`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    fps: 5,
  });
  let startedAt = 0;
  let startDone = 0;
  let total = 0;
  return {
    start(t, done) {
      total = t;
      startedAt = performance.now();
      startDone = done;
      bar.start(t, done, { rate: '0', etaText: '?', failed: 0 });
    },
    update(done, failed) {
      const { rate, eta } = rateAndEta(startedAt, startDone, done, total);
      bar.update(done, { rate: rate.toFixed(0), etaText: eta, failed });
    },
    stop() {
      bar.stop();
    },
  };
}

function lineProgress(stream: NodeJS.WriteStream, label: string): ProgressSink {
  let startedAt = 0;
  let startDone = 0;
  let total = 0;
  let lastTenth = -1;
  let lastAt = 0;
  let last = { done: 0, failed: 0 };
  const line = (done: number, failed: number): void => {
    const { rate, eta } = rateAndEta(startedAt, startDone, done, total);
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    stream.write(`${label}: ${done}/${total} runs (${pct}%), ${rate.toFixed(0)} runs/s, ETA ${eta}, ${failed} failed\n`);
    lastAt = performance.now();
  };
  return {
    start(t, done) {
      total = t;
      startedAt = performance.now();
      lastAt = startedAt;
      startDone = done;
      lastTenth = total > 0 ? Math.floor((10 * done) / total) : 10;
      last = { done, failed: 0 };
      stream.write(`${label}: ${total} runs${done > 0 ? `, ${done} already stored` : ''}\n`);
    },
    update(done, failed) {
      last = { done, failed };
      const tenth = total > 0 ? Math.floor((10 * done) / total) : 10;
      if (tenth > lastTenth || performance.now() - lastAt > 60_000) {
        lastTenth = tenth;
        line(done, failed);
      }
    },
    stop() {
      if (lastTenth < 10) line(last.done, last.failed);
    },
  };
}

/**
 * Progress of a job done in a few long steps (folds of a cross-validation) on stderr: on a
 * terminal a bar with the step just done and an ETA; elsewhere nothing (a minute-long job in a
 * pipe or a log needs no running commentary). `done` closes the bar.
 */
export function createStepProgress(stream: NodeJS.WriteStream, label: string, unit: string): { update(done: number, total: number, what: string): void; done(): void } {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const bar = new SingleBar({ stream, format: `${label} {bar} {value}/{total} ${unit} | {what} | ETA {etaText}`, barCompleteChar: '█', barIncompleteChar: '░', hideCursor: true, fps: 5 });
  let startedAt = 0;
  let started = false;
  return {
    update(done, total, what) {
      if (!started) {
        startedAt = performance.now();
        bar.start(total, 0, { what: 'starting', etaText: '?' });
        started = true;
      }
      bar.update(done, { what, etaText: rateAndEta(startedAt, 0, done, total).eta });
    },
    done() {
      if (started) bar.stop();
    },
  };
}
