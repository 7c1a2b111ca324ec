/**
 * The one source of randomness. A run owns a root seed; every mechanism asks for a
 * named sub-stream (optionally per round), derived purely from (seed, name, round).
 * Adding a draw in one mechanism therefore never shifts another's numbers, and a
 * stream can be re-created at any round without replaying earlier ones.
 */
import seedrandom from 'seedrandom';

export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller, one value per call for simplicity of replay). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

export interface Rng {
  readonly seed: number;
  stream(name: string, round?: number): RandomStream;
}

class AleaStream implements RandomStream {
  private readonly prng: seedrandom.PRNG;
  constructor(key: string) {
    // alea: fast, good statistical quality, and seedable from a string key.
    this.prng = seedrandom.alea(key);
  }
  next(): number {
    return this.prng();
  }
  normal(): number {
    // 1 - u keeps log() away from 0.
    const u1 = 1 - this.prng();
    const u2 = this.prng();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }
}

export function createRng(seed: number): Rng {
  return {
    seed,
    stream(name: string, round?: number): RandomStream {
      return new AleaStream(round === undefined ? `${seed}|${name}` : `${seed}|${name}|${round}`);
    },
  };
}

/** Stable 32-bit seed from any string (FNV-1a), for deriving run seeds from inputs. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
