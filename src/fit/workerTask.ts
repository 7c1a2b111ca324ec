/**
 * The fit's task for the worker pool: build some particles of one generation. The message
 * kind is 'fit' (src/experiment/worker.ts dispatches it here); a reply carries the particles
 * in the order asked, or the error that stopped them. The same function runs in-process.
 */
import { buildParticle, type GenerationPlan, type Particle } from './abc';
import { evaluate, figureKinds, valuesOf, type FitSpec } from './evaluate';

export interface FitBatchMessage {
  readonly type: 'fit';
  readonly id: number;
  readonly spec: FitSpec;
  readonly plan: GenerationPlan;
  readonly particles: readonly number[];
}

export type FitBatchReply =
  | { readonly type: 'fit-done'; readonly id: number; readonly particles: readonly Particle[] }
  | { readonly type: 'fit-failed'; readonly id: number; readonly error: string; readonly unreachable: boolean };

export function isFitMessage(msg: unknown): msg is FitBatchMessage {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'fit';
}

/** Particles `indices` of the plan's generation, each from its own random stream. */
export function buildParticles(spec: FitSpec, plan: GenerationPlan, indices: readonly number[]): Particle[] {
  const kinds = figureKinds(spec.figures);
  const simulate = (u: readonly number[], seeds: readonly number[]): number => evaluate(spec, kinds, valuesOf(spec, u), seeds).distance;
  return indices.map((i) => buildParticle(plan, i, simulate));
}

export function answerFitBatch(msg: FitBatchMessage): FitBatchReply {
  try {
    return { type: 'fit-done', id: msg.id, particles: buildParticles(msg.spec, msg.plan, msg.particles) };
  } catch (err) {
    const e = err as Error;
    return { type: 'fit-failed', id: msg.id, error: `${e.name}: ${e.message}`, unreachable: e.name === 'ToleranceUnreachableError' };
  }
}
