/**
 * ABC-SMC: approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009,
 * "Approximate Bayesian computation scheme for parameter inference and model selection in
 * dynamical systems", J. R. Soc. Interface 6:187; Beaumont, Cornuet, Marin & Robert 2009,
 * "Adaptive approximate Bayesian computation", Biometrika 96:983).
 *
 * Generation 0 draws N particles from the prior and accepts them all (tolerance infinite);
 * their distances set the first tolerance. Generation t >= 1 has tolerance eps_t = the
 * `quantile` of generation t-1's distances (Del Moral et al. 2012's adaptive schedule), and
 * builds each particle i by proposing until accepted: pick a particle of t-1 by its weight,
 * perturb it with a Gaussian kernel N(0, Sigma_t), Sigma_t = kernelScale x the weighted
 * covariance of generation t-1 (kernelScale 2 is Beaumont et al.'s choice, optimal in the
 * sense of Filippi et al. 2013), reject outside the prior's support, simulate, accept when
 * the distance <= eps_t. Accepted particles get importance weights
 *   w_i ∝ pi(theta_i) / sum_j W_j K_t(theta_i | theta_j)           (Beaumont et al. 2009, eq. 3)
 * and the effective sample size ESS = (sum w)^2 / sum w^2 is reported.
 *
 * Determinism: particle i of generation t draws from its own stream, keyed (fit seed, t, i,
 * attempt), and simulates with run seeds derived from the same key. So a particle's value
 * depends on nothing but the previous generation, never on which worker ran it or when:
 * 1 worker, N workers, a resumed fit and a Slurm-sharded fit give the same numbers. Pure.
 */
import { hashSeed, namedStream } from '../core/rng';
import { inSupport, logPrior, samplePrior } from './prior';
import type { Prior } from './schema';

export interface Particle {
  /** Sampler coordinates (log for log-uniform parameters). */
  readonly u: readonly number[];
  readonly distance: number;
  /** Proposals made (simulated or rejected by the prior) until this one was accepted. */
  readonly attempts: number;
  /** Proposals simulated (inside the prior's support). */
  readonly simulations: number;
}

export interface Population {
  readonly particles: readonly Particle[];
  /** Normalised importance weights, summing to 1. */
  readonly weights: readonly number[];
}

/** What every particle of one generation needs: plain data, sent to worker threads. */
export interface GenerationPlan {
  readonly seed: number;
  readonly generation: number;
  readonly epsilon: number;
  readonly priors: readonly Prior[];
  readonly maxAttempts: number;
  readonly seedsPerEvaluation: number;
  /** Generation t-1 (null for generation 0). */
  readonly previous: { readonly u: readonly (readonly number[])[]; readonly cumulative: readonly number[] } | null;
  /** Lower-triangular Cholesky factor of the kernel covariance (null for generation 0). */
  readonly kernelCholesky: readonly (readonly number[])[] | null;
}

export class ToleranceUnreachableError extends Error {
  constructor(
    readonly generation: number,
    readonly particle: number,
    readonly epsilon: number,
    readonly attempts: number,
  ) {
    super(`generation ${generation}, particle ${particle}: no proposal within tolerance ${epsilon.toPrecision(4)} after ${attempts} attempts`);
    this.name = 'ToleranceUnreachableError';
  }
}

/** Seeds of the runs evaluating proposal `attempt` of particle i of generation t. */
export function evaluationSeeds(seed: number, generation: number, particle: number, attempt: number, count: number): number[] {
  return Array.from({ length: count }, (_, r) => hashSeed(`${seed}|fit|${generation}|${particle}|${attempt}|${r}`));
}

/** The proposal of one attempt (sampler coordinates), or null when it falls outside the prior. */
export function propose(plan: GenerationPlan, particle: number, attempt: number): number[] | null {
  const rng = namedStream(plan.seed, `fit|${plan.generation}|${particle}|${attempt}`);
  if (plan.previous === null || plan.kernelCholesky === null) return plan.priors.map((p) => samplePrior(p, rng));
  const pick = pickIndex(plan.previous.cumulative, rng.next());
  const centre = plan.previous.u[pick]!;
  const L = plan.kernelCholesky;
  const z = plan.priors.map(() => rng.normal());
  const u = centre.map((c, a) => {
    let s = c;
    for (let b = 0; b <= a; b++) s += L[a]![b]! * z[b]!;
    return s;
  });
  return u.every((x, k) => inSupport(plan.priors[k]!, x)) ? u : null;
}

/**
 * Build particle i: propose until a simulated proposal is within the tolerance.
 * `simulate(u, seeds)` returns the distance of one evaluation. Throws ToleranceUnreachableError
 * after plan.maxAttempts proposals.
 */
export function buildParticle(plan: GenerationPlan, particle: number, simulate: (u: readonly number[], seeds: readonly number[]) => number): Particle {
  let simulations = 0;
  for (let attempt = 0; attempt < plan.maxAttempts; attempt++) {
    const u = propose(plan, particle, attempt);
    if (u === null) continue;
    simulations++;
    const d = simulate(u, evaluationSeeds(plan.seed, plan.generation, particle, attempt, plan.seedsPerEvaluation));
    // A proposal that makes the scenario invalid has an infinite distance: never accepted.
    if (Number.isFinite(d) && d <= plan.epsilon) return { u, distance: d, attempts: attempt + 1, simulations };
  }
  throw new ToleranceUnreachableError(plan.generation, particle, plan.epsilon, plan.maxAttempts);
}

function pickIndex(cumulative: readonly number[], x: number): number {
  // First index whose cumulative weight exceeds x (binary search).
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cumulativeOf(weights: readonly number[]): number[] {
  const out: number[] = [];
  let s = 0;
  for (const w of weights) out.push((s += w));
  // Guard against rounding: the last entry is exactly 1.
  if (out.length > 0) out[out.length - 1] = Math.max(1, out[out.length - 1]!);
  return out;
}

/** Weighted mean and covariance (weights normalised, biased form as in Beaumont et al.). */
export function weightedCovariance(points: readonly (readonly number[])[], weights: readonly number[]): number[][] {
  const dim = points[0]?.length ?? 0;
  const mean = Array.from({ length: dim }, (_, a) => points.reduce((s, p, i) => s + weights[i]! * p[a]!, 0));
  const cov = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  points.forEach((p, i) => {
    for (let a = 0; a < dim; a++) for (let b = 0; b <= a; b++) cov[a]![b]! += weights[i]! * (p[a]! - mean[a]!) * (p[b]! - mean[b]!);
  });
  for (let a = 0; a < dim; a++) for (let b = 0; b < a; b++) cov[b]![a] = cov[a]![b]!;
  return cov;
}

/**
 * Cholesky factor L (L L' = A) of a symmetric matrix; a degenerate direction (all particles
 * equal in it) gets a small floor so the kernel still moves: 1e-12 relative, or `floor`.
 */
export function cholesky(A: readonly (readonly number[])[], floor: readonly number[]): number[][] {
  const n = A.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) L[i]![i] = Math.sqrt(Math.max(s, floor[i]! ** 2));
      else L[i]![j] = s / L[j]![j]!;
    }
  }
  return L;
}

/** Squared Mahalanobis norm |L^-1 x|^2 by forward substitution. */
function mahalanobis2(L: readonly (readonly number[])[], x: readonly number[]): number {
  const z: number[] = [];
  let q = 0;
  for (let i = 0; i < x.length; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * z[k]!;
    z.push(s / L[i]![i]!);
    q += z[i]! ** 2;
  }
  return q;
}

/** The kernel for generation t from generation t-1: Cholesky of kernelScale x weighted covariance. */
export function kernelFor(prev: Population, priors: readonly Prior[], kernelScale: number): number[][] {
  const cov = weightedCovariance(prev.particles.map((p) => p.u), prev.weights).map((row) => row.map((x) => kernelScale * x));
  // Floor: a thousandth of the prior's width in that coordinate.
  const floor = priors.map((p) => {
    const [lo, hi] = p.type === 'log-uniform' ? [Math.log(p.min), Math.log(p.max)] : p.type === 'uniform' ? [p.min, p.max] : [-p.sd, p.sd];
    return Math.max(1e-12, (hi - lo) * 1e-3);
  });
  return cholesky(cov, floor);
}

/** Importance weights of generation t (Beaumont et al. 2009, eq. 3), normalised; log-sum-exp for stability. */
export function importanceWeights(particles: readonly Particle[], priors: readonly Prior[], prev: Population | null, L: readonly (readonly number[])[] | null): number[] {
  if (prev === null || L === null) return normalise(particles.map(() => 1));
  const logW = particles.map((p) => {
    const lp = p.u.reduce((s, x, k) => s + logPrior(priors[k]!, x), 0);
    const terms = prev.particles.map((q, j) => Math.log(prev.weights[j]!) - 0.5 * mahalanobis2(L, p.u.map((x, k) => x - q.u[k]!)));
    const m = Math.max(...terms);
    const lse = m + Math.log(terms.reduce((s, t) => s + Math.exp(t - m), 0));
    return lp - lse;
  });
  const m = Math.max(...logW);
  return normalise(logW.map((x) => Math.exp(x - m)));
}

function normalise(w: readonly number[]): number[] {
  const s = w.reduce((a, x) => a + x, 0);
  return w.map((x) => x / s);
}

export function effectiveSampleSize(weights: readonly number[]): number {
  const s = weights.reduce((a, x) => a + x, 0);
  const s2 = weights.reduce((a, x) => a + x * x, 0);
  return s2 > 0 ? (s * s) / s2 : 0;
}

/** Next tolerance: the q-quantile of the distances (type 7), finite distances only. */
export function nextTolerance(particles: readonly Particle[], q: number): number {
  const d = particles.map((p) => p.distance).filter(Number.isFinite).sort((a, b) => a - b);
  if (d.length === 0) return Infinity;
  const h = (d.length - 1) * q;
  const lo = Math.floor(h);
  return d[lo]! + (h - lo) * (d[Math.ceil(h)]! - d[lo]!);
}

/** Weighted quantile: the smallest value whose cumulative weight reaches q (values paired with weights). */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  const total = weights.reduce((s, w) => s + w, 0);
  let acc = 0;
  for (const i of order) {
    acc += weights[i]!;
    if (acc >= q * total - 1e-12) return values[i]!;
  }
  return values[order[order.length - 1]!]!;
}

/** The plan of generation t given generation t-1. */
export function planGeneration(o: { seed: number; generation: number; priors: readonly Prior[]; maxAttempts: number; seedsPerEvaluation: number; quantile: number; kernelScale: number }, prev: Population | null): GenerationPlan {
  if (prev === null) return { seed: o.seed, generation: o.generation, epsilon: Infinity, priors: o.priors, maxAttempts: o.maxAttempts, seedsPerEvaluation: o.seedsPerEvaluation, previous: null, kernelCholesky: null };
  return {
    seed: o.seed,
    generation: o.generation,
    epsilon: nextTolerance(prev.particles, o.quantile),
    priors: o.priors,
    maxAttempts: o.maxAttempts,
    seedsPerEvaluation: o.seedsPerEvaluation,
    previous: { u: prev.particles.map((p) => p.u), cumulative: cumulativeOf(prev.weights) },
    kernelCholesky: kernelFor(prev, o.priors, o.kernelScale),
  };
}
