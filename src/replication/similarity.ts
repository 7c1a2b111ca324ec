/**
 * Preference similarity with the leader on one scale across years (docs/replication.md).
 *
 * The share of UN General Assembly votes in which a state agreed with the US (`agree_us`) is not
 * comparable across years: it depends on the agenda. In 1950 most members agreed with the US on
 * most votes (median 0.68), in 2010 few did (median 0.16), so the same rules read 1950's states
 * as far closer to the US than 2010's. Bailey, Strezhnev & Voeten (2017, JCR 61(2)) estimate
 * ideal points from the votes precisely so that positions are comparable over time; the distance
 * between a state's ideal point and the US's is in the shared data. The similarity the rules read
 * is the agreement a state at that distance has on the reference year's agenda:
 *
 *   similarity = min(1, exp(a + b * distance)),  OLS of log agree_us on distance over the
 *   reference file's states with both figures (Nov 2010 ISAF file: a = -0.23, b = -0.53,
 *   R² 0.76, n = 191; the correlation of the similarity with agree_us is 0.91).
 *
 * Where a state has no distance, its agreement is used as it is. Pure.
 */
import { ols } from './stats';

export interface SimilarityRule {
  /** log agree_us = intercept + slope * ideal-point distance to the US */
  readonly intercept: number;
  readonly slope: number;
  readonly r2: number;
  readonly n: number;
}

/** Pairs needed to fit the rule; with fewer, agreement is used as it is. */
export const MIN_SIMILARITY_PAIRS = 10;

/**
 * The rule, fitted over the rows with a distance and a positive agreement (log of 0 is
 * undefined; a state that never agreed has similarity from its distance like any other). Null
 * when fewer than MIN_SIMILARITY_PAIRS rows have both.
 */
export function fitSimilarityRule(rows: readonly { readonly agreeUs: number; readonly idealDistance?: number | null }[]): SimilarityRule | null {
  const pts = rows.flatMap((r) => (r.idealDistance !== undefined && r.idealDistance !== null && Number.isFinite(r.idealDistance) && r.agreeUs > 0 ? [{ d: r.idealDistance, y: Math.log(r.agreeUs) }] : []));
  if (pts.length < MIN_SIMILARITY_PAIRS) return null;
  const fit = ols(pts.map((p) => p.y), pts.map((p) => [1, p.d]), ['intercept', 'ideal_point_distance_us']);
  return { intercept: fit.coefficients[0]!.coef, slope: fit.coefficients[1]!.coef, r2: fit.r2, n: fit.n };
}

/** A state's similarity, 0-1 (rounded to 4 decimals): from its ideal-point distance under `rule`, else its agreement. */
export function similarityOf(agreeUs: number, distance: number | null | undefined, rule: SimilarityRule | null): number {
  const s = rule !== null && distance !== undefined && distance !== null && Number.isFinite(distance) ? Math.exp(rule.intercept + rule.slope * distance) : agreeUs;
  return Math.round(Math.min(1, Math.max(0, s)) * 1e4) / 1e4;
}
