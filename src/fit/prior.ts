/**
 * Priors in the sampler's coordinates. A log-uniform parameter is sampled and perturbed as
 * u = ln(x), where its prior is flat; the others as x itself. Densities are up to a constant
 * (ABC-SMC weights are normalised), in the sampler's coordinates, so weights and kernel
 * agree (Beaumont et al. 2009, eq. 3). Pure: randomness comes in as a stream.
 */
import type { RandomStream } from '../core/rng';
import type { Prior } from './schema';

/** Draw one value, in sampler coordinates. Truncated normals by rejection (bounded tries, then clamp). */
export function samplePrior(p: Prior, rng: RandomStream): number {
  switch (p.type) {
    case 'uniform':
      return p.min + (p.max - p.min) * rng.next();
    case 'log-uniform':
      return Math.log(p.min) + (Math.log(p.max) - Math.log(p.min)) * rng.next();
    case 'normal': {
      for (let k = 0; k < 1000; k++) {
        const x = p.mean + p.sd * rng.normal();
        if (inSupport(p, x)) return x;
      }
      return Math.min(p.max ?? Infinity, Math.max(p.min ?? -Infinity, p.mean));
    }
  }
}

export function inSupport(p: Prior, u: number): boolean {
  if (!Number.isFinite(u)) return false;
  switch (p.type) {
    case 'uniform':
      return u >= p.min && u <= p.max;
    case 'log-uniform':
      return u >= Math.log(p.min) && u <= Math.log(p.max);
    case 'normal':
      return (p.min === undefined || u >= p.min) && (p.max === undefined || u <= p.max);
  }
}

/** Log prior density in sampler coordinates, up to a constant; -Infinity outside the support. */
export function logPrior(p: Prior, u: number): number {
  if (!inSupport(p, u)) return -Infinity;
  return p.type === 'normal' ? -0.5 * ((u - p.mean) / p.sd) ** 2 : 0;
}

/** Sampler coordinate to the value written into the scenario. */
export function toValue(p: Prior, u: number, integer: boolean): number {
  const x = p.type === 'log-uniform' ? Math.exp(u) : u;
  return integer ? Math.round(x) : x;
}

/** The support in natural units, for charts: finite bounds (normals without bounds: mean +- 4 sd). */
export function priorRange(p: Prior): [number, number] {
  if (p.type === 'normal') return [p.min ?? p.mean - 4 * p.sd, p.max ?? p.mean + 4 * p.sd];
  return [p.min, p.max];
}
