/**
 * Fold assignments for out-of-sample validation: k-fold with a fixed, seeded shuffle, and
 * leave-one-region-out with the Correlates of War regions. Pure: no I/O.
 */
import { namedStream } from '../core/rng';

/** One held-out fold: the ids scored in it; every other id is training data. */
export interface Fold {
  /** "fold 1 of 5" or the region's name. */
  readonly name: string;
  readonly heldOut: ReadonlySet<string>;
}

/**
 * k folds of (nearly) equal size: the ids, sorted, are shuffled by Fisher-Yates with the
 * project's seeded generator (stream "cv-folds" of `seed`) and dealt round-robin. The same
 * ids, k and seed always give the same folds.
 * Throws if k < 2 or k exceeds the number of ids.
 */
export function kFolds(ids: readonly string[], k: number, seed: number): Fold[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`cross-validation: k must be a whole number >= 2, got ${k}`);
  if (k > ids.length) throw new Error(`cross-validation: k = ${k} folds but only ${ids.length} states`);
  const order = [...ids].sort();
  const rng = namedStream(seed, 'cv-folds');
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const sets = Array.from({ length: k }, () => new Set<string>());
  order.forEach((id, i) => sets[i % k]!.add(id));
  return sets.map((heldOut, i) => ({ name: `fold ${i + 1} of ${k}`, heldOut }));
}

/**
 * The Correlates of War region of a state from its COW country code: the code blocks of the
 * COW state system (2-165 Americas, 200-399 Europe, 400-599 Africa, 600-699 Middle East and
 * North Africa's Arab states, 700-999 Asia and Oceania). Source: COW State System codebook;
 * the same blocks define `region` in the COW Militarized Interstate Dispute data.
 */
export type CowRegion = 'Americas' | 'Europe' | 'Africa' | 'Middle East' | 'Asia and Oceania';

export function cowRegion(ccode: number): CowRegion {
  if (ccode < 200) return 'Americas';
  if (ccode < 400) return 'Europe';
  if (ccode < 600) return 'Africa';
  if (ccode < 700) return 'Middle East';
  return 'Asia and Oceania';
}

/** One fold per COW region present, in a fixed order; regions with no state are skipped. */
export function regionFolds(states: readonly { id: string; ccode: number }[]): Fold[] {
  const order: CowRegion[] = ['Americas', 'Europe', 'Africa', 'Middle East', 'Asia and Oceania'];
  return order
    .map((region) => ({ name: region, heldOut: new Set(states.filter((s) => cowRegion(s.ccode) === region).map((s) => s.id)) }))
    .filter((f) => f.heldOut.size > 0);
}
