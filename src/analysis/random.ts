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

/** Alea's state (seedrandom's `alea`, Baagøe 2010): three fractions in [0, 1) and a carry. */
export interface AleaState {
  s0: number;
  s1: number;
  s2: number;
  c: number;
}

/**
 * The state `seedrandom.alea(key)` starts from, computed with the same Mash hash, so a loop can
 * keep it in local variables and draw the same sequence without a call per draw (see
 * bootstrapMeanInterval). Checked against seedrandom in test/analysis/bootstrapMean.test.ts.
 */
export function aleaState(key: string): AleaState {
  let n = 0xefc8249d;
  const mash = (data: string): number => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000;
    }
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  const st: AleaState = { c: 1, s0: mash(' '), s1: mash(' '), s2: mash(' ') };
  st.s0 -= mash(key);
  if (st.s0 < 0) st.s0 += 1;
  st.s1 -= mash(key);
  if (st.s1 < 0) st.s1 += 1;
  st.s2 -= mash(key);
  if (st.s2 < 0) st.s2 += 1;
  return st;
}
