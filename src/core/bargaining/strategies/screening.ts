/**
 * "Screening": the belief-based optimal offer. The proposer picks the price that
 * maximises its expected surplus given its belief about whether the other side accepts:
 * the pivotal maximises (ceiling - x) F(x), F the CDF of its belief about r_i; a third
 * party maximises (y - r_i) (1 - G(y)), G the CDF of its belief about the pivotal's ceiling.
 * As responder it accepts what beats the expected value of screening next time.
 */
import { cdf, type Belief } from '../beliefs';
import { CENT, gain, type NegotiatorView, type Response, type Strategy } from './types';

/** Expected surplus of proposing `price`. */
export function expectedGain(view: Pick<NegotiatorView, 'role' | 'ownReservation' | 'belief'>, price: number): number {
  const g = gain(view, price);
  if (g <= 0) return 0;
  const pAccept = view.role === 'pivotal' ? cdf(view.belief, price) : 1 - cdf(view.belief, price);
  return g * pAccept;
}

/** Search range: between the own reservation and the far end of the belief. */
function range(view: Pick<NegotiatorView, 'role' | 'ownReservation' | 'belief'>): [number, number] {
  const b: Belief = view.belief;
  const spread = Math.max(b.sigma * 6, 1);
  if (view.role === 'pivotal') {
    const lo = Number.isFinite(b.lo) ? b.lo : b.mu - spread;
    return [Math.max(0, Math.min(lo, view.ownReservation)), view.ownReservation];
  }
  const hi = Number.isFinite(b.hi) ? b.hi : b.mu + spread;
  return [view.ownReservation, Math.max(hi, view.ownReservation)];
}

/** argmax of expected gain: a 257-point grid, then golden-section refinement around the best cell. */
export function optimalScreeningPrice(view: Pick<NegotiatorView, 'role' | 'ownReservation' | 'belief'>): { price: number; value: number } {
  const [a, b] = range(view);
  if (b <= a) return { price: a, value: expectedGain(view, a) };
  const n = 256;
  let best = a;
  let bestV = -Infinity;
  for (let i = 0; i <= n; i++) {
    const x = a + ((b - a) * i) / n;
    const v = expectedGain(view, x);
    if (v > bestV) {
      bestV = v;
      best = x;
    }
  }
  let lo = Math.max(a, best - (b - a) / n);
  let hi = Math.min(b, best + (b - a) / n);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const x1 = hi - r * (hi - lo);
    const x2 = lo + r * (hi - lo);
    if (expectedGain(view, x1) >= expectedGain(view, x2)) hi = x2;
    else lo = x1;
  }
  const refined = (lo + hi) / 2;
  const v = expectedGain(view, refined);
  return v >= bestV ? { price: refined, value: v } : { price: best, value: bestV };
}

export const screening: Strategy = {
  name: 'screening',
  propose(view) {
    return optimalScreeningPrice(view).price;
  },
  respond(view, offer): Response {
    const g = gain(view, offer);
    if (g < -CENT) return 'reject';
    if (view.remaining <= 1) return 'accept';
    return g >= view.ownDiscount * optimalScreeningPrice(view).value - CENT ? 'accept' : 'reject';
  },
};
