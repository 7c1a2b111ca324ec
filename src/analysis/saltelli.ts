/**
 * Variance-based (Sobol') sensitivity: the Saltelli sampling scheme and the estimators of
 * first-order (S1), total-order (ST) and second-order (S2) indices.
 *
 * Sampling (Saltelli 2002, Comput. Phys. Commun. 145:280; Saltelli et al. 2010, Comput.
 * Phys. Commun. 181:259): take N points of a 2D-dimensional Sobol' sequence; the first D
 * coordinates form matrix A, the last D matrix B. For each row j the design holds, in this
 * order, one "block": A_j, then AB_j^(i) (A_j with coordinate i from B_j) for i = 1..D, then
 * (second order only) BA_j^(i) (B_j with coordinate i from A_j), then B_j. So a block has D+2
 * points, or 2D+2 with second order, and the design N(D+2) or N(2D+2) points. This is the
 * layout SALib's saltelli/sobol sampler uses.
 *
 * Estimators, with f the model output centred and scaled to unit variance (as SALib does, which
 * only steadies the numbers) and V the variance of f over A and B together:
 *   S1_i = mean_j f(B_j) (f(AB_j^i) - f(A_j)) / V                   (Saltelli et al. 2010, Table 2 (b))
 *   ST_i = mean_j (f(A_j) - f(AB_j^i))^2 / (2V)                      (Jansen 1999; Saltelli et al. 2010, Table 2 (f))
 *   S2_ik = mean_j (f(BA_j^i) f(AB_j^k) - f(A_j) f(B_j)) / V - S1_i - S1_k   (Saltelli 2002, eq. 12)
 * The means are over all N (complete) blocks, including the two where A = B (saltelliUnit).
 * Confidence intervals: percentile bootstrap over the N blocks. Pure; no I/O.
 */
import { SobolSequenceGenerator } from 'sobol';
import { bootstrapIntervals, type Interval } from './bootstrap';
import { uniformFrom } from './random';

export interface SaltelliLayout {
  /** Number of inputs, D. */
  readonly dims: number;
  readonly secondOrder: boolean;
}

/** Points per block: D + 2, or 2D + 2 with second-order indices. */
export function blockSize(l: SaltelliLayout): number {
  return l.secondOrder ? 2 * l.dims + 2 : l.dims + 2;
}

/**
 * The Saltelli design in the unit hypercube [0, 1)^D: N blocks from the first N points of the
 * 2D-dimensional Sobol' sequence (Joe-Kuo directions, the `sobol` package). The first point
 * (the origin) is kept: dropping it unbalances the sequence (Owen 2021, "On dropping the
 * first Sobol' point"). For it, and for the second (every coordinate 0.5), A = B: every term
 * of those two blocks is exactly 0. They stay in every mean (sobolIndices divides by all N
 * blocks, and V is over all their A and B points): the quasi-Monte Carlo rule averages the
 * integrand over all N points of the sequence, and those zeros are its values there. Dividing
 * by N - 2 would scale every index by N / (N - 2) and weight the sequence unevenly.
 */
export function saltelliUnit(samples: number, l: SaltelliLayout): number[][] {
  const D = l.dims;
  const gen = new SobolSequenceGenerator(2 * D);
  const out: number[][] = [];
  for (let j = 0; j < samples; j++) {
    const v = gen.nextVector();
    const a = v.slice(0, D);
    const b = v.slice(D, 2 * D);
    out.push(a);
    for (let i = 0; i < D; i++) out.push(a.map((x, k) => (k === i ? b[i]! : x)));
    if (l.secondOrder) for (let i = 0; i < D; i++) out.push(b.map((x, k) => (k === i ? a[i]! : x)));
    out.push(b);
  }
  return out;
}

export interface IndexEstimate {
  readonly value: number;
  /** Percentile bootstrap interval; null when there are too few blocks to resample. */
  readonly ci: Interval | null;
}

export interface SobolIndices {
  /** Blocks used (blocks with an undefined output are left out whole). */
  readonly blocks: number;
  readonly blocksDropped: number;
  /** Variance of the output over the A and B points (in the output's units). */
  readonly variance: number;
  readonly S1: readonly IndexEstimate[];
  readonly ST: readonly IndexEstimate[];
  /** S2[i][k] for i < k (second order only); undefined on and below the diagonal. */
  readonly S2: readonly (readonly (IndexEstimate | undefined)[])[] | null;
}

export interface SobolOptions {
  readonly resamples?: number;
  readonly confidence?: number;
  /** Key of the bootstrap's random stream (same key, same intervals). */
  readonly seed?: string;
}

/**
 * Sobol' indices from the outputs of a Saltelli design, in design order (y.length must be a
 * multiple of the block size). null outputs (undefined metric) drop their whole block.
 * Throws when fewer than 2 complete blocks remain or the output does not vary.
 */
export function sobolIndices(y: readonly (number | null)[], l: SaltelliLayout, o: SobolOptions = {}): SobolIndices {
  const size = blockSize(l);
  if (y.length % size !== 0) throw new Error(`a Saltelli design with ${l.dims} inputs${l.secondOrder ? ' and second order' : ''} has blocks of ${size} outputs; got ${y.length}, not a multiple`);
  const D = l.dims;
  const total = y.length / size;
  const fA: number[] = [];
  const fB: number[] = [];
  const fAB: number[][] = Array.from({ length: D }, () => []);
  const fBA: number[][] = Array.from({ length: D }, () => []);
  for (let j = 0; j < total; j++) {
    const block = y.slice(j * size, (j + 1) * size);
    if (block.some((v) => v === null || v === undefined || !Number.isFinite(v))) continue;
    const b = block as number[];
    fA.push(b[0]!);
    for (let i = 0; i < D; i++) fAB[i]!.push(b[1 + i]!);
    if (l.secondOrder) for (let i = 0; i < D; i++) fBA[i]!.push(b[1 + D + i]!);
    fB.push(b[size - 1]!);
  }
  const n = fA.length;
  if (n < 2) throw new Error(`too few complete Saltelli blocks to estimate indices (${n} of ${total})`);
  // Centre and scale by the A and B outputs (SALib does the same): the indices are unchanged
  // in expectation, the estimators' sampling error shrinks.
  const ab = [...fA, ...fB];
  const mu = ab.reduce((s, v) => s + v, 0) / ab.length;
  const variance = ab.reduce((s, v) => s + (v - mu) ** 2, 0) / ab.length;
  if (!(variance > 0)) throw new Error('the output does not vary over the design: no variance to apportion');
  const sd = Math.sqrt(variance);
  const z = (xs: number[]): number[] => xs.map((v) => (v - mu) / sd);
  const A = z(fA);
  const B = z(fB);
  const AB = fAB.map(z);
  const BA = fBA.map(z);

  const all = (idx: readonly number[]): number[] => {
    let sA = 0;
    let sB = 0;
    let sAA = 0;
    let sBB = 0;
    for (const j of idx) {
      sA += A[j]!;
      sB += B[j]!;
      sAA += A[j]! ** 2;
      sBB += B[j]! ** 2;
    }
    const m = idx.length;
    const meanAB = (sA + sB) / (2 * m);
    const V = (sAA + sBB) / (2 * m) - meanAB ** 2;
    const s1: number[] = [];
    const st: number[] = [];
    for (let i = 0; i < D; i++) {
      let first = 0;
      let tot = 0;
      const abi = AB[i]!;
      for (const j of idx) {
        first += B[j]! * (abi[j]! - A[j]!);
        tot += (A[j]! - abi[j]!) ** 2;
      }
      s1.push(first / m / V);
      st.push(tot / (2 * m) / V);
    }
    const s2: number[] = [];
    if (l.secondOrder) {
      for (let i = 0; i < D; i++) {
        for (let k = i + 1; k < D; k++) {
          let v = 0;
          for (const j of idx) v += BA[i]![j]! * AB[k]![j]! - A[j]! * B[j]!;
          s2.push(v / m / V - s1[i]! - s1[k]!);
        }
      }
    }
    return [...s1, ...st, ...s2];
  };

  const everyBlock = Array.from({ length: n }, (_, j) => j);
  const point = all(everyBlock);
  const cis = bootstrapIntervals(n, o.resamples ?? 1000, o.confidence ?? 0.95, uniformFrom(o.seed ?? 'sobol-bootstrap'), all);
  const est = (k: number): IndexEstimate => ({ value: point[k]!, ci: cis[k] ?? null });
  const S1 = Array.from({ length: D }, (_, i) => est(i));
  const ST = Array.from({ length: D }, (_, i) => est(D + i));
  let S2: (IndexEstimate | undefined)[][] | null = null;
  if (l.secondOrder) {
    S2 = Array.from({ length: D }, () => new Array<IndexEstimate | undefined>(D).fill(undefined));
    let k = 2 * D;
    for (let i = 0; i < D; i++) for (let m = i + 1; m < D; m++) S2[i]![m] = est(k++);
  }
  return { blocks: n, blocksDropped: total - n, variance, S1, ST, S2 };
}
