import { deprecatedFields } from '../../src/scenario/deprecated';

describe('deprecated scenario fields (issue 12 item 5: hold-ups are strategic)', () => {
  it('names each ignored hold-up field by its path in the file', () => {
    const doc = { thirdParties: [{ id: 'ZAF', holdUpPropensity: 0.6, holdUpResolve: 0.1 }, { name: 'no id', holdUpPropensity: 0.2 }, { id: 'PHL' }], engine: { operation: { holdUpAggressiveness: 0.6, holdUpTremble: 0 } } };
    expect(deprecatedFields(doc).map((d) => d.path)).toEqual(['thirdParties[id=ZAF].holdUpPropensity', 'thirdParties[id=ZAF].holdUpResolve', 'thirdParties[1].holdUpPropensity', 'engine.operation.holdUpAggressiveness']);
    expect(deprecatedFields(doc)[0]!.reason).toMatch(/ignored/);
  });
  it('names the pivotal\'s firmness, which strategic hold-ups no longer read (credibility replaced it)', () => {
    const found = deprecatedFields({ pivotal: { id: 'USA', firmness: 0 }, thirdParties: [{ id: 'ZAF', holdUpPropensity: 0.6 }] });
    expect(found.map((d) => d.path)).toEqual(['pivotal.firmness', 'thirdParties[id=ZAF].holdUpPropensity']);
    expect(found[0]!.reason).toMatch(/^ignored: .*would really leave/);
  });
  it('finds nothing in a file without them, or in something that is not a scenario', () => {
    expect(deprecatedFields({ thirdParties: [{ id: 'ZAF', casualtySensitivity: 0.8 }], engine: { operation: { holdUpTremble: 0.01 } } })).toEqual([]);
    expect(deprecatedFields(null)).toEqual([]);
    expect(deprecatedFields([1, 2])).toEqual([]);
  });
});
