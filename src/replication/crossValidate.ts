/**
 * Out-of-sample validation of the simulator against baselines (issue 12): for each fold, every
 * predictor is fitted on the training states only and predicts the held-out states; the
 * held-out predictions of all folds are pooled and scored. Pure: no I/O.
 *
 * The simulator's side (`simulatorPredictor`) builds the fold's scenario with the project's own
 * ISAF rules (src/replication/isaf.ts): every state, training and held-out, is a third party,
 * built from its data (never its outcome). What it takes from outcomes is fitted on the training
 * states only: the pivotal's demand by the training-total rule (`simulatorFit`), then four rule
 * constants of the data-to-agent mapping (interest, signalling and duty weights and a scale of
 * that demand; fitRules.ts) by a derivative-free search over seeded engine runs scored on the
 * training states, as many of them as the training contributors identify
 * (`identifiedConstants`). The soldier-cost rule is fitted on recorded soldier costs (BRIEF §4), which are
 * inputs, not outcomes: on the ISAF 2010 anchors, for every case. It then runs the engine over
 * the seeds. `coalsim replicate coalition` goes through the same code, so every other coalition
 * gets its constants fitted on its own training folds. When the mechanisms change, re-running
 * regenerates the comparison.
 */
import { BASELINES, participationScores, type CvState, type Prediction, type Predictor } from './baselines';
import { kFolds, regionFolds, type Fold } from './folds';
import { DEFAULT_ISAF_OPTIONS, seedList, type CostRule, type IsafOptions } from './isaf';
import { FIT_EVALUATIONS, FITTED_CONSTANTS, fitRuleConstants, rulesOf, simulate, simulatedPrediction, type FittedValues, type RuleFit } from './fitRules';
import type { IsafRow } from './isafData';
import { auc, spearman, type Auc, type RankCorrelation } from './stats';
import { bootstrapIntervals } from '../analysis/bootstrap';
import { uniformFrom } from '../analysis/random';

/**
 * Seeds per fold for the out-of-sample comparison (--cv, coalition). The simulator's participation
 * score is the share of seeds in which a state joins, so N seeds give it N + 1 values: at 20, a
 * state that joins one time in 25 scores 0 in 44% of runs ((24/25)^20), tied with every state
 * that never joins, and the AUC counts such ties as half (2% of runs at 100). At 100 the ISAF
 * comparison leaving a region out read 0.89 within folds against 0.82 at 20 (docs/replication.md);
 * predictions are cheap beside the fit (about 1,000 runs against its 4,800).
 */
export const CV_SEEDS = 100;

export { auc, type Auc } from './stats';

export interface SimulatorCvOptions {
  readonly seeds: readonly number[];
  /** Rule constants of the ISAF replication (DEFAULT_ISAF_OPTIONS); `demand` is replaced by the fitted demand. */
  readonly rules?: Partial<IsafOptions> | undefined;
  /**
   * Demand = demandOverObserved x the training states' observed total scaled to all states.
   * Default DEMAND_OVER_OBSERVED (1): what the training states sent, scaled up; any demand beyond
   * what came is left to the fitted demand scale (fitRules.ts) where the training contributors
   * identify it.
   */
  readonly demandOverObserved?: number | undefined;
  /** The soldier-cost rule (fitCostRule on the ISAF 2010 file); applied unchanged to every fold. */
  readonly costRule: CostRule;
  /** False when the case records participation only (see simulatorFit). */
  readonly troopsObserved?: boolean;
  /** Evaluation budget of each fold's rule fit (fitRules.ts); 0: no fit. Default FIT_EVALUATIONS. */
  readonly fitEvaluations?: number | undefined;
  /** Passes of the model-based demand (modelDemand); 0 keeps the training-total rule. Default DEMAND_PASSES. */
  readonly demandPasses?: number | undefined;
}

/**
 * 1: the demand starts from the troops the training states sent. It was 50,000 / 40,930, the
 * full-sample replication's demand over the file's observed total: a ratio that read the
 * held-out states' troops (the 40,930 counts them), a leak of their outcomes into every fold.
 */
export const DEMAND_OVER_OBSERVED = 1;

/**
 * The most any state would deploy, `maxDeployableShare` (and the `deployableShare` anchoring the
 * political cost, isaf.ts), from the training states of a fold: the largest share of its armed
 * forces a training contributor sent. The full-sample replication's 0.05 is the largest share in
 * the whole file (the UK's 5.5%), an outcome of every state, held-out ones included; out of
 * sample it is read from the training states only. Null when no training state sent troops.
 */
export function trainingMaxShare(train: readonly CvState[]): number | null {
  let max = 0;
  for (const s of train) if (s.troops > 0 && s.armedForces > 0) max = Math.max(max, s.troops / s.armedForces);
  return max > 0 ? Math.round(max * 1e6) / 1e6 : null;
}

/** The state as the scenario builder reads it; outcome fields are zeroed so they cannot leak into a scenario. */
function asRow(s: CvState): IsafRow {
  return {
    ccode: s.ccode,
    iso3: s.id,
    country: s.name,
    isafTroops: 0,
    armedForces: s.armedForces,
    observedShare: 0,
    agreeUs: s.agreeUs,
    ...(s.similarity !== undefined ? { similarity: s.similarity } : {}),
    depth: s.depth,
    usAlly: s.usAlly,
    cinc: s.cinc ?? null,
    nearTheatre: s.nearTheatre === true,
    ...(s.threat !== undefined ? { threat: s.threat } : {}),
    logGdp: null,
    logGdppc: s.logGdppc,
    polyarchy: null,
  };
}

/**
 * ISAF 2010's demand per contributor: the replication's demand (50,000) over its 45 observed
 * contributors. Used as the demand per expected participant when a case records participation
 * but not troops (COW war participants).
 */
export const DEMAND_PER_PARTICIPANT = 50_000 / 45;

/**
 * The pivotal's demand, the one constant the simulator takes from outcomes, from the training
 * states of one fold: with troops observed, demandOverObserved x the training total x (all
 * states' armed forces / the training states'); with participation only, DEMAND_PER_PARTICIPANT
 * x the training participants x (all states / training states).
 */
export function simulatorFit(train: readonly CvState[], all: readonly CvState[], demandOverObserved = DEMAND_OVER_OBSERVED, troopsObserved = true): { demand: number } {
  if (!troopsObserved) {
    const participants = train.filter((s) => s.troops > 0).length;
    return { demand: Math.max(1, Math.round((DEMAND_PER_PARTICIPANT * participants * all.length) / Math.max(1, train.length))) };
  }
  const trainTroops = train.reduce((s, x) => s + x.troops, 0);
  const trainForces = train.reduce((s, x) => s + x.armedForces, 0);
  const allForces = all.reduce((s, x) => s + x.armedForces, 0);
  return { demand: Math.max(1, Math.round((demandOverObserved * trainTroops * allForces) / Math.max(1, trainForces))) };
}

/**
 * Passes of the model-based demand (modelDemand): 2. One pass corrects the armed-forces scaling
 * of the training-total rule; a second lets the share settle at the corrected level (the share
 * of troops a region supplies depends on how much is sought). More passes moved no held-out
 * score by more than 0.01 on the ISAF file.
 */
export const DEMAND_PASSES = 2;

/**
 * The pivotal's demand as a ratio estimator through the model: the engine is run at the current
 * demand (documented constants, seeds 1..FIT_SEEDS), and the demand is set so that the training
 * states' simulated share of the total matches their observed total:
 *
 *   demand = demandOverObserved x observed training total / (simulated training total / simulated total)
 *
 * (participation only: DEMAND_PER_PARTICIPANT x training participants / the training states'
 * share of expected participants). Starts from the training-total rule (simulatorFit), which
 * scales by armed forces and so mis-states the need when the held-out states supply a share of
 * the troops out of line with their forces (a region holding most contributors out: Europe in
 * ISAF 2010 holds 36 of 45 contributors and a fifth of the forces). Trained on every state the
 * share is 1 and the estimate is the training-total rule's. Uses only the training states'
 * outcomes; held-out states enter as third parties (data, never outcome). Keeps the previous
 * demand when no training state deploys in the run.
 */
export function modelDemand(train: readonly CvState[], all: readonly CvState[], rows: readonly IsafRow[], rules: IsafOptions, costRule: CostRule, troopsObserved: boolean, demandOverObserved = DEMAND_OVER_OBSERVED, passes = DEMAND_PASSES): number {
  const observed = troopsObserved ? demandOverObserved * train.reduce((a, s) => a + s.troops, 0) : DEMAND_PER_PARTICIPANT * train.filter((s) => s.troops > 0).length;
  const seeds = seedList(FIT_SEEDS);
  let demand = rules.demand;
  for (let pass = 0; pass < passes; pass++) {
    const sim = simulate(rows, { ...rules, demand }, costRule, seeds, all.map((s) => s.id));
    const expected = (id: string) => (troopsObserved ? sim.get(id)!.troops : sim.get(id)!.participation);
    const simTrain = train.reduce((a, s) => a + expected(s.id), 0);
    const simAll = all.reduce((a, s) => a + expected(s.id), 0);
    if (!(simTrain > 0)) break;
    demand = Math.max(1, Math.round((observed * simAll) / simTrain));
  }
  return demand;
}

/**
 * The seeds a fold's rule fit runs the engine over: 1..FIT_SEEDS, whatever the prediction seeds
 * (so a quick run with few seeds fits the same constants as the documented one).
 */
export const FIT_SEEDS = 8;

/**
 * Training contributors needed per fitted constant: 5, the lower rule of thumb for events per
 * variable in logistic regression (Vittinghoff & McCulloch 2007, Am J Epidemiol 165(6); the
 * classic rule is 10, Peduzzi et al. 1996). A fold fits as many of the four constants as its
 * training contributors identify, in FITTED_CONSTANTS order (interest first), and keeps the
 * documented values of the rest: a fold of a COW war with 5-9 training participants fits the
 * interest weight alone; one with fewer than 5 fits nothing.
 */
export const CONTRIBUTORS_PER_CONSTANT = 5;

/** How many of the fitted constants the training states identify: floor(contributors / CONTRIBUTORS_PER_CONSTANT), at most all four. */
export function identifiedConstants(train: readonly CvState[]): number {
  return Math.min(FITTED_CONSTANTS.length, Math.floor(train.filter((s) => s.troops > 0).length / CONTRIBUTORS_PER_CONSTANT));
}

/** The simulator as a predictor, with the rule fit of every fold it predicted (in call order). */
export interface SimulatorPredictor extends Predictor {
  /** One entry per predicted fold: its rule fit, or null when the documented constants were kept. */
  readonly fits: (RuleFit | null)[];
  /** One entry per predicted fold: the model-based demand (modelDemand) before the fitted scale. */
  readonly demands: number[];
}

/**
 * The simulator as a predictor: on each fold the demand (simulatorFit) and then the four rule
 * constants (fitRules.ts, scored on the training states only, as many as `identifiedConstants`) are fitted;
 * the scenario with every state of the fold is run over the seeds; participation = the share
 * of seeds in which a state deployed, troops = mean peak contingent. `fitEvaluations` 0 keeps the documented
 * constants (`rules`, else DEFAULT_ISAF_OPTIONS) unfitted.
 */
export function simulatorPredictor(o: SimulatorCvOptions): SimulatorPredictor {
  if (o.seeds.length === 0) throw new Error('cross-validation: the simulator needs at least one seed');
  const fits: (RuleFit | null)[] = [];
  const demands: number[] = [];
  const evaluations = o.fitEvaluations ?? FIT_EVALUATIONS;
  return {
    id: 'coalsim',
    label: evaluations > 0 ? 'coalsim (ISAF rules, constants fitted on training folds where identified, engine)' : 'coalsim (ISAF rules, engine)',
    fits,
    demands,
    predict(train, test) {
      const all = [...train, ...test];
      const troopsObserved = o.troopsObserved ?? true;
      const fit = simulatorFit(train, all, o.demandOverObserved, troopsObserved);
      const rows = all.map(asRow);
      // With troops observed, the cap on a contingent's share comes from the training states (trainingMaxShare).
      const cap = troopsObserved ? trainingMaxShare(train) : null;
      const shares = cap === null ? {} : { maxDeployableShare: cap, baseDeployableShare: cap };
      const first: IsafOptions = { ...DEFAULT_ISAF_OPTIONS, ...o.rules, ...shares, demand: fit.demand };
      const base: IsafOptions = { ...first, demand: modelDemand(train, all, rows, first, o.costRule, troopsObserved, o.demandOverObserved, o.demandPasses ?? DEMAND_PASSES) };
      demands.push(base.demand);
      const count = identifiedConstants(train);
      const rf = evaluations > 0 && count > 0 ? fitRuleConstants(train, rows, base, o.costRule, seedList(FIT_SEEDS), troopsObserved, evaluations, count) : null;
      fits.push(rf);
      const rules = rf ? { ...base, ...rulesOf(rf.values, base.demand) } : base;
      const sim = simulate(rows, rules, o.costRule, o.seeds, test.map((s) => s.id));
      return test.map((s) => simulatedPrediction(s.id, sim.get(s.id)!));
    },
  };
}

/** A held-out prediction with the fold that made it: `fold` is the Fold's name ("fold 1 of 5", or a COW region). */
export interface HeldOutPrediction extends Prediction {
  readonly fold: string;
}

export interface ModelScore {
  readonly id: string;
  readonly label: string;
  /** Participation AUC over all held-out states, pooled over folds; null without both classes. */
  readonly auc: Auc | null;
  /** Spearman rho of expected vs observed troops over all states (null when troops are not observed). */
  readonly rhoAll: RankCorrelation | null;
  /** The same over the observed contributors. */
  readonly rhoContributors: RankCorrelation | null;
  /** The held-out predictions scored, pooled over the folds, in the case's state order. */
  readonly predictions: readonly HeldOutPrediction[];
}

/**
 * The simulator minus the regression (c) on one metric, on the same held-out states: the point
 * difference and its 95% percentile interval from a paired bootstrap over states (Efron &
 * Tibshirani 1993, ch. 13): each resample draws states with replacement and scores both models on
 * the same draw, so what the two share (which states are hard) cancels. PAIRED_RESAMPLES
 * resamples, stream `cv-paired:<scheme>:<metric>`; a resample without both classes (AUC) or with
 * fewer than 4 states (rho) is skipped.
 */
export interface PairedDifference {
  readonly metric: 'auc' | 'rhoAll' | 'rhoContributors';
  readonly difference: number;
  readonly ciLow: number;
  readonly ciHigh: number;
}

export const PAIRED_RESAMPLES = 2000;

/**
 * Participation AUC within each held-out fold, averaged over the folds that hold both a
 * contributor and a non-contributor: every pair of states compared is scored by the same fitted
 * model. The pooled AUC also compares states of different folds, whose scores come from models
 * fitted on different training sets (Forman & Scholz 2010, SIGKDD Explorations 12(1)); leaving a
 * region out, the two can differ widely.
 */
export interface WithinFoldAuc {
  readonly id: string;
  /** Mean of the per-fold AUCs; null when no fold has both classes. */
  readonly mean: number | null;
  /** The AUC of each fold, in fold order; null for a fold without both contributors and non-contributors. */
  readonly perFold: readonly (number | null)[];
  /** Folds with both classes, and all folds. */
  readonly folds: number;
  readonly of: number;
}

export interface SchemeResult {
  /** "5-fold (fold seed 1)" or "leave-one-region-out". */
  readonly scheme: string;
  /** The simulator (first model) minus (c), paired over the same held-out states; empty without (c). */
  readonly paired: readonly PairedDifference[];
  readonly withinFold: readonly WithinFoldAuc[];
  /** `fitted`: the fold's rule constants, null when none was fitted; `fittedCount`: how many of them were fitted (the rest kept their documented values). */
  readonly folds: readonly { name: string; heldOut: number; contributors: number; trainingContributors: number; demand: number; fitted: FittedValues | null; fittedCount: number }[];
  readonly models: readonly ModelScore[];
  /** The simulator's participation score taken apart (ScorePart); empty when the first model has no tie-break. */
  readonly scoreParts: readonly ScorePart[];
}

/**
 * One part of the simulator's participation score scored on its own, on the same held-out
 * predictions: `share-of-seeds`, the share of seeds in which a state joins with its ties left
 * as ties; `opening-surplus`, the tie-break alone (the state's opening surplus, read from the
 * run's first state, before any bargaining). The reported score ranks by the first and breaks
 * its ties by the second; the parts show how much each carries (an ablation).
 */
export interface ScorePart {
  readonly id: 'share-of-seeds' | 'opening-surplus';
  /** Pooled participation AUC; null without both classes. */
  readonly auc: number | null;
  /** Mean within-fold AUC (WithinFoldAuc.mean). */
  readonly withinFold: number | null;
}

export interface CvCase {
  /** "ISAF, Nov 2010". */
  readonly label: string;
  readonly states: readonly CvState[];
  /** False when only participation is observed (COW participants): rank correlations are then omitted. */
  readonly troopsObserved: boolean;
}

function tryRho(x: readonly number[], y: readonly number[]): RankCorrelation | null {
  return x.length >= 4 ? spearman(x, y) : null;
}

/** Scores pooled out-of-fold predictions of one predictor. */
export function score(predictor: Predictor, c: CvCase, predictions: readonly HeldOutPrediction[]): ModelScore {
  const byId = new Map(c.states.map((s) => [s.id, s]));
  const obs = predictions.map((p) => byId.get(p.id)!);
  const pos = obs.map((s) => s.troops > 0);
  const both = pos.some(Boolean) && pos.some((x) => !x);
  const contributors = predictions.filter((_, i) => pos[i]);
  return {
    id: predictor.id,
    label: predictor.label,
    auc: both ? auc(participationScores(predictions), pos) : null,
    rhoAll: c.troopsObserved ? tryRho(predictions.map((p) => p.troops), obs.map((s) => s.troops)) : null,
    rhoContributors: c.troopsObserved ? tryRho(contributors.map((p) => p.troops), contributors.map((p) => byId.get(p.id)!.troops)) : null,
    predictions,
  };
}

/** Every predictor on the same folds; held-out predictions pooled, in the case's state order. */
export function crossValidate(c: CvCase, folds: readonly Fold[], predictors: readonly Predictor[], scheme: string, demandOverObserved = DEMAND_OVER_OBSERVED, onFold?: (fold: string) => void): SchemeResult {
  const pooled = new Map<string, Map<string, HeldOutPrediction>>(predictors.map((p) => [p.id, new Map()]));
  const foldInfo = folds.map((f) => {
    const train = c.states.filter((s) => !f.heldOut.has(s.id));
    const test = c.states.filter((s) => f.heldOut.has(s.id));
    let fitted: FittedValues | null = null;
    let fittedCount = 0;
    let demand = simulatorFit(train, c.states, demandOverObserved, c.troopsObserved).demand;
    for (const p of predictors) {
      for (const pred of p.predict(train, test)) pooled.get(p.id)!.set(pred.id, { ...pred, fold: f.name });
      if ('fits' in p) {
        const rf = (p as SimulatorPredictor).fits.at(-1) ?? null;
        fitted = rf?.values ?? null;
        fittedCount = rf?.fitted ?? 0;
        demand = (p as SimulatorPredictor).demands.at(-1) ?? demand;
      }
    }
    onFold?.(f.name);
    return { name: f.name, heldOut: test.length, contributors: test.filter((s) => s.troops > 0).length, trainingContributors: train.filter((s) => s.troops > 0).length, demand, fitted, fittedCount };
  });
  const models = predictors.map((p) => {
    const preds = c.states.flatMap((s) => {
      const x = pooled.get(p.id)!.get(s.id);
      return x ? [x] : [];
    });
    return score(p, c, preds);
  });
  const withinFold = predictors.map((p) => withinFoldAuc(p.id, c, folds, pooled.get(p.id)!));
  const reg = models.find((m) => m.id === 'logit-ols');
  const paired = models.length > 0 && reg !== undefined && reg !== models[0] ? pairedDifferences(c, models[0]!, reg, scheme) : [];
  return { scheme, paired, withinFold, folds: foldInfo, models, scoreParts: scoreParts(c, folds, models[0]) };
}

function scoreParts(c: CvCase, folds: readonly Fold[], sim: ModelScore | undefined): ScorePart[] {
  if (!sim || !sim.predictions.every((p) => p.tieBreak !== undefined)) return [];
  const byId = new Map(c.states.map((s) => [s.id, s]));
  const pos = sim.predictions.map((p) => byId.get(p.id)!.troops > 0);
  const both = pos.some(Boolean) && pos.some((x) => !x);
  const part = (id: ScorePart['id'], f: (p: Prediction) => Prediction): ScorePart => {
    const preds = sim.predictions.map(f);
    return { id, auc: both ? auc(preds.map((p) => p.participation), pos).auc : null, withinFold: withinFoldAuc(id, c, folds, new Map(preds.map((p) => [p.id, p]))).mean };
  };
  return [
    part('share-of-seeds', (p) => ({ id: p.id, participation: p.participation, troops: p.troops })),
    part('opening-surplus', (p) => ({ id: p.id, participation: p.tieBreak!, troops: p.troops })),
  ];
}

function withinFoldAuc(id: string, c: CvCase, folds: readonly Fold[], preds: ReadonlyMap<string, Prediction>): WithinFoldAuc {
  const byId = new Map(c.states.map((s) => [s.id, s]));
  const perFold = folds.map((f) => {
    const held = [...f.heldOut].flatMap((sid) => {
      const p = preds.get(sid);
      return p ? [{ p, pos: byId.get(sid)!.troops > 0 }] : [];
    });
    return held.some((h) => h.pos) && held.some((h) => !h.pos) ? auc(participationScores(held.map((h) => h.p)), held.map((h) => h.pos)).auc : null;
  });
  const values = perFold.filter((v): v is number => v !== null);
  return { id, mean: values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null, perFold, folds: values.length, of: folds.length };
}

/** The paired bootstrap of the simulator minus (c) (PairedDifference), on every metric both have. */
export function pairedDifferences(c: CvCase, sim: ModelScore, reg: ModelScore, scheme: string, resamples = PAIRED_RESAMPLES): PairedDifference[] {
  const byId = new Map(c.states.map((s) => [s.id, s]));
  const regById = new Map(reg.predictions.map((p) => [p.id, p]));
  const units = sim.predictions.filter((p) => regById.has(p.id)).map((p) => ({ a: p, b: regById.get(p.id)!, observed: byId.get(p.id)!.troops }));
  const metrics: { metric: PairedDifference['metric']; point: number | null; at: (idx: readonly number[]) => number }[] = [
    {
      metric: 'auc',
      point: sim.auc && reg.auc ? sim.auc.auc - reg.auc.auc : null,
      at: (idx) => {
        const pos = idx.map((i) => units[i]!.observed > 0);
        if (!pos.some(Boolean) || pos.every(Boolean)) return Number.NaN;
        return auc(participationScores(idx.map((i) => units[i]!.a)), pos).auc - auc(participationScores(idx.map((i) => units[i]!.b)), pos).auc;
      },
    },
    ...(c.troopsObserved
      ? ([
          ['rhoAll', sim.rhoAll && reg.rhoAll ? sim.rhoAll.rho - reg.rhoAll.rho : null, (i: number) => i >= 0],
          ['rhoContributors', sim.rhoContributors && reg.rhoContributors ? sim.rhoContributors.rho - reg.rhoContributors.rho : null, (i: number) => units[i]!.observed > 0],
        ] as const).map(([metric, point, keep]) => ({
          metric,
          point,
          at: (idx: readonly number[]) => {
            const use = idx.filter(keep);
            if (use.length < 4) return Number.NaN;
            const obs = use.map((i) => units[i]!.observed);
            return spearman(use.map((i) => units[i]!.a.troops), obs).rho - spearman(use.map((i) => units[i]!.b.troops), obs).rho;
          },
        }))
      : []),
  ];
  const out: PairedDifference[] = [];
  for (const m of metrics) {
    if (m.point === null) continue;
    const [ci] = bootstrapIntervals(units.length, resamples, 0.95, uniformFrom(`cv-paired:${scheme}:${m.metric}`), (idx) => [m.at(idx)]);
    if (ci) out.push({ metric: m.metric, difference: m.point, ciLow: ci.low, ciHigh: ci.high });
  }
  return out;
}

export interface ValidationOptions {
  readonly seeds: readonly number[];
  readonly k?: number;
  readonly foldSeed?: number;
  readonly rules?: Partial<IsafOptions>;
  readonly demandOverObserved?: number;
  /** The soldier-cost rule, fitted on the ISAF 2010 file's recorded costs (fitCostRule). */
  readonly costRule: CostRule;
  /** Evaluation budget of each fold's rule fit; 0: the documented constants, unfitted. */
  readonly fitEvaluations?: number;
  /** Called after each fold of either scheme (for a progress display): folds done, folds in all, the scheme and fold just done. */
  readonly onFold?: (done: number, total: number, scheme: string, fold: string) => void;
}

export interface ValidationResult {
  readonly case: string;
  readonly states: number;
  readonly contributors: number;
  readonly seeds: number;
  readonly schemes: readonly SchemeResult[];
}

/** k-fold (default k = 5, fold seed 1) and leave-one-region-out, the simulator and the three baselines. */
export function validateOutOfSample(c: CvCase, o: ValidationOptions): ValidationResult {
  const k = o.k ?? 5;
  const foldSeed = o.foldSeed ?? 1;
  const predictors = [simulatorPredictor({ seeds: o.seeds, rules: o.rules, demandOverObserved: o.demandOverObserved, costRule: o.costRule, troopsObserved: c.troopsObserved, fitEvaluations: o.fitEvaluations }), ...BASELINES];
  const ids = c.states.map((s) => s.id);
  const schemes = [
    { name: `${k}-fold (fold seed ${foldSeed})`, folds: kFolds(ids, k, foldSeed) },
    { name: 'leave-one-region-out (COW regions)', folds: regionFolds(c.states.map((s) => ({ id: s.id, ccode: s.ccode }))) },
  ];
  const total = schemes.reduce((a, sc) => a + sc.folds.length, 0);
  let done = 0;
  return {
    case: c.label,
    states: c.states.length,
    contributors: c.states.filter((s) => s.troops > 0).length,
    seeds: o.seeds.length,
    schemes: schemes.map((sc) => crossValidate(c, sc.folds, predictors, sc.name, o.demandOverObserved, (fold) => o.onFold?.(++done, total, sc.name, fold))),
  };
}

/** The ISAF cross-section as a validation case: the replication sample, outcome = ISAF troops. */
export function isafCase(sample: readonly IsafRow[]): CvCase {
  return {
    label: 'ISAF, November 2010',
    troopsObserved: true,
    states: sample.map((r) => ({
      id: r.iso3,
      name: r.country,
      ccode: r.ccode,
      armedForces: r.armedForces,
      agreeUs: r.agreeUs,
      ...(r.similarity !== undefined ? { similarity: r.similarity } : {}),
      depth: r.depth,
      usAlly: r.usAlly,
      logGdppc: r.logGdppc!,
      cinc: r.cinc,
      troops: r.isafTroops,
    })),
  };
}
