/**
 * Run seeds derive from stable inputs only: the base seed, the parameter point (as canonical
 * JSON) and the replicate number. A run's seed never depends on its position in the list, so
 * adding a point or a replicate changes no other run's seed. Within a point, replicates never
 * share a seed: a 32-bit collision (rare) is resolved by re-hashing with a salt, which depends
 * only on the lower replicates of the same point and so stays stable too.
 */
import { hashSeed } from '../core/rng';
import { dataRecord } from '../scenario/ownKeys';

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The point's identity: parameter path -> value, canonical. Names are labels and do not enter. */
export function pointKey(paths: readonly string[], values: readonly unknown[]): string {
  // No prototype: a path such as "__proto__" is a key like any other, not a prototype switch.
  const obj = dataRecord<unknown>();
  paths.forEach((p, i) => (obj[p] = values[i]));
  return canonicalJson(obj);
}

/** Seeds of replicates 0..count-1 of one point. */
export function replicateSeeds(baseSeed: number, key: string, count: number): number[] {
  const seeds: number[] = [];
  const used = new Set<number>();
  for (let r = 0; r < count; r++) {
    let seed = hashSeed(`${baseSeed}|${key}|${r}`);
    for (let salt = 1; used.has(seed); salt++) seed = hashSeed(`${baseSeed}|${key}|${r}|${salt}`);
    used.add(seed);
    seeds.push(seed);
  }
  return seeds;
}
