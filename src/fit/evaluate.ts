/**
 * One evaluation of a parameter set: the scenario at those values (validated as a whole, as
 * in sweeps), run for a batch of seeds, every figure read by its calibration measure
 * (src/calibration/calibrate.ts `collectValues`) and scored (`scoreValues`), and the target
 * figures' discrepancy. Plain data in (so it can cross to a worker thread), numbers out.
 */
import { collectValues } from '../calibration/calibrate';
import { parseMeasure, type MeasureKind, type MeasureValue } from '../calibration/measures';
import type { Score } from '../calibration/score';
import { applyPoint, type ResolvedParameter } from '../experiment/point';
import { checkScenario } from '../scenario/crossChecks';
import { ScenarioSchema, type Scenario } from '../scenario/schema';
import { distance, scoreFigures } from './distance';
import { toValue } from './prior';
import type { FitFigure, Prior } from './schema';

export interface FitParam extends ResolvedParameter {
  readonly prior: Prior;
  readonly integer: boolean;
}

/** Everything an evaluation needs; plain data, sent once to each worker thread. */
export interface FitSpec {
  readonly base: Scenario;
  readonly params: readonly FitParam[];
  readonly figures: readonly FitFigure[];
  readonly seedsPerEvaluation: number;
}

export function figureKinds(figures: readonly FitFigure[]): MeasureKind[] {
  return figures.map((f) => {
    const p = parseMeasure(f.measure);
    if ('error' in p) throw new Error(`figure ${f.id}: ${p.error}`);
    return p.def.kind;
  });
}

/** Sampler coordinates to the values written into the scenario. */
export function valuesOf(spec: Pick<FitSpec, 'params'>, u: readonly number[]): number[] {
  return spec.params.map((p, k) => toValue(p.prior, u[k]!, p.integer));
}

/** The figures as the scenario's calibration targets, so the calibration code reads them. */
export function withFigures(s: Scenario, figures: readonly FitFigure[]): Scenario {
  const calibration = figures.map(({ role: _r, error: _e, ...t }) => t);
  return { ...s, meta: { ...s.meta, calibration } } as Scenario;
}

/**
 * The scenario at these natural values, or null when they make it invalid. The same schema
 * and cross-field checks as a scenario file, on the object: the text route (JSON, line
 * numbers, did-you-mean) costs more than a short run, and a proposal needs no message. The
 * loader checks the priors' ranges with full messages before anything runs.
 */
export function scenarioAtValues(spec: Pick<FitSpec, 'base' | 'params'>, values: readonly number[]): Scenario | null {
  const r = ScenarioSchema.safeParse(applyPoint(spec.base, spec.params, values));
  return r.success && checkScenario(r.data).length === 0 ? r.data : null;
}

/** The scenario at the values, unvalidated (for writing, after validation elsewhere). */
export function applyValues(spec: Pick<FitSpec, 'base' | 'params'>, values: readonly number[]): unknown {
  return applyPoint(spec.base, spec.params, values);
}

export interface Evaluation {
  readonly values: MeasureValue[][];
  readonly scores: Score[];
  /** Discrepancy over the target figures; Infinity when the values make the scenario invalid. */
  readonly distance: number;
}

export function evaluate(spec: FitSpec, kinds: readonly MeasureKind[], values: readonly number[], seeds: readonly number[]): Evaluation {
  const s = scenarioAtValues(spec, values);
  if (s === null) return { values: [], scores: [], distance: Infinity };
  const collected = collectValues(withFigures(s, spec.figures), seeds);
  const scores = scoreFigures(spec.figures, kinds, collected);
  return { values: collected, scores, distance: distance(spec.figures, kinds, scores) };
}
