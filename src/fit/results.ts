/**
 * What a finished fit says: the weighted posterior of each parameter (median and 90%
 * interval), the scenario at the posterior median (its meta recording the fit, the method and
 * the date), and that scenario scored against every figure over seeds 1..N by the calibration
 * code, targets and held-out checks apart. Pure: the date comes from the fit file or the
 * caller, never the clock, so the same fit seed gives the same bytes.
 */
import { scoreTargets, seedRange, collectValues, type TargetResult } from '../calibration/calibrate';
import { parseScenario } from '../scenario/load';
import { runScenario } from '../core/engine/run';
import { sha256 } from '../output/manifest';
import type { Scenario } from '../scenario/schema';
import { weightedQuantile } from './abc';
import { figureDiscrepancy } from './distance';
import { applyValues, figureKinds, valuesOf, withFigures } from './evaluate';
import { fitSpecHash, type LoadedFit } from './load';
import type { FinishedGeneration } from './store';
import type { Fit, FitFigure, Prior } from './schema';

export const METHOD_REFERENCE = 'ABC-SMC (Toni et al. 2009, J. R. Soc. Interface 6:187; Beaumont et al. 2009, Biometrika 96:983)';

export interface ParameterPosterior {
  readonly name: string;
  readonly path: string;
  readonly prior: Prior;
  readonly integer: boolean;
  /** Value in the base scenario before fitting (null if the field was unset). */
  readonly before: unknown;
  readonly median: number;
  readonly q05: number;
  readonly q95: number;
  readonly mean: number;
}

export interface FigureResult extends TargetResult {
  readonly role: FitFigure['role'];
  /** Discrepancy of the fitted scenario on this figure, in error scales (see distance.ts). */
  readonly discrepancy: number;
}

export interface FitResults {
  /** `hash`: the fit file with its scenario as fitted; `specHash`: the fit file alone (load.ts fitSpecHash). */
  readonly fit: { readonly id: string; readonly title: string; readonly file: string; readonly hash: string; readonly specHash?: string };
  readonly scenario: { readonly id: string; readonly title: string };
  readonly date: string;
  readonly method: Fit['method'] & { readonly reference: string; readonly seedsPerEvaluation: number };
  readonly generations: readonly { readonly generation: number; readonly epsilon: number | null; readonly ess: number; readonly simulations: number; readonly acceptance: number; readonly medianDistance: number }[];
  readonly simulations: number;
  readonly parameters: readonly ParameterPosterior[];
  readonly checkSeeds: number;
  readonly figures: readonly FigureResult[];
  readonly targets: { readonly passed: number; readonly total: number };
  readonly checks: { readonly passed: number; readonly total: number };
  /**
   * What a run at the fitted values gave when the fit was made: the SHA-256 of the event log of
   * the scenario at the posterior medians, seed 1 (`reproductionHash`). The validation report
   * recomputes it: a different hash means the scenario or the engine changed since, so the fit's
   * figures may not reproduce. Absent in results made before 2026-12-07.
   */
  readonly reproduction?: { readonly seed: number; readonly eventsSha256: string };
}

/**
 * SHA-256 of the event log of `spec`'s scenario with `values` at its parameters, run at `seed`:
 * the events carry every number a run produces and none of its titles, so only a change of
 * model inputs or engine moves it.
 */
export function reproductionHash(spec: LoadedFit['spec'], values: readonly number[], seed = 1): string {
  const r = parseScenario(JSON.stringify(applyValues(spec, values)));
  if (!r.ok) throw new Error(`the scenario at the fitted values is invalid: ${r.issues.map((i) => i.message).join('; ')}`);
  return sha256(JSON.stringify(runScenario(r.value, seed).events));
}

/** Natural values of the last generation's particles (rows) with their weights. */
export function posteriorSamples(l: LoadedFit, last: FinishedGeneration): { values: number[][]; weights: readonly number[] } {
  return { values: last.particles.map((p) => valuesOf(l.spec, p.u)), weights: last.weights };
}

function valueAt(doc: unknown, at: readonly (string | number)[]): unknown {
  let cur = doc;
  for (const k of at) cur = cur === null || typeof cur !== 'object' ? undefined : (cur as Record<string | number, unknown>)[k];
  return cur;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function parameterPosteriors(l: LoadedFit, last: FinishedGeneration): ParameterPosterior[] {
  const { values, weights } = posteriorSamples(l, last);
  return l.spec.params.map((p, k) => {
    const xs = values.map((v) => v[k]!);
    const mean = xs.reduce((s, x, i) => s + weights[i]! * x, 0);
    const fix = (x: number): number => (p.integer ? Math.round(x) : round6(x));
    return { name: p.name, path: p.path, prior: p.prior, integer: p.integer, before: valueAt(l.spec.base, p.at) ?? null, median: fix(weightedQuantile(xs, weights, 0.5)), q05: fix(weightedQuantile(xs, weights, 0.05)), q95: fix(weightedQuantile(xs, weights, 0.95)), mean: round6(mean) };
  });
}

/** The scenario at the posterior median, with the fit recorded in meta (sources, tags, description) and the figures as its calibration. */
export function fittedScenario(l: LoadedFit, posteriors: readonly ParameterPosterior[], date: string): Scenario {
  const applied = applyValues(l.spec, posteriors.map((p) => p.median)) as Scenario;
  const { $schema: _s, ...rest } = applied;
  const meta = rest.meta;
  const values = posteriors.map((p) => `${p.path} = ${p.median} (90% interval ${p.q05} to ${p.q95}; was ${JSON.stringify(p.before)})`).join('; ');
  const targets = l.fit.figures.filter((f) => f.role === 'target').map((f) => f.id);
  const checks = l.fit.figures.filter((f) => f.role === 'check').map((f) => f.id);
  const doc = {
    ...rest,
    meta: {
      ...meta,
      title: meta.title.length <= 190 ? `${meta.title} (fitted)` : meta.title,
      description: `${meta.description} Fitted on ${date} by \`coalsim fit\` (${l.fit.id}): parameters at their posterior median.`,
      sources: [
        ...meta.sources.filter((s) => s.id !== 'coalsim-fit'),
        {
          id: 'coalsim-fit',
          citation: `coalsim fit ${l.fit.id}, ${date}: ${METHOD_REFERENCE}; population ${l.fit.method.population}, ${l.fit.seedsPerEvaluation} seeds per evaluation, fit seed ${l.fit.method.seed}, fit hash ${l.hash.slice(0, 16)}`,
          note: `Posterior medians: ${values}. Targets: ${targets.join(', ')}. Held-out checks: ${checks.join(', ') || '(none)'}.`,
        },
      ],
      tags: [...meta.tags.filter((t) => t !== 'fitted'), 'fitted'],
      calibration: withFigures(applied, l.fit.figures).meta.calibration,
    },
  };
  const r = parseScenario(JSON.stringify(doc));
  if (!r.ok) throw new Error(`the fitted scenario is invalid: ${r.issues.map((i) => i.message).join('; ')}`);
  return r.value;
}

export function scoreFitted(l: LoadedFit, fitted: Scenario, seeds: number): FigureResult[] {
  const kinds = figureKinds(l.fit.figures);
  const s = withFigures(fitted, l.fit.figures);
  const cal = scoreTargets(s, collectValues(s, seedRange(seeds)), seeds);
  return cal.targets.map((t, j) => ({ ...t, role: l.fit.figures[j]!.role, discrepancy: round6(figureDiscrepancy(l.fit.figures[j]!, kinds[j]!, t.score)) }));
}

export function fitResults(l: LoadedFit, gens: readonly FinishedGeneration[], o: { date: string; checkSeeds: number }): { results: FitResults; fitted: Scenario } {
  const last = gens[gens.length - 1]!;
  const parameters = parameterPosteriors(l, last);
  const fitted = fittedScenario(l, parameters, o.date);
  const figures = scoreFitted(l, fitted, o.checkSeeds);
  const count = (role: FitFigure['role']) => ({ passed: figures.filter((f) => f.role === role && f.score.pass).length, total: figures.filter((f) => f.role === role).length });
  const generations = gens.map((g) => {
    const simulations = g.particles.reduce((s, p) => s + p.simulations, 0);
    const d = g.particles.map((p) => p.distance).sort((a, b) => a - b);
    return { generation: g.generation, epsilon: Number.isFinite(g.epsilon) ? round6(g.epsilon) : null, ess: round6(g.ess), simulations, acceptance: round6(g.particles.length / simulations), medianDistance: round6(d[Math.floor((d.length - 1) / 2)]!) };
  });
  const results: FitResults = {
    fit: { id: l.fit.id, title: l.fit.title ?? `Fit of ${l.spec.base.meta.title}`, file: l.fit.scenario, hash: l.hash, specHash: fitSpecHash(l.fit) },
    scenario: { id: l.spec.base.meta.id, title: l.spec.base.meta.title },
    date: o.date,
    method: { ...l.fit.method, reference: METHOD_REFERENCE, seedsPerEvaluation: l.fit.seedsPerEvaluation },
    generations,
    simulations: generations.reduce((s, g) => s + g.simulations, 0),
    parameters,
    checkSeeds: o.checkSeeds,
    figures,
    targets: count('target'),
    checks: count('check'),
    reproduction: { seed: 1, eventsSha256: reproductionHash(l.spec, parameters.map((p) => p.median)) },
  };
  return { results, fitted };
}
