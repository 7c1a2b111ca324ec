/**
 * Strategic hold-ups under private information (issue 12 item 5; dynamics/credibility.ts,
 * dynamics/threat.ts, dynamics/holdUp.ts): a threat is worth what its credibility is worth.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { belief } from '../../src/core/bargaining/beliefs';
import { boundAfterCalledBluff, casualtyPremium, leaveProbability, leavesForSure } from '../../src/core/dynamics/credibility';
import { bestThreat, pivotalPays } from '../../src/core/dynamics/threat';
import { runScenario } from '../../src/core/engine/run';
import { parseScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { ROOT } from '../helpers/scenarios';

function teachingHoldup(edit: (raw: any) => void = () => {}): Scenario {
  const raw = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8'));
  edit(raw);
  const r = parseScenario(JSON.stringify(raw));
  if (!r.ok) throw new Error('teaching-holdup');
  return r.value;
}

describe('casualty pressure z_i(t)', () => {
  const base = { deploymentCost: 3000, deaths: 10, expectedDeathsPerRound: 2, roundsAfter: 20, elasticity: 1 };
  it('is what lets the government bear the deaths it expects: c (F / T - 1) / eps', () => {
    // F = 10 + 2 x 20 = 50 deaths against T = 40: 3000 x 0.25 = 750 per soldier-year.
    expect(casualtyPremium({ ...base, tolerance: 40 })).toBeCloseTo(750, 6);
    // Half as elastic a public needs twice the money.
    expect(casualtyPremium({ ...base, tolerance: 40, elasticity: 0.5 })).toBeCloseTo(1500, 6);
  });
  it('is 0 when the expected deaths stay within tolerance, or the government never withdraws for casualties', () => {
    expect(casualtyPremium({ ...base, tolerance: 50 })).toBe(0);
    expect(casualtyPremium({ ...base, tolerance: null })).toBe(0);
  });
  it('is infinite when no money raises the tolerance', () => {
    expect(casualtyPremium({ ...base, tolerance: 40, elasticity: 0 })).toBe(Infinity);
  });
});

describe('the pivotal believes a threat as far as the partner would really leave', () => {
  const b = belief('normal', 2000, 500, 0, Infinity);
  it('a partner that accepted its price and has no casualty pressure would stay: lambda = 0', () => {
    expect(leaveProbability(b, { price: 3000, casualtyPremium: 0, bound: 3000 })).toBe(0);
  });
  it('casualty pressure makes it credible: P(r > p - z | r <= p), hand-checked', () => {
    // r ~ N(2000, 500) known <= 3000; z = 1000: P(2000 < r <= 3000) / P(r <= 3000) = (Phi(2) - Phi(0)) / Phi(2).
    const lambda = leaveProbability(b, { price: 3000, casualtyPremium: 1000, bound: 3000 });
    expect(lambda).toBeCloseTo((0.97725 - 0.5) / 0.97725, 3);
    // Pi = 10,000 per soldier-year: it pays up to lambda Pi = 4,884 and no more.
    expect(pivotalPays(4800, lambda * 10000, true)).toBe(true);
    expect(pivotalPays(5000, lambda * 10000, true)).toBe(false);
    expect(pivotalPays(4800, lambda * 10000, false)).toBe(false);
  });
  it('a called bluff teaches it: the same threat under the same pressure is then empty', () => {
    const bound = boundAfterCalledBluff(3000, { price: 3000, casualtyPremium: 1000 });
    expect(bound).toBe(2000);
    expect(leaveProbability(b, { price: 3000, casualtyPremium: 1000, bound })).toBe(0);
    // More deaths expected since: credible again.
    expect(leaveProbability(b, { price: 3000, casualtyPremium: 1500, bound })).toBeGreaterThan(0);
  });
  it('under complete information lambda is 0 or 1: r + z > p', () => {
    expect(leavesForSure(2000, { price: 3000, casualtyPremium: 900 })).toBe(false);
    expect(leavesForSure(2000, { price: 3000, casualtyPremium: 1100 })).toBe(true);
  });
});

describe("the partner's threat", () => {
  const x = { premiumMean: 5000, premiumSd: 1000, replaceable: 0, troops: 800, price: 3000, allianceValue: 0, yearsLeft: 1 };
  it('a genuine threat (r_i(t) > p) risks nothing: refused, it leaves, which it prefers', () => {
    const t = bestThreat({ ...x, reservation: 3500 });
    expect(t.resolute).toBe(true);
    expect(t.calledCost).toBe(0);
    expect(t.expectedGain).toBeGreaterThan(0);
  });
  it("a bluff costs its face when called: signal and duty value, and the rent substitutes put at risk", () => {
    // face = 500 x 800 x 1 + 0.5 x (3000 - 2000) x 800 x 1 = 400,000 + 400,000.
    const t = bestThreat({ ...x, reservation: 2000, allianceValue: 500, replaceable: 0.5 });
    expect(t.resolute).toBe(false);
    expect(t.calledCost).toBeCloseTo(800000, 6);
  });
  it('with no credibility at all (the pivotal believes it would stay) a threat gains nothing', () => {
    const t = bestThreat({ ...x, premiumMean: 0, premiumSd: 0, reservation: 2000, allianceValue: 500 });
    expect(t.expectedGain).toBeLessThanOrEqual(0);
  });
});

describe('property: a fully informed pivotal never pays an empty threat', () => {
  it('a partner whose reservation is below its price, with or without casualty pressure short of the gap, is never paid', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20000, noNaN: true }), fc.double({ min: 1, max: 20000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 1e5, noNaN: true }), (r, gap, share, premium, demand) => {
        const price = r + gap;
        const z = share * gap; // casualty pressure that does not close the gap
        const lambda = leavesForSure(r, { price, casualtyPremium: z }) ? 1 : 0;
        expect(pivotalPays(demand, lambda * premium, true)).toBe(false);
      }),
    );
  });
});

describe('engine: only genuine threats are paid under complete information', () => {
  const nash = (sens: number) =>
    teachingHoldup((raw) => {
      raw.engine.pricing = { rule: 'nash' };
      raw.thirdParties[0].casualtySensitivity = sens;
    });
  it('without casualty pressure no partner threatens (each would stay at the price it accepted)', () => {
    const s = nash(0);
    for (let seed = 1; seed <= 10; seed++) expect(runScenario(s, seed).events.filter((e) => e.type === 'holdup-threat')).toEqual([]);
  });
  it('with casualty pressure, every paid threat is one the pivotal knows to be genuine, and every refused one ends in a withdrawal', () => {
    const s = nash(0.8);
    let paid = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const events = runScenario(s, seed).events;
      for (const t of events) {
        if (t.type !== 'holdup-threat') continue;
        const outcome = events.find((e) => e.type === 'holdup-resolved' && e.round === t.round && e.party === t.party);
        expect(outcome).toBeDefined();
        if (outcome?.type !== 'holdup-resolved') continue;
        if (outcome.outcome === 'paid') {
          paid++;
          expect(t.leaveProbability).toBe(1);
        }
        expect(outcome.outcome).not.toBe('bluff-called');
      }
    }
    expect(paid).toBeGreaterThan(0);
  });
});

describe('the tremble (engine.operation.holdUpTremble)', () => {
  it('is at most 0.05 and 0 by default', () => {
    const ok = (tremble: number) => parseScenario(JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')), engine: { operation: { holdUpTremble: tremble } } })).ok;
    expect(ok(0.05)).toBe(true);
    expect(ok(0.06)).toBe(false);
    expect(teachingHoldup().engine.operation.holdUpTremble).toBe(0);
  });
  it('adds threats from partners misjudging their credibility, which a pivotal that knows they would stay never pays', () => {
    // Under complete information (nash) the pivotal knows r_i: a quiet-time threat is empty.
    const s = teachingHoldup((raw) => {
      raw.engine.pricing = { rule: 'nash' };
      raw.engine.operation.holdUpTremble = 0.05;
      raw.events = raw.events.filter((e: { type: string }) => e.type !== 'risk');
    });
    let threats = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const events = runScenario(s, seed).events;
      for (const t of events) {
        if (t.type !== 'holdup-threat') continue;
        threats++;
        expect(t.leaveProbability).toBe(0);
        expect(events.some((e) => e.type === 'holdup-resolved' && e.round === t.round && e.party === t.party && e.outcome === 'bluff-called')).toBe(true);
      }
    }
    expect(threats).toBeGreaterThan(0);
  });
});

describe('a paid concession is compensation: it raises the casualty tolerance', () => {
  it('in teaching-holdup, South Africa bears more deaths after its hold-up is paid (tolerance (1 - 0.8) x 200 = 40 before)', () => {
    const events = runScenario(teachingHoldup(), 1).events;
    const paid = events.find((e) => e.type === 'holdup-resolved' && e.outcome === 'paid' && e.party === 'ZAF');
    expect(paid).toBeDefined();
    const tolerances = events.filter((e) => e.type === 'casualties' && e.party === 'ZAF').map((e) => (e.type === 'casualties' ? { round: e.round, tolerance: e.tolerance } : null));
    const before = tolerances.filter((t) => t!.round <= paid!.round);
    const after = tolerances.filter((t) => t!.round > paid!.round);
    expect(before.every((t) => t!.tolerance === 40)).toBe(true);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((t) => t!.tolerance! > 40)).toBe(true);
  });
});
