/**
 * The out-of-sample harness (issue 12): folds, scores, baselines, and that the simulator's
 * predictions for held-out states never read their outcomes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { agreementBaseline, armedForcesBaseline, BASELINES, logisticIrls, regressionBaseline, theatreVaries, type CvState, type Predictor } from '../../src/replication/baselines';
import { allianceMembers, buildCoalitionCase, regionalThreat, SHARED_FILES, warStartYear, type SharedDataText } from '../../src/replication/coalitionData';
import { NATO_2010 } from '../../src/replication/isaf';
import { auc, crossValidate, isafCase, modelDemand, simulatorFit, simulatorPredictor, trainingMaxShare } from '../../src/replication/crossValidate';
import { cvComparison, cvJson, cvMarkdown, cvText, demandText, cvPredictionRows, emptyTrainingLines, leaderLine, leaders, PREDICTION_COLUMNS, replaceSection, CV_BEGIN, CV_END } from '../../src/replication/cvRender';
import { CSV_READ_OPTIONS, toCsv } from '../../src/output/csv';
import { cowRegion, kFolds, regionFolds } from '../../src/replication/folds';
import { DEFAULT_ISAF_OPTIONS, fitCostRule, partyRule } from '../../src/replication/isaf';
import { parseIsafCsv, replicationSample } from '../../src/replication/isafData';

const ROOT = join(__dirname, '..', '..');
const rows = parseIsafCsv(readFileSync(join(ROOT, 'data', 'isaf_2010_crosssection.csv'), 'utf8'));
const isaf = isafCase(replicationSample(rows));

describe('folds', () => {
  it('k-fold partitions every state exactly once, in nearly equal folds, the same for the same seed', () => {
    const ids = isaf.states.map((s) => s.id);
    const a = kFolds(ids, 5, 1);
    expect(a.map((f) => f.heldOut.size)).toEqual([33, 33, 33, 33, 33]);
    expect(new Set(a.flatMap((f) => [...f.heldOut])).size).toBe(165);
    expect(kFolds([...ids].reverse(), 5, 1).map((f) => [...f.heldOut].sort())).toEqual(a.map((f) => [...f.heldOut].sort()));
    expect(kFolds(ids, 5, 2).map((f) => [...f.heldOut].sort())).not.toEqual(a.map((f) => [...f.heldOut].sort()));
    expect(() => kFolds(ids, 1, 1)).toThrow(/k must be/);
  });

  it('COW regions follow the country-code blocks', () => {
    expect([2, 20, 200, 365, 475, 651, 666, 700, 900].map(cowRegion)).toEqual(['Americas', 'Americas', 'Europe', 'Europe', 'Africa', 'Middle East', 'Middle East', 'Asia and Oceania', 'Asia and Oceania']);
    const folds = regionFolds(isaf.states.map((s) => ({ id: s.id, ccode: s.ccode })));
    expect(folds.map((f) => f.name)).toEqual(['Americas', 'Europe', 'Africa', 'Middle East', 'Asia and Oceania']);
    expect(folds.find((f) => f.name === 'Europe')!.heldOut.has('GBR')).toBe(true);
    expect(folds.reduce((n, f) => n + f.heldOut.size, 0)).toBe(165);
  });
});

describe('scores', () => {
  it('AUC is the Mann-Whitney probability, ties counting one half', () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true]).auc).toBe(1);
    expect(auc([4, 3, 2, 1], [false, false, true, true]).auc).toBe(0);
    expect(auc([1, 1, 1, 1], [false, true, false, true]).auc).toBe(0.5);
    // 2 positives (3, 1) against 2 negatives (2, 0): 3 of 4 pairs ordered right.
    expect(auc([3, 2, 1, 0], [true, false, true, false]).auc).toBe(0.75);
    expect(() => auc([1, 2], [true, true])).toThrow(/non-contributor/);
  });

  it('logistic IRLS reaches the maximum-likelihood point: the score X\'(y - p) vanishes', () => {
    const X = [0, 1, 2, 3, 4, 5, 6, 7].map((x) => [1, x]);
    const y = [0, 0, 1, 0, 1, 0, 1, 1];
    const fit = logisticIrls(X, y, 0);
    expect(fit.converged).toBe(true);
    const p = X.map((x) => 1 / (1 + Math.exp(-(fit.coef[0]! + fit.coef[1]! * x[1]!))));
    for (const j of [0, 1]) expect(Math.abs(X.reduce((s, x, i) => s + x[j]! * (y[i]! - p[i]!), 0))).toBeLessThan(1e-6);
    expect(fit.coef[1]!).toBeGreaterThan(0);
  });
});

describe('baselines', () => {
  const train = isaf.states.slice(0, 120);
  const test = isaf.states.slice(120);
  it('(a) and (b) are proportional rules scaled on the training total', () => {
    const k = train.reduce((s, x) => s + x.troops, 0) / train.reduce((s, x) => s + x.armedForces, 0);
    const a = armedForcesBaseline.predict(train, test);
    expect(a[0]!.troops).toBeCloseTo(k * test[0]!.armedForces, 6);
    const b = agreementBaseline.predict(train, test);
    expect(b[0]!.participation).toBeCloseTo(test[0]!.agreeUs * test[0]!.armedForces, 6);
  });
  it('(c) gives probabilities and ranks held-out ISAF states far better than chance', () => {
    const r = crossValidate(isaf, kFolds(isaf.states.map((s) => s.id), 5, 1), [regressionBaseline], '5-fold');
    const m = r.models[0]!;
    for (const p of m.predictions) expect(p.participation).toBeGreaterThanOrEqual(0), expect(p.participation).toBeLessThanOrEqual(1);
    expect(m.auc!.auc).toBeGreaterThan(0.85);
    expect(m.rhoAll!.rho).toBeGreaterThan(0.5);
  });
});

describe('the simulator as a predictor', () => {
  const costRule = fitCostRule(rows);
  it('fits its demand on the training states only: the observed 40,930 when trained on every state', () => {
    expect(simulatorFit(isaf.states, isaf.states).demand).toBe(40_930);
    const noEurope = isaf.states.filter((s) => s.ccode < 200 || s.ccode >= 400);
    expect(simulatorFit(noEurope, isaf.states).demand).toBeLessThan(15_000);
  });

  it('with no training contributor the demand sits at its floor of 1, and the fold lines say so rather than print a bare 1', () => {
    const none = isaf.states.filter((s) => s.troops === 0);
    expect(simulatorFit(none, isaf.states).demand).toBe(1);
    expect(simulatorFit(none, isaf.states, undefined, false).demand).toBe(1);
    expect(demandText(1, 0)).toBe('1 (the floor: no training contributor to scale it from)');
    expect(demandText(40_930, 45)).toBe('40,930');
  });

  it('the model-based demand keeps the observed total on every state and corrects the armed-forces scaling when Europe is held out', () => {
    const asRow = (s: CvState) => ({ ccode: s.ccode, iso3: s.id, country: s.name, isafTroops: 0, armedForces: s.armedForces, observedShare: 0, agreeUs: s.agreeUs, depth: s.depth, usAlly: s.usAlly, cinc: s.cinc ?? null, logGdp: null, logGdppc: s.logGdppc, polyarchy: null });
    const rowsAll = isaf.states.map(asRow);
    // Trained on every state the training share of simulated troops is 1: the training-total rule's demand.
    expect(modelDemand(isaf.states, isaf.states, rowsAll, { ...DEFAULT_ISAF_OPTIONS, demand: 40_930 }, costRule, true)).toBe(40_930);
    // Europe (36 of 45 contributors) held out: the armed-forces rule asks about 10,000 troops;
    // through the model the non-European states supply a small share, so the demand is more than twice that.
    const noEurope = isaf.states.filter((s) => s.ccode < 200 || s.ccode >= 400);
    const byForces = simulatorFit(noEurope, isaf.states).demand;
    const byModel = modelDemand(noEurope, isaf.states, rowsAll, { ...DEFAULT_ISAF_OPTIONS, demand: byForces }, costRule, true);
    expect(byModel).toBeGreaterThan(2 * byForces);
    expect(byModel).toBeLessThan(200_000);
  });

  it('caps a contingent at the largest share a training contributor sent, never a held-out one (the UK sent 5.5%)', () => {
    expect(trainingMaxShare(isaf.states)).toBeCloseTo(9500 / 174_020, 5);
    const noUk = isaf.states.filter((s) => s.id !== 'GBR');
    const cap = trainingMaxShare(noUk)!;
    expect(cap).toBeLessThan(0.05);
    expect(cap).toBe(Math.max(...noUk.filter((s) => s.troops > 0).map((s) => Math.round((s.troops / s.armedForces) * 1e6) / 1e6)));
    expect(trainingMaxShare(isaf.states.filter((s) => s.troops === 0))).toBeNull();
  });

  it('never reads a held-out outcome: changing held-out troops leaves its predictions unchanged', () => {
    const states = isaf.states.filter((_, i) => i % 4 === 0);
    const train = states.slice(0, 30);
    const test = states.slice(30);
    const sim = simulatorPredictor({ seeds: [1], costRule });
    const before = sim.predict(train, test);
    const scrambled: CvState[] = test.map((s, i) => ({ ...s, troops: i % 2 === 0 ? 5_000 : 0 }));
    expect(sim.predict(train, scrambled)).toEqual(before);
    expect(before.every((p) => p.participation >= 0 && p.participation <= 1 && p.troops >= 0)).toBe(true);
  });

  it('reports each fold as it is done, in order, for the progress bar', () => {
    const seen: string[] = [];
    crossValidate(isaf, kFolds(isaf.states.map((s) => s.id), 5, 1), [armedForcesBaseline], '5-fold', undefined, (fold) => seen.push(fold));
    expect(seen).toEqual(['fold 1 of 5', 'fold 2 of 5', 'fold 3 of 5', 'fold 4 of 5', 'fold 5 of 5']);
  });

  it('the generated Markdown section replaces only its own markers', () => {
    const r = crossValidate(isaf, kFolds(isaf.states.map((s) => s.id), 5, 1), [armedForcesBaseline], '5-fold');
    const md = cvMarkdown({ case: 'x', states: 165, contributors: 45, seeds: 1, schemes: [r] }, 'cmd');
    const doc = `# T\n\nbefore\n\n${CV_BEGIN}\nSTALE TABLE\n${CV_END}\n\nafter\n`;
    const out = replaceSection(doc, md);
    expect(out).toContain('before');
    expect(out).toContain('after');
    expect(out).not.toContain('STALE TABLE');
    expect(out).toContain('(a) troops ∝ armed forces');
    expect(out.startsWith('# T\n\nbefore\n\n')).toBe(true);
    expect(out.endsWith(`${CV_END}\n\nafter\n`)).toBe(true);
    // Without the markers nothing is appended: the caller refuses the file instead.
    expect(() => replaceSection('{"formatVersion": 2}\n', md)).toThrow(/no generated comparison section/);
  });

  it('predictions.csv rows print a share summed in floating point as the number it is (1, not 1.0000000000000002)', () => {
    const r = { schemes: [{ scheme: '5-fold', models: [{ id: 'coalsim', predictions: [{ id: 'GBR', fold: 'fold 2 of 5', participation: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1].reduce((a, b) => a + b, 0), troops: 28.400000000000002 }] }] }] } as unknown as Parameters<typeof cvPredictionRows>[0];
    expect([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1].reduce((a, b) => a + b, 0)).toBe(0.9999999999999999);
    const gbr = { ...isaf.states.find((s) => s.id === 'GBR')!, troops: 9500 };
    expect(cvPredictionRows(r, { states: [gbr], troopsObserved: true })).toEqual([{ scheme: '5-fold', fold: 'fold 2 of 5', model: 'coalsim', state: 'GBR', participation_score: 1, tie_break: null, observed_participant: 1, expected_troops: 28.4, observed_troops: 9500 }]);
    // Participation only (a COW war): no troop figure is observed or scored, so both troop cells are empty.
    expect(cvPredictionRows(r, { states: [{ ...gbr, troops: 1 }], troopsObserved: false })).toEqual([{ scheme: '5-fold', fold: 'fold 2 of 5', model: 'coalsim', state: 'GBR', participation_score: 1, tie_break: null, observed_participant: 1, expected_troops: null, observed_troops: null }]);
  });

  it('predictions.csv holds what the summary\'s pooled and within-fold AUCs are computed from: recomputed from the written rows, they match', () => {
    // The three baselines on ISAF's two schemes (cheap: no engine); the simulator's rows go through the same code.
    const ids = isaf.states.map((s) => s.id);
    const r = { case: isaf.label, states: 165, contributors: 45, seeds: 1, schemes: [crossValidate(isaf, kFolds(ids, 5, 1), BASELINES, '5-fold (fold seed 1)'), crossValidate(isaf, regionFolds(isaf.states), BASELINES, 'leave-one-region-out (COW regions)')] };
    const csv = toCsv(PREDICTION_COLUMNS, cvPredictionRows(r, isaf));
    const rows = parse(csv, { columns: true, ...CSV_READ_OPTIONS }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...PREDICTION_COLUMNS]);
    expect(rows).toHaveLength(2 * 3 * 165);
    const summary = cvJson(r) as { schemes: { scheme: string; withinFold: { id: string; mean: number | null; folds: number }[]; models: { id: string; auc: { auc: number } | null }[] }[] };
    for (const s of summary.schemes) {
      for (const m of s.models) {
        const mine = rows.filter((x) => x.scheme === s.scheme && x.model === m.id);
        const aucOf = (xs: Record<string, string>[]) => auc(xs.map((x) => Number(x.participation_score)), xs.map((x) => x.observed_participant === '1')).auc;
        expect(aucOf(mine)).toBeCloseTo(m.auc!.auc, 9);
        const folds = [...new Set(mine.map((x) => x.fold))].map((f) => mine.filter((x) => x.fold === f)).filter((xs) => xs.some((x) => x.observed_participant === '1') && xs.some((x) => x.observed_participant === '0'));
        const w = s.withinFold.find((x) => x.id === m.id)!;
        expect(folds).toHaveLength(w.folds);
        expect(folds.reduce((a, xs) => a + aucOf(xs), 0) / folds.length).toBeCloseTo(w.mean!, 9);
      }
    }
    // The fold names are the schemes' own, and troops are persons on ISAF.
    expect(new Set(rows.filter((x) => x.scheme!.startsWith('leave')).map((x) => x.fold))).toEqual(new Set(['Americas', 'Europe', 'Africa', 'Middle East', 'Asia and Oceania']));
    expect(rows.find((x) => x.state === 'GBR')!.observed_troops).toBe('9500');
  });
  it('a "best model" line names the models within the noise of the best, and is only a point estimate below 5 contributors', () => {
    const score = (label: string, auc: number, rho: number) => ({ label, auc: { auc, ciLow: 0, ciHigh: 1 }, rhoAll: { rho, ciLow: 0, ciHigh: 1 }, rhoContributors: null });
    const r = (contributors: number) => ({ case: 'x', states: 100, contributors, seeds: 1, schemes: [{ scheme: '5-fold', models: [score('coalsim', 0.94, 0.71), score('(a) size', 0.7, 0.2), score('(c) logistic + OLS regression', 0.97, 0.68)], folds: [] }] }) as unknown as Parameters<typeof leaders>[0];
    const lines = leaders(r(12)).map((l) => leaderLine(r(12), l));
    // 0.97 against 0.94 is inside the simulator's ±0.05: no clear lead; 0.70 is beyond it.
    expect(lines[0]).toBe('Best AUC, 5-fold: (c) logistic + OLS regression; within ±0.05 of it, so no clear lead over: coalsim');
    expect(lines[1]).toBe('Best rho (all), 5-fold: coalsim; within ±0.15 of it, so no clear lead over: (c) logistic + OLS regression');
    expect(leaderLine(r(2), leaders(r(2))[0]!)).toBe('Highest AUC (point estimate, 2 contributors), 5-fold: (c) logistic + OLS regression; within ±0.05 of it, so no clear lead over: coalsim');
  });

  it('a "best AUC" line that the within-fold AUC contradicts says it is the pooled AUC and who leads within the folds, from the same scores', () => {
    const score = (id: string, label: string, auc: number) => ({ id, label, auc: { auc, ciLow: 0, ciHigh: 1 }, rhoAll: null, rhoContributors: null });
    const models = [score('coalsim', 'coalsim', 0.93), score('armed-forces', '(a) size', 0.53), score('logit-ols', '(c) logistic + OLS regression', 0.79)];
    const r = (within: [number, number, number]) =>
      ({ case: 'x', states: 165, contributors: 45, seeds: 20, schemes: [{ scheme: 'leave-one-region-out', models, withinFold: models.map((m, i) => ({ id: m.id, mean: within[i], folds: 4, of: 5 })), folds: [] }] }) as unknown as Parameters<typeof leaders>[0];
    const line = (within: [number, number, number]) => leaderLine(r(within), leaders(r(within))[0]!);
    // (c) leads within the folds, but by less than the noise: no clear lead there either way; beyond it, a lead.
    expect(line([0.82, 0.55, 0.85])).toBe('Best pooled AUC, leave-one-region-out: coalsim; within the folds (c) logistic + OLS regression leads by no more than ±0.05, so no clear lead there either way (0.85 against 0.82)');
    expect(line([0.78, 0.55, 0.85])).toBe('Best pooled AUC, leave-one-region-out: coalsim; within the folds (c) logistic + OLS regression leads (0.85 against 0.78)');
    // The pooled leader also leads (or ties) within the folds, but by no more than the noise: no clear lead there.
    expect(line([0.86, 0.55, 0.85])).toBe('Best pooled AUC, leave-one-region-out: coalsim; within the folds it leads by no more than ±0.05, so no clear lead there over: (c) logistic + OLS regression (0.86 against its 0.85)');
    expect(line([0.85, 0.55, 0.85])).toBe('Best pooled AUC, leave-one-region-out: coalsim; within the folds it leads by no more than ±0.05, so no clear lead there over: (c) logistic + OLS regression (0.85 against its 0.85)');
    // A within-fold lead beyond the noise: the line is as before.
    expect(line([0.91, 0.55, 0.85])).toBe('Best AUC, leave-one-region-out: coalsim');
    // No within-fold figures (no fold with both classes): nothing to contradict.
    const bare = { ...r([0, 0, 0]), schemes: [{ ...r([0, 0, 0]).schemes[0]!, withinFold: models.map((m) => ({ id: m.id, mean: null, folds: 0, of: 5 })) }] } as unknown as Parameters<typeof leaders>[0];
    expect(leaderLine(bare, leaders(bare)[0]!)).toBe('Best AUC, leave-one-region-out: coalsim');
  });

  it('takes the simulator\'s score apart (share of seeds alone, opening surplus alone) and names folds whose training states have no participant', () => {
    // A stand-in for the simulator: it joins in no seed anywhere, and its tie-break is a perfect
    // reading of who took part. The reported score is then carried wholly by the tie-break.
    const stand: Predictor = { id: 'coalsim', label: 'coalsim (stand-in)', predict: (_train, test) => test.map((s) => ({ id: s.id, participation: 0, troops: 0, tieBreak: s.troops > 0 ? 1 : -1 })) };
    const ids = isaf.states.map((s) => s.id);
    const res = crossValidate(isaf, kFolds(ids, 5, 1), [stand, regressionBaseline], '5-fold');
    expect(res.models[0]!.auc!.auc).toBe(1);
    expect(res.scoreParts).toEqual([
      { id: 'share-of-seeds', auc: 0.5, withinFold: 0.5 },
      { id: 'opening-surplus', auc: 1, withinFold: 1 },
    ]);
    const r = { case: 'ISAF', states: 165, contributors: 45, seeds: 4, schemes: [res] };
    const text = cvText(r);
    expect(text).toContain('the share of seeds alone, ties left as ties, 0.50 / 0.50; the opening surplus alone (read from the run\'s first state, before any bargaining), 1.00 / 1.00');
    expect(text).toContain('ties broken by its opening surplus (the tie_break column of predictions.csv');
    expect(cvJson(r).schemes).toEqual([expect.objectContaining({ scoreParts: res.scoreParts })]);
    // The verdicts a script reads from --json are the lines the terminal prints, word for word.
    const verdicts = cvJson(r).verdicts as { best: string[]; againstRegression: string[] };
    expect(verdicts.best.length).toBeGreaterThan(0);
    expect(verdicts.againstRegression).toHaveLength(1);
    for (const line of [...verdicts.best, ...verdicts.againstRegression]) expect(text.split('\n')).toContain(line);
    expect(verdicts.againstRegression[0]).toMatch(/^5-fold: the simulator minus \(c\)/);
    // Baselines only: no parts, and no sentence about a tie-break.
    const bare = crossValidate(isaf, kFolds(ids, 5, 1), [armedForcesBaseline], '5-fold');
    expect(bare.scoreParts).toEqual([]);
    expect(cvText({ ...r, schemes: [bare] })).not.toContain('tie_break');
    // Holding out every contributor: the training states of that fold have no participant, and the text says what (c) does there.
    const contributors = new Set(isaf.states.filter((s) => s.troops > 0).map((s) => s.id));
    const held = crossValidate(isaf, [{ name: 'the contributors', heldOut: contributors }, { name: 'the rest', heldOut: new Set(ids.filter((i) => !contributors.has(i))) }], [armedForcesBaseline], 'two folds');
    expect(emptyTrainingLines({ ...r, schemes: [held] })).toEqual(['two folds: the training states of the contributors include no participant, so there (c) predicts one constant for every held-out state (its AUC in that fold is 0.5, and its pooled AUC compares that constant with the other folds\' scores) and the simulator runs at the floor demand']);
    expect(emptyTrainingLines(r)).toEqual([]);
  });

  it('comparison.md starts with the command run, has no --update-doc marker, and carries the notes (the low-seed warning)', () => {
    const res = crossValidate(isaf, kFolds(isaf.states.map((s) => s.id), 5, 1), [armedForcesBaseline], '5-fold');
    const r = { case: 'ISAF', states: 165, contributors: 45, seeds: 4, schemes: [res] };
    const warning = 'Warning: 4 seeds per fold: the simulator\'s participation score (the share of seeds in which a state joins) takes only 5 values, so its AUC and the verdict against the baselines are coarse; use --seeds 100 (the default) for figures to report.';
    const md = cvComparison(r, 'coalsim replicate isaf --cv --seeds 4', [warning]);
    expect(md.startsWith('`coalsim replicate isaf --cv --seeds 4`\n')).toBe(true);
    expect(md).not.toContain('<!--');
    expect(md.endsWith(`- ${warning}\n`)).toBe(true);
    // The docs section (--update-doc) keeps its markers, with the same notes inside them.
    const section = cvMarkdown(r, 'coalsim replicate isaf --cv --seeds 4', [warning]);
    expect(section.startsWith(`${CV_BEGIN}\n`)).toBe(true);
    expect(section.endsWith(`- ${warning}\n\n${CV_END}`)).toBe(true);
    expect(cvMarkdown(r, 'c')).not.toContain('Warning');
  });
});

// The shared data sits beside the clone in CI and on the project machines.
const SHARED = join(ROOT, '..', 'shared', 'data');
const haveShared = existsSync(join(SHARED, SHARED_FILES.nmc));
(haveShared ? describe : describe.skip)('a coalition built from the shared data', () => {
  const shared = Object.fromEntries(Object.entries(SHARED_FILES).map(([k, f]) => [k, readFileSync(join(SHARED, f), 'utf8')])) as unknown as SharedDataText;
  const participants = readFileSync(join(SHARED, 'cow_war_participants_us_coalitions.csv'), 'utf8');
  it('Gulf War 1991: participants on the US side, Iraq excluded, GDP imputed from spending per soldier', () => {
    expect(warStartYear(participants, 211)).toBe(1991);
    const built = buildCoalitionCase(shared, rows, 1991, { kind: 'cow-war', participantsText: participants, warNum: 211 });
    const ids = built.case.states.map((s) => s.id);
    expect(ids).not.toContain('IRQ');
    expect(ids).not.toContain('USA');
    const joined = built.case.states.filter((s) => s.troops > 0).map((s) => s.id).sort();
    expect(joined).toEqual(expect.arrayContaining(['EGY', 'GBR', 'FRA', 'SAU', 'SYR']));
    expect(built.case.troopsObserved).toBe(false);
    expect(built.imputation.slope).toBeCloseTo(0.93, 2);
    expect(built.imputation.n).toBe(150);
    // The US leads the war: it is not a participant the data failed to match.
    expect(built.unmatched).toEqual([]);
    // Participants without data are named, not given as bare COW codes.
    const korea = buildCoalitionCase(shared, rows, 1950, { kind: 'cow-war', participantsText: participants, warNum: 151 });
    // Each with the reason it is not scored (South Korea was not a UN member in 1950).
    expect(korea.unmatched).toEqual(['South Korea (732): no UN voting record for 1950 (not a UN member that year)', 'Ethiopia (530): no NMC military spending for 1950 (needed for the cost rules)']);
    // Named once among the dropped states, not twice.
    expect(korea.dropped.filter((d) => d.startsWith('Ethiopia'))).toHaveLength(1);
  });
  it('reads a CRLF participants file with rows appended by an editor that writes LF (a new war added by hand)', () => {
    // The shipped file ends its lines with CRLF; csv-parse used to take that for the whole file
    // and read the appended rows as one long row ("Invalid Record Length").
    const crlf = participants.replace(/\r?\n/g, '\r\n').replace(/(\r\n)*$/, '\r\n');
    const appended = crlf + ['225,Invasion of Afghanistan,2,USA,United States of America,1,2001,10,2001,12,1,1,12', '225,Invasion of Afghanistan,200,GBR,United Kingdom,1,2001,10,2001,12,1,1,0', '225,Invasion of Afghanistan,700,AFG,Afghanistan,2,2001,10,2001,12,2,2,4000', ''].join('\n');
    expect(warStartYear(appended, 225)).toBe(2001);
    const afghanistan = buildCoalitionCase(shared, rows, 2001, { kind: 'cow-war', participantsText: appended, warNum: 225 });
    expect(afghanistan.case.states.filter((s) => s.troops > 0).map((s) => s.id)).toEqual(['GBR']);
    expect(afghanistan.case.states.map((s) => s.id)).not.toContain('AFG');
    // The rows before the appended ones read as before.
    expect(buildCoalitionCase(shared, rows, 1991, { kind: 'cow-war', participantsText: appended, warNum: 211 }).case.states.filter((s) => s.troops > 0).length).toBe(buildCoalitionCase(shared, rows, 1991, { kind: 'cow-war', participantsText: participants, warNum: 211 }).case.states.filter((s) => s.troops > 0).length);
  });
  it('alliance duty by the mission\'s alliance: ISAF\'s NATO list is ATOP 3180 in 2010; SEATO in 1965 is the seven the treaty names', () => {
    expect(allianceMembers(shared.alliance, 2010, [3180])).toEqual([...NATO_2010]);
    // SEATO (ATOP 3260), which the US invoked for Vietnam: Britain, France, Pakistan, Thailand, the Philippines, Australia, New Zealand.
    expect(allianceMembers(shared.alliance, 1965, [3260])).toEqual([200, 220, 770, 800, 840, 900, 920]);
  });

  it('the theatre is the COW region of the state opponents: the Gulf states in 1991, Asia for Korea; none for a troops file without --theatre', () => {
    const gulf = buildCoalitionCase(shared, rows, 1991, { kind: 'cow-war', participantsText: participants, warNum: 211 }).case.states;
    const near = (states: readonly CvState[]) => states.filter((s) => s.nearTheatre).map((s) => s.id);
    expect(near(gulf)).toEqual(expect.arrayContaining(['SAU', 'KWT', 'EGY', 'SYR', 'ISR', 'TUR']));
    expect(near(gulf)).not.toContain('GBR');
    expect(gulf.filter((s) => s.nearTheatre).every((s) => s.ccode >= 600 && s.ccode < 700)).toBe(true);
    const korea = buildCoalitionCase(shared, rows, 1950, { kind: 'cow-war', participantsText: participants, warNum: 151 }).case.states;
    expect(near(korea)).toEqual(expect.arrayContaining(['THA', 'PHL', 'AUS']));
    const isaf2010 = buildCoalitionCase(shared, rows, 2010, { kind: 'troops', troopsText: 'iso3,troops\nGBR,9500\n', file: 't.csv' }).case.states;
    expect(theatreVaries(isaf2010)).toBe(false);
    const iraq = buildCoalitionCase(shared, rows, 2010, { kind: 'troops', troopsText: 'iso3,troops\nGBR,9500\n', file: 't.csv', theatre: [645] }).case.states;
    expect(near(iraq)).toContain('JOR');
    expect(theatreVaries(iraq)).toBe(true);
  });

  it('a troops file scores contingents; a malformed one names the row', () => {
    const built = buildCoalitionCase(shared, rows, 2010, { kind: 'troops', troopsText: 'iso3,troops\nGBR,9500\nGEO,925\n', file: 't.csv' });
    expect(built.case.states.find((s) => s.id === 'GBR')!.troops).toBe(9500);
    expect(built.case.states.find((s) => s.id === 'FRA')!.troops).toBe(0);
    expect(() => buildCoalitionCase(shared, rows, 2010, { kind: 'troops', troopsText: 'iso3,troops\nGBR,many\n', file: 't.csv' })).toThrow(/t.csv: row 2: troops must be a whole number >= 0 in decimal digits, got "many"/);
    // Number() would read these as 16, 3 and a fraction of a soldier.
    for (const bad of ['0x10', '0b11', '1.5']) expect(() => buildCoalitionCase(shared, rows, 2010, { kind: 'troops', troopsText: `iso3,troops\nGBR,${bad}\n`, file: 't.csv' })).toThrow(/troops must be a whole number/);
    // A year past a source's last one reads that last year, and says so; past the UN votes' last year it is refused.
    const late = buildCoalitionCase(shared, rows, 2020, { kind: 'troops', troopsText: 'iso3,troops\nGBR,1\n', file: 't.csv' });
    expect(late.dataYears).toEqual({ militaryCapabilities: 2016, armedForces: 2018, alliances: 2016, unVoting: 2020 });
    expect(late.case.states.find((x) => x.id === 'GBR')!.troops).toBe(1);
    expect(() => buildCoalitionCase(shared, rows, 2030, { kind: 'troops', troopsText: 'iso3,troops\nGBR,1\n', file: 't.csv' })).toThrow(/no UN voting data for 2030 \(the file covers 1946-2023\)/);
  });
  it('the regional threat: Taliban Afghanistan (2001) hardly threatens Japan or China, fully its small neighbours', () => {
    const built = buildCoalitionCase(shared, rows, 2001, { kind: 'troops', troopsText: 'iso3,troops\nGBR,5000\n', file: 't.csv', theatre: [700] });
    const threat = (id: string) => built.case.states.find((s) => s.id === id)!.threat!;
    // The region (COW 700-999: Asia and Oceania) alone put Japan and Australia in the theatre.
    expect(threat('JPN')).toBeLessThan(0.15);
    expect(threat('CHN')).toBeLessThan(0.05);
    expect(threat('TKM')).toBe(1);
    // Outside the region: none.
    expect(built.case.states.find((s) => s.id === 'GBR')!.threat).toBeUndefined();
  });
  it('a troops file with both iso3 and ccode reads either per row, and refuses a row whose two codes disagree', () => {
    const both = buildCoalitionCase(shared, rows, 2010, { kind: 'troops', troopsText: 'iso3,ccode,troops\nGBR,200,9500\n,372,925\nFRA,,3850\n', file: 't.csv' });
    const troops = (id: string) => both.case.states.find((s) => s.id === id)!.troops;
    expect([troops('GBR'), troops('GEO'), troops('FRA')]).toEqual([9500, 925, 3850]);
    expect(() => buildCoalitionCase(shared, rows, 2010, { kind: 'troops', troopsText: 'iso3,ccode,troops\nGBR,220,9500\n', file: 't.csv' })).toThrow(/t.csv: row 2: iso3 GBR and ccode 220 \(FRA in the 2010 UN data\) name different states; correct one of them/);
    // The same state once by each code is one state given twice.
    expect(() => buildCoalitionCase(shared, rows, 2010, { kind: 'troops', troopsText: 'iso3,ccode,troops\nGBR,,9500\n,200,10\n', file: 't.csv' })).toThrow(/row 3: GBR already appears on row 2/);
  });
  it('refuses a participants row whose ccode is no state at all, naming the row', () => {
    const typo = participants.replace(/\r?\n?$/, '\n') + '151,Korean War,2200,FRA,France,1,1951,1,1953,7,1,1,0\n';
    const line = typo.trim().split(/\r?\n/).length;
    expect(() => buildCoalitionCase(shared, rows, 1950, { kind: 'cow-war', participantsText: typo, warNum: 151 })).toThrow(new RegExp(`row ${line}: ccode "2200" is the COW code of no state in the shared data`));
  });
  it('names the wars the participants file has when asked for one it does not', () => {
    // Read from the file, not a fixed list: a war added to the file is offered too.
    let message = '';
    try {
      buildCoalitionCase(shared, rows, 1999, { kind: 'cow-war', participantsText: participants, warNum: 999 });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/no war number 999 \(the file has 151 Korean War; 163 Vietnam War, Phase 2; 211 Gulf War; /);
    expect(message).toContain('227 Invasion of Iraq');
  });
});

describe('the regional-threat motive (balance of threat)', () => {
  const base = isaf.states.find((s) => s.id === 'JOR')!;
  const row = (nearTheatre: boolean) => ({ ccode: base.ccode, iso3: base.id, country: base.name, isafTroops: 0, armedForces: base.armedForces, observedShare: 0, agreeUs: base.agreeUs, depth: base.depth, usAlly: base.usAlly, cinc: null, nearTheatre, logGdp: null, logGdppc: base.logGdppc, polyarchy: null });
  it('adds theta soldier-costs to the interest of a state in the theatre, and nothing elsewhere', () => {
    const cost = fitCostRule(rows);
    const far = partyRule(row(false), cost, DEFAULT_ISAF_OPTIONS);
    const near = partyRule(row(true), cost, DEFAULT_ISAF_OPTIONS);
    // u = (iota agree + theta [near]) c: by hand, theta = 1 adds one soldier-year's cost (rounding to cents).
    expect(near.intrinsicValuePerYear - far.intrinsicValuePerYear).toBeCloseTo(far.deploymentCostPerYear, 1);
    expect(partyRule(row(true), cost, { ...DEFAULT_ISAF_OPTIONS, threatPerCost: 0 })).toEqual(far);
  });
  it('scales the motive by the opponents\' power over the state\'s own (Walt 1987: aggregate power and proximity)', () => {
    // By hand: CINC 0.002 against 0.02 is a tenth; two opponents add up; a weaker state is fully threatened.
    expect(regionalThreat(0.02, [0.002])).toBeCloseTo(0.1, 12);
    expect(regionalThreat(0.02, [0.002, 0.003])).toBeCloseTo(0.25, 12);
    expect(regionalThreat(0.001, [0.01])).toBe(1);
    // Unknown power: the region alone, as before.
    expect(regionalThreat(null, [0.01])).toBe(1);
    expect(regionalThreat(0.01, [null])).toBe(1);
    const cost = fitCostRule(rows);
    const far = partyRule(row(false), cost, DEFAULT_ISAF_OPTIONS);
    const tenth = partyRule({ ...row(true), threat: 0.1 }, cost, DEFAULT_ISAF_OPTIONS);
    // u = (iota similarity + theta T) c with T = 0.1: a tenth of a soldier-year's cost more.
    expect(tenth.intrinsicValuePerYear - far.intrinsicValuePerYear).toBeCloseTo(0.1 * far.deploymentCostPerYear, 1);
  });
  it('(c) reads the same indicator where it varies, so both sides see the same data', () => {
    const states = isaf.states.map((s) => ({ ...s, nearTheatre: s.ccode >= 600 && s.ccode < 700, troops: s.ccode >= 600 && s.ccode < 700 ? 100 : 0 }));
    const train = states.filter((_, i) => i % 2 === 0);
    const test = states.filter((_, i) => i % 2 === 1);
    const p = regressionBaseline.predict(train, test);
    const a = auc(p.map((x) => x.participation), test.map((s) => s.troops > 0));
    expect(a.auc).toBeGreaterThan(0.95);
  });
});
