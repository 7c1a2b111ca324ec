/**
 * Designs turn the parameters into a list of points (one value per parameter, in parameter
 * order). Grid: every combination, the first parameter varying slowest. Latin hypercube: each
 * parameter's range cut into n equal strata, each used exactly once, drawn from the base
 * seed's "design" stream. Sobol: the first n points of the Sobol sequence (Joe-Kuo
 * directions, from the `sobol` package). Grid, LHS and Sobol points are de-duplicated (a
 * rounded sample can repeat), keeping the first; `requested` vs the points kept is reported
 * and recorded in the manifest. Saltelli and Morris designs (src/analysis) are never
 * de-duplicated: their estimators need every point in its place, and a repeated point simply
 * gets the same seeds and so the same result. Pure: no I/O.
 */
import { SobolSequenceGenerator } from 'sobol';
import { morrisUnit } from '../analysis/morris';
import { blockSize, saltelliUnit } from '../analysis/saltelli';
import { namedStream } from '../core/rng';
import type { Design, ParameterSpec } from './schema';
import { canonicalJson } from './seeds';

export type Point = readonly unknown[];

/** Values a grid uses for one parameter: the list, or evenly spaced levels of the range. */
export function gridValues(p: ParameterSpec): unknown[] {
  if (p.values !== undefined) return p.values;
  const { min, max, levels } = p;
  if (min === undefined || max === undefined || levels === undefined) return [];
  const out: unknown[] = [];
  const seen = new Set<number>();
  for (let k = 0; k < levels; k++) {
    const v = tidy(fromUnit(p, k / (levels - 1)), p.integer, 12);
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** Number of points a design yields before de-duplication. */
export function designSize(params: readonly ParameterSpec[], design: Design): number {
  if (params.length === 0) return 1;
  switch (design.type) {
    case 'grid':
      return params.reduce((n, p) => n * Math.max(1, gridValues(p).length), 1);
    case 'saltelli':
      return design.samples * blockSize({ dims: params.length, secondOrder: design.secondOrder });
    case 'morris':
      return design.trajectories * (params.length + 1);
    default:
      return design.points;
  }
}

/** Morris candidates: as given, else 10 r (at most 2000, never below r). */
export function morrisCandidates(design: Extract<Design, { type: 'morris' }>): number {
  return Math.max(design.trajectories, design.candidates ?? Math.min(2000, 10 * design.trajectories));
}

/** The design in the unit hypercube, one row a point, for the sampled designs (null for a grid). */
export function designUnit(params: readonly ParameterSpec[], design: Design, seed: number): number[][] | null {
  const D = params.length;
  switch (design.type) {
    case 'grid':
      return null;
    case 'lhs':
      return lhsUnit(design.points, D, seed);
    case 'sobol':
      return sobolUnit(design.points, D);
    case 'saltelli':
      return saltelliUnit(design.samples, { dims: D, secondOrder: design.secondOrder });
    case 'morris':
      return morrisUnit(design.trajectories, { dims: D, levels: design.levels }, morrisCandidates(design), `${seed}|design-morris`);
  }
}

export function designPoints(params: readonly ParameterSpec[], design: Design, seed: number): Point[] {
  if (params.length === 0) return [[]];
  const unit = designUnit(params, design, seed);
  const raw = unit === null ? grid(params) : sampled(params, unit);
  if (design.type === 'saltelli' || design.type === 'morris') return raw;
  const seen = new Set<string>();
  const out: Point[] = [];
  for (const p of raw) {
    const key = canonicalJson(p);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

function grid(params: readonly ParameterSpec[]): Point[] {
  let points: unknown[][] = [[]];
  for (const p of params) {
    const values = gridValues(p);
    const next: unknown[][] = [];
    for (const prefix of points) for (const v of values) next.push([...prefix, v]);
    points = next;
  }
  return points;
}

function sampled(params: readonly ParameterSpec[], unit: number[][]): Point[] {
  return unit.map((u) => params.map((p, d) => fromUnitSample(p, u[d]!)));
}

/**
 * n points in [0,1)^dims: in every dimension, point i falls in stratum perm[i] of n, at a
 * uniform position inside it. Each dimension has its own permutation (Fisher-Yates).
 */
export function lhsUnit(n: number, dims: number, seed: number): number[][] {
  const rng = namedStream(seed, 'design-lhs');
  const cols: number[][] = [];
  for (let d = 0; d < dims; d++) {
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    cols.push(perm.map((stratum) => (stratum + rng.next()) / n));
  }
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]!));
}

/** The first n points of the Sobol sequence (the first is the origin). */
export function sobolUnit(n: number, dims: number): number[][] {
  const gen = new SobolSequenceGenerator(dims);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) out.push(gen.nextVector());
  return out;
}

/** A unit coordinate to a parameter value: a stratum of the value list, or a point of the range. */
function fromUnitSample(p: ParameterSpec, u: number): unknown {
  if (p.values !== undefined) return p.values[Math.min(p.values.length - 1, Math.floor(u * p.values.length))];
  if (p.integer) {
    // Integers: n equal strata of [min, max + 1) so every whole number has its share. A level
    // stored to 12 digits (1/3 as 0.333333333333) must still reach its stratum: with 2-4 and a
    // Morris level of 1/3, 2 + 0.999999999999 floored to 2 and the value 3 was never run.
    const lo = p.scale === 'log' ? Math.log(p.min!) : p.min!;
    const hi = p.scale === 'log' ? Math.log(p.max! + 1) : p.max! + 1;
    const x = lo + Math.min(1, u + 1e-9) * (hi - lo);
    return Math.min(p.max!, Math.floor(p.scale === 'log' ? Math.exp(x) : x));
  }
  return tidy(fromUnit(p, u), false, 8);
}

/**
 * Where a value actually run lies in its parameter's range, as a share of it (0 at min, 1 at
 * max; on the log scale for log parameters), or null for a list of values. Sensitivity reads
 * this, not the design's coordinate: an integer parameter moves by whole numbers, so its step
 * can differ from the design's (Morris: a step of 2/3 of 2-4 runs 2 to 4, the whole range).
 */
export function unitOfValue(p: ParameterSpec, v: unknown): number | null {
  if (p.values !== undefined || typeof v !== 'number' || p.min === undefined || p.max === undefined || p.max === p.min) return null;
  return p.scale === 'log' ? (Math.log(v) - Math.log(p.min)) / (Math.log(p.max) - Math.log(p.min)) : (v - p.min) / (p.max - p.min);
}

function fromUnit(p: ParameterSpec, u: number): number {
  const min = p.min!;
  const max = p.max!;
  if (p.scale === 'log') return Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
  return min + u * (max - min);
}

/** Round away float noise (0.30000000000000004) so values read well and keys stay stable. */
function tidy(x: number, integer: boolean, digits: number): number {
  if (integer) return Math.round(x);
  return Number(x.toPrecision(digits));
}
