/**
 * A belief about the other side's reservation: a distribution, not a number. Normal or
 * uniform, truncated to [lo, hi]; what a side observes (offers made, offers rejected)
 * only ever narrows the bounds, and the mean and CDF follow.
 */
import { errorFunction } from 'simple-statistics';

export interface Belief {
  readonly shape: 'normal' | 'uniform';
  /** Centre and spread of the untruncated prior. */
  readonly mu: number;
  readonly sigma: number;
  /** Known bounds so far. */
  readonly lo: number;
  readonly hi: number;
}

const SQRT2 = Math.SQRT2;
const SQRT3 = Math.sqrt(3);

function phi(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}
function Phi(z: number): number {
  return 0.5 * (1 + errorFunction(z / SQRT2));
}

/** Support of the untruncated prior. */
function priorSupport(b: Belief): [number, number] {
  return b.shape === 'uniform' ? [b.mu - SQRT3 * b.sigma, b.mu + SQRT3 * b.sigma] : [-Infinity, Infinity];
}

/** The effective interval: the bounds intersected with the prior's support (never empty). */
function interval(b: Belief): [number, number] {
  const [a, z] = priorSupport(b);
  const lo = Math.max(b.lo, a);
  const hi = Math.min(b.hi, z);
  if (lo <= hi) return [lo, hi];
  // Observations contradict the prior's support: all mass sits at the nearest bound.
  return b.lo > z ? [b.lo, b.lo] : [b.hi, b.hi];
}

function rawCdf(b: Belief, x: number): number {
  if (b.sigma <= 0) return x >= b.mu ? 1 : 0;
  if (b.shape === 'uniform') {
    const [a, z] = priorSupport(b);
    return x <= a ? 0 : x >= z ? 1 : (x - a) / (z - a);
  }
  return Phi((x - b.mu) / b.sigma);
}

/** P(X <= x) under the truncated belief. */
export function cdf(b: Belief, x: number): number {
  const [lo, hi] = interval(b);
  if (x < lo) return 0;
  if (x >= hi) return 1;
  const mass = rawCdf(b, hi) - rawCdf(b, lo);
  if (mass <= 1e-12) return (x - lo) / (hi - lo); // far in a tail: nearly flat between the bounds
  return (rawCdf(b, x) - rawCdf(b, lo)) / mass;
}

/**
 * A belief made by this module (belief(), above(), atMost()): the same public fields as a
 * literal, in the same order (JSON, spread and equality see nothing else), plus its mean,
 * computed on first read and kept in a private field. The pivotal reads the mean of every
 * candidate's belief every round to rank them, and most beliefs do not change from one round
 * to the next; a private field is writable even when a full run's snapshot froze the object.
 */
class BeliefValue implements Belief {
  #mean: number | undefined = undefined;
  constructor(
    readonly shape: 'normal' | 'uniform',
    readonly mu: number,
    readonly sigma: number,
    readonly lo: number,
    readonly hi: number,
  ) {}
  get cachedMean(): number {
    return (this.#mean ??= truncatedMean(this));
  }
}

/** A belief (see Belief): normal or uniform prior (mu, sigma) known to lie in [lo, hi]. */
export function belief(shape: Belief['shape'], mu: number, sigma: number, lo: number, hi: number): Belief {
  return new BeliefValue(shape, mu, sigma, lo, hi);
}

/** Beliefs written as literals (tests, callers' code): their means, computed once each. */
const means = new WeakMap<Belief, number>();

export function mean(b: Belief): number {
  if (b instanceof BeliefValue) return b.cachedMean;
  let m = means.get(b);
  if (m === undefined) {
    m = truncatedMean(b);
    means.set(b, m);
  }
  return m;
}

function truncatedMean(b: Belief): number {
  const [lo, hi] = interval(b);
  if (lo === hi) return lo;
  if (b.shape === 'uniform' || b.sigma <= 0) return b.sigma <= 0 ? Math.min(hi, Math.max(lo, b.mu)) : (lo + hi) / 2;
  const a = (lo - b.mu) / b.sigma;
  const z = (hi - b.mu) / b.sigma;
  const mass = Phi(z) - Phi(a);
  if (mass <= 1e-12 || !Number.isFinite(mass)) {
    // Deep in a tail the mass sits at the bound nearest the prior's centre.
    if (Number.isFinite(lo) && Number.isFinite(hi)) return b.mu < lo ? lo : b.mu > hi ? hi : (lo + hi) / 2;
    return Number.isFinite(lo) ? lo : hi;
  }
  const pa = Number.isFinite(a) ? phi(a) : 0;
  const pz = Number.isFinite(z) ? phi(z) : 0;
  return b.mu + (b.sigma * (pa - pz)) / mass;
}

/** The q-quantile, by bisection on the CDF (used for opening anchors, not in hot loops). */
export function quantile(b: Belief, q: number): number {
  let [lo, hi] = interval(b);
  if (!Number.isFinite(lo)) lo = b.mu - 8 * b.sigma;
  if (!Number.isFinite(hi)) hi = b.mu + 8 * b.sigma;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(b, mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Learned that the value is above x (e.g. an offer of x was rejected). */
export function above(b: Belief, x: number): Belief {
  return x > b.lo ? belief(b.shape, b.mu, b.sigma, Math.min(x, b.hi), b.hi) : b;
}

/** Learned that the value is at most x (e.g. the other side offered or asked x). */
export function atMost(b: Belief, x: number): Belief {
  return x < b.hi ? belief(b.shape, b.mu, b.sigma, b.lo, Math.max(x, b.lo)) : b;
}
