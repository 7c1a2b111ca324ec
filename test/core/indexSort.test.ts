/**
 * sortIndices (src/core/indexSort.ts) must put indices in exactly the order the engine's
 * comparators gave with Array.prototype.sort: by key (ascending or descending), then by a tie
 * rank or the index, stable for equal ranks, including infinite keys (whose differences are NaN).
 */
import fc from 'fast-check';
import { sortIndices } from '../../src/core/indexSort';

function reference(idx: number[], key: Float64Array, tie: Int32Array | null, descending: boolean): number[] {
  return [...idx].sort((a, b) => {
    const d = descending ? key[b]! - key[a]! : key[a]! - key[b]!;
    return d > 0 ? 1 : d < 0 ? -1 : tie === null ? a - b : tie[a]! - tie[b]!;
  });
}

// Few distinct values, so ties are common; infinities as the engine's -Infinity densities.
const keyValue = fc.oneof(fc.integer({ min: -5, max: 5 }).map((x) => x / 2), fc.constantFrom(-Infinity, Infinity), fc.double({ min: -1e6, max: 1e6, noNaN: true }));

describe('sortIndices', () => {
  it('orders as Array.prototype.sort with the same comparator (keys, ties, stability, any input order)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(keyValue, { minLength: 0, maxLength: 150 }), fc.array(fc.constantFrom(0, 1, -Infinity), { minLength: 17, maxLength: 150 })),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 60 }),
        fc.integer(),
        (keys, descending, withTie, tieSpread, shuffleSeed) => {
          const n = keys.length;
          const key = Float64Array.from(keys);
          // Tie ranks with repeats: equal ranks must keep their input order.
          const tie = withTie ? Int32Array.from(keys, (_, i) => Math.floor(i / tieSpread)) : null;
          const idx = Array.from({ length: n }, (_, i) => i);
          let x = shuffleSeed >>> 0;
          for (let i = n - 1; i > 0; i--) {
            x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
            const j = x % (i + 1);
            [idx[i], idx[j]] = [idx[j]!, idx[i]!];
          }
          const buf = new Int32Array(n + 3);
          buf.set(idx);
          sortIndices(buf, n, new Int32Array(n + 3), key, tie, descending);
          expect(Array.from(buf.subarray(0, n))).toEqual(reference(idx, key, tie, descending));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('sorts only the first count entries and leaves the rest of the buffer alone', () => {
    const buf = Int32Array.from([3, 1, 2, 0, 9, 8]);
    sortIndices(buf, 4, new Int32Array(6), Float64Array.from([4, 3, 2, 1, 0, 0, 0, 0, 0, 0]), null, false);
    expect(Array.from(buf)).toEqual([3, 2, 1, 0, 9, 8]);
  });
});
