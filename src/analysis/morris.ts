/**
 * Elementary effects screening (Morris 1991, Technometrics 33:161) with the improved choice
 * of trajectories of Campolongo, Cariboni & Saltelli (2007, Environ. Model. Softw. 22:1509).
 *
 * Design, in the unit hypercube: a grid of p levels {0, 1/(p-1), ..., 1}, step
 * Delta = p / (2(p - 1)). A trajectory starts at a random grid point x* whose coordinates
 * leave room for the step, then moves one input at a time, in random order, by +Delta or
 * -Delta: D + 1 points, each consecutive pair differing in one input. Campolongo et al.
 * draw M candidate trajectories and keep the r that maximise the spread
 *   sqrt(sum over pairs (m, l) of d(m, l)^2),  d(m, l) = sum_i sum_k ||X_i^m - X_k^l||.
 * An exhaustive search over C(M, r) subsets is out of reach for useful M, so the r are
 * chosen greedily (the local optimisation of Ruano et al. 2012, Environ. Model. Softw.
 * 37:103): the farthest pair first, then repeatedly the candidate that adds the most.
 *
 * Analysis: elementary effect of input i on trajectory t,
 *   EE_i = (f(x + e_i Delta) - f(x)) / Delta   (per unit of the input's range),
 * and over the r trajectories mu = mean EE, mu* = mean |EE| (Campolongo et al. 2007),
 * sigma = sample standard deviation of EE. mu* ranks importance; sigma large against mu*
 * signals interactions or non-linearity. Interval on mu*: percentile bootstrap over
 * trajectories. Pure; randomness from the Uniform passed in.
 */
import { bootstrapIntervals, type Interval } from './bootstrap';
import { randomInt, uniformFrom, type Uniform } from './random';

export interface MorrisLayout {
  readonly dims: number;
  /** Grid levels p (even p gives equal-probability levels; 4 is customary). */
  readonly levels: number;
}

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/** One random trajectory: D + 1 points of the p-level grid. */
export function randomTrajectory(l: MorrisLayout, u: Uniform): number[][] {
  const { dims: D, levels: p } = l;
  const delta = morrisDelta(p);
  // Start levels from which +Delta stays on the grid: 0 .. p/2 - 1 (levels are k/(p-1)).
  const startLevels = Math.max(1, Math.floor((p - 1) * (1 - delta) + 1e-9) + 1);
  const up = Array.from({ length: D }, () => u() < 0.5);
  const x = Array.from({ length: D }, (_, i) => {
    const k = randomInt(u, startLevels) / (p - 1);
    // A downward step starts Delta higher, so it lands on the same low level.
    return up[i] ? k : k + delta;
  });
  const order = Array.from({ length: D }, (_, i) => i);
  for (let i = D - 1; i > 0; i--) {
    const j = randomInt(u, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const out = [x.slice()];
  for (const i of order) {
    x[i] = up[i] ? x[i]! + delta : x[i]! - delta;
    out.push(x.map(tidy));
  }
  out[0] = out[0]!.map(tidy);
  return out;
}

/** Campolongo et al.'s distance between two trajectories: the sum of point-to-point distances. */
export function trajectoryDistance(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let d = 0;
  for (const x of a) {
    for (const y of b) {
      let s = 0;
      for (let k = 0; k < x.length; k++) s += (x[k]! - y[k]!) ** 2;
      d += Math.sqrt(s);
    }
  }
  return d;
}

/**
 * r trajectories chosen from `candidates` random ones for spread (Campolongo et al. 2007),
 * flattened: r (D + 1) points, trajectory by trajectory.
 */
export function morrisUnit(trajectories: number, l: MorrisLayout, candidates: number, seed: string): number[][] {
  const u = uniformFrom(seed);
  const M = Math.max(trajectories, candidates);
  const pool = Array.from({ length: M }, () => randomTrajectory(l, u));
  if (M === trajectories) return pool.flat();
  const dist: number[][] = pool.map(() => new Array<number>(M).fill(0));
  let best: [number, number] = [0, 1];
  for (let m = 0; m < M; m++) {
    for (let k = m + 1; k < M; k++) {
      const d = trajectoryDistance(pool[m]!, pool[k]!);
      dist[m]![k] = d;
      dist[k]![m] = d;
      if (d > dist[best[0]]![best[1]]!) best = [m, k];
    }
  }
  const chosen = trajectories === 1 ? [best[0]] : [...best];
  const taken = new Set(chosen);
  // Greedy: each step adds the candidate with the largest sum of squared distances to those chosen.
  const gain = pool.map((_, m) => chosen.reduce((s, c) => s + dist[m]![c]! ** 2, 0));
  while (chosen.length < trajectories) {
    let pick = -1;
    for (let m = 0; m < M; m++) if (!taken.has(m) && (pick < 0 || gain[m]! > gain[pick]!)) pick = m;
    chosen.push(pick);
    taken.add(pick);
    for (let m = 0; m < M; m++) gain[m]! += dist[m]![pick]! ** 2;
  }
  return chosen.flatMap((m) => pool[m]!);
}

export interface MorrisIndices {
  /** Trajectories with every output defined; the others are left out. */
  readonly trajectories: number;
  readonly trajectoriesDropped: number;
  readonly mu: readonly number[];
  readonly muStar: readonly number[];
  readonly muStarCi: readonly (Interval | null)[];
  readonly sigma: readonly (number | null)[];
  /** The elementary effects, per input, one per used trajectory. */
  readonly effects: readonly (readonly number[])[];
}

/**
 * Morris indices from a design x (unit coordinates, r (D + 1) rows, trajectory by trajectory)
 * and its outputs y. A trajectory with an undefined output is left out.
 */
export function morrisIndices(x: readonly (readonly number[])[], y: readonly (number | null)[], dims: number, o: { resamples?: number; confidence?: number; seed?: string; realized?: readonly (readonly (number | null)[])[] } = {}): MorrisIndices {
  const size = dims + 1;
  if (x.length !== y.length || x.length % size !== 0) throw new Error(`a Morris design with ${dims} inputs has trajectories of ${size} points; got ${x.length} points and ${y.length} outputs`);
  if (o.realized !== undefined && o.realized.length !== x.length) throw new Error(`realized coordinates for ${o.realized.length} points, the design has ${x.length}`);
  const total = x.length / size;
  // effects[i][j]: input i's elementary effect in the j-th usable trajectory; NaN where the step
  // the run actually took was 0 (an integer input whose two levels fell on one whole number).
  const effects: number[][] = Array.from({ length: dims }, () => []);
  let used = 0;
  for (let t = 0; t < total; t++) {
    const ys = y.slice(t * size, (t + 1) * size);
    if (ys.some((v) => v === null || !Number.isFinite(v))) continue;
    const ee = new Array<number>(dims).fill(Number.NaN);
    const moved = new Array<boolean>(dims).fill(false);
    for (let s = 0; s < dims; s++) {
      const a = x[t * size + s]!;
      const b = x[t * size + s + 1]!;
      const i = a.findIndex((v, k) => v !== b[k]);
      if (i < 0) throw new Error(`trajectory ${t}: points ${s} and ${s + 1} are equal`);
      moved[i] = true;
      // The step as run (realized) where given: an input's value, not the design's level, decides how far it moved.
      const ra = o.realized?.[t * size + s]?.[i];
      const rb = o.realized?.[t * size + s + 1]?.[i];
      const step = ra !== undefined && ra !== null && rb !== undefined && rb !== null ? rb - ra : b[i]! - a[i]!;
      ee[i] = step !== 0 ? ((ys[s + 1] as number) - (ys[s] as number)) / step : Number.NaN;
    }
    if (moved.some((m) => !m)) throw new Error(`trajectory ${t} does not move every input once`);
    ee.forEach((v, i) => effects[i]!.push(v));
    used++;
  }
  if (used === 0) throw new Error(`no trajectory has every output defined (of ${total})`);
  // Means over the trajectories where the input's step was not 0.
  const mean = (xs: readonly number[], idx: readonly number[]): number => {
    let sum = 0;
    let n = 0;
    for (const j of idx) {
      const v = xs[j]!;
      if (Number.isNaN(v)) continue;
      sum += v;
      n++;
    }
    return n > 0 ? sum / n : Number.NaN;
  };
  const all = Array.from({ length: used }, (_, j) => j);
  const abs = effects.map((e) => e.map(Math.abs));
  const mu = effects.map((e) => mean(e, all));
  const muStar = abs.map((e) => mean(e, all));
  const sigma = effects.map((e, i) => {
    const defined = e.filter((v) => !Number.isNaN(v));
    return defined.length > 1 ? Math.sqrt(defined.reduce((s, v) => s + (v - mu[i]!) ** 2, 0) / (defined.length - 1)) : null;
  });
  const muStarCi = used > 1 ? bootstrapIntervals(used, o.resamples ?? 1000, o.confidence ?? 0.95, uniformFrom(o.seed ?? 'morris-bootstrap'), (idx) => abs.map((e) => mean(e, idx))) : effects.map(() => null);
  return { trajectories: used, trajectoriesDropped: total - used, mu, muStar, muStarCi, sigma, effects };
}

/** Grid coordinates as exact-looking decimals (1/3 + 2/3 is not 1 in binary). */
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}
