import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load';
import { buildIsafScenario, fitCostRule, replicateIsaf, seedList, type ReplicationResult } from '../../src/replication/isaf';
import { alliancePotential, parseIsafCsv, replicationSample } from '../../src/replication/isafData';
import { replicationCharts } from '../../src/replication/charts';
import { rankCheckVerdict, replicationFiles, replicationJson } from '../../src/cli/commands/replicate';

const ROOT = join(__dirname, '..', '..');
const rows = parseIsafCsv(readFileSync(join(ROOT, 'data', 'isaf_2010_crosssection.csv'), 'utf8'));
const byIso = (id: string) => rows.find((r) => r.iso3 === id)!;

describe('the rank check prints a verdict', () => {
  const check = (geo: number, nzl: number, nld: number, grc: number) => [['GEO', geo], ['NZL', nzl], ['NLD', nld], ['GRC', grc]].map(([iso3, simulatedShare]) => ({ iso3: iso3 as string, simulatedShare: simulatedShare as number, observedShare: 0, potential: 0 }));
  it('says which of the four pairs (Georgia, New Zealand above the Netherlands, Greece) hold, with the shares of those that do not and the seeds', () => {
    expect(rankCheckVerdict({ rankCheck: check(0.0071, 0.0094, 0.0069, 0.0004), seeds: seedList(20) })).toBe('verdict: all four pairs hold over 20 seeds; Georgia only just above the Netherlands (0.71% against 0.69%)');
    const at50 = rankCheckVerdict({ rankCheck: check(0.005, 0.0133, 0.0069, 0.0005), seeds: seedList(50) });
    expect(at50).toBe('verdict: 3 of 4 pairs hold over 50 seeds; Georgia not above the Netherlands (0.50% against 0.69%)');
  });

  // A researcher's trial: "all four pairs hold" at the default 20 seeds, Georgia below the Netherlands at 10 and 50.
  it('says which pairs are within seed noise, from a bootstrap over the seeds', () => {
    const seeds = seedList(10);
    // Georgia joins in 3 of 10 seeds (a large share each time), the Netherlands in every seed (a steady share).
    const geo = seeds.map((k) => (k % 3 === 0 ? 0.02 : 0));
    const steady = (x: number) => seeds.map(() => x);
    const rankCheck = [['GEO', geo], ['NZL', steady(0.02)], ['NLD', steady(0.005)], ['GRC', steady(0.0005)]].map(([iso3, perSeed]) => {
      const xs = perSeed as number[];
      return { iso3: iso3 as string, perSeed: xs, simulatedShare: xs.reduce((a, b) => a + b, 0) / xs.length, observedShare: 0, potential: 0 };
    });
    const v = rankCheckVerdict({ rankCheck, seeds });
    expect(v).toMatch(/^verdict: all four pairs hold over 10 seeds\. Within seed noise: Georgia above the Netherlands in \d+% of 1,000 bootstrap resamples of the seeds/);
    // Pairs that hold in at least 95% of resamples are not flagged: Georgia above Greece fails only when
    // a resample draws none of its three joining seeds (0.7^10, about 3%); New Zealand's are steady.
    expect(v).not.toMatch(/Greece in|New Zealand above/);
  });
});

describe('alliance duty is owed to the alliance that runs the mission (ISAF: NATO)', () => {
  const pactOf = (scenario: ReturnType<typeof buildIsafScenario>, id: string) => scenario.thirdParties.find((p) => p.id === id)!.defencePact;

  it('a NATO member keeps its pact; Japan and a Rio Pact state (US defence pacts, not NATO\'s) owe ISAF no treaty duty', () => {
    const isaf = buildIsafScenario(rows);
    expect(['JPN', 'ARG', 'KOR', 'AUS'].map((id) => byIso(id).usAlly)).toEqual([1, 1, 1, 1]);
    expect(['DEU', 'POL', 'TUR', 'ISL'].map((id) => pactOf(isaf, id))).toEqual([true, true, true, true]);
    expect(['JPN', 'ARG', 'KOR', 'AUS'].map((id) => pactOf(isaf, id))).toEqual([false, false, false, false]);
    // Their depth still binds them in part (lambda = (milsup + depth) / 2): it is kept.
    expect(isaf.thirdParties.find((p) => p.id === 'JPN')!.allianceDepth).toBeCloseTo(0.27, 2);
    // With every US pact counted (the default for another coalition), Japan's counts again.
    expect(pactOf(buildIsafScenario(rows, { missionAllies: null }), 'JPN')).toBe(true);
  });
});

describe('the Nov 2010 ISAF cross-section', () => {
  it('has the sample the data README describes', () => {
    expect(rows.length).toBe(191);
    const sample = replicationSample(rows);
    expect(sample.length).toBe(165);
    expect(sample.filter((r) => r.isafTroops > 0).length).toBe(45);
  });

  it('refuses, naming the row and column, a repeated state, a value out of range and one that is not a decimal number', () => {
    const text = readFileSync(join(ROOT, 'data', 'isaf_2010_crosssection.csv'), 'utf8');
    const lines = text.trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const setCell = (line: string, column: string, value: string): string => {
      const cells = line.split(',');
      cells[header.indexOf(column)] = value;
      return cells.join(',');
    };
    expect(() => parseIsafCsv([lines[0], lines[1], lines[1], ...lines.slice(2)].join('\n'))).toThrow(/row 3: iso3 CAN already appears on row 2/);
    expect(() => parseIsafCsv([lines[0], setCell(lines[1]!, 'agree_us', '7.5'), ...lines.slice(2)].join('\n'))).toThrow(/row 2, agree_us: 7.5 is outside 0-1/);
    expect(() => parseIsafCsv([lines[0], setCell(lines[1]!, 'isaf_troops', '0x10'), ...lines.slice(2)].join('\n'))).toThrow(/row 2, isaf_troops: "0x10" is not a decimal number/);
    expect(() => fitCostRule(parseIsafCsv(lines.slice(0, 4).join('\n')))).toThrow(/include at least 3 of CAN, FRA, ITA, BGD, GHA, IND/);
  });

  it('alliance potential (agree_us - bc_depth_01) passes the rank check: Georgia and New Zealand above the Netherlands and Greece', () => {
    const [geo, nzl, nld, grc] = ['GEO', 'NZL', 'NLD', 'GRC'].map((id) => byIso(id));
    for (const hi of [geo!, nzl!]) {
      for (const lo of [nld!, grc!]) {
        expect(alliancePotential(hi)).toBeGreaterThan(alliancePotential(lo));
        expect(hi.observedShare!).toBeGreaterThan(3 * lo.observedShare!);
      }
    }
    expect(geo!.observedShare!).toBeCloseTo(0.029, 3);
    expect(nzl!.observedShare!).toBeCloseTo(0.024, 3);
  });

  it('fits the cost rule through the recorded soldier costs: rising with income', () => {
    const rule = fitCostRule(rows);
    expect(rule.anchors.length).toBe(6);
    expect(rule.slope).toBeGreaterThan(0.6);
    expect(rule.slope).toBeLessThan(1.1);
  });

  it('builds a valid scenario with signalling on and one third party per state', () => {
    const input = buildIsafScenario(rows);
    const r = parseScenario(JSON.stringify(input));
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.value.thirdParties.length).toBe(165);
    expect(r.value.engine.operation.signalling).toBe(true);
    const geo = r.value.thirdParties.find((t) => t.id === 'GEO')!;
    // Its similarity: the agreement at its ideal-point distance (1.639) on the 2010 scale, exp(-0.2294 - 0.5295 x 1.639) = 0.3338 (its agreement: 0.3385).
    expect(geo.preferenceSimilarity).toBeCloseTo(0.3338, 4);
    expect(geo.preferenceSimilarity).toBe(byIso('GEO').similarity);
    expect(geo.allianceDepth).toBe(0);
    expect(geo.armedForces).toBe(byIso('GEO').armedForces);
  });
});

describe('the replication', () => {
  let r: ReplicationResult;
  beforeAll(() => {
    r = replicateIsaf(rows, seedList(4));
  });

  it('observed simple regression reproduces the data README: about +2.9 pp per unit, robust s.e. about 0.75', () => {
    const s = r.simple.observed;
    expect(s.n).toBe(165);
    expect(s.coef * 100).toBeCloseTo(2.9, 1);
    expect(s.se * 100).toBeGreaterThan(0.7);
    expect(s.se * 100).toBeLessThan(0.8);
    expect(s.ciLow).toBeGreaterThan(0);
    expect(r.controls.observed.coef).toBeGreaterThan(0);
  });

  it('simulated coefficient is positive with its 95% interval above zero, with and without controls', () => {
    expect(r.simple.simulated.coef).toBeGreaterThan(0);
    expect(r.simple.simulated.ciLow).toBeGreaterThan(0);
    expect(r.controls.simulated.coef).toBeGreaterThan(0);
    expect(r.controls.simulated.ciLow).toBeGreaterThan(0);
    expect(r.controls.simulated.n).toBe(r.controls.observed.n);
  });

  it('simulated shares rank-correlate positively with observed ones, over all states and over contributors', () => {
    expect(r.spearmanAll.n).toBe(165);
    expect(r.spearmanAll.rho).toBeGreaterThan(0.3);
    expect(r.spearmanAll.ciLow).toBeGreaterThan(0);
    expect(r.spearmanContributors.n).toBe(45);
    expect(r.spearmanContributors.rho).toBeGreaterThan(0);
  });

  it('the smallest NATO allies are present with a token (their fair share is under one soldier): Iceland and Luxembourg join in every seed', () => {
    for (const id of ['ISL', 'LUX']) expect(r.states.find((x) => x.iso3 === id)!.simulatedJoinRate).toBe(1);
    // Japan, a US ally by another treaty, owes NATO's mission no token.
    expect(r.states.find((x) => x.iso3 === 'JPN')!.simulatedJoinRate).toBeLessThan(1);
  });

  it('simulated rank check: New Zealand above the Netherlands and Greece; Georgia above Greece', () => {
    // Georgia joins in a minority of seeds (about 1 in 6 to 10), so its mean share needs more than
    // 4 seeds: with 4, whether it joins at all is luck of the seed set (it held under
    // coalsim-rng/1's seeds 1-4 and not under coalsim-rng/2's). 20 seeds pass under both.
    const r20 = replicateIsaf(rows, seedList(20));
    const sim = (id: string) => r20.states.find((s) => s.iso3 === id)!.simulatedShare;
    expect(sim('NZL')).toBeGreaterThan(sim('NLD'));
    expect(sim('NZL')).toBeGreaterThan(sim('GRC'));
    expect(sim('GEO')).toBeGreaterThan(sim('GRC'));
  });

  it('is deterministic, and exposes the JSON interface scripts rely on', () => {
    const again = replicateIsaf(rows, seedList(4));
    expect(again.controls.simulated.coef).toBe(r.controls.simulated.coef);
    const j = replicationJson(r) as { simulated: Record<string, number>; observed: Record<string, number>; spearman: Record<string, number>; potential: string };
    for (const k of ['coef', 'se', 'ciLow', 'ciHigh', 'n']) {
      expect(typeof j.simulated[k]).toBe('number');
      expect(typeof j.observed[k]).toBe('number');
    }
    expect(typeof j.spearman.rho).toBe('number');
    expect(j.spearman.n).toBe(165);
    expect(j.potential).toBe('agree_us - bc_depth_01');
  });

  it('writes tidy files and chart specs', () => {
    const files = replicationFiles(r);
    const csv = String(files.get('replication.csv'));
    expect(csv.split('\n')[0]).toContain('observed_share,simulated_share');
    expect(csv.trim().split('\n').length).toBe(166);
    const reg = String(files.get('regression.csv')).trim().split('\n');
    expect(reg[0]).toBe('model,formula,outcome,term,coef,se_hc1,ci95_low,ci95_high,t,p,n,r2,unit');
    expect(reg.join('\n')).toContain('controls');
    // The coefficients are on a share scale, and the file says so: the observed slope is 0.0293 (2.93 pp).
    const potential = reg.find((l) => l.startsWith('simple,') && l.includes(',observed_share,potential,'))!;
    expect(potential.endsWith(',share of armed forces per unit of potential (0.01 = 1 percentage point)')).toBe(true);
    expect(Number(potential.split(',')[4])).toBeCloseTo(r.simple.observed.coef, 12);
    expect(r.simple.observed.coef).toBeCloseTo(0.0293, 4);
    const charts = replicationCharts(r);
    expect(charts.map((c) => c.id)).toEqual(['observed-vs-simulated', 'predicted-share-by-potential']);
    expect(JSON.stringify(charts)).not.toContain('NaN');
  });
});
