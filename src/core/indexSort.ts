/**
 * Sorting a list of integer indices by a numeric key without allocating: a stable bottom-up
 * merge sort over a caller's scratch buffer (insertion sort within runs of 16, and a merge
 * skipped when its two halves are already in order, so a nearly sorted list costs about one
 * pass). The round loop sorts the same few lists every round (the supply curve, the ranking of
 * candidates); `Array.prototype.sort` copies each into a fresh array first, and a comparator
 * closure per call is garbage too.
 *
 * The order: by `key` (ascending, or descending), then by `tie` (or by the index itself when
 * `tie` is null). It reproduces the comparators it replaced exactly, NaN included: a key
 * difference that is neither > 0 nor < 0 falls through to the tie-break. Stable, so equal tie
 * ranks keep their input order, as `Array.prototype.sort` (stable since ES2019) does.
 */

/** Runs of this length are sorted by insertion before the merges. */
const RUN = 16;

function compare(a: number, b: number, key: Float64Array, tie: Int32Array | null, descending: boolean): number {
  const d = descending ? key[b]! - key[a]! : key[a]! - key[b]!;
  if (d > 0) return 1;
  if (d < 0) return -1;
  return tie === null ? a - b : tie[a]! - tie[b]!;
}

/**
 * Sorts `idx[0..count)` in place. `key` and `tie` are read at the indices stored in `idx`;
 * `tmp` is scratch of length >= count (its contents are overwritten).
 */
export function sortIndices(idx: Int32Array, count: number, tmp: Int32Array, key: Float64Array, tie: Int32Array | null, descending: boolean): void {
  for (let lo = 0; lo < count; lo += RUN) {
    const hi = Math.min(lo + RUN, count);
    for (let k = lo + 1; k < hi; k++) {
      const v = idx[k]!;
      let j = k - 1;
      while (j >= lo && compare(idx[j]!, v, key, tie, descending) > 0) {
        idx[j + 1] = idx[j]!;
        j--;
      }
      idx[j + 1] = v;
    }
  }
  if (count <= RUN) return;
  let src = idx;
  let dst = tmp;
  for (let width = RUN; width < count; width *= 2) {
    for (let lo = 0; lo < count; lo += 2 * width) {
      const mid = Math.min(lo + width, count);
      const hi = Math.min(lo + 2 * width, count);
      if (mid >= hi || compare(src[mid - 1]!, src[mid]!, key, tie, descending) <= 0) {
        for (let k = lo; k < hi; k++) dst[k] = src[k]!;
        continue;
      }
      let a = lo;
      let b = mid;
      let k = lo;
      // Stable: on a tie the left half's element goes first.
      while (a < mid && b < hi) dst[k++] = compare(src[a]!, src[b]!, key, tie, descending) <= 0 ? src[a++]! : src[b++]!;
      while (a < mid) dst[k++] = src[a++]!;
      while (b < hi) dst[k++] = src[b++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== idx) for (let k = 0; k < count; k++) idx[k] = src[k]!;
}
