/**
 * The bundled teaching scenarios tell their story over many seeds, not just the default one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import type { SimEvent } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import { parseScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';

const ROOT = join(__dirname, '..', '..');
function load(name: string): Scenario {
  const r = parseScenario(readFileSync(join(ROOT, 'scenarios', `${name}.json`), 'utf8'));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.issues)}`);
  return r.value;
}
function ofType<T extends SimEvent['type']>(events: readonly SimEvent[], type: T): Extract<SimEvent, { type: T }>[] {
  return events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
}
const seeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('teaching-scarcity: scarcity turns the tables', () => {
  const s = load('teaching-scarcity');
  const SHOCK = 9;
  function story(seed: number) {
    const r = runScenario(s, seed);
    const deals = ofType(r.events, 'deal-signed');
    const before = deals.filter((d) => d.round < SHOCK);
    const after = deals.filter((d) => d.round >= SHOCK);
    const tightAfter = r.states.slice(SHOCK).every((st) => (st.market.tightness ?? Infinity) > 1);
    const reversalAfter = ofType(r.events, 'reversal').some((e) => e.round >= SHOCK);
    return { before, after, tightAfter, reversalAfter };
  }
  it('is small', () => {
    expect(s.thirdParties.length).toBeGreaterThanOrEqual(4);
    expect(s.thirdParties.length).toBeLessThanOrEqual(8);
    expect(s.clock.rounds).toBeGreaterThanOrEqual(12);
    expect(s.clock.rounds).toBeLessThanOrEqual(24);
  });
  it('over 30 seeds: partners take under half the surplus before the offensive, and most of it after, with a reversal', () => {
    let told = 0;
    for (const seed of seeds(30)) {
      const st = story(seed);
      const cheapBefore = st.before.length >= 2 && st.before.every((d) => d.share !== null && d.share < 0.5);
      const dearAfter = st.after.length >= 1 && st.after.some((d) => d.share !== null && d.share > 0.5);
      if (cheapBefore && dearAfter && st.tightAfter && st.reversalAfter) told++;
    }
    expect(told).toBeGreaterThanOrEqual(27);
  });
  it('the price per soldier-year jumps after the offensive (seed 1)', () => {
    const st = story(1);
    const maxBefore = Math.max(...st.before.map((d) => d.pricePerSoldierYear));
    const minAfter = Math.min(...st.after.map((d) => d.pricePerSoldierYear));
    expect(minAfter).toBeGreaterThan(3 * maxBefore);
  });
});

describe('teaching-information-open / -discreet: information is power', () => {
  const open = load('teaching-information-open');
  const discreet = load('teaching-information-discreet');
  it('the two files describe the same case and differ only in the pivotal state\'s openness', () => {
    const strip = (x: Scenario) => ({ ...x, meta: null, pivotal: { ...x.pivotal, bargaining: { ...x.pivotal.bargaining, openness: null } } });
    expect(strip(open)).toEqual(strip(discreet));
    expect(open.pivotal.bargaining.openness).toBeGreaterThan(discreet.pivotal.bargaining.openness + 0.5);
    expect(open.thirdParties.length).toBeLessThanOrEqual(8);
  });
  it('over 50 seeds, open recruitment costs the pivotal state clearly more per paid soldier-year', () => {
    let sumOpen = 0;
    let sumDiscreet = 0;
    let openDearer = 0;
    for (const seed of seeds(50)) {
      const a = summarize(runScenario(open, seed)).costs.costPerPaidSoldierYear!;
      const b = summarize(runScenario(discreet, seed)).costs.costPerPaidSoldierYear!;
      sumOpen += a;
      sumDiscreet += b;
      if (a > b) openDearer++;
    }
    expect(sumOpen / 50).toBeGreaterThan(1.3 * (sumDiscreet / 50));
    expect(openDearer).toBeGreaterThanOrEqual(45);
  });
});

describe('teaching-signalling: acquaintances who over-contribute', () => {
  const s = load('teaching-signalling');
  const potential = (t: Scenario['thirdParties'][number]) => Math.max(0, t.preferenceSimilarity - t.allianceDepth);
  const top = [...s.thirdParties].sort((a, b) => potential(b) - potential(a))[0]!;
  it('has signalling on, and Georgia has the highest unrealized alliance potential', () => {
    expect(s.engine.operation.signalling).toBe(true);
    expect(top.id).toBe('GEO');
  });
  it('over 30 seeds: the state with the highest potential deploys the largest share of its forces and has its alliance deepened the most', () => {
    let told = 0;
    for (const seed of seeds(30)) {
      const r = runScenario(s, seed);
      const peak = new Map<string, number>();
      for (const st of r.states) for (const t of s.thirdParties) peak.set(t.id, Math.max(peak.get(t.id) ?? 0, st.parties[t.id]!.troops));
      const shares = s.thirdParties.map((t) => ({ id: t.id, share: peak.get(t.id)! / t.armedForces }));
      const largest = shares.reduce((a, b) => (b.share > a.share ? b : a));
      const deepened = ofType(r.events, 'alliance-deepened');
      const gain = (id: string) => deepened.filter((e) => e.party === id).reduce((acc, e) => acc + e.to - e.from, 0);
      const topGain = gain(top.id);
      const mostDeepened = topGain > 0 && s.thirdParties.every((t) => t.id === top.id || gain(t.id) <= topGain);
      // Locked-in allies deploy a far smaller share.
      const allies = shares.filter((x) => x.id === 'GBR' || x.id === 'JPN');
      const alliesSmall = allies.every((x) => x.share < largest.share / 3);
      if (largest.id === top.id && mostDeepened && alliesSmall) told++;
    }
    // The teaching standard (test/teaching/stories.test.ts): at least 80% of seeds. Georgia,
    // paid above its liquidity need, stays out on a few cost draws since demand fell to 8,000.
    expect(told).toBeGreaterThanOrEqual(24);
  });
});
