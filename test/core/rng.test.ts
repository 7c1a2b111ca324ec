/** The counter-based random streams (coalsim-rng/2): known answers, independence, speed of creation. */
import { createRng, NO_PARTY, partyKey, philox4x32, RNG_VERSION, STREAM } from '../../src/core/rng';

const hex = (w: Uint32Array): string => [...w].map((x) => x.toString(16).padStart(8, '0')).join(' ');

describe('Philox4x32-10', () => {
  // Random123's tests/kat_vectors (DEShawResearch/random123): counter (4 words), key (2 words), expected.
  it.each([
    [[0, 0, 0, 0], [0, 0], '6627e8d5 e169c58d bc57ac4c 9b00dbd8'],
    [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], '408f276d 41c83b0e a20bc7c6 6d5451fd'],
    [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], 'd16cfe09 94fdcceb 5001e420 24126ea1'],
  ])('matches the known answer for counter %p, key %p', (c, k, want) => {
    const out = new Uint32Array(4);
    philox4x32(c[0]!, c[1]!, c[2]!, c[3]!, k[0]!, k[1]!, out);
    expect(hex(out)).toBe(want);
  });
});

describe('streams', () => {
  const rng = createRng(20261130);
  const gb = partyKey('GBR');
  const draws = (n: number, s: { next(): number }) => Array.from({ length: n }, () => s.next());

  it('is versioned', () => {
    expect(RNG_VERSION).toBe('coalsim-rng/2');
  });

  it('re-creates the same stream from the same (seed, mechanism, party, round), at any time', () => {
    const a = draws(5, rng.stream(STREAM.casualties, gb, 7));
    rng.stream(STREAM.casualties, gb, 6).next(); // other draws in between change nothing
    expect(draws(5, createRng(20261130).stream(STREAM.casualties, gb, 7))).toEqual(a);
  });

  it('gives different numbers for a different mechanism, party, round or seed', () => {
    const base = draws(3, rng.stream(STREAM.casualties, gb, 7));
    expect(draws(3, rng.stream(STREAM.holdUp, gb, 7))).not.toEqual(base);
    expect(draws(3, rng.stream(STREAM.casualties, partyKey('FRA'), 7))).not.toEqual(base);
    expect(draws(3, rng.stream(STREAM.casualties, gb, 8))).not.toEqual(base);
    expect(draws(3, createRng(20261131).stream(STREAM.casualties, gb, 7))).not.toEqual(base);
    expect(draws(3, rng.stream(STREAM.casualties, NO_PARTY, 7))).not.toEqual(base);
  });

  it('draws uniforms in [0, 1) with the right mean and variance, and normals with mean 0 and sd 1', () => {
    let s = 0;
    let s2 = 0;
    let z = 0;
    let z2 = 0;
    const n = 20000;
    for (let r = 0; r < n; r++) {
      // One stream per round, as the engine uses them: independence across streams matters most.
      const st = rng.stream(STREAM.shockDemand, NO_PARTY, r);
      const u = st.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      s += u;
      s2 += u * u;
      const x = st.normal();
      z += x;
      z2 += x * x;
    }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
    expect(z / n).toBeCloseTo(0, 1);
    expect(Math.sqrt(z2 / n)).toBeCloseTo(1, 1);
  });

  it('has uncorrelated first draws in neighbouring rounds (lag-1 correlation near 0)', () => {
    const xs = Array.from({ length: 20000 }, (_, r) => rng.stream(STREAM.holdUp, gb, r).next());
    let num = 0;
    let den = 0;
    for (let i = 1; i < xs.length; i++) num += (xs[i]! - 0.5) * (xs[i - 1]! - 0.5);
    for (const x of xs) den += (x - 0.5) ** 2;
    expect(Math.abs(num / den)).toBeLessThan(0.03);
  });

  it('draws each uniform from two words of the Philox block for (mechanism, party, round, k) under (seed, party), for seeds and words of 2^31 and above too', () => {
    const party = partyKey('GBR');
    for (const seed of [7, 2 ** 31, 2 ** 32 - 1, -1]) {
      const st = createRng(seed).stream(STREAM.casualties, party, 9);
      const block = new Uint32Array(4);
      const want: number[] = [];
      for (let k = 0; k < 2; k++) {
        philox4x32(STREAM.casualties, party.a, 9, k, seed >>> 0, party.b, block);
        want.push((block[0]! >>> 6) / 2 ** 26 + (block[1]! >>> 5) / 2 ** 53, (block[2]! >>> 6) / 2 ** 26 + (block[3]! >>> 5) / 2 ** 53);
      }
      expect(draws(4, st)).toEqual(want);
    }
  });

  it('int(n) covers 0..n-1 evenly', () => {
    const counts = new Array<number>(6).fill(0);
    const st = rng.stream(STREAM.shockSupply, NO_PARTY, 1);
    for (let i = 0; i < 6000; i++) counts[st.int(6)]!++;
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });
});
