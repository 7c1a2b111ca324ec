/**
 * A fit from start to store: prepare the output directory (new, --resume or --force), then
 * build generation after generation on the pool, committing each particle and each finished
 * generation to fit.sqlite, until the last generation or the final tolerance. Also the two
 * halves of a sharded generation (for Slurm): `runShard` builds the particles i with
 * i % n = shard of the next generation into a shard file; `mergeShards` stores them and
 * finishes the generation when every particle is there.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Shard } from '../experiment/shards';
import { OutputExistsError, isNonEmptyDir, writeFileAtomically } from '../output/atomic';
import { applyDirAttributes, assertReplaceable, dirAttributes } from '../output/outDir';
import { effectiveSampleSize, importanceWeights, planGeneration, type GenerationPlan, type Particle, type Population } from './abc';
import type { LoadedFit } from './load';
import { createPool } from './pool';
import { FIT_STORE_FILE, FitStore, type FinishedGeneration } from './store';

export class FitDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FitDirError';
  }
}

/** Progress of a fit, for the CLI (the clock is read there, never here). */
export interface FitProgressSink {
  start(o: { generation: number; generations: number; epsilon: number; total: number; done: number }): void;
  particle(done: number): void;
  finish(g: FinishedGeneration): void;
  stop(): void;
}

export const NO_PROGRESS: FitProgressSink = { start: () => undefined, particle: () => undefined, finish: () => undefined, stop: () => undefined };

export interface FitRunOptions {
  readonly loaded: LoadedFit;
  readonly out: string;
  readonly workers: number;
  readonly resume: boolean;
  readonly force: boolean;
  readonly version: string;
  readonly progress?: FitProgressSink;
  readonly shouldStop?: () => boolean;
}

export interface FitRunResult {
  readonly stopped: boolean;
  readonly generations: readonly FinishedGeneration[];
  /** Particles found stored (resume) and built now. */
  readonly resumedParticles: number;
  readonly builtParticles: number;
}

/** Generations the fit makes at most: generation 0 (the prior) plus method.generations. */
export function totalGenerations(l: LoadedFit): number {
  return l.fit.method.generations + 1;
}

/** Has the fit reached its end after these generations? */
export function fitComplete(l: LoadedFit, gens: readonly FinishedGeneration[]): boolean {
  if (gens.length >= totalGenerations(l)) return true;
  const last = gens[gens.length - 1];
  const final = l.fit.method.finalTolerance;
  // A tolerance of 0 cannot shrink further: every accepted particle already matches the record.
  return last !== undefined && last.generation > 0 && last.epsilon <= (final ?? 0);
}

export function planFor(l: LoadedFit, generation: number, prev: Population | null): GenerationPlan {
  const m = l.fit.method;
  return planGeneration({ seed: m.seed, generation, priors: l.spec.params.map((p) => p.prior), maxAttempts: m.maxAttempts, seedsPerEvaluation: l.fit.seedsPerEvaluation, quantile: m.quantile, kernelScale: m.kernelScale }, prev);
}

/** Weights and ESS of a generation whose particles are all built. */
export function finishGeneration(l: LoadedFit, plan: GenerationPlan, particles: readonly Particle[], prev: Population | null): FinishedGeneration {
  const weights = importanceWeights(particles, l.spec.params.map((p) => p.prior), prev, plan.kernelCholesky);
  return { generation: plan.generation, epsilon: plan.epsilon, ess: effectiveSampleSize(weights), particles, weights };
}

/** Open the store for a new fit, a resumed one, or after --force. */
export function openStore(o: Pick<FitRunOptions, 'loaded' | 'out' | 'resume' | 'force' | 'version'>, allowShards = false): FitStore {
  const path = join(o.out, FIT_STORE_FILE);
  const nonEmpty = isNonEmptyDir(o.out);
  if (nonEmpty && (o.resume || allowShards) && !o.force && existsSync(path)) {
    const store = FitStore.open(path);
    if (!store) throw new FitDirError(`${path} is not a coalsim fit store; choose another --out`);
    if (store.meta('hash') !== o.loaded.hash) {
      store.close();
      throw new FitDirError(`cannot resume into ${o.out}: it holds a fit of a different fit file or scenario. Use another --out, or --force to start over`);
    }
    return store;
  }
  if (nonEmpty && o.resume && !allowShards && !o.force) throw new FitDirError(`${o.out} holds no fit to resume (no ${FIT_STORE_FILE}); choose another --out, or drop --resume`);
  if (nonEmpty && !o.force && !allowShards) throw new OutputExistsError(o.out);
  const kept = dirAttributes(o.out);
  if (nonEmpty && o.force) {
    // The shared guard (output/outDir): never the cwd, $HOME, /, a symlink, a folder coalsim did
    // not write, or one holding files a user added; then the whole fit directory is replaced.
    assertReplaceable(o.out, true);
    rmSync(o.out, { recursive: true, force: true });
  }
  mkdirSync(o.out, { recursive: true });
  applyDirAttributes(o.out, kept);
  return FitStore.create(path, o.loaded.hash, o.version);
}

export async function runFit(o: FitRunOptions): Promise<FitRunResult> {
  const l = o.loaded;
  const progress = o.progress ?? NO_PROGRESS;
  const store = openStore(o);
  const pool = createPool(l.spec, o.workers);
  const gens = store.generations();
  let resumedParticles = gens.reduce((n, g) => n + g.particles.length, 0);
  let builtParticles = 0;
  try {
    const N = l.fit.method.population;
    while (!fitComplete(l, gens)) {
      const g = gens.length;
      const prev = gens[g - 1] ?? null;
      const plan = planFor(l, g, prev);
      const stored = store.particles(g);
      resumedParticles += stored.size;
      const indices = Array.from({ length: N }, (_, i) => i).filter((i) => !stored.has(i));
      progress.start({ generation: g, generations: totalGenerations(l), epsilon: plan.epsilon, total: N, done: stored.size });
      const r = await pool.run({
        plan,
        indices,
        onParticle: (i, p) => {
          store.putParticle(g, i, p);
          stored.set(i, p);
          builtParticles++;
          progress.particle(stored.size);
        },
        ...(o.shouldStop ? { shouldStop: o.shouldStop } : {}),
      });
      if (r.stopped) return { stopped: true, generations: gens, resumedParticles, builtParticles };
      const particles = Array.from({ length: N }, (_, i) => stored.get(i)!);
      const done = finishGeneration(l, plan, particles, prev);
      store.finishGeneration(done);
      progress.finish(done);
      gens.push(done);
    }
    return { stopped: false, generations: gens, resumedParticles, builtParticles };
  } finally {
    progress.stop();
    await pool.close();
    store.close();
  }
}

// --- Sharding a generation (Slurm) ---

export const SHARDS_DIR = 'shards';

export function shardFile(out: string, generation: number, shard: Shard): string {
  return join(out, SHARDS_DIR, `gen-${String(generation).padStart(3, '0')}`, `shard-${shard.index}of${shard.count}.json`);
}

interface ShardFileContent {
  readonly format: 'coalsim-fit-shard-1';
  readonly hash: string;
  readonly generation: number;
  readonly shard: Shard;
  readonly particles: readonly (readonly [number, Particle])[];
}

/** Finished generations in --out (none if no store yet), read-only. */
function storedGenerations(l: LoadedFit, out: string): FinishedGeneration[] {
  const path = join(out, FIT_STORE_FILE);
  if (!existsSync(path)) return [];
  const store = FitStore.open(path, true);
  if (!store) throw new FitDirError(`${path} is not a coalsim fit store; choose another --out`);
  try {
    if (store.meta('hash') !== l.hash) throw new FitDirError(`${out} holds a fit of a different fit file or scenario; use another --out`);
    return store.generations();
  } finally {
    store.close();
  }
}

export interface ShardResult {
  readonly generation: number | null;
  readonly file: string | null;
  readonly particles: number;
  readonly stopped: boolean;
}

/**
 * Build this shard's particles of the next generation (the first not yet merged into --out)
 * and write them to shards/gen-<g>/shard-<i>of<n>.json. Nothing to do (generation null) when
 * the fit is complete; a shard whose file exists is not built again.
 */
export async function runShard(o: Omit<FitRunOptions, 'resume' | 'force'> & { shard: Shard; generation?: number }): Promise<ShardResult> {
  const l = o.loaded;
  const gens = storedGenerations(l, o.out);
  if (fitComplete(l, gens)) return { generation: null, file: null, particles: 0, stopped: false };
  const g = gens.length;
  if (o.generation !== undefined && o.generation !== g) throw new FitDirError(`--generation ${o.generation} cannot run yet: ${o.out} has ${g} finished generation(s), so the next is ${g} (merge the earlier shards first)`);
  const file = shardFile(o.out, g, o.shard);
  if (existsSync(file)) return { generation: g, file, particles: 0, stopped: false };
  const plan = planFor(l, g, gens[g - 1] ?? null);
  const indices = Array.from({ length: l.fit.method.population }, (_, i) => i).filter((i) => i % o.shard.count === o.shard.index);
  const built = new Map<number, Particle>();
  const progress = o.progress ?? NO_PROGRESS;
  progress.start({ generation: g, generations: totalGenerations(l), epsilon: plan.epsilon, total: indices.length, done: 0 });
  const pool = createPool(l.spec, o.workers);
  try {
    const r = await pool.run({ plan, indices, onParticle: (i, p) => (built.set(i, p), progress.particle(built.size)), ...(o.shouldStop ? { shouldStop: o.shouldStop } : {}) });
    if (r.stopped) return { generation: g, file: null, particles: built.size, stopped: true };
  } finally {
    progress.stop();
    await pool.close();
  }
  const content: ShardFileContent = { format: 'coalsim-fit-shard-1', hash: l.hash, generation: g, shard: o.shard, particles: indices.map((i) => [i, built.get(i)!] as const) };
  writeFileAtomically(file, JSON.stringify(content) + '\n', o.out);
  return { generation: g, file, particles: indices.length, stopped: false };
}

export interface MergeResult {
  readonly generation: number | null;
  /** Particles of that generation now stored, of the population. */
  readonly stored: number;
  readonly finished: boolean;
  readonly complete: boolean;
}

/** Store the shard files of the next generation; finish it when every particle is there. */
export function mergeShards(o: Pick<FitRunOptions, 'loaded' | 'out' | 'version'>): MergeResult {
  const l = o.loaded;
  const store = openStore({ ...o, resume: true, force: false }, true);
  try {
    const gens = store.generations();
    if (fitComplete(l, gens)) return { generation: null, stored: 0, finished: false, complete: true };
    const g = gens.length;
    const dir = join(o.out, SHARDS_DIR, `gen-${String(g).padStart(3, '0')}`);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^shard-\d+of\d+\.json$/.test(f)).sort() : [];
    for (const f of files) {
      const c = JSON.parse(readFileSync(join(dir, f), 'utf8')) as ShardFileContent;
      if (c.format !== 'coalsim-fit-shard-1' || c.hash !== l.hash || c.generation !== g) throw new FitDirError(`${join(dir, f)} is not a shard of this fit's generation ${g}; remove it`);
      store.putParticles(g, c.particles);
    }
    const stored = store.particles(g);
    const N = l.fit.method.population;
    if (stored.size < N) return { generation: g, stored: stored.size, finished: false, complete: false };
    const prev = gens[g - 1] ?? null;
    const done = finishGeneration(l, planFor(l, g, prev), Array.from({ length: N }, (_, i) => stored.get(i)!), prev);
    store.finishGeneration(done);
    return { generation: g, stored: N, finished: true, complete: fitComplete(l, [...gens, done]) };
  } finally {
    store.close();
  }
}

/** Finished generations of a complete fit in --out (for writing outputs after shards). */
export function readGenerations(l: LoadedFit, out: string): FinishedGeneration[] {
  return storedGenerations(l, out);
}
