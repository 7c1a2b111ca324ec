/**
 * Progress of a fit on stderr. On a terminal: a bar per generation with the generation, its
 * tolerance, particles built and an ETA for the generation (cli-progress). Elsewhere (pipes,
 * cluster logs): one line per finished generation. The clock is read here only, for display.
 */
import { SingleBar } from 'cli-progress';
import type { FitProgressSink } from '../fit/run';
import { duration } from './progress';

export function createFitProgress(stream: NodeJS.WriteStream, options: { quiet: boolean; label: string }): FitProgressSink {
  if (options.quiet) return { start: () => undefined, particle: () => undefined, finish: () => undefined, stop: () => undefined };
  const eps = (x: number): string => (Number.isFinite(x) ? x.toPrecision(4) : 'inf (prior)');
  let started = 0;
  let startDone = 0;
  let total = 0;
  let gens = 0;
  if (!stream.isTTY) {
    return {
      start(o) {
        started = performance.now();
        gens = o.generations;
        stream.write(`${options.label}: generation ${o.generation}/${o.generations - 1}, tolerance ${eps(o.epsilon)}, ${o.total} particles${o.done > 0 ? ` (${o.done} already stored)` : ''}\n`);
      },
      particle: () => undefined,
      finish(g) {
        const secs = (performance.now() - started) / 1000; // monotonic, display only
        const sims = g.particles.reduce((s, p) => s + p.simulations, 0);
        stream.write(`${options.label}: generation ${g.generation}/${gens - 1} done in ${duration(secs)}: ${sims} evaluations, acceptance ${((100 * g.particles.length) / sims).toFixed(1)}%, ESS ${g.ess.toFixed(1)}\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({
    stream,
    format: `${options.label} gen {gen} | tolerance {eps} {bar} {value}/{total} particles | ETA {etaText}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    fps: 5,
  });
  let active = false;
  return {
    start(o) {
      if (active) bar.stop();
      started = performance.now();
      startDone = o.done;
      total = o.total;
      active = true;
      bar.start(o.total, o.done, { gen: `${o.generation}/${o.generations - 1}`, eps: eps(o.epsilon), etaText: '?' });
    },
    particle(done) {
      const secs = (performance.now() - started) / 1000;
      const rate = secs > 0 ? (done - startDone) / secs : 0;
      bar.update(done, { etaText: rate > 0 ? duration((total - done) / rate) : '?' });
    },
    finish() {
      bar.stop();
      active = false;
    },
    stop() {
      if (active) bar.stop();
      active = false;
    },
  };
}
