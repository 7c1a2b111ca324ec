import { compileExperiment } from '../../src/experiment/load';
import { ExperimentSchema, type ExperimentInput } from '../../src/experiment/schema';
import { canonicalJson, pointKey, replicateSeeds } from '../../src/experiment/seeds';
import { tasksToRun, WHOLE } from '../../src/experiment/shards';
import { defaultScenario } from '../helpers/scenarios';
import { baseExperiment } from './helpers';
import fc from 'fast-check';

function seedsByPointKey(input: ExperimentInput): Map<string, number[]> {
  const c = compileExperiment(ExperimentSchema.parse(input), defaultScenario(), { checkPoints: false });
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  const out = new Map<string, number[]>();
  for (const t of tasksToRun(c.value, WHOLE, null)) {
    const key = c.value.keys[t.point]!;
    out.set(key, [...(out.get(key) ?? []), t.seed]);
  }
  return out;
}

describe('run seeds', () => {
  it('derive from base seed, point and replicate, not from position: adding a point changes no other run', () => {
    const before = seedsByPointKey(baseExperiment());
    const grown = baseExperiment();
    // A new value in the middle of the first parameter shifts every later run's position.
    grown.parameters = [{ name: 'uncertainty', path: 'engine.costUncertainty', values: [0, 0.1, 0.2] }, grown.parameters![1]!];
    const after = seedsByPointKey(grown);
    expect(after.size).toBe(before.size + 2);
    for (const [key, seeds] of before) expect(after.get(key)).toEqual(seeds);
  });

  it('adding replicates keeps the seeds of the existing ones; changing the base seed changes them all', () => {
    const a = seedsByPointKey(baseExperiment());
    const b = seedsByPointKey({ ...baseExperiment(), replicates: 9 });
    for (const [key, seeds] of a) expect(b.get(key)!.slice(0, seeds.length)).toEqual(seeds);
    const c = seedsByPointKey({ ...baseExperiment(), seed: 4 });
    for (const [key, seeds] of a) for (const s of seeds) expect(c.get(key)).not.toContain(s);
  });

  it('never repeat within a point, even over many replicates', () => {
    const seeds = replicateSeeds(1, '{"x":1}', 100_000);
    expect(new Set(seeds).size).toBe(seeds.length);
    for (const s of seeds.slice(0, 100)) expect(Number.isInteger(s) && s >= 0 && s <= 0xffffffff).toBe(true);
  });

  it('are pinned (non-regression): a change here silently changes every published sweep', () => {
    expect(replicateSeeds(1, pointKey(['engine.costUncertainty'], [0.2]), 3)).toMatchSnapshot();
  });

  it('point keys are canonical: object key order and parameter names do not matter', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
    expect(pointKey(['b', 'a'], [1, { y: 2, x: 1 }])).toBe('{"a":{"x":1,"y":2},"b":1}');
  });
});
