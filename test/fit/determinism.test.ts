/**
 * The same fit seed gives the same bytes: in this thread or on worker threads, interrupted and
 * resumed, or built shard by shard and merged. A particle depends only on (fit seed,
 * generation, index) and the previous generation, never on who built it or when.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fitFiles } from '../../src/fit/outputs';
import { fitResults } from '../../src/fit/results';
import { mergeShards, readGenerations, runFit, runShard } from '../../src/fit/run';
import type { LoadedFit } from '../../src/fit/load';
import type { FinishedGeneration } from '../../src/fit/store';
import { coalsim, filesOf } from '../helpers/cli';
import { nashPair, tempDir, writeFit } from './helpers';

function files(loaded: LoadedFit, gens: readonly FinishedGeneration[]): Map<string, string | Uint8Array> {
  const { results, fitted } = fitResults(loaded, gens, { date: '2026-11-30', checkSeeds: 4 });
  return fitFiles(loaded, gens, results, fitted, { version: 'test' }).files;
}

function expectSameFiles(a: Map<string, string | Uint8Array>, b: Map<string, string | Uint8Array>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, content] of a) expect(Buffer.from(b.get(name)!).equals(Buffer.from(content))).toBe(true);
}

describe('fit determinism', () => {
  const dir = tempDir('determinism');
  const { loaded } = writeFit(dir, nashPair(0.5), {
    id: 'determinism',
    date: '2026-11-30',
    parameters: [
      { name: 'w', path: 'engine.pricing.thirdPartyWeight', prior: { type: 'uniform', min: 0.1, max: 0.9 } },
      { name: 'alphaCost', path: 'thirdParties[id=A].deploymentCostPerYear', prior: { type: 'log-uniform', min: 10_000, max: 60_000 }, integer: true },
    ],
    figures: [
      { id: 'cost', label: 'Cost per soldier-year', measure: 'costPerForeignSoldierYear', recorded: { value: 60_000 }, error: { relative: 0.05 }, role: 'target', source: 'synthetic' },
      { id: 'flags', label: 'Flags', measure: 'flags', recorded: { value: 2 }, role: 'check', source: 'synthetic' },
    ],
    seedsPerEvaluation: 2,
    method: { population: 12, generations: 2, seed: 42 },
  });
  let reference: Map<string, string | Uint8Array>;

  it('in this thread, twice: the same bytes', async () => {
    const a = await runFit({ loaded, out: join(dir, 'a'), workers: 0, resume: false, force: false, version: 'test' });
    const b = await runFit({ loaded, out: join(dir, 'b'), workers: 0, resume: false, force: false, version: 'test' });
    reference = files(loaded, a.generations);
    expectSameFiles(reference, files(loaded, b.generations));
    expect(reference.has('fitted-scenario.json') && reference.has('posterior.csv') && reference.has('fit-report.html')).toBe(true);
    // A different fit seed gives a different posterior (the seed is used).
    const { scenario: _s, formatVersion: _v, ...rest } = JSON.parse(loaded.text) as Record<string, unknown>;
    const other = writeFit(dir, nashPair(0.5), { ...(rest as { id: string; parameters: never; figures: never }), method: { population: 12, generations: 2, seed: 43 } }, 'other').loaded;
    const c = await runFit({ loaded: other, out: join(dir, 'c'), workers: 0, resume: false, force: false, version: 'test' });
    expect(files(other, c.generations).get('posterior.csv')).not.toEqual(reference.get('posterior.csv'));
  }, 60_000);

  it('on 2 worker threads: the same bytes as in this thread', async () => {
    const r = await runFit({ loaded, out: join(dir, 'workers'), workers: 2, resume: false, force: false, version: 'test' });
    expectSameFiles(reference, files(loaded, r.generations));
  }, 60_000);

  it('stopped part-way (particles of an unfinished generation stored) and resumed: the same bytes, no particle built twice', async () => {
    const out = join(dir, 'resume');
    let built = 0;
    const first = await runFit({ loaded, out, workers: 0, resume: false, force: false, version: 'test', shouldStop: () => built >= 17, progress: { start: () => undefined, particle: () => void built++, finish: () => undefined, stop: () => undefined } });
    expect(first.stopped).toBe(true);
    expect(first.generations).toHaveLength(1);
    expect(first.builtParticles).toBe(17);
    const second = await runFit({ loaded, out, workers: 0, resume: true, force: false, version: 'test' });
    expect(second.resumedParticles).toBe(17);
    expect(second.builtParticles).toBe(3 * 12 - 17);
    expectSameFiles(reference, files(loaded, second.generations));
    // Without --resume the directory is protected.
    await expect(runFit({ loaded, out, workers: 0, resume: false, force: false, version: 'test' })).rejects.toThrow(/already holds results/);
  }, 60_000);

  it('built in 3 shards per generation and merged: the same bytes', async () => {
    const out = join(dir, 'shards');
    for (let g = 0; g < 3; g++) {
      for (const index of [2, 0]) await runShard({ loaded, out, workers: 0, version: 'test', shard: { index, count: 3 } });
      // One shard missing: the merge stores what is there and waits.
      const partial = mergeShards({ loaded, out, version: 'test' });
      expect(partial).toMatchObject({ generation: g, finished: false, complete: false });
      expect(partial.stored).toBe(8);
      const r = await runShard({ loaded, out, workers: 0, version: 'test', shard: { index: 1, count: 3 }, generation: g });
      expect(existsSync(r.file!)).toBe(true);
      expect(mergeShards({ loaded, out, version: 'test' })).toMatchObject({ generation: g, finished: true, complete: g === 2 });
    }
    expect(await runShard({ loaded, out, workers: 0, version: 'test', shard: { index: 0, count: 3 } })).toMatchObject({ generation: null });
    expectSameFiles(reference, files(loaded, readGenerations(loaded, out)));
  }, 60_000);
});

describe('fit outputs under another locale and time zone', () => {
  it('are the same bytes under de_DE.UTF-8 in Pacific/Chatham as under C in UTC, charts included (tick labels read "0,30" before)', () => {
    const dir = tempDir('fit-locale');
    const under = (env: Record<string, string>, out: string) => {
      const r = coalsim(['fit', join(__dirname, 'fixtures', 'rubinstein.fit.json'), '--out', join(dir, out), '--quiet'], { env });
      expect(r.status).toBe(0);
      const files = filesOf(join(dir, out));
      // The resume store keeps particles in the order the workers finished them; it is not an output.
      files.delete('fit.sqlite');
      return files;
    };
    const c = under({ LANG: 'C', LC_ALL: 'C', TZ: 'UTC' }, 'c');
    const de = under({ LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', TZ: 'Pacific/Chatham' }, 'de');
    expect([...c.keys()].filter((k) => k.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    expect([...de.keys()]).toEqual([...c.keys()]);
    for (const [name, bytes] of c) expect({ name, same: de.get(name)!.equals(bytes) }).toEqual({ name, same: true });
  });
});
