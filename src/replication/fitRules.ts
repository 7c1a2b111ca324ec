/**
 * The free constants of the data-to-agent mapping (isaf.ts `partyRule`, `buildIsafScenario`),
 * estimated on the training states of one fold (issue 12: "rules and any fitted constants come
 * from training folds"). Pure: no I/O.
 *
 * Four constants, one per mechanism of the mapping (docs/replication.md, "Fitted rule constants"):
 *
 *   interestPerAgreement  iota: u_i = iota agree_i c_i        (recruitment by value, BRIEF §6)
 *   signalPerCost         S: s_i = S c_i max(0, agree_i - depth_i)   (signalling, BRIEF §1, §6)
 *   dutyWeight            w: D_i = w lambda_i (c_i + h_i)      (alliance duty, BRIEF §1)
 *   demandScale           d: the troops sought = d x the fold's model-based demand
 *                         (crossValidate.ts `modelDemand`), searched on a log scale
 *
 * Search: a quasi-random start (the documented constants, then SOBOL_POINTS points of a Sobol
 * sequence over the box, Sobol 1967, the `sobol` package the experiment designs use), then
 * compass search from the best (a derivative-free pattern search; Kolda, Lewis & Torczon 2003,
 * SIAM Review 45(3), §3): poll +-step along each coordinate, move to the best improving point,
 * halve the steps when none improves, stop at the evaluation budget. No optimiser library is
 * installed in the project; the objective is step-valued (ranks over a few seeded runs), so a
 * bounded, deterministic search with a fixed budget suits it better than a gradient method. The
 * global start matters: from the documented constants alone the search stops in a local optimum.
 *
 * Objective: the engine is run over fixed seeds (common random numbers, so two points differ
 * only by the constants) and scored on the training states only: participation AUC plus
 * Spearman's rho of expected against observed troops over all training states and over the
 * training contributors, the three scores the comparison reports (rank scores, so the coarse
 * participation rate of a few seeds does not bias them). A held-out state is a third party of
 * the run (its data, never its outcome) and is never scored.
 */
import { SobolSequenceGenerator } from 'sobol';
import { runScenario } from '../core/engine/run';
import { participationScores, type CvState, type Prediction } from './baselines';
import { DEFAULT_ISAF_OPTIONS, validIsafScenario, type CostRule, type IsafOptions } from './isaf';
import type { IsafRow } from './isafData';
import { auc, spearman } from './stats';

/** One fitted constant: its option, bounds and starting point (searched on `scale`). */
export interface FittedConstant {
  readonly name: 'interestPerAgreement' | 'signalPerCost' | 'dutyWeight' | 'demandScale';
  readonly lower: number;
  readonly upper: number;
  readonly start: number;
  /** 'log': the search moves in log of the value (a share spanning an order of magnitude). */
  readonly scale: 'linear' | 'log';
}

/**
 * Bounds: interest and signal from none to three soldier-costs per unit of agreement or of
 * unrealized potential; duty from none to twice the default lambda (c + h); the demand from a
 * quarter to four times the fold's model-based demand. Starts: the replication's documented constants (DEFAULT_ISAF_OPTIONS).
 */
export const FITTED_CONSTANTS: readonly FittedConstant[] = [
  { name: 'interestPerAgreement', lower: 0, upper: 3, start: DEFAULT_ISAF_OPTIONS.interestPerAgreement, scale: 'linear' },
  { name: 'signalPerCost', lower: 0, upper: 3, start: DEFAULT_ISAF_OPTIONS.signalPerCost, scale: 'linear' },
  { name: 'dutyWeight', lower: 0, upper: 2, start: DEFAULT_ISAF_OPTIONS.dutyWeight, scale: 'linear' },
  { name: 'demandScale', lower: 0.25, upper: 4, start: 1, scale: 'log' },
];

export type FittedValues = Readonly<Record<FittedConstant['name'], number>>;

/** The rule options a set of fitted values stands for, given the demand of the training-total rule (simulatorFit). */
export function rulesOf(v: FittedValues, ruleDemand: number): Partial<IsafOptions> {
  return { interestPerAgreement: v.interestPerAgreement, signalPerCost: v.signalPerCost, dutyWeight: v.dutyWeight, demand: Math.max(1, Math.round(ruleDemand * v.demandScale)) };
}

export interface CompassResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly evaluations: number;
}

/**
 * Maximises f over the box [lower, upper] by compass search from x0 (clipped into the box;
 * `f0`, when given, is f(x0) already known and not re-evaluated).
 * Polls coordinates in order, + before -; ties keep the earlier point, so the search is
 * deterministic for a deterministic f. Stops after `maxEvaluations` calls or when every step
 * is below `minStep` times its first value.
 */
export function compassSearch(f: (x: readonly number[]) => number, x0: readonly number[], steps0: readonly number[], lower: readonly number[], upper: readonly number[], maxEvaluations: number, minStep = 1 / 16, f0?: number): CompassResult {
  if (x0.length !== steps0.length || x0.length !== lower.length || x0.length !== upper.length) throw new Error('compass search: x0, steps and bounds must have the same length');
  const clip = (x: readonly number[]) => x.map((v, j) => Math.min(upper[j]!, Math.max(lower[j]!, v)));
  let best = clip(x0);
  let bestValue = f0 ?? f(best);
  let evaluations = f0 === undefined ? 1 : 0;
  const steps = [...steps0];
  while (evaluations < maxEvaluations && steps.some((s, j) => s >= minStep * steps0[j]!)) {
    let poll: { x: number[]; value: number } | null = null;
    for (let j = 0; j < best.length && evaluations < maxEvaluations; j++) {
      for (const dir of [1, -1]) {
        if (evaluations >= maxEvaluations) break;
        const x = clip(best.map((v, m) => (m === j ? v + dir * steps[j]! : v)));
        if (x[j] === best[j]) continue;
        const value = f(x);
        evaluations++;
        if (value > (poll?.value ?? bestValue) + 1e-12) poll = { x, value };
      }
    }
    if (poll) {
      best = poll.x;
      bestValue = poll.value;
    } else for (let j = 0; j < steps.length; j++) steps[j] = steps[j]! / 2;
  }
  return { x: best, value: bestValue, evaluations };
}

/** What the engine predicts for one state over the seeds (`simulate`). */
export interface SimulatedOutcome {
  /** Share of seeds in which it deployed, 0-1. */
  readonly participation: number;
  /** Mean peak contingent, persons. */
  readonly troops: number;
  /**
   * Mean opening surplus per soldier-year, in units of the pivotal's soldier cost c_P:
   * (e_i c_P - r_i) / c_P with r_i its reservation before round 1 (states[0], the realised cost
   * drawn) and e_i c_P the pivotal's own-soldier cost a soldier of it saves, the troop part of R_i
   * (BRIEF §6). A deal for troops alone has a surplus to share only when it is >= 0; flags and
   * criticality add to R_i, budget and demand limit who is bought. -Infinity under open
   * opposition (r_i infinite). The participation score's tie-break (baselines.ts
   * `Prediction.tieBreak`): of the states that join in no seed, those with a larger surplus came
   * nearer a deal.
   */
  readonly openingSurplus: number;
}

/** The simulator's prediction for a state: its outcome, ties broken by its opening surplus. */
export function simulatedPrediction(id: string, o: SimulatedOutcome): Prediction {
  return { id, participation: o.participation, troops: o.troops, tieBreak: o.openingSurplus };
}

/** What the engine predicts per state id over the seeds (SimulatedOutcome). */
export function simulate(scenarioRows: readonly IsafRow[], rules: IsafOptions, costRule: CostRule, seeds: readonly number[], ids: readonly string[]): Map<string, SimulatedOutcome> {
  const scenario = validIsafScenario(scenarioRows, rules, costRule);
  const n = seeds.length;
  const cP = scenario.pivotal.ownSoldierCostPerYear;
  const effectiveness = new Map(scenario.thirdParties.map((t) => [t.id, t.effectiveness]));
  const sums = ids.map(() => ({ joined: 0, troops: 0, surplus: 0 }));
  for (const seed of seeds) {
    const run = runScenario(scenario, seed);
    const opening = run.states[0]!;
    ids.forEach((id, i) => {
      let peak = 0;
      for (const st of run.states) peak = Math.max(peak, st.parties[id]?.troops ?? 0);
      const sum = sums[i]!;
      if (peak > 0) sum.joined++;
      sum.troops += peak;
      sum.surplus += (effectiveness.get(id)! * cP - opening.parties[id]!.reservation) / cP;
    });
  }
  return new Map(ids.map((id, i) => [id, { participation: sums[i]!.joined / n, troops: sums[i]!.troops / n, openingSurplus: sums[i]!.surplus / n }]));
}

/**
 * The training score: AUC of participation + rho of troops over all training states + rho over
 * the training contributors (each term only when defined: AUC needs both classes, a rho needs 4
 * states and troops observed). A degenerate prediction (every state the same) scores 0.5 or 0 on
 * a term, never NaN.
 */
export function trainingScore(train: readonly CvState[], pred: ReadonlyMap<string, SimulatedOutcome>, troopsObserved: boolean): number {
  const pos = train.map((s) => s.troops > 0);
  let score = 0;
  if (pos.some(Boolean) && pos.some((x) => !x)) score += auc(participationScores(train.map((s) => simulatedPrediction(s.id, pred.get(s.id)!))), pos).auc;
  if (troopsObserved) {
    const rho = (xs: readonly CvState[]) => {
      if (xs.length < 4) return 0;
      const r = spearman(xs.map((s) => pred.get(s.id)!.troops), xs.map((s) => s.troops)).rho;
      return Number.isFinite(r) ? r : 0;
    };
    score += rho(train) + rho(train.filter((s) => s.troops > 0));
  }
  return score;
}

export interface RuleFit {
  readonly values: FittedValues;
  /** How many of FITTED_CONSTANTS were fitted, in their order; the rest kept their documented values. */
  readonly fitted: number;
  /** The training score at the fitted values (trainingScore). */
  readonly score: number;
  readonly evaluations: number;
}

/** Default evaluation budget of one fold's fit (each evaluation = one engine run per fit seed). */
export const FIT_EVALUATIONS = 60;

/** Sobol points screened before the compass search (the documented constants are screened too). */
export const SOBOL_POINTS = 31;

/**
 * Fits the first `count` of the four constants (FITTED_CONSTANTS order; the others keep their
 * documented values) on `train` (scored), with `scenarioRows` (every state of the fold,
 * outcomes zeroed) as the scenario's third parties and `base` the other rule options (the
 * fitted demand among them). Screens the documented constants and SOBOL_POINTS Sobol points,
 * then compass search from the best, first steps a quarter of each range, for the rest of the
 * `maxEvaluations` budget. Deterministic. Throws on no seeds or a count outside 1-4.
 */
export function fitRuleConstants(train: readonly CvState[], scenarioRows: readonly IsafRow[], base: IsafOptions, costRule: CostRule, seeds: readonly number[], troopsObserved: boolean, maxEvaluations = FIT_EVALUATIONS, count = FITTED_CONSTANTS.length): RuleFit {
  if (seeds.length === 0) throw new Error('rule fit: at least one seed is needed');
  if (!Number.isInteger(count) || count < 1 || count > FITTED_CONSTANTS.length) throw new Error(`rule fit: the number of constants to fit must be 1-${FITTED_CONSTANTS.length}, got ${count}`);
  const to = (c: FittedConstant, v: number) => (c.scale === 'log' ? Math.log(v) : v);
  const from = (c: FittedConstant, y: number) => (c.scale === 'log' ? Math.exp(y) : y);
  const free = FITTED_CONSTANTS.slice(0, count);
  const lower = free.map((c) => to(c, c.lower));
  const upper = free.map((c) => to(c, c.upper));
  const values = (x: readonly number[]) => Object.fromEntries(FITTED_CONSTANTS.map((c, j) => [c.name, j < count ? from(c, x[j]!) : c.start])) as unknown as FittedValues;
  const ids = train.map((s) => s.id);
  const objective = (x: readonly number[]) => trainingScore(train, simulate(scenarioRows, { ...base, ...rulesOf(values(x), base.demand) }, costRule, seeds, ids), troopsObserved);
  const sobol = new SobolSequenceGenerator(count);
  const starts = [free.map((c) => to(c, c.start))];
  for (let i = 0; i < Math.min(SOBOL_POINTS, maxEvaluations - 1); i++) starts.push(sobol.nextVector().map((u: number, j: number) => lower[j]! + u * (upper[j]! - lower[j]!)));
  let best = { x: starts[0]!, value: -Infinity };
  for (const x of starts) {
    const value = objective(x);
    if (value > best.value + 1e-12) best = { x, value };
  }
  const r = compassSearch(
    objective,
    best.x,
    lower.map((lo, j) => (upper[j]! - lo) / 4),
    lower,
    upper,
    maxEvaluations - starts.length,
    1 / 16,
    best.value,
  );
  return { values: values(r.x), fitted: count, score: r.value, evaluations: starts.length + r.evaluations };
}
