/**
 * Fitting the rule constants on training folds (fitRules.ts): the search, the training score,
 * the engine's participation score, and that a fold's fit never reads a held-out outcome.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CvState } from '../../src/replication/baselines';
import { CONTRIBUTORS_PER_CONSTANT, identifiedConstants, isafCase, simulatorPredictor } from '../../src/replication/crossValidate';
import { compassSearch, FITTED_CONSTANTS, rulesOf, simulate, trainingScore } from '../../src/replication/fitRules';
import { DEFAULT_ISAF_OPTIONS, fitCostRule, validIsafScenario } from '../../src/replication/isaf';
import { parseIsafCsv, replicationSample } from '../../src/replication/isafData';

const ROOT = join(__dirname, '..', '..');
const rows = parseIsafCsv(readFileSync(join(ROOT, 'data', 'isaf_2010_crosssection.csv'), 'utf8'));
const sample = replicationSample(rows);
const isaf = isafCase(sample);
const costRule = fitCostRule(rows);

describe('compass search', () => {
  it('climbs to the maximum of a concave function inside the box, deterministically', () => {
    const f = (x: readonly number[]) => -((x[0]! - 1.3) ** 2) - 2 * (x[1]! + 0.4) ** 2;
    const r = compassSearch(f, [0, 0], [1, 1], [-3, -3], [3, 3], 200, 1 / 1024);
    expect(r.x[0]!).toBeCloseTo(1.3, 2);
    expect(r.x[1]!).toBeCloseTo(-0.4, 2);
    expect(compassSearch(f, [0, 0], [1, 1], [-3, -3], [3, 3], 200, 1 / 1024)).toEqual(r);
  });

  it('stays in the box and within its evaluation budget', () => {
    let calls = 0;
    const f = (x: readonly number[]) => {
      calls++;
      return x[0]! + x[1]!;
    };
    const r = compassSearch(f, [0, 0], [0.5, 0.5], [0, 0], [1, 2], 9);
    expect(calls).toBeLessThanOrEqual(9);
    expect(r.evaluations).toBe(calls);
    for (const [j, v] of r.x.entries()) expect(v).toBeLessThanOrEqual([1, 2][j]!), expect(v).toBeGreaterThanOrEqual(0);
    expect(r.value).toBeGreaterThan(0);
  });
});

describe('the training score', () => {
  const train: CvState[] = isaf.states.slice(0, 60);
  const perfect = new Map(train.map((s) => [s.id, { participation: s.troops > 0 ? 1 : 0, troops: s.troops, openingSurplus: 0 }]));
  it('is 3 (AUC 1, both rhos 1) for predictions equal to the outcomes', () => {
    expect(trainingScore(train, perfect, true)).toBeCloseTo(3, 10);
    // Participation only (a COW war): AUC alone.
    expect(trainingScore(train, perfect, false)).toBeCloseTo(1, 10);
  });
  it('falls when the prediction is reversed, and is finite when every prediction is the same', () => {
    const reversed = new Map(train.map((s) => [s.id, { participation: s.troops > 0 ? 0 : 1, troops: -s.troops, openingSurplus: 0 }]));
    expect(trainingScore(train, reversed, true)).toBeLessThan(0);
    const flat = new Map(train.map((s) => [s.id, { participation: 0.5, troops: 10, openingSurplus: 0 }]));
    expect(Number.isFinite(trainingScore(train, flat, true))).toBe(true);
  });
  it('breaks ties in participation by the opening surplus (no seed joined, but the contributors came nearer a deal); troops are ranked as they are', () => {
    // Every state joins in no seed: ranked by participation alone the AUC is 0.5.
    const none = (surplus: (s: CvState) => number) => new Map(train.map((s) => [s.id, { participation: 0, troops: 0, openingSurplus: surplus(s) }]));
    expect(trainingScore(train, none(() => 0), false)).toBeCloseTo(0.5, 12);
    expect(trainingScore(train, none((s) => (s.troops > 0 ? 0.2 : -0.3)), false)).toBeCloseTo(1, 12);
    expect(trainingScore(train, none((s) => (s.troops > 0 ? -0.3 : 0.2)), false)).toBeCloseTo(0, 12);
    // A state that joins in a seed still ranks above any that never does, whatever its surplus.
    const contributor = train.find((s) => s.troops > 0)!;
    const oneJoins = new Map(train.map((s) => [s.id, s === contributor ? { participation: 0.01, troops: 0, openingSurplus: -99 } : { participation: 0, troops: 0, openingSurplus: 5 }]));
    expect(trainingScore([contributor, ...train.filter((s) => s.troops === 0)], oneJoins, false)).toBe(1);
    // With troops observed: the AUC term is 1 from the surplus, and each rho is 0 (every expected contingent is 0, tied), not raised by the surplus.
    expect(trainingScore(train, none((s) => (s.troops > 0 ? 0.2 : -0.3)), true)).toBeCloseTo(1, 12);
  });
});

describe('the engine as a predictor', () => {
  it('participation is the share of seeds in which a state deployed, troops its mean peak contingent', () => {
    const seeds = [1, 2, 3];
    const ids = sample.map((r) => r.iso3);
    const sim = simulate(sample, DEFAULT_ISAF_OPTIONS, costRule, seeds, ids);
    expect(validIsafScenario(sample, DEFAULT_ISAF_OPTIONS, costRule).thirdParties.length).toBe(ids.length);
    for (const [, v] of sim) {
      expect([0, 1, 2, 3].some((j) => Math.abs(v.participation - j / 3) < 1e-12)).toBe(true);
      expect(v.troops > 0).toBe(v.participation > 0);
    }
    expect([...sim.values()].filter((v) => v.participation > 0).length).toBeGreaterThan(20);
  });

  it('the opening surplus is (e_i c_P - r_i) / c_P before round 1, which a user can check from the scenario', () => {
    // Without cost uncertainty r_i = max(c_i - u_i - s_i, (1 - f_i) c_i) (BRIEF §6), the same in every seed.
    const rules = { ...DEFAULT_ISAF_OPTIONS, costUncertainty: 0 };
    const scenario = validIsafScenario(sample, rules, costRule);
    const cP = scenario.pivotal.ownSoldierCostPerYear;
    const sim = simulate(sample, rules, costRule, [1, 2], ['GEO', 'CHE', 'NER']);
    for (const id of ['GEO', 'CHE', 'NER']) {
      const t = scenario.thirdParties.find((x) => x.id === id)!;
      const c = t.deploymentCostPerYear;
      const r = Math.max(c - t.intrinsicValuePerYear - t.signallingValuePerYear * Math.max(0, t.preferenceSimilarity - t.allianceDepth), (1 - t.selfFundedShare) * c);
      expect(sim.get(id)!.openingSurplus).toBeCloseTo((t.effectiveness * cP - r) / cP, 6);
    }
  });
});

describe('fitting on the training folds', () => {
  it('fits one constant per CONTRIBUTORS_PER_CONSTANT training contributors, at most all four', () => {
    const contributors = isaf.states.filter((s) => s.troops > 0);
    const others = isaf.states.filter((s) => s.troops === 0);
    const n = (k: number) => identifiedConstants([...contributors.slice(0, k), ...others]);
    expect(n(CONTRIBUTORS_PER_CONSTANT - 1)).toBe(0);
    expect(n(CONTRIBUTORS_PER_CONSTANT)).toBe(1);
    expect(n(2 * CONTRIBUTORS_PER_CONSTANT - 1)).toBe(1);
    expect(n(CONTRIBUTORS_PER_CONSTANT * FITTED_CONSTANTS.length - 1)).toBe(FITTED_CONSTANTS.length - 1);
    expect(n(contributors.length)).toBe(FITTED_CONSTANTS.length);
  });

  it('the fitted demand scale multiplies the training-total demand', () => {
    expect(rulesOf({ interestPerAgreement: 1, signalPerCost: 2, dutyWeight: 0.5, demandScale: 2 }, 10_000)).toEqual({ interestPerAgreement: 1, signalPerCost: 2, dutyWeight: 0.5, demand: 20_000 });
  });

  it('fits on the training states, records the fit, and never reads a held-out outcome', () => {
    // Every other state: 83 in training (23 contributors, enough to fit), 82 held out.
    const train = isaf.states.filter((_, i) => i % 2 === 0);
    const test = isaf.states.filter((_, i) => i % 2 === 1);
    expect(identifiedConstants(train)).toBe(FITTED_CONSTANTS.length);
    const sim = simulatorPredictor({ seeds: [1], costRule, fitEvaluations: 3 });
    const before = sim.predict(train, test);
    expect(sim.fits).toHaveLength(1);
    const fit = sim.fits[0]!;
    expect(fit.evaluations).toBeLessThanOrEqual(3);
    for (const c of FITTED_CONSTANTS) {
      expect(fit.values[c.name]).toBeGreaterThanOrEqual(c.lower);
      expect(fit.values[c.name]).toBeLessThanOrEqual(c.upper);
    }
    const scrambled: CvState[] = test.map((s, i) => ({ ...s, troops: i % 2 === 0 ? 5_000 : 0 }));
    expect(sim.predict(train, scrambled)).toEqual(before);
    expect(sim.fits[1]).toEqual(fit);
  });

  it('keeps the documented constants when the training states are too few to identify one', () => {
    const train = isaf.states.filter((s) => s.troops === 0).slice(0, 40).concat(isaf.states.filter((s) => s.troops > 0).slice(0, 3));
    const test = isaf.states.filter((s) => !train.includes(s)).slice(0, 10);
    const sim = simulatorPredictor({ seeds: [1], costRule });
    sim.predict(train, test);
    expect(sim.fits).toEqual([null]);
  });

  it('with 5-9 training contributors fits the interest weight alone and keeps the other three documented', () => {
    const train = isaf.states.filter((s) => s.troops === 0).slice(0, 40).concat(isaf.states.filter((s) => s.troops > 0).slice(0, 7));
    const test = isaf.states.filter((s) => !train.includes(s)).slice(0, 10);
    const sim = simulatorPredictor({ seeds: [1], costRule, fitEvaluations: 6 });
    sim.predict(train, test);
    const fit = sim.fits[0]!;
    expect(fit.fitted).toBe(1);
    expect(fit.evaluations).toBeLessThanOrEqual(6);
    const [interest, ...rest] = FITTED_CONSTANTS;
    expect(fit.values.interestPerAgreement).toBeGreaterThanOrEqual(interest!.lower);
    expect(fit.values.interestPerAgreement).toBeLessThanOrEqual(interest!.upper);
    for (const c of rest) expect(fit.values[c.name]).toBe(c.start);
  });
});
