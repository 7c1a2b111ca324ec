/**
 * A seeded uniform generator for resampling and trajectory draws, so the analysis is
 * reproducible without reaching into the simulator's RNG. Alea from `seedrandom`.
 */
import seedrandom from 'seedrandom';

/** Uniform in [0, 1), the same sequence for the same key. */
export type Uniform = () => number;

export function uniformFrom(key: string): Uniform {
  return seedrandom.alea(key);
}

/** An integer in [0, n). */
export function randomInt(u: Uniform, n: number): number {
  return Math.min(n - 1, Math.floor(u() * n));
}
