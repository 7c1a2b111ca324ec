/**
 * How the simulator is compared with the regression (c) (crossValidate.ts): a paired bootstrap
 * over states of the difference in each score, and the AUC within each held-out fold beside the
 * pooled one (pooling compares states scored by models fitted on different training sets; a
 * researcher's review found the leave-one-region-out "lead" of the simulator came from pooling).
 */
import type { CvState, Predictor } from '../../src/replication/baselines';
import { crossValidate, type CvCase } from '../../src/replication/crossValidate';
import { againstRegression } from '../../src/replication/cvRender';
import type { Fold } from '../../src/replication/folds';

const state = (id: string, troops: number): CvState => ({ id, name: id, ccode: 2, armedForces: 1000, agreeUs: 0.5, depth: 0, usAlly: 0, logGdppc: 9, troops });
// Three folds of 20 states; in each, X1-X10 contribute (troops 110 down to 20), X11-X20 do not.
const states = ['A', 'B', 'C'].flatMap((f) => Array.from({ length: 20 }, (_, j) => state(`${f}${j + 1}`, j < 10 ? 110 - 10 * j : 0)));
const c: CvCase = { label: 'toy', states, troopsObserved: true };
const folds: Fold[] = ['A', 'B', 'C'].map((f) => ({ name: f, heldOut: new Set(states.filter((s) => s.id.startsWith(f)).map((s) => s.id)) }));
const rank = (id: string) => 21 - Number(id.slice(1)); // 20 for X1 ... 1 for X20: perfect within a fold

/** Perfect within each fold, but fold C's scores all sit below fold B's and B's below A's (models fitted on other data). */
const shifted: Predictor = { id: 'coalsim', label: 'coalsim (toy)', predict: (_t, test) => test.map((s) => ({ id: s.id, participation: rank(s.id) + ({ A: 200, B: 100 }[s.id[0]!] ?? 0), troops: rank(s.id) })) };
/** Perfect within folds and on one scale across them. */
const calibrated: Predictor = { id: 'logit-ols', label: '(c) toy regression', predict: (_t, test) => test.map((s) => ({ id: s.id, participation: rank(s.id), troops: rank(s.id) })) };
/** The same scores as `calibrated`, under the simulator's id. */
const twin: Predictor = { ...calibrated, id: 'coalsim', label: 'coalsim (twin)' };

it('within-fold AUC scores each pair inside one fold: 1 for a model perfect within folds, whatever its pooled AUC', () => {
  const r = crossValidate(c, folds, [shifted, calibrated], 'toy folds');
  expect(r.models[0]!.auc!.auc).toBeCloseTo(2 / 3, 10); // a lower fold's contributors rank below a higher fold's non-contributors: 300 of 900 pairs lost
  expect(r.models[1]!.auc!.auc).toBe(1);
  expect(r.withinFold.map((w) => [w.id, w.mean, w.folds, w.of])).toEqual([
    ['coalsim', 1, 3, 3],
    ['logit-ols', 1, 3, 3],
  ]);
});

it('the paired difference of identical predictions is 0 with a zero-width interval', () => {
  const r = crossValidate(c, folds, [twin, calibrated], 'toy folds');
  for (const p of r.paired) expect([p.difference, p.ciLow, p.ciHigh]).toEqual([0, 0, 0]);
  expect(r.paired.map((p) => p.metric)).toEqual(['auc', 'rhoAll', 'rhoContributors']);
});

/** The verdict on scheme r with each model's within-fold AUCs replaced by `sim` and `reg` (one per fold). */
const verdictWith = (r: ReturnType<typeof crossValidate>, sim: readonly number[], reg: readonly number[]) => {
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const withinFold = r.withinFold.map((w) => {
    const v = w.id === 'coalsim' ? sim : reg;
    return { ...w, mean: mean(v), perFold: v, folds: v.length, of: v.length };
  });
  return againstRegression({ case: 'toy', states: 60, contributors: 30, seeds: 1, schemes: [{ ...r, withinFold }] })[0]!;
};

it('a pooled AUC deficit shows in the paired interval; the verdict says behind only if it holds within the folds too', () => {
  const r = crossValidate(c, folds, [shifted, calibrated], 'toy folds');
  const aucDiff = r.paired.find((p) => p.metric === 'auc')!;
  expect(aucDiff.difference).toBeCloseTo(-1 / 3, 10);
  expect(aucDiff.ciHigh).toBeLessThan(0);
  const [line] = againstRegression({ case: 'toy', states: 60, contributors: 30, seeds: 1, schemes: [r] });
  expect(line).toContain('-0.33 [');
  // Both are perfect within each fold: the pooled deficit comes from pooling alone.
  expect(line).toContain('behind (c) on the pooled participation AUC only: within the folds it does not trail (the simulator 1.00, (c) 1.00; higher in 0 and lower in 0 of 3 folds), so no deficit');
  // Behind within the folds by more than the noise too: behind.
  expect(verdictWith(r, [0.8, 0.7, 0.75], [0.9, 0.85, 0.875])).toContain('behind (c) on participation AUC (within the folds too: the simulator 0.75, (c) 0.88; higher in 0 and lower in 3 of 3 folds)');
  // Behind within the folds by less than the noise: no clear deficit.
  expect(verdictWith(r, [0.88, 0.86, 0.87], [0.9, 0.87, 0.885])).toContain('behind (c) on the pooled participation AUC only: within the folds it trails by less than the noise band (the simulator 0.87, (c) 0.89; higher in 0 and lower in 3 of 3 folds), so no clear deficit');
});

it('a deficit within the folds is named even where the pooled AUC is level (Vietnam 1965 5-fold at 40 seeds: pooled 0.61 against 0.59, within the folds 0.58 against 0.78)', () => {
  const r = crossValidate(c, folds, [twin, calibrated], 'toy folds');
  expect(r.paired.find((p) => p.metric === 'auc')!.difference).toBe(0);
  const line = verdictWith(r, [0.6, 0.56, 0.58], [0.8, 0.76, 0.78]);
  expect(line).toContain('behind (c) on participation AUC within the folds (the simulator 0.58, (c) 0.78; higher in 0 and lower in 3 of 3 folds), though level on the pooled score');
  // A lead within the folds with a level pooled score is reported, and is no lead.
  expect(verdictWith(r, [0.95, 0.9, 0.925], [0.8, 0.8, 0.8])).toContain('level with (c) on the pooled participation AUC; within the folds it leads by more than the noise band (the simulator 0.93, (c) 0.80; higher in 3 and lower in 0 of 3 folds), which alone is no lead');
  expect(verdictWith(r, [0.95, 0.9, 0.925], [0.8, 0.8, 0.8])).not.toMatch(/ahead of \(c\) on/);
  // Level both ways: level.
  expect(verdictWith(r, [0.9, 0.8, 0.85], [0.8, 0.9, 0.85])).toContain('level with (c) on participation AUC (within the folds too: the simulator 0.85, (c) 0.85; higher in 1 and lower in 1 of 3 folds)');
  // Level both ways but lower in every fold (the Gulf War 5-fold at 20 seeds: 0.92 against 0.97, lower in 4 of 5, one tie): said.
  expect(verdictWith(r, [0.92, 0.9, 0.94], [0.96, 0.95, 0.97])).toContain('level with (c) on participation AUC, but never higher within a fold (the simulator 0.92, (c) 0.96; higher in 0 and lower in 3 of 3 folds): a deficit inside the noise band');
});

it('a lead on the pooled AUC alone, with none within the folds, is no lead', () => {
  const asSim: Predictor = { ...calibrated, id: 'coalsim', label: 'coalsim (calibrated)' };
  const asReg: Predictor = { ...shifted, id: 'logit-ols', label: '(c) shifted' };
  const r = crossValidate(c, folds, [asSim, asReg], 'toy folds');
  expect(r.paired.find((p) => p.metric === 'auc')!.ciLow).toBeGreaterThan(0);
  const [line] = againstRegression({ case: 'toy', states: 60, contributors: 30, seeds: 1, schemes: [r] });
  expect(line).toContain('ahead of (c) on the pooled participation AUC only: within the folds it does not lead (the simulator 1.00, (c) 1.00; higher in 0 and lower in 0 of 3 folds), so no lead');
  expect(line).not.toMatch(/the simulator is ahead of \(c\) on participation AUC/);
});

it('a pooled AUC lead with a lead within the folds inside the noise band is no clear lead (ISAF 2010 leaving a region out at 100 seeds: 0.89 against 0.85)', () => {
  const asSim: Predictor = { ...calibrated, id: 'coalsim', label: 'coalsim (calibrated)' };
  const asReg: Predictor = { ...shifted, id: 'logit-ols', label: '(c) shifted' };
  const r = crossValidate(c, folds, [asSim, asReg], 'toy folds');
  const verdict = (sim: number, reg: number) => verdictWith(r, [sim, sim, sim], [reg, reg, reg]);
  const narrow = verdict(0.89, 0.85);
  expect(narrow).toContain('for the AUC within the folds as well as pooled');
  expect(narrow).toContain('ahead of (c) on the pooled participation AUC only: within the folds it leads by less than the noise band (the simulator 0.89, (c) 0.85; higher in 3 and lower in 0 of 3 folds), so no clear lead');
  expect(narrow).not.toMatch(/the simulator is ahead of \(c\) on participation AUC/);
  // Beyond the noise within the folds too: a lead.
  expect(verdict(0.95, 0.85)).toMatch(/the simulator is ahead of \(c\) on participation AUC/);
  // No lead within the folds: as before.
  expect(verdict(0.85, 0.89)).toContain('within the folds it does not lead (the simulator 0.85, (c) 0.89; higher in 0 and lower in 3 of 3 folds), so no lead');
});

it('one or two scorable folds cannot confirm a pooled difference (Vietnam 1965 leaving a region out: every participant in one region)', () => {
  const asSim: Predictor = { ...calibrated, id: 'coalsim', label: 'coalsim (calibrated)' };
  const asReg: Predictor = { ...shifted, id: 'logit-ols', label: '(c) shifted' };
  const r = crossValidate(c, folds, [asSim, asReg], 'toy folds');
  const one = (sim: number, reg: number) => {
    const withinFold = r.withinFold.map((w) => ({ ...w, mean: w.id === 'coalsim' ? sim : reg, perFold: [w.id === 'coalsim' ? sim : reg, null, null], folds: 1, of: 3 }));
    return againstRegression({ case: 'toy', states: 60, contributors: 30, seeds: 1, schemes: [{ ...r, withinFold }] })[0]!;
  };
  expect(one(0.63, 0.5)).toContain('ahead of (c) on the pooled participation AUC only: within the folds only 1 of 3 can be scored (the simulator 0.63, (c) 0.50; higher in 1 and lower in 0 of 1 folds), too few to confirm it, so no clear lead');
  expect(one(0.63, 0.5)).not.toMatch(/the simulator is ahead of \(c\) on participation AUC/);
});
