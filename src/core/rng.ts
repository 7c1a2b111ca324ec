/**
 * The one source of randomness (RNG version `coalsim-rng/2`, recorded in every manifest).
 *
 * A run owns a root seed. Every draw comes from a stream named by integers: (mechanism,
 * party, round). A stream is counter-based (Salmon et al., "Parallel random numbers: as easy
 * as 1, 2, 3", SC 2011): its k-th block of four 32-bit words is Philox4x32-10 applied to the
 * counter (mechanism, party key, round, k) under the key (seed, second party key). So:
 * - adding a draw in one mechanism (or for one party, or in one round) never shifts another's;
 * - a stream can be re-created at any round without replaying earlier ones, in nanoseconds
 *   (no string is hashed; party keys are hashed from ids once per run);
 * - adding a party never changes another's draws (keys come from ids, not positions).
 * Checked against Random123's known-answer vectors in test/core/rng.test.ts.
 */
import seedrandom from 'seedrandom';

/** Bump when any stream's numbers change; recorded in manifests. */
export const RNG_VERSION = 'coalsim-rng/2';

export interface RandomStream {
  /** Uniform in [0, 1), 53 random bits. */
  next(): number;
  /** Standard normal (Box–Muller, one value per call for simplicity of replay). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
}

/**
 * The engine's mechanisms that draw random numbers, each with a fixed stream id. Append new
 * ones with a new id; never renumber (that would change every run).
 */
export const STREAM = {
  cost: 1,
  beliefPivotal: 2,
  beliefParty: 3,
  casualties: 4,
  holdUp: 5,
  misperception: 6,
  shockDemand: 7,
  shockSupply: 8,
  bargaining: 9,
  ratification: 10,
  /** Access deals (issue 16): realised access cost, beliefs and the instant rule's draw, keyed by the offer. */
  accessCost: 11,
  accessBeliefPivotal: 12,
  accessBeliefParty: 13,
  /** Retired: access deals are ratified by the party's own parliament, on its `ratification` stream (one tolerance per run). Kept so no id is reused. */
  accessRatification: 14,
  accessBargaining: 15,
  /**
   * Promises (issue 16 item 3): the pivotal's domestic price of delivering each installment it
   * has promised, keyed by the recipient and the round the installment falls due.
   */
  promiseKeeping: 16,
} as const;
export type StreamId = (typeof STREAM)[keyof typeof STREAM];

/** A party's stream key: two independent 32-bit hashes of its id (no two parties share both). */
export interface PartyKey {
  readonly a: number;
  readonly b: number;
}

/** No party: a stream of the whole coalition (demand shocks, the bargaining rule). */
export const NO_PARTY: PartyKey = Object.freeze({ a: 0, b: 0 });

export function partyKey(id: string): PartyKey {
  return { a: hashSeed(id), b: hashSeed(`party|${id}`) };
}

export interface Rng {
  readonly seed: number;
  /** The stream of `mechanism` for `party` (NO_PARTY: none) in `round` (0: the whole run). */
  stream(mechanism: StreamId, party?: PartyKey, round?: number): RandomStream;
}

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const TWO_POW_M26 = 1 / 67108864;
const TWO_POW_M53 = 1 / 9007199254740992;

const M0_LO = M0 & 0xffff;
const M0_HI = M0 >>> 16;
const M1_LO = M1 & 0xffff;
const M1_HI = M1 >>> 16;

/**
 * High 32 bits of the 64-bit product of the unsigned 32-bit a (given as its 16-bit halves)
 * and b: schoolbook on 16-bit limbs, every partial product below 2^32, so it stays in integer
 * operations (the earlier floor-and-divide form on 48-bit doubles cost about 3x as much, and
 * Philox calls this twenty times a block).
 */
function mulhi(aLo: number, aHi: number, b: number): number {
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const ll = aLo * bLo;
  const lh = aLo * bHi;
  const hl = aHi * bLo;
  const mid = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (aHi * bHi + (lh >>> 16) + (hl >>> 16) + (mid >>> 16)) >>> 0;
}

/** Philox4x32-10: one block of four words for counter (c0..c3) and key (k0, k1). */
export function philox4x32(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array): void {
  for (let r = 0; r < 10; r++) {
    const hi0 = mulhi(M0_LO, M0_HI, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi(M1_LO, M1_HI, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    // The key schedule (bumped between rounds; the bump after the last round is unused).
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

/** Philox output, copied out at once: one shared buffer instead of a typed array per stream. */
const BLOCK = new Uint32Array(4);

class PhiloxStream implements RandomStream {
  // The current block's words as plain fields: streams are made by the thousand per run, and
  // allocating a Uint32Array for each cost more than the draws most of them make. Words and the
  // seed are kept as signed 32-bit integers (the same bits; `next` reads them with >>>): an
  // unsigned word of 2^31 or more is a double, and V8 boxes a double field in a heap number of
  // its own for every stream.
  private w0 = 0;
  private w1 = 0;
  private w2 = 0;
  private w3 = 0;
  private block = 0;
  /** Next unused word of the current block (4: none left). */
  private used = 4;
  private readonly seed: number;
  constructor(
    seed: number,
    private readonly mechanism: number,
    private readonly party: PartyKey,
    private readonly round: number,
  ) {
    this.seed = seed | 0;
  }
  /** The next 32-bit word, as a signed integer (its bits are the block's word). */
  private word(): number {
    if (this.used === 4) {
      philox4x32(this.mechanism, this.party.a, this.round, this.block++, this.seed >>> 0, this.party.b, BLOCK);
      this.w0 = BLOCK[0]! | 0;
      this.w1 = BLOCK[1]! | 0;
      this.w2 = BLOCK[2]! | 0;
      this.w3 = BLOCK[3]! | 0;
      this.used = 0;
    }
    const k = this.used++;
    return k === 0 ? this.w0 : k === 1 ? this.w1 : k === 2 ? this.w2 : this.w3;
  }
  next(): number {
    // 26 + 27 bits: the standard 53-bit double in [0, 1).
    return (this.word() >>> 6) * TWO_POW_M26 + (this.word() >>> 5) * TWO_POW_M53;
  }
  normal(): number {
    // 1 - u keeps log() away from 0.
    const u1 = 1 - this.next();
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

export function createRng(seed: number): Rng {
  const key = seed >>> 0;
  return {
    seed,
    stream(mechanism: StreamId, party: PartyKey = NO_PARTY, round = 0): RandomStream {
      return new PhiloxStream(key, mechanism, party, round);
    },
  };
}

class AleaStream implements RandomStream {
  private readonly prng: seedrandom.PRNG;
  constructor(key: string) {
    this.prng = seedrandom.alea(key);
  }
  next(): number {
    return this.prng();
  }
  normal(): number {
    const u1 = 1 - this.prng();
    const u2 = this.prng();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  int(n: number): number {
    return Math.floor(this.prng() * n);
  }
}

/**
 * A stream named by a string, for the edges (e.g. sampled experiment designs), not the
 * engine's loop: creating one hashes the name (alea, as coalsim-rng/1 did for every stream).
 */
export function namedStream(seed: number, name: string): RandomStream {
  return new AleaStream(`${seed}|${name}`);
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
