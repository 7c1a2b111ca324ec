/**
 * Calibration of one scenario: run it for seeds 1..N in process, read every target's
 * measure from each run, and score the values against the record. Deterministic: the
 * result depends only on the scenario and the seeds.
 */
import { runScenario } from '../core/engine/run';
import { summarize } from '../core/metrics/summary';
import type { Scenario } from '../scenario/schema';
import { parseMeasure, type MeasureKind, type MeasureValue } from './measures';
import { defaultTolerance, scoreValues, type Recorded, type Score, type Tolerance } from './score';

export type CalibrationTarget = NonNullable<Scenario['meta']['calibration']>[number];

export interface TargetResult {
  readonly id: string;
  readonly label: string;
  readonly measure: string;
  readonly kind: MeasureKind;
  readonly unit: string;
  readonly recorded: Recorded;
  readonly tolerance: Tolerance;
  readonly source: string;
  readonly note?: string;
  readonly score: Score;
}

export interface ScenarioCalibration {
  readonly scenario: { readonly id: string; readonly title: string };
  readonly seeds: number;
  readonly targets: readonly TargetResult[];
  readonly passed: number;
  readonly missed: number;
}

/** Values of each target's measure, one per seed, in seed order. */
export function collectValues(scenario: Scenario, seeds: readonly number[], onRun?: (done: number) => void): MeasureValue[][] {
  const targets = scenario.meta.calibration ?? [];
  const parsed = targets.map((t) => {
    const p = parseMeasure(t.measure);
    if ('error' in p) throw new Error(`meta.calibration: ${p.error}`);
    return p;
  });
  const values: MeasureValue[][] = targets.map(() => []);
  seeds.forEach((seed, i) => {
    const result = runScenario(scenario, seed);
    const view = { summary: summarize(result), result };
    parsed.forEach((p, j) => values[j]!.push(p.def.read(view, p.args)));
    onRun?.(i + 1);
  });
  return values;
}

export function scoreTargets(scenario: Scenario, values: readonly (readonly MeasureValue[])[], seeds: number): ScenarioCalibration {
  const targets = (scenario.meta.calibration ?? []).map((t, j): TargetResult => {
    const p = parseMeasure(t.measure);
    if ('error' in p) throw new Error(`meta.calibration: ${p.error}`);
    const tolerance = (t.tolerance as Tolerance | undefined) ?? defaultTolerance(p.def.kind);
    return {
      id: t.id,
      label: t.label,
      measure: t.measure,
      kind: p.def.kind,
      unit: t.unit ?? p.def.unit,
      recorded: t.recorded,
      tolerance,
      source: t.source,
      ...(t.note !== undefined ? { note: t.note } : {}),
      score: scoreValues(p.def.kind, values[j] ?? [], t.recorded, tolerance),
    };
  });
  const passed = targets.filter((t) => t.score.pass).length;
  return { scenario: { id: scenario.meta.id, title: scenario.meta.title }, seeds, targets, passed, missed: targets.length - passed };
}

export function seedRange(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

export function calibrate(scenario: Scenario, seeds: number, onRun?: (done: number) => void): ScenarioCalibration {
  return scoreTargets(scenario, collectValues(scenario, seedRange(seeds), onRun), seeds);
}
