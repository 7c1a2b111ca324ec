/**
 * The discrepancy between a batch of seeded runs and the record, over the target figures.
 *
 * Each figure's values across the batch are scored by the calibration scoring
 * (src/calibration/score.ts: the same median and category shares `coalsim calibrate` shows),
 * and turned into a discrepancy d_j measured in error scales:
 *   - a number: d_j = |median - r| / s_j, with r the recorded value (or the nearer end of the
 *     recorded range, 0 inside it) and s_j the figure's error scale (`error.sd`, or
 *     `error.relative` x |r|);
 *   - a category or yes/no: d_j = (1 - share of runs giving the recorded value) / (1 - minShare),
 *     so 1 is the edge of the modal rule's pass (minShare 0.5: half the runs); under a close
 *     call, 0 inside its band [lo, hi], (lo - share) / lo below it and (share - hi) / (1 - hi) above;
 *   - a figure no run gives a value for: d_j = MISSING_DISCREPANCY; one that only some runs give
 *     (a payment per soldier-year of a partner that stays out in the others) mixes the two by
 *     the share of runs: d_j = q d_j(present) + (1 - q) MISSING_DISCREPANCY, q the share of runs
 *     giving a value. The record says the figure exists, so a run without it does not reproduce
 *     the record; scoring only the runs that give it let a fit buy a number that most runs lack
 *     (vietnam-1965 on negotiation: Thailand's rate fitted while Thailand stayed out of 77%).
 * The distance is the root mean square D = sqrt(mean_j d_j^2), a normalised Euclidean distance
 * between summary statistics (Prangle 2017, "Adapting the ABC distance function"; here the
 * scales come from the record's stated error, fixed before fitting, so the distance does not
 * move between generations). Pure.
 */
import type { MeasureKind, MeasureValue } from '../calibration/measures';
import { closeCallBand, defaultTolerance, inCloseCallBand, recordedRange, scoreValues, type Score, type Tolerance } from '../calibration/score';
import type { FitFigure } from './schema';

/** Discrepancy of a figure whose measure is undefined in every run of the batch. */
export const MISSING_DISCREPANCY = 10;
/** Default relative error scale of a numeric figure without `error` or a median-within tolerance. */
export const DEFAULT_RELATIVE_ERROR = 0.25;

export function toleranceOf(f: FitFigure, kind: MeasureKind): Tolerance {
  return (f.tolerance as Tolerance | undefined) ?? defaultTolerance(kind);
}

/** The error scale s_j of a numeric figure, in the measure's unit, for the record point r. */
export function errorScale(f: FitFigure, r: number): number {
  if (f.error && 'sd' in f.error) return f.error.sd;
  const rel = f.error && 'relative' in f.error ? f.error.relative : f.tolerance?.rule === 'median-within' ? f.tolerance.relative : DEFAULT_RELATIVE_ERROR;
  const s = rel * Math.abs(r);
  return s > 0 ? s : 1;
}

/** d_j of one figure from its score: the discrepancy of the runs that give a value, mixed with MISSING_DISCREPANCY by the share of runs that give none. */
export function figureDiscrepancy(f: FitFigure, kind: MeasureKind, score: Score): number {
  const o = score.outcome;
  if (o === null) return MISSING_DISCREPANCY;
  const runs = score.n + score.missing;
  const present = runs > 0 ? score.n / runs : 1;
  return present * presentDiscrepancy(f, kind, o) + (1 - present) * MISSING_DISCREPANCY;
}

/** d_j over the runs that give a value. */
function presentDiscrepancy(f: FitFigure, kind: MeasureKind, o: NonNullable<Score['outcome']>): number {
  if (o.kind === 'number') {
    const range = recordedRange(f.recorded);
    if (range === null) return MISSING_DISCREPANCY;
    const [a, b] = range;
    const m = o.median;
    const nearest = m < a ? a : m > b ? b : m;
    return Math.abs(m - nearest) / errorScale(f, nearest);
  }
  const tol = toleranceOf(f, kind);
  if (tol.rule === 'close-call') {
    // Zero inside the band; below it the gap over lo, above it over 1 - hi: 1 when no run, or every run, gives the record.
    const [lo, hi] = closeCallBand(tol);
    const r = o.recordedShare;
    if (inCloseCallBand(r, [lo, hi])) return 0;
    return r < lo ? (lo - r) / Math.max(0.05, lo) : (r - hi) / Math.max(0.05, 1 - hi);
  }
  const minShare = tol.rule === 'modal' ? tol.minShare : 0.5;
  return (1 - o.recordedShare) / Math.max(0.05, 1 - minShare);
}

/** Score every figure's values (one list per figure, in figure order). */
export function scoreFigures(figures: readonly FitFigure[], kinds: readonly MeasureKind[], values: readonly (readonly MeasureValue[])[]): Score[] {
  return figures.map((f, j) => scoreValues(kinds[j]!, values[j] ?? [], f.recorded, toleranceOf(f, kinds[j]!)));
}

/** D over the figures selected by `use` (the targets). NaN if none is selected. */
export function distance(figures: readonly FitFigure[], kinds: readonly MeasureKind[], scores: readonly Score[], use: (f: FitFigure) => boolean = (f) => f.role === 'target'): number {
  let sum = 0;
  let n = 0;
  figures.forEach((f, j) => {
    if (!use(f)) return;
    sum += figureDiscrepancy(f, kinds[j]!, scores[j]!) ** 2;
    n++;
  });
  return n === 0 ? NaN : Math.sqrt(sum / n);
}
