/**
 * The complete-information pricing rules: the baseline against which the private-
 * information bargaining engine is measured.
 */
import type { Pricing } from '../../scenario/schema';
import type { DealContext, DealOutcome, Mechanism } from './mechanism';

/** Generalized Nash bargaining: the third party gets share w of the surplus up to the ceiling. */
export function nashPrice(ctx: DealContext, weight: number): DealOutcome {
  if (ctx.reservation > ctx.ceiling) return { kind: 'no-deal', reason: 'above-ceiling' };
  return { kind: 'agreement', pricePerSoldierYear: ctx.reservation + weight * (ctx.ceiling - ctx.reservation) };
}

/** A posted per-soldier rate (UN reimbursement style): take it or stay out. */
export function fixedRate(ctx: DealContext, ratePerSoldierPerRound: number): DealOutcome {
  const price = ratePerSoldierPerRound * ctx.roundsPerYear;
  if (price < ctx.reservation) return { kind: 'no-deal', reason: 'rate-below-reservation' };
  if (price > ctx.pivotalReservation) return { kind: 'no-deal', reason: 'above-ceiling' };
  return { kind: 'agreement', pricePerSoldierYear: price };
}

export function mechanismFor(pricing: Exclude<Pricing, { rule: 'negotiation' }>): Mechanism {
  switch (pricing.rule) {
    case 'nash':
      return { name: 'nash', decide: (ctx) => nashPrice(ctx, pricing.thirdPartyWeight) };
    case 'fixed-rate':
      return { name: 'fixed-rate', decide: (ctx) => fixedRate(ctx, pricing.ratePerSoldierPerRound) };
    case 'reservation':
      return { name: 'reservation', decide: (ctx) => nashPrice(ctx, 0) };
  }
}
