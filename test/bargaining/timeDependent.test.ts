/**
 * Time-dependent concession (src/core/bargaining/strategies/timeDependent.ts): it concedes from
 * its belief-mean anchor to its best final offer under its belief, not to its bare reservation,
 * so the belief that openness moves still sets the price at the deadline (issue 12 item 8).
 */
import { concessionPrice, timeDependent, BOULWARE_EXPONENT } from '../../src/core/bargaining/strategies/timeDependent';
import { optimalScreeningPrice } from '../../src/core/bargaining/strategies/screening';
import type { NegotiatorView } from '../../src/core/bargaining/strategies/types';

const r = 10_000;
const party = (mu: number, sigma: number, exchange: number, deadline: number): NegotiatorView => ({
  role: 'third-party', exchange, remaining: deadline - exchange, deadline, ownReservation: r,
  belief: { shape: 'normal', mu, sigma, lo: 0, hi: Infinity }, ownDiscount: 0.95, otherDiscount: 0.95,
  lastOwnOffer: null, lastOtherOffer: null, horizon: 'open-ended', otherEstimateOfMine: r,
});

describe('time-dependent concession', () => {
  it('opens at its belief mean and ends at its take-it-or-leave-it optimum, between it and r', () => {
    const first = party(16_000, 2_000, 0, 6);
    const last = party(16_000, 2_000, 5, 6);
    expect(concessionPrice(first, BOULWARE_EXPONENT, 0)).toBeCloseTo(16_000, 6);
    const z = optimalScreeningPrice(last).price;
    expect(z).toBeGreaterThan(r);
    expect(z).toBeLessThan(16_000);
    expect(concessionPrice(last, BOULWARE_EXPONENT, 5)).toBeCloseTo(z, 6);
  });

  it('a party that believes the ceiling is higher asks more at the deadline (what openness moves)', () => {
    const low = timeDependent('boulware', BOULWARE_EXPONENT).propose(party(12_000, 1_000, 0, 1))!;
    const high = timeDependent('boulware', BOULWARE_EXPONENT).propose(party(18_000, 1_000, 0, 1))!;
    expect(low).toBeGreaterThan(r);
    expect(high - low).toBeGreaterThan(4_000);
  });

  it('before its last offer it refuses a price below its best final offer (it no longer takes anything above r)', () => {
    const s = timeDependent('boulware', BOULWARE_EXPONENT);
    const v = party(16_000, 2_000, 4, 6);
    const z = optimalScreeningPrice(party(16_000, 2_000, 5, 6)).price;
    expect(s.respond(v, r + 100)).toBe('reject');
    expect(s.respond(v, z + 1)).toBe('accept');
  });
});
