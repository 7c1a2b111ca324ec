/** The bargaining engine against closed forms, through full runs of the engine. */
import fc from 'fast-check';
import { runScenario } from '../../src/core/engine/run';
import { compile, type NegotiationSettings } from '../../src/core/engine/model';
import { initialState } from '../../src/core/engine/init';
import { pivotalPrior } from '../../src/core/engine/phases/negotiate';
import { createRng } from '../../src/core/rng';
import { rubinsteinProposerShare } from '../../src/core/bargaining/rubinstein';
import type { EventOf } from '../../src/core/events';
import { valid } from '../helpers/scenarios';
import { bilateral } from '../helpers/bargainingScenarios';
import { scenarioArb } from '../helpers/arbitraries';

const completeInfo = { intelligence: 1, openness: 1, urgency: 0 };

function onlyDeal(events: readonly { type: string }[]): EventOf<'deal-signed'> {
  const deals = events.filter((e): e is EventOf<'deal-signed'> => e.type === 'deal-signed');
  expect(deals).toHaveLength(1);
  return deals[0]!;
}

describe('complete information, alternating offers', () => {
  const cases: [number, number, 'pivotal' | 'third-party'][] = [
    [0.9, 0.8, 'pivotal'],
    [0.9, 0.8, 'third-party'],
    [0.95, 0.95, 'pivotal'],
    [0.7, 0.97, 'pivotal'],
  ];
  it.each(cases)('d_P = %p, d_i = %p, %s proposes first: agreement at once on the Rubinstein split (within 0.001)', (dP, dI, first) => {
    const s = valid(bilateral({ pivotal: { ...completeInfo, patience: dP }, partyPatience: dI, negotiation: { deadline: 400, firstProposer: first, horizon: first === 'pivotal' ? 'open-ended' : 'deadline' } }));
    const r = runScenario(s, 1);
    const deal = onlyDeal(r.events);
    expect(deal.round).toBe(1);
    // Third party's share of the surplus [r, R] = [20,000, 120,000].
    const expected = first === 'pivotal' ? 1 - rubinsteinProposerShare(dP, dI) : rubinsteinProposerShare(dI, dP);
    expect(Math.abs(deal.share! - expected)).toBeLessThan(1e-3);
    expect(deal.pricePerSoldierYear).toBeCloseTo(20_000 + expected * 100_000, -1);
  });

  it('planning back from a known deadline (Ståhl) converges to the same split as the deadline grows', () => {
    const share = (deadline: number) => onlyDeal(runScenario(valid(bilateral({ pivotal: { ...completeInfo, patience: 0.9 }, partyPatience: 0.8, negotiation: { deadline, horizon: 'deadline' } })), 1).events).share!;
    const limit = 1 - rubinsteinProposerShare(0.9, 0.8);
    // The last proposer takes all, so with 2 exchanges the pivotal must offer the third party d_i * 1 = 0.8 of the pie.
    expect(share(2)).toBeCloseTo(0.8, 3);
    expect(Math.abs(share(5) - limit)).toBeGreaterThan(Math.abs(share(41) - limit));
    expect(Math.abs(share(400) - limit)).toBeLessThan(1e-3);
  });

  it('a more patient third party gets a larger share; an impatient pivotal concedes more', () => {
    const share = (dP: number, dI: number) => onlyDeal(runScenario(valid(bilateral({ pivotal: { ...completeInfo, patience: dP }, partyPatience: dI, negotiation: { deadline: 60 } })), 1).events).share!;
    expect(share(0.9, 0.99)).toBeGreaterThan(share(0.9, 0.9));
    expect(share(0.6, 0.9)).toBeGreaterThan(share(0.9, 0.9));
    // A much weaker but far more patient state takes the larger share: a reversal.
    const r = runScenario(valid(bilateral({ pivotal: { ...completeInfo, patience: 0.6 }, partyPatience: 0.98, negotiation: { deadline: 60 } })), 1);
    expect(r.events.some((e) => e.type === 'reversal')).toBe(true);
  });
});

describe('one-sided private information, take-it-or-leave-it', () => {
  it.each([
    ['uniform', 1],
    ['uniform', 2],
    ['normal', 3],
    ['normal', 4],
  ] as const)('the pivotal offers the optimal screening price for its prior (%s, seed %p)', (shape, seed) => {
    const input = bilateral({
      pivotal: { intelligence: 0.2, openness: 1, urgency: 0, strategy: 'screening' },
      partyPatience: 0.95,
      negotiation: { protocol: 'take-it-or-leave-it', beliefShape: shape, priorWidth: 0.8 },
      reservation: 30_000,
    });
    const s = valid(input);
    const model = compile(s);
    const settings = s.engine.pricing as NegotiationSettings;
    const rng = createRng(seed);
    const prior = pivotalPrior(model, settings, initialState(model, rng).parties.T!, rng);
    const ceiling = 120_000;
    // The optimal screening price, found here by brute force over the prior: argmax (C - x) F(x).
    const F = (x: number): number => {
      const a = Math.max(0, shape === 'uniform' ? prior.mu - Math.sqrt(3) * prior.sigma : -Infinity);
      const b = shape === 'uniform' ? prior.mu + Math.sqrt(3) * prior.sigma : Infinity;
      if (shape === 'uniform') return x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a);
      const Phi = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
      const lo = Phi((0 - prior.mu) / prior.sigma);
      return (Phi((x - prior.mu) / prior.sigma) - lo) / (1 - lo);
    };
    let best = 0;
    let bestV = -1;
    for (let x = 0; x <= ceiling; x += 1) {
      const v = (ceiling - x) * F(x);
      if (v > bestV) {
        bestV = v;
        best = x;
      }
    }
    const r = runScenario(s, seed);
    const offer = r.events.find((e): e is EventOf<'offer'> => e.type === 'offer')!;
    expect(offer.by).toBe('pivotal');
    expect(Math.abs(offer.price - best)).toBeLessThanOrEqual(2);
    // The third party accepts exactly when the offer covers its reservation; otherwise talks break down.
    const ended = r.events.find((e): e is EventOf<'negotiation-ended'> => e.type === 'negotiation-ended')!;
    expect(ended.outcome).toBe(offer.price >= 30_000 ? 'agreement' : 'deadline');
  });
});

/** Abramowitz-Stegun 7.1.26 is too coarse here; use a series/continued fraction pair. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const z = Math.abs(x);
  if (z < 3) {
    let sum = z;
    let term = z;
    for (let n = 1; n < 200; n++) {
      term *= (-z * z) / n;
      sum += term / (2 * n + 1);
    }
    return (sign * 2 * sum) / Math.sqrt(Math.PI);
  }
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (z + f);
  return sign * (1 - Math.exp(-z * z) / Math.sqrt(Math.PI) / (z + f));
}

describe('individual rationality and budgets, for every strategy and protocol', () => {
  const negotiationArb = fc.record({
    protocol: fc.constantFrom('alternating-offers' as const, 'take-it-or-leave-it' as const),
    deadline: fc.integer({ min: 1, max: 10 }),
    firstProposer: fc.constantFrom('pivotal' as const, 'third-party' as const),
    beliefShape: fc.constantFrom('normal' as const, 'uniform' as const),
    priorWidth: fc.double({ min: 0, max: 2, noNaN: true }),
  });
  const pivotalArb = fc.record({
    strategy: fc.constantFrom('equilibrium' as const, 'screening' as const, 'boulware' as const, 'conceder' as const, 'fixed-rate' as const),
    patience: fc.double({ min: 0.3, max: 1, noNaN: true }),
    urgency: fc.double({ min: 0, max: 1, noNaN: true }),
    openness: fc.double({ min: 0, max: 1, noNaN: true }),
    intelligence: fc.double({ min: 0, max: 1, noNaN: true }),
    fixedRatePerSoldierPerRound: fc.integer({ min: 500, max: 15_000 }),
  });
  const partyStrategy = fc.constantFrom('equilibrium' as const, 'screening' as const, 'boulware' as const, 'conceder' as const);
  it('no deal below the third party\'s reservation or above the pivotal\'s; spending within the budget', () => {
    fc.assert(
      fc.property(scenarioArb, negotiationArb, pivotalArb, partyStrategy, fc.nat(10_000), (base, negotiation, bargaining, strategy, seed) => {
        const input = {
          ...base,
          pivotal: { ...base.pivotal, bargaining },
          thirdParties: base.thirdParties.map((t) => ({ ...t, bargaining: { strategy, patience: 0.9 } })),
          engine: { ...base.engine, pricing: { rule: 'negotiation' as const, ...negotiation } },
        };
        const r = runScenario(valid(input), seed);
        for (const e of r.events) {
          if (e.type !== 'deal-signed') continue;
          expect(e.pricePerSoldierYear).toBeGreaterThanOrEqual(e.reservation - 0.01);
          expect(e.pricePerSoldierYear).toBeLessThanOrEqual(e.pivotalReservation + 0.01);
        }
        for (const s of r.states) expect(s.pivotal.spent).toBeLessThanOrEqual(s.pivotal.budgetTotal + 0.005);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
