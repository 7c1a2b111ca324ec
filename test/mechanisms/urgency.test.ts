/** Urgency (issue 12, item 6): the pivotal's patience falls with its casualties and as a deadline nears. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deadlineFactor, pivotalDiscountFactor, type UrgencyInputs } from '../../src/core/bargaining/urgency';
import { competitiveCeiling } from '../../src/core/market/reservation';
import { runScenario } from '../../src/core/engine/run';
import type { EventOf } from '../../src/core/events';
import type { ScenarioInput } from '../../src/scenario/schema';
import { ROOT, valid } from '../helpers/scenarios';

const calm: UrgencyInputs = { patience: 0.95, urgency: 0.5, demand: 1_000, deployed: 1_000, casualtySensitivity: 0.6, ownDeaths: 0, casualtyTolerance: 1_000, roundsToDeadline: null };

describe('urgency', () => {
  it('closed form: patience x (1 - u short) x (1 - s min(1, D/T)) x (H - 1)/H', () => {
    expect(pivotalDiscountFactor(calm)).toBeCloseTo(0.95, 12);
    expect(pivotalDiscountFactor({ ...calm, deployed: 600 })).toBeCloseTo(0.95 * 0.8, 12);
    expect(pivotalDiscountFactor({ ...calm, ownDeaths: 500 })).toBeCloseTo(0.95 * 0.7, 12);
    expect(pivotalDiscountFactor({ ...calm, roundsToDeadline: 4 })).toBeCloseTo(0.95 * 0.75, 12);
    expect(deadlineFactor(1)).toBe(0);
    // Weighted by the share of the coalition's value that hangs on the deadline.
    expect(deadlineFactor(4, 0.5)).toBeCloseTo(1 - 0.5 / 4, 12);
    expect(deadlineFactor(1, 0)).toBe(1);
  });
  it('property: more casualties or a nearer deadline never make it more patient', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (d1, d2, h1, h2) => {
      const x = { ...calm, deployed: 700 };
      const [dLo, dHi] = d1 <= d2 ? [d1, d2] : [d2, d1];
      const [hNear, hFar] = h1 <= h2 ? [h1, h2] : [h2, h1];
      expect(pivotalDiscountFactor({ ...x, ownDeaths: dHi, roundsToDeadline: hFar })).toBeLessThanOrEqual(pivotalDiscountFactor({ ...x, ownDeaths: dLo, roundsToDeadline: hFar }) + 1e-12);
      expect(pivotalDiscountFactor({ ...x, ownDeaths: dLo, roundsToDeadline: hNear })).toBeLessThanOrEqual(pivotalDiscountFactor({ ...x, ownDeaths: dLo, roundsToDeadline: hFar }) + 1e-12);
    }), { numRuns: 200, seed: 9 });
  });
});

describe('negotiation ceiling bounds (issue 12 item 10)', () => {
  const pivotal = { ownSoldierCostPerYear: 13_000, flagValuePerYear: 5_000_000, criticalPartnerValuePerYear: 0 } as Parameters<typeof competitiveCeiling>[0];
  const party = { effectiveness: 1, criticality: 0 } as Parameters<typeof competitiveCeiling>[1];
  it('the flag is spread over the credible contingent, not over the few troops a budget leaves', () => {
    expect(competitiveCeiling(pivotal, party, 2, undefined).R).toBeCloseTo(13_000 + 5_000_000 / 2, 6);
    expect(competitiveCeiling(pivotal, party, 2, undefined, false, { flagTroops: 1_000 }).R).toBeCloseTo(13_000 + 5_000, 6);
    // Never spread over fewer troops than the deal itself.
    expect(competitiveCeiling(pivotal, party, 2_000, undefined, false, { flagTroops: 1_000 }).R).toBeCloseTo(13_000 + 2_500, 6);
  });
  it('the ceiling is at most what it can still promise, under scarcity and with a substitute; R is unchanged', () => {
    const capped = competitiveCeiling(pivotal, party, 1_000, undefined, false, { affordable: 9_000 });
    expect(capped.ceiling).toBe(9_000);
    expect(capped.R).toBeCloseTo(18_000, 6);
    expect(competitiveCeiling(pivotal, party, 1_000, 16_000, false, { affordable: 9_000 }).ceiling).toBe(9_000);
    expect(competitiveCeiling(pivotal, party, 1_000, 16_000, false, { affordable: 90_000 }).ceiling).toBe(16_000);
  });
});

describe('urgency in the round loop (engine level)', () => {
  const base = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-scarcity.json'), 'utf8')));
  const withDeadline = (deadlineRound: number, deadlineUrgency: number) => valid({ ...base, pivotal: { ...base.pivotal, bargaining: { ...base.pivotal.bargaining, deadlineRound, deadlineUrgency } } } as ScenarioInput);
  it('the logged discount factor is patience x (1 - urgency x shortfall) x (1 - u_D / H), H the rounds left to the deadline (1 once past it)', () => {
    const s = withDeadline(6, 0.5);
    const b = s.pivotal.bargaining;
    const r = runScenario(s, 1);
    for (const m of r.events.filter((e): e is EventOf<'market'> => e.type === 'market')) {
      const H = Math.max(1, 6 - m.round + 1);
      // Set at the start of recruitment from the shortfall then (0 to 1): only the deadline term is known here.
      const ratio = m.pivotalDiscount / (b.patience * (1 - 0.5 / H));
      expect(ratio).toBeLessThanOrEqual(1 + 1e-12);
      expect(ratio).toBeGreaterThanOrEqual(1 - b.urgency - 1e-12);
      if (m.round === 1) expect(m.pivotalDiscount).toBeCloseTo(b.patience * (1 - b.urgency) * (1 - 0.5 / 6), 12);
    }
  });
  it('a deadline makes the pivotal concede: under scarcity (teaching-scarcity, rounds 9-18, shortfall urgency off) partners take a larger share of the surplus over 20 seeds, more so the more hangs on the deadline', () => {
    const calm = { ...base, pivotal: { ...base.pivotal, bargaining: { ...base.pivotal.bargaining, urgency: 0 } } };
    const variant = (b: Partial<typeof base.pivotal.bargaining>) => valid({ ...calm, pivotal: { ...calm.pivotal, bargaining: { ...calm.pivotal.bargaining, ...b } } } as ScenarioInput);
    const meanShare = (s: ReturnType<typeof valid>) => {
      let sum = 0;
      let n = 0;
      for (let seed = 1; seed <= 20; seed++) {
        for (const d of runScenario(s, seed).events) if (d.type === 'deal-signed' && d.share !== null && d.round >= 9) { sum += d.share; n++; }
      }
      expect(n).toBeGreaterThan(40);
      return sum / n;
    };
    const none = meanShare(variant({}));
    const half = meanShare(variant({ deadlineRound: 10, deadlineUrgency: 0.5 }));
    const full = meanShare(variant({ deadlineRound: 10, deadlineUrgency: 1 }));
    expect(half).toBeGreaterThan(none + 0.2);
    expect(full).toBeGreaterThan(half + 0.02);
  });
});
