import { parseScenario } from '../../src/scenario/load';
import { formatIssue, formatIssues, formatPath, type InputIssue } from '../../src/scenario/issues';
import { defaultScenarioText, tinyScenario } from '../helpers/scenarios';

function issuesOf(text: string): readonly InputIssue[] {
  const r = parseScenario(text);
  if (r.ok) throw new Error('expected the scenario to be invalid');
  return r.issues;
}
const withTiny = (mutate: (s: ReturnType<typeof tinyScenario> & Record<string, unknown>) => void): string => {
  const s = tinyScenario() as ReturnType<typeof tinyScenario> & Record<string, unknown>;
  mutate(s);
  return JSON.stringify(s, null, 2);
};

describe('scenario validation', () => {
  it('accepts the bundled default scenario', () => {
    expect(parseScenario(defaultScenarioText()).ok).toBe(true);
  });

  it('reports invalid JSON with line and column', () => {
    const text = '{\n  "formatVersion": 1,\n  "meta": { "id": "x" \n  "clock": {}\n}';
    const [issue] = issuesOf(text);
    expect(issue).toMatchObject({ code: 'invalid-json', line: 4, column: 3 });
    expect(formatIssue('s.json', issue!)).toMatch(/^s\.json:4:3 {2}\(root\): invalid JSON/);
  });

  it('says when a file is truncated', () => {
    const text = defaultScenarioText();
    const issues = issuesOf(text.slice(0, Math.floor(text.length / 2)));
    expect(issues.some((i) => /truncated/.test(i.message))).toBe(true);
  });

  it('says "a whole number" (not zod\'s "int"), and gives a fix for a missing format version and an empty list', () => {
    const issues = issuesOf(withTiny((s) => {
      (s.clock as Record<string, unknown>).rounds = 2.5;
      delete (s as Record<string, unknown>).formatVersion;
      s.thirdParties = [];
    }));
    const byPath = new Map(issues.map((i) => [formatPath(i.path), i]));
    expect(byPath.get('clock.rounds')).toMatchObject({ message: 'expected a whole number, got number 2.5', fix: 'give a whole number, e.g. 3' });
    expect(byPath.get('formatVersion')).toMatchObject({ message: 'must be 2, got nothing', fix: 'add "formatVersion": 2' });
    expect(byPath.get('thirdParties')).toMatchObject({ message: 'needs at least 1 item, got an empty array', fix: 'give at least 1 item' });
  });

  it('names an unknown field with its path and a did-you-mean', () => {
    const issues = issuesOf(withTiny((s) => {
      (s.thirdParties[0] as Record<string, unknown>).deploymentCostPerYr = 5;
    }));
    const unknown = issues.find((i) => i.code === 'unknown-field')!;
    expect(formatPath(unknown.path)).toBe('thirdParties[0].deploymentCostPerYr');
    expect(unknown.message).toContain('did you mean "deploymentCostPerYear"?');
  });

  it('gives path, value and what is allowed for a wrong type or an out-of-range value', () => {
    const issues = issuesOf(withTiny((s) => {
      (s.thirdParties[1] as Record<string, unknown>).selfFundedShare = 1.5;
      (s.pivotal as Record<string, unknown>).budget = 'lots';
    }));
    const share = issues.find((i) => formatPath(i.path) === 'thirdParties[1].selfFundedShare')!;
    expect(share.message).toBe('must be <= 1, got 1.5');
    const budget = issues.find((i) => formatPath(i.path) === 'pivotal.budget')!;
    expect(budget.message).toBe('expected number, got string "lots"');
    expect(budget.fix).toBe('give a number');
    expect(budget.line).toBeGreaterThan(1);
  });

  it('reads as English: "got an empty array. Fix: give an object", and no full stop after a question', () => {
    const root = issuesOf('[]')[0]!;
    expect(formatIssue('s.json', root)).toBe('s.json:1:1  (root): expected object, got an empty array. Fix: give an object');
    const typo = issuesOf(withTiny((s) => {
      (s.pivotal as Record<string, unknown>).budgett = 1;
    })).find((i) => formatPath(i.path) === 'pivotal.budgett')!;
    expect(formatIssue('s.json', typo)).toMatch(/did you mean "budget"\? Fix: /);
  });

  it('refuses a demand delta that would take the demand below zero (the engine would floor it silently), naming the round and the least delta', () => {
    const issues = issuesOf(withTiny((s) => {
      (s as Record<string, unknown>).events = [{ round: 2, type: 'demand', delta: -1500 }];
    }));
    const neg = issues.find((i) => formatPath(i.path) === 'events[0].delta')!;
    expect(neg.message).toBe('takes the demand from 1000 to -500 troops in round 2; demand cannot go below 0');
    expect(neg.fix).toBe('give a delta of at least -1000, or "troops": 0 to end the demand');
    // Down to zero exactly, or a set to 0, is a deliberate end: accepted.
    for (const e of [{ round: 2, type: 'demand', delta: -1000 }, { round: 2, type: 'demand', troops: 0 }]) {
      expect(parseScenario(withTiny((s) => {
        (s as Record<string, unknown>).events = [e];
      })).ok).toBe(true);
    }
  });

  it('reports a missing required field', () => {
    const issues = issuesOf(withTiny((s) => {
      delete (s.pivotal as Record<string, unknown>).ownSoldierCostPerYear;
    }));
    expect(issues[0]).toMatchObject({ code: 'missing-field', path: ['pivotal', 'ownSoldierCostPerYear'] });
  });

  it('catches cross-field errors: unknown ids, duplicate ids, demand with no budget', () => {
    const issues = issuesOf(withTiny((s) => {
      s.thirdParties[1]!.id = 'A';
      s.events = [{ round: 2, type: 'availability', party: 'ZZZ', available: false }];
      s.pivotal.budget = 0;
    }));
    const byCode = (c: string) => issues.filter((i) => i.code === c);
    expect(byCode('duplicate-id')[0]).toMatchObject({ path: ['thirdParties', 1, 'id'], message: 'id "A" is already used at thirdParties[0].id' });
    expect(byCode('unknown-id')[0]).toMatchObject({ path: ['events', 0, 'party'] });
    expect(byCode('unknown-id')[0]!.fix).toContain('A');
    expect(byCode('no-budget')).toHaveLength(1);
  });

  it('catches rounds beyond the clock and unordered demand steps', () => {
    const issues = issuesOf(withTiny((s) => {
      s.pivotal.demand = [{ fromRound: 2, troops: 10 }, { fromRound: 1, troops: 5 }, { fromRound: 9, troops: 1 }];
    }));
    expect(issues.map((i) => i.code).sort()).toEqual(['round-out-of-range', 'unordered']);
  });

  it('says that the cross-field checks wait for a valid shape, so a second list after the fixes is no surprise (a new user: a typo and an event after the last round came one at a time)', () => {
    const shape = issuesOf(withTiny((s) => {
      (s.thirdParties[0] as Record<string, unknown>).casualtySensitivty = 1;
      s.pivotal.demand = [{ fromRound: 9, troops: 1 }];
    }));
    expect(shape.map((i) => i.code)).toEqual(['unknown-field']);
    expect(formatIssues('s.json', shape).split('\n').at(-1)).toBe('  (Checks that compare fields with each other, such as ids that refer to other entries and rounds against the clock, run once these are fixed.)');
    // Once the shape is valid the cross-field problem is listed, and no such note follows.
    const cross = issuesOf(withTiny((s) => {
      s.pivotal.demand = [{ fromRound: 9, troops: 1 }];
    }));
    expect(cross.map((i) => i.code)).toEqual(['round-out-of-range']);
    expect(formatIssues('s.json', cross)).not.toContain('Checks across fields');
  });

  it('reports every problem at once, not only the first', () => {
    const issues = issuesOf(withTiny((s) => {
      (s.clock as Record<string, unknown>).rounds = -1;
      (s.thirdParties[0] as Record<string, unknown>).armedForces = 'many';
      (s.meta as Record<string, unknown>).titel = 'typo';
      (s.engine as Record<string, unknown>).pricing = { rule: 'auction' };
    }));
    expect(issues.length).toBeGreaterThanOrEqual(4);
    expect(issues.find((i) => formatPath(i.path) === 'engine.pricing.rule')!.message).toBe('must be "nash" or "fixed-rate" or "reservation" or "negotiation", got "auction"');
    expect(issues.find((i) => i.code === 'unknown-field')!.message).toContain('"title"');
  });

  it('rejects an unknown format version', () => {
    const issues = issuesOf(withTiny((s) => {
      (s as Record<string, unknown>).formatVersion = 3;
    }));
    expect(issues[0]).toMatchObject({ path: ['formatVersion'], message: 'must be 2, got 3' });
  });
});
