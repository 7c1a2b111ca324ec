/** Fit files: errors name the file, the path and the fix; the format's schema is committed; the historical fits hold out a third. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFitFile } from '../../src/fit/load';
import { fitJsonSchema } from '../../src/fit/schema';
import { formatPath } from '../../src/scenario/issues';
import { coalsim } from '../helpers/cli';
import { ROOT } from '../helpers/scenarios';
import { nashPair, tempDir } from './helpers';

const goodFit = () => ({
  formatVersion: 1,
  id: 'probe',
  scenario: 'pair.json',
  parameters: [{ name: 'w', path: 'engine.pricing.thirdPartyWeight', prior: { type: 'uniform', min: 0.1, max: 0.9 } }],
  figures: [
    { id: 'cost', label: 'Cost', measure: 'costPerForeignSoldierYear', recorded: { value: 60_000 }, role: 'target', source: 'x' },
    { id: 'a-joined', label: 'Alpha joins', measure: 'joined:A', recorded: { equals: true }, role: 'check', source: 'x' },
  ],
  seedsPerEvaluation: 2,
  method: { population: 10, generations: 1 },
});

function problems(mutate: (f: ReturnType<typeof goodFit>) => unknown) {
  const dir = tempDir('fit-validation');
  writeFileSync(join(dir, 'pair.json'), JSON.stringify(nashPair(0.5)));
  writeFileSync(join(dir, 'f.fit.json'), JSON.stringify(mutate(goodFit()), null, 2));
  const r = loadFitFile(join(dir, 'f.fit.json'));
  return r.ok ? [] : r.problems.flatMap((p) => p.issues.map((i) => ({ ...i, where: formatPath(i.path), file: p.file })));
}

describe('fit file validation', () => {
  it('accepts a good file', () => {
    expect(problems((f) => f)).toEqual([]);
  });

  it('names its scenario by a bundled id, as an experiment can; a misspelt id gets the nearest id', () => {
    const dir = tempDir('fit-by-id');
    const fit = { ...goodFit(), scenario: 'korea-1950', parameters: [{ name: 'w', path: 'engine.pricing.deadline', integer: true, prior: { type: 'uniform', min: 2, max: 8 } }], figures: [{ id: 'col', label: 'Colombia joins', measure: 'joined:COL', recorded: { equals: true }, role: 'target', source: 'x' }] };
    writeFileSync(join(dir, 'k.fit.json'), JSON.stringify(fit));
    const r = loadFitFile(join(dir, 'k.fit.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.scenarioFile).toBe(join(ROOT, 'scenarios', 'korea-1950.json'));
    writeFileSync(join(dir, 't.fit.json'), JSON.stringify({ ...fit, scenario: 'korae-1950' }));
    const t = loadFitFile(join(dir, 't.fit.json'));
    expect(t.ok).toBe(false);
    const issues = t.ok ? [] : t.problems.flatMap((p) => p.issues);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('did you mean "korea-1950"?');
    expect(issues[0]!.fix).toBe('write "scenario": "korea-1950"');
  });

  it('refuses two parameters spelled differently that estimate one place (by index and by id)', () => {
    const ps = problems((f) => ({ ...f, parameters: [
      { name: 'c0', path: 'thirdParties[0].deploymentCostPerYear', prior: { type: 'uniform', min: 10_000, max: 40_000 } },
      { name: 'cA', path: 'thirdParties[id=A].deploymentCostPerYear', prior: { type: 'uniform', min: 10_000, max: 40_000 } },
    ] }));
    expect(ps).toHaveLength(1);
    expect(ps[0]!.where).toBe('parameters[1].path');
    expect(ps[0]!.message).toContain('sets the same place in the scenario as parameters[0] ("c0"');
  });

  it('refuses a date that is no real day (month 13, 30 February), which would be written into every output', () => {
    for (const date of ['2026-13-45', '2026-02-30', '2023-02-29']) {
      const [p] = problems((f) => ({ ...f, date }));
      expect(p!.where).toBe('date');
      expect(p!.message).toContain('a calendar date YYYY-MM-DD');
    }
    expect(problems((f) => ({ ...f, date: '2024-02-29' }))).toEqual([]);
  });

  it('a misspelt field in a parameter path gets a did-you-mean, at the path of the parameter', () => {
    const [p] = problems((f) => ({ ...f, parameters: [{ ...f.parameters[0]!, path: 'engine.pricing.thirdPartyWieght' }] }));
    expect(p!.where).toBe('parameters[0].path');
    expect(p!.message).toMatch(/did you mean "engine\.pricing\.thirdPartyWeight"/);
    expect(p!.line).toBeGreaterThan(1);
  });

  it('a misspelt last field in one of several parameter paths is one problem, at that path, worded as sweep words it', () => {
    const ps = problems((f) => ({ ...f, parameters: [
      { name: 'w', path: 'engine.pricing.thirdPartyWeight', prior: { type: 'uniform', min: 0.1, max: 0.9 } },
      { name: 'c0', path: 'thirdParties[0].deploymentCostPerYear', prior: { type: 'uniform', min: 10_000, max: 40_000 } },
      { name: 'flag', path: 'pivotal.flagValuePerYr', prior: { type: 'uniform', min: 0, max: 1_000 } },
      { name: 'cB', path: 'thirdParties[id=B].deploymentCostPerYear', prior: { type: 'uniform', min: 10_000, max: 40_000 } },
    ] }));
    expect(ps.map((p) => p.where)).toEqual(['parameters[2].path']);
    expect(ps[0]!.message).toBe('parameter "flag": the scenario has no field at "pivotal.flagValuePerYr"; did you mean "pivotal.flagValuePerYear"?');
    expect(ps[0]!.fix).toBe('write "path": "pivotal.flagValuePerYear"');
  });

  it('a prior whose middle the scenario forbids is blamed on that parameter alone', () => {
    const ps = problems((f) => ({ ...f, parameters: [
      { name: 'c0', path: 'thirdParties[0].deploymentCostPerYear', prior: { type: 'uniform', min: 10_000, max: 40_000 } },
      { name: 'w', path: 'engine.pricing.thirdPartyWeight', prior: { type: 'uniform', min: 2, max: 3 } },
    ] }));
    expect(ps.map((p) => p.where)).toEqual(['parameters[1].prior']);
    expect(ps[0]!.message).toMatch(/^parameter "w" = 2\.5 \(its prior's middle\) makes the scenario invalid: engine\.pricing\.thirdPartyWeight: /);
  });

  it('a wrong id in a selector lists the ids there are', () => {
    const [p] = problems((f) => ({ ...f, parameters: [{ ...f.parameters[0]!, path: 'thirdParties[id=C].deploymentCostPerYear' }] }));
    expect(p!.message).toMatch(/no item of thirdParties has id=C/);
    expect(p!.fix).toMatch(/\[id=A\], \[id=B\]/);
  });

  it('an unknown measure or party in a figure is reported at the figure', () => {
    const issues = problems((f) => ({ ...f, figures: [{ ...f.figures[0]!, measure: 'costPerForeignSoldier' }, { ...f.figures[1]!, measure: 'joined:ZZZ' }] }));
    expect(issues.map((i) => i.where)).toEqual(['figures[0].measure', 'figures[1].measure']);
    expect(issues[0]!.message).toMatch(/did you mean "costPerForeignSoldierYear"/);
    expect(issues[1]!.fix).toMatch(/A, B/);
  });

  it('a prior reaching values the scenario forbids is an input error before anything runs', () => {
    const [p] = problems((f) => ({ ...f, parameters: [{ ...f.parameters[0]!, prior: { type: 'uniform', min: 0.1, max: 1.5 } }] }));
    expect(p!.where).toBe('parameters[0].prior');
    expect(p!.message).toMatch(/w" = 1.5 makes the scenario invalid/);
  });

  it('schema problems: unknown field with did-you-mean, a prior range upside down, no target', () => {
    expect(problems((f) => ({ ...f, seedsPerEvaluaton: 3 }))[0]!.message).toMatch(/did you mean "seedsPerEvaluation"/);
    expect(problems((f) => ({ ...f, parameters: [{ ...f.parameters[0]!, prior: { type: 'log-uniform', min: 5, max: 1 } }] }))[0]!.message).toMatch(/min 5 must be below max 1/);
    expect(problems((f) => ({ ...f, figures: f.figures.map((g) => ({ ...g, role: 'check' })) }))[0]!.message).toMatch(/no figure has role "target"/);
  });

  it('exports its JSON Schema, committed as schema/fit.schema.json', () => {
    expect(readFileSync(join(ROOT, 'schema', 'fit.schema.json'), 'utf8')).toBe(JSON.stringify(fitJsonSchema(), null, 2) + '\n');
  });

  it('`coalsim fit` on an invalid file: exit 3, the file, path and fix on stderr, nothing written', () => {
    const dir = tempDir('fit-cli');
    writeFileSync(join(dir, 'pair.json'), JSON.stringify(nashPair(0.5)));
    writeFileSync(join(dir, 'f.fit.json'), JSON.stringify({ ...goodFit(), parameters: [{ ...goodFit().parameters[0]!, path: 'pivotal.flagValuePerYer' }] }, null, 2));
    const r = coalsim(['fit', join(dir, 'f.fit.json'), '--out', join(dir, 'out')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/f\.fit\.json:\d+:\d+ {2}parameters\[0\]\.path: parameter "w": the scenario has no field at "pivotal\.flagValuePerYer"; did you mean "pivotal\.flagValuePerYear"\? Fix: write "path": "pivotal\.flagValuePerYear"/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('the historical fits', () => {
  const cases = ['korea-1950', 'vietnam-1965', 'gulf-war-1991', 'iraq-2003', 'isaf-surge'];
  it.each(cases)('%s: valid, and at least a third of its figures are held-out checks', (c) => {
    const r = loadFitFile(join(ROOT, 'scenarios', 'fits', `${c}.fit.json`));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const figures = r.value.fit.figures;
    const checks = figures.filter((f) => f.role === 'check').length;
    expect(3 * checks).toBeGreaterThanOrEqual(figures.length);
    expect(figures.length - checks).toBeGreaterThan(0);
  });
});
