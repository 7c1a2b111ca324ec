/**
 * What a shortage reveals (src/core/bargaining/priors.ts revealedOpenness): the party reads the
 * pivotal's ceiling through its openness O and, past a slack market, through the share of the
 * demand nobody offers to meet, s = 1 - 1/T, seen as far as recruitment is open:
 * O' = 1 - (1 - O)(1 - O s).
 */
import { revealedOpenness } from '../../src/core/bargaining/priors';
import { runScenario } from '../../src/core/engine/run';
import type { EventOf } from '../../src/core/events';
import { bilateral } from '../helpers/bargainingScenarios';
import { valid } from '../helpers/scenarios';

describe('revealedOpenness: O\' = 1 - (1 - O)(1 - O s), s = 1 - min(1, 1/T)', () => {
  it('is the openness itself in a slack or balanced market (T <= 1)', () => {
    expect(revealedOpenness(0.5, 0.4)).toBe(0.5);
    expect(revealedOpenness(0.5, 1)).toBe(0.5);
    expect(revealedOpenness(0.3, 0)).toBe(0.3);
  });

  it('matches figures worked by hand under scarcity', () => {
    // O 0.5, T 2: s 0.5, 1 - 0.5 x (1 - 0.25) = 0.625
    expect(revealedOpenness(0.5, 2)).toBeCloseTo(0.625, 12);
    // O 0.2, T 4: s 0.75, 1 - 0.8 x (1 - 0.15) = 0.32
    expect(revealedOpenness(0.2, 4)).toBeCloseTo(0.32, 12);
    // nothing supplied (T null): s 1, 1 - 0.5 x 0.5 = 0.75
    expect(revealedOpenness(0.5, null)).toBeCloseTo(0.75, 12);
  });

  it('a fully discreet pivotal reveals nothing by being short; a fully open one has nothing left to reveal', () => {
    for (const T of [0.5, 1.5, 3, 100, null]) {
      expect(revealedOpenness(0, T)).toBe(0);
      expect(revealedOpenness(1, T)).toBe(1);
    }
  });

  it('rises with tightness past 1 and never passes 1', () => {
    for (const O of [0.1, 0.5, 0.9]) {
      let last = revealedOpenness(O, 1);
      for (const T of [1.25, 1.5, 2, 3, 5, 10]) {
        const now = revealedOpenness(O, T);
        expect(now).toBeGreaterThan(last);
        expect(now).toBeLessThanOrEqual(1);
        last = now;
      }
    }
  });
});

describe('in the engine: a scarcer market moves the party\'s prior about the ceiling towards it', () => {
  /** The party's prior when talks open, with demand at `demand` for its 500 troops (no substitute either way). */
  const opened = (demand: number): EventOf<'negotiation-opened'> => {
    const input = bilateral({ pivotal: { openness: 0.4, intelligence: 0.5, urgency: 0 }, partyPatience: 0.95, negotiation: { deadline: 4 } });
    const s = valid({ ...input, pivotal: { ...input.pivotal, demand: [{ fromRound: 1, troops: demand }] } });
    const e = runScenario(s, 3).events.find((x): x is EventOf<'negotiation-opened'> => x.type === 'negotiation-opened');
    if (!e) throw new Error('no negotiation opened');
    return e;
  };

  it('tightness 1 (demand 500 for 500 on offer) keeps O = 0.4; tightness 4 reads O\' = 0.58, the same draw moved by the revealed share', () => {
    const even = opened(500);
    const scarce = opened(2000);
    // Same ceiling and reservation (no substitute in both; the pivotal's value of its soldiers does not depend on demand).
    expect(scarce.ceiling).toBeCloseTo(even.ceiling, 2);
    expect(scarce.reservation).toBeCloseTo(even.reservation, 2);
    const a = even.reservation;
    const C = even.ceiling;
    // mean = a + O' (C - a) + (1 - O') w (C - a) z, with the same z: recover z from the even market, predict the scarce one.
    const w = 0.5; // engine.pricing.priorWidth's default
    const z = (even.partyBelief.mu - a - 0.4 * (C - a)) / ((1 - 0.4) * w * (C - a));
    const O2 = revealedOpenness(0.4, 4); // s = 0.75: 1 - 0.6 x (1 - 0.3) = 0.58
    expect(O2).toBeCloseTo(0.58, 12);
    expect(scarce.partyBelief.mu).toBeCloseTo(a + O2 * (C - a) + (1 - O2) * w * (C - a) * z, 0);
    expect(scarce.partyBelief.sd).toBeCloseTo((1 - O2) * w * (C - a), 0);
    expect(scarce.partyBelief.sd).toBeLessThan(even.partyBelief.sd);
  });
});
