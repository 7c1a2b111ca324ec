/**
 * Baseline predictors for the out-of-sample comparison (issue 12): each is fitted on the
 * training states only and predicts, for every held-out state, a participation score and an
 * expected contingent. Pure: no I/O.
 *
 *   (a) troops proportional to armed forces;
 *   (b) troops proportional to UN agreement with the leader x armed forces;
 *   (c) a logistic regression of participation plus an OLS of log contingent size on the
 *       contributors (a two-part or "hurdle" model), expected troops = p * exp(x'b).
 */
import { jStat } from 'jstat';
import { lexicographicRanks, ols } from './stats';

/** What every predictor sees of a state: the data, never the outcome of a held-out state. */
export interface CvState {
  readonly id: string;
  readonly name: string;
  readonly ccode: number;
  readonly armedForces: number;
  readonly agreeUs: number;
  /** The preference similarity the rules read (similarity.ts); agreeUs when absent. The simulator and (c) read it. */
  readonly similarity?: number;
  readonly depth: number;
  readonly usAlly: number;
  readonly logGdppc: number;
  /** COW composite index of national capability, when known (the scenario's capability). */
  readonly cinc?: number | null;
  /**
   * In the theatre's COW region: the region of a COW war's opponents (coalitionData.ts). Data,
   * not outcome; absent (false) where the case has no state opponent (ISAF's counter-insurgency).
   */
  readonly nearTheatre?: boolean;
  /**
   * How much the war's opponents threaten it, 0-1 (coalitionData.ts `regionalThreat`): in the
   * theatre, the opponents' power over its own, min(1, sum of their CINC / its CINC); 0 outside.
   * Absent: 1 in the theatre (the indicator alone).
   */
  readonly threat?: number;
  /** Observed contingent (persons); the scored outcome. Only training states' values are read by a fit. */
  readonly troops: number;
}

/** The regional threat a state feels, 0-1: `threat` where the case gives it, else its theatre indicator. */
export function threatOf(s: Pick<CvState, 'nearTheatre' | 'threat'>): number {
  return s.nearTheatre === true ? s.threat ?? 1 : 0;
}

export interface Prediction {
  readonly id: string;
  /** Higher = more likely to take part (scored by AUC; need not be a probability). */
  readonly participation: number;
  /** Expected contingent in persons (scored by Spearman rank correlation). */
  readonly troops: number;
  /**
   * Breaks ties in `participation` where the model has a finer reading of how near a state is
   * to taking part (the scores rank lexicographically: stats.ts `lexicographicRanks`). The
   * simulator's: its mean opening surplus (fitRules.ts `simulate`), which orders the many states
   * that join in none of the seeds. Absent for the baselines, whose scores are continuous. Not
   * used for `troops`: a state expected to send no one is expected to send no one, however near
   * a deal it came, and ordering the many observed zeros by it only adds rank noise to rho.
   */
  readonly tieBreak?: number;
}

/** The scores a set of predictions is ranked by for the participation AUC: participation, ties broken by tieBreak. */
export function participationScores(ps: readonly Prediction[]): number[] {
  const tieBreaks = ps.every((p) => p.tieBreak !== undefined) ? ps.map((p) => p.tieBreak!) : undefined;
  return lexicographicRanks(ps.map((p) => p.participation), tieBreaks);
}

/** Fits on `train`, predicts `test`. Deterministic. */
export interface Predictor {
  readonly id: string;
  readonly label: string;
  predict(train: readonly CvState[], test: readonly CvState[]): Prediction[];
}

const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);

/** (a): troops_i = k * armedForces_i with k = sum of training troops / sum of training armed forces. */
export const armedForcesBaseline: Predictor = {
  id: 'armed-forces',
  label: '(a) troops ∝ armed forces',
  predict(train, test) {
    const k = sum(train.map((s) => s.troops)) / Math.max(1, sum(train.map((s) => s.armedForces)));
    return test.map((s) => ({ id: s.id, participation: s.armedForces, troops: k * s.armedForces }));
  },
};

/** (b): troops_i = k * agree_us_i * armedForces_i, k fitted the same way. */
export const agreementBaseline: Predictor = {
  id: 'agreement-x-forces',
  label: '(b) troops ∝ UN agreement × armed forces',
  predict(train, test) {
    const x = (s: CvState) => Math.max(0, s.agreeUs) * s.armedForces;
    const k = sum(train.map((s) => s.troops)) / Math.max(1, sum(train.map(x)));
    return test.map((s) => ({ id: s.id, participation: x(s), troops: k * x(s) }));
  },
};

/**
 * The regressors of (c): intercept, log armed forces, the preference similarity the simulator
 * reads (UN agreement on the reference year's scale, similarity.ts), alliance depth, US ally, log GDP
 * per capita, and, where the training states differ on it, the theatre indicator the simulator's
 * regional-threat motive reads (so both sides see the same data).
 */
export const REGRESSION_TERMS = ['intercept', 'log_armed_forces', 'similarity', 'bc_depth_01', 'atop_milsup_us', 'log_gdppc', 'near_theatre'] as const;

/** Whether the theatre indicator varies among these states (a constant column is left out). */
export function theatreVaries(states: readonly CvState[]): boolean {
  return states.some((s) => threatOf(s) > 0) && states.some((s) => threatOf(s) === 0);
}

function regressors(s: CvState, withTheatre: boolean): number[] {
  const x = [1, Math.log(Math.max(1, s.armedForces)), s.similarity ?? s.agreeUs, s.depth, s.usAlly, s.logGdppc];
  return withTheatre ? [...x, threatOf(s)] : x;
}

export interface LogisticFit {
  readonly coef: readonly number[];
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Logistic regression by iteratively reweighted least squares (Newton-Raphson on the
 * log-likelihood; McCullagh & Nelder 1989, §4.4): each step solves the weighted least-squares
 * problem sqrt(W) X b = sqrt(W) z with jStat's least-squares solver, z = X b + (y - p) / w,
 * w = p (1 - p). A ridge penalty `ridge` on every coefficient but the intercept (rows
 * sqrt(ridge) e_j appended) keeps the fit finite when a training fold is separable (the
 * regressors are standardised first, so one small penalty suits all of them). Throws on
 * mismatched input.
 */
export function logisticIrls(X: readonly (readonly number[])[], y: readonly number[], ridge = 1e-3, maxIter = 50): LogisticFit {
  if (X.length !== y.length || X.length === 0) throw new Error('logistic regression: X and y must be non-empty and of equal length');
  const k = X[0]!.length;
  let b = new Array<number>(k).fill(0);
  for (let it = 1; it <= maxIter; it++) {
    const rows: number[][] = [];
    const rhs: number[][] = [];
    X.forEach((x, i) => {
      const eta = x.reduce((s, v, j) => s + v * b[j]!, 0);
      const p = 1 / (1 + Math.exp(-eta));
      const w = Math.max(1e-10, p * (1 - p));
      const z = eta + (y[i]! - p) / w;
      const sw = Math.sqrt(w);
      rows.push(x.map((v) => v * sw));
      rhs.push([z * sw]);
    });
    for (let j = 1; j < k; j++) {
      rows.push(Array.from({ length: k }, (_, m) => (m === j ? Math.sqrt(ridge) : 0)));
      rhs.push([0]);
    }
    const next = (jStat as unknown as { lstsq(a: number[][], b: number[][]): number[][] }).lstsq(rows, rhs).map((r) => r[0]!);
    const step = Math.max(...next.map((v, j) => Math.abs(v - b[j]!)));
    b = next;
    if (step < 1e-8) return { coef: b, iterations: it, converged: true };
  }
  return { coef: b, iterations: maxIter, converged: false };
}

/** Regressors standardised with the training means and standard deviations (the intercept kept). */
function standardiser(train: readonly number[][]): (x: readonly number[]) => number[] {
  const k = train[0]!.length;
  const mean = Array.from({ length: k }, (_, j) => (j === 0 ? 0 : sum(train.map((r) => r[j]!)) / train.length));
  const sd = Array.from({ length: k }, (_, j) => {
    if (j === 0) return 1;
    const v = sum(train.map((r) => (r[j]! - mean[j]!) ** 2)) / Math.max(1, train.length - 1);
    return v > 0 ? Math.sqrt(v) : 1;
  });
  return (x) => x.map((v, j) => (j === 0 ? 1 : (v - mean[j]!) / sd[j]!));
}

/**
 * (c): P(participate) from a logistic regression on REGRESSION_TERMS (near_theatre only where
 * the training states differ on it) over all training states;
 * log contingent from OLS on the same terms over the training contributors (terms dropped
 * from the right, log GDP per capita first, when the contributors are too few for all of
 * them); expected troops = p * exp(x'b). With fewer than 3 training contributors the size
 * part is a constant, so the ranking is by p.
 */
export const regressionBaseline: Predictor = {
  id: 'logit-ols',
  label: '(c) logistic + OLS regression',
  predict(train, test) {
    const withTheatre = theatreVaries(train);
    const terms = REGRESSION_TERMS.slice(0, withTheatre ? REGRESSION_TERMS.length : REGRESSION_TERMS.length - 1);
    const Xtrain = train.map((s) => regressors(s, withTheatre));
    const std = standardiser(Xtrain);
    const Z = Xtrain.map(std);
    const logit = logisticIrls(Z, train.map((s) => (s.troops > 0 ? 1 : 0)));
    const contributors = train.filter((s) => s.troops > 0);
    let sizeCoef: number[] | null = null;
    for (let k = terms.length; k >= 1 && sizeCoef === null; k--) {
      if (contributors.length <= k + 1) continue;
      try {
        const fit = ols(contributors.map((s) => Math.log(s.troops)), contributors.map((s) => std(regressors(s, withTheatre)).slice(0, k)), terms.slice(0, k));
        sizeCoef = fit.coefficients.map((c) => c.coef);
      } catch {
        sizeCoef = null;
      }
    }
    return test.map((s) => {
      const z = std(regressors(s, withTheatre));
      const p = 1 / (1 + Math.exp(-z.reduce((a, v, j) => a + v * logit.coef[j]!, 0)));
      const logSize = sizeCoef ? sizeCoef.reduce((a, c, j) => a + c * z[j]!, 0) : 0;
      return { id: s.id, participation: p, troops: p * Math.exp(logSize) };
    });
  },
};

export const BASELINES: readonly Predictor[] = [armedForcesBaseline, agreementBaseline, regressionBaseline];
