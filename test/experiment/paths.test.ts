import { parsePath, resolvePath, setAt } from '../../src/experiment/paths';
import { defaultScenario } from '../helpers/scenarios';

const resolve = (text: string): ReturnType<typeof resolvePath> => {
  const p = parsePath(text);
  if (!p.ok) return p;
  return resolvePath(defaultScenario(), p.value);
};

describe('parameter paths', () => {
  it('address fields, list items by index and list items by id', () => {
    const s = defaultScenario();
    const tur = s.thirdParties.findIndex((t) => t.id === 'TUR');
    expect(resolve('engine.costUncertainty')).toEqual({ ok: true, value: ['engine', 'costUncertainty'] });
    expect(resolve('pivotal.demand[0].troops')).toEqual({ ok: true, value: ['pivotal', 'demand', 0, 'troops'] });
    expect(resolve('thirdParties[id=TUR].criticality')).toEqual({ ok: true, value: ['thirdParties', tur, 'criticality'] });
  });

  it('allow an optional field the base scenario leaves unset (the last step only)', () => {
    expect(resolve('clock.start')).toEqual({ ok: true, value: ['clock', 'start'] });
  });

  it('report syntax errors with the position and an example', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['engine..costUncertainty', /character 8: expected a field name/],
      ['engine.', /ends with "\."/],
      ['thirdParties[id=TUR.criticality', /not closed/],
      ['thirdParties[-1]', /\[0\] or a selector like \[id=TUR\]/],
      ['engine costUncertainty', /expected "\." or "\["/],
    ];
    for (const [text, message] of cases) {
      const r = parsePath(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toMatch(message);
        expect(r.fix).toMatch(/thirdParties\[id=TUR\]\.criticality/);
      }
    }
  });

  it('say what is wrong when a path does not fit the scenario, with a did-you-mean', () => {
    const cases: [string, RegExp][] = [
      ['engin.costUncertainty', /the scenario has no field "engin"; did you mean "engine"\?/],
      ['pivotal.demand[7].troops', /pivotal\.demand has 2 item\(s\), so index \[7\] does not exist/],
      ['thirdParties[id=TUK].criticality', /no item of thirdParties has id=TUK; did you mean id=TUR\?/],
      // Ties are all offered: "TRK" is two edits from Thailand and from Turkey (a researcher's trial got only THA).
      ['thirdParties[id=TRK].criticality', /no item of thirdParties has id=TRK; did you mean id=THA or id=TUR\?/],
      ['thirdParties.criticality', /thirdParties is a list: address an item/],
      ['engine.costUncertainty.x', /engine\.costUncertainty is a number .* not an object/],
      ['engine[0]', /engine is an object.*not a list/],
    ];
    for (const [text, message] of cases) {
      const r = resolve(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
    const r = resolve('thirdParties[id=XXX].criticality');
    expect(!r.ok && r.fix).toMatch(/\[id=TUR\]/);
  });

  it('set a value in a copy, sharing untouched branches and leaving the original alone', () => {
    const doc = { a: { b: [1, { c: 2 }] }, d: { e: 3 } };
    const out = setAt(doc, ['a', 'b', 1, 'c'], 9) as typeof doc;
    expect(out).toEqual({ a: { b: [1, { c: 9 }] }, d: { e: 3 } });
    expect(doc.a.b[1]).toEqual({ c: 2 });
    expect(out.d).toBe(doc.d);
  });
});
