/**
 * Each teaching scenario's story (test/helpers/teachingStories.ts) holds on its README seed
 * (1) and in at least 80% of seeds 1-50 (issue 14, item 7; issue 12 for teaching-holdup, whose
 * threat now reads the current round's market). Current rates are printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { holdupStory, informationStory, promisesStory, scarcityStory, signallingStory, type StoryCheck } from '../helpers/teachingStories';
import { ROOT } from '../helpers/scenarios';

function load(id: string): Scenario {
  const r = parseScenario(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(id);
  return r.value;
}
const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);

function rate(name: string, story: (seed: number) => StoryCheck): { seed1: StoryCheck; share: number } {
  const results = SEEDS.map(story);
  const share = results.filter((r) => r.holds).length / SEEDS.length;
  console.log(`${name}: story holds on ${Math.round(share * 100)}% of seeds 1-50; seed 1 ${results[0]!.holds ? 'holds' : `fails: ${results[0]!.failed.join('; ')}`}`);
  return { seed1: results[0]!, share };
}

describe('teaching stories hold across seeds', () => {
  it('teaching-scarcity', () => {
    const r = rate('teaching-scarcity', (seed) => scarcityStory(load('teaching-scarcity'), seed));
    expect(r.seed1.failed).toEqual([]);
    expect(r.share).toBeGreaterThanOrEqual(0.8);
  });
  it('teaching-information-open / -discreet', () => {
    const r = rate('teaching-information', (seed) => informationStory(load('teaching-information-open'), load('teaching-information-discreet'), seed));
    expect(r.seed1.failed).toEqual([]);
    expect(r.share).toBeGreaterThanOrEqual(0.8);
  });
  it('teaching-signalling', () => {
    const r = rate('teaching-signalling', (seed) => signallingStory(load('teaching-signalling'), seed));
    expect(r.seed1.failed).toEqual([]);
    expect(r.share).toBeGreaterThanOrEqual(0.8);
  });
  it('teaching-holdup', () => {
    const r = rate('teaching-holdup', (seed) => holdupStory(load('teaching-holdup'), seed));
    expect(r.seed1.failed).toEqual([]);
    expect(r.share).toBeGreaterThanOrEqual(0.8);
  });
  it('teaching-promises', () => {
    const r = rate('teaching-promises', (seed) => promisesStory(load('teaching-promises'), seed));
    expect(r.seed1.failed).toEqual([]);
    expect(r.share).toBeGreaterThanOrEqual(0.8);
  });
  it('the checker rejects a promise story that does not happen (the visa waiver due early, when keeping it pays)', () => {
    const s = load('teaching-promises');
    const early = { ...s, sideDeals: s.sideDeals.map((d) => (d.id === 'visa' && d.delivery ? { ...d, delivery: { ...d.delivery, firstAfterRounds: 2 } } : d)) };
    expect(promisesStory(early, 1).failed).toContain('the late promise (visa) is broken, and the pivotal pays nothing for it');
  });
  it('the checker rejects a signalling story that does not happen (the legacy 0.5% anchor of the political cost)', () => {
    const s = load('teaching-signalling');
    const legacy = { ...s, thirdParties: s.thirdParties.map((t) => ({ ...t, deployableShare: 0.005 })) };
    expect(signallingStory(legacy, 1).failed).toContain('NZL deploys at least 1% of its forces');
  });
  it('the checker rejects a story that does not happen (scarcity without the offensive)', () => {
    const s = load('teaching-scarcity');
    const calm = { ...s, events: s.events.filter((e) => e.type !== 'demand') };
    expect(scarcityStory(calm, 1).failed).toContain('tightness crosses 1 in the month of the offensive');
  });
});
