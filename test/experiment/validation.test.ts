import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExperimentFile, parseExperiment } from '../../src/experiment/load';
import { experimentJsonSchema } from '../../src/experiment/schema';
import { formatIssues, formatPath, type InputIssue } from '../../src/scenario/issues';
import { ROOT } from '../helpers/scenarios';
import { baseExperiment, workspace } from './helpers';

const ws = workspace();

function problems(experiment: object | string): { file: string; issues: readonly InputIssue[] }[] {
  const r = loadExperimentFile(ws.write('e.json', experiment as object));
  if (r.ok) throw new Error('expected the experiment to be invalid');
  return [...r.problems];
}

function issuesOf(experiment: object | string): string[] {
  return problems(experiment).flatMap((p) => p.issues.map((i) => `${formatPath(i.path)}: ${i.message}${i.fix ? ` | ${i.fix}` : ''}`));
}

describe('experiment files are validated like scenarios', () => {
  it('accepts the test experiment and every bundled experiment', () => {
    expect(loadExperimentFile(ws.write('ok.json', {})).ok).toBe(true);
    const dir = join(ROOT, 'experiments');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const r = loadExperimentFile(join(dir, f));
      if (!r.ok) throw new Error(`${f}: ${r.problems.map((p) => formatIssues(p.file, p.issues)).join('\n')}`);
    }
  });

  it('names its scenario by a bundled id when no such file is beside it; a missing path says where it looked and offers an id', () => {
    const r = loadExperimentFile(ws.write('by-id.json', { scenario: 'korea-1950', parameters: [] }));
    if (!r.ok) throw new Error(r.problems.map((p) => formatIssues(p.file, p.issues)).join('\n'));
    expect(r.value.base.meta.id).toBe('korea-1950');
    // A file of that name beside the experiment wins over the bundled id.
    expect(loadExperimentFile(ws.write('by-file.json', { scenario: 'scenario.json' })).ok).toBe(true);
    const missing = issuesOf({ scenario: '../scenarios/default.json' });
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain('scenario: the base scenario "../scenarios/default.json"');
    expect(missing[0]).toContain('file not found');
    expect(missing[0]).toContain(`give the scenario file's path relative to this experiment file (which is in ${ws.dir}), or the id of a bundled scenario, e.g. "default"`);
  });

  it('a folder named like a bundled id does not hide the id; a misspelt id gets the nearest id as the fix', () => {
    mkdirSync(join(ws.dir, 'default'), { recursive: true });
    const r = loadExperimentFile(ws.write('by-id-beside-folder.json', { scenario: 'default' }));
    if (!r.ok) throw new Error(r.problems.map((p) => formatIssues(p.file, p.issues)).join('\n'));
    expect(r.value.base.meta.id).toBe('default');
    const typo = issuesOf({ scenario: 'korae-1950' });
    expect(typo).toHaveLength(1);
    expect(typo[0]).toContain('did you mean "korea-1950"? | write "scenario": "korea-1950"');
  });

  it('refuses two parameters on one place of the scenario, however spelled, or one inside the other: the later would overwrite the earlier', () => {
    const same = issuesOf({ parameters: [{ name: 'a', path: 'events[0].delta', values: [0, 1] }, { name: 'b', path: 'events[0].delta', values: [2, 3] }] });
    expect(same).toEqual([expect.stringContaining('parameters[1].path: sets the same place in the scenario as parameters[0] ("a", events[0].delta)')]);
    const inside = issuesOf({ parameters: [{ name: 'a', path: 'engine.costUncertainty', values: [0, 0.1] }, { name: 'b', path: 'engine', values: [{}] }] });
    expect(inside[0]).toContain('parameters[1].path: contains the place set by parameters[0]');
  });

  it('reports syntax errors with line and column', () => {
    const r = problems('{\n  "formatVersion": 1,\n  "id": "x"\n  "title": "t"\n}');
    const issue = r[0]!.issues[0]!;
    expect(issue.code).toBe('invalid-json');
    expect([issue.line, issue.column]).toEqual([4, 3]);
  });

  it('names the field, the value and the fix for schema errors, all at once', () => {
    const e = baseExperiment() as unknown as Record<string, unknown>;
    const issues = issuesOf({ ...e, replicate: 5, replicates: undefined, metrics: ['meanShare', 'costPerSoldier'], design: { type: 'lhs', points: 0 } });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^replicate: unknown field; did you mean "replicates"\?/),
        expect.stringMatching(/^replicates: required field is missing/),
        expect.stringMatching(/^metrics\[1\]: must be .*"costPerForeignSoldierYear"/),
        expect.stringMatching(/^design\.points: must be >= 1, got 0/),
      ]),
    );
  });

  it('checks parameters across fields: values or a range, levels for grids, names', () => {
    const issues = issuesOf({
      parameters: [
        { name: 'a', path: 'engine.costUncertainty', values: [0.1, 0.2], min: 0 },
        { name: 'b', path: 'engine.costUncertainty', min: 0, max: 0.3 },
        { name: 'b', path: 'events[0].delta', values: [1, 1] },
        { name: 'seed', path: 'pivotal.budget', min: 0, max: 1, levels: 3, scale: 'log' },
        { name: 'c', path: 'pivotal.budget' },
      ],
    });
    expect(issues).toEqual([
      expect.stringMatching(/^parameters\[0\]: give either "values" or a range/),
      expect.stringMatching(/^parameters\[1\]\.levels: a grid needs "levels"/),
      expect.stringMatching(/^parameters\[2\]\.name: name "b" is already used by parameters\[1\]/),
      expect.stringMatching(/^parameters\[2\]\.values\[1\]: repeats values\[0\]/),
      expect.stringMatching(/^parameters\[3\]\.name: "seed" is already a column/),
      expect.stringMatching(/^parameters\[3\]\.min: a "log" scale needs min > 0/),
      expect.stringMatching(/^parameters\[4\]: a parameter needs "values" or a range/),
    ]);
  });

  it('resolves every path against the base scenario before running', () => {
    const issues = issuesOf({ parameters: [{ name: 'x', path: 'thirdParties[id=TUK].criticality', values: [0.5] }] });
    expect(issues).toEqual([expect.stringMatching(/^parameters\[0\]\.path: parameter "x": no item of thirdParties has id=TUK; did you mean id=TUR\?/)]);
  });

  it('reports a point that makes the scenario invalid as an input error naming the parameter', () => {
    const issues = issuesOf({
      parameters: [
        { name: 'surge', path: 'events[0].delta', values: [0, 1000] },
        { name: 'uncertainty', path: 'engine.costUncertainty', values: [0.1, 2] },
      ],
    });
    expect(issues[0]).toMatch(/^parameters\[1\]: parameter "uncertainty" makes the scenario invalid at surge=0, uncertainty=2: engine\.costUncertainty: must be <= 1, got 2/);
    expect(issues.at(-1)).toMatch(/2 of 4 point\(s\) are invalid, so the sweep cannot run/);
  });

  it('gives the base scenario\'s own problems with its file name', () => {
    ws.write('bad-scenario.json', '{ "formatVersion": 1 }');
    const r = problems({ scenario: 'bad-scenario.json' });
    expect(r[0]!.issues[0]!.message).toMatch(/the base scenario bad-scenario\.json is invalid/);
    expect(r[1]!.file).toMatch(/bad-scenario\.json$/);
    expect(r[1]!.issues.map((i) => formatPath(i.path))).toContain('meta');
    const missing = problems({ scenario: 'nope.json' });
    // A missing base is one problem of the experiment file, naming the path it looked at.
    expect(missing).toHaveLength(1);
    expect(missing[0]!.issues[0]!.message).toMatch(/^the base scenario "nope\.json" \(.*nope\.json\): file not found$/);
    expect(problems({ scenario: 'scenaro.json' })[0]!.issues[0]!.message).toMatch(/file not found; did you mean "scenario\.json"\?$/);
  });

  it('exports its JSON Schema, committed as schema/experiment.schema.json', () => {
    const committed = readFileSync(join(ROOT, 'schema', 'experiment.schema.json'), 'utf8');
    expect(committed).toBe(JSON.stringify(experimentJsonSchema(), null, 2) + '\n');
  });

  it('parses the experiment text alone (no scenario needed)', () => {
    expect(parseExperiment(JSON.stringify(baseExperiment())).ok).toBe(true);
  });
});
