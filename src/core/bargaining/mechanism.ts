/**
 * The plug-in point for bargaining. The engine finds a partner and the terms on the
 * table (troops, both reservations, the competitive ceiling); a mechanism decides the
 * price or why there is no deal. Failure to agree is a value, never an exception.
 */
import type { NoDealReason } from '../events';
import type { RandomStream } from '../rng';

export interface DealContext {
  readonly round: number;
  readonly party: string;
  readonly troops: number;
  /** r_i per soldier-year. */
  readonly reservation: number;
  /** R_i per soldier-year. */
  readonly pivotalReservation: number;
  /** min(R_i, substitute price scaled to this partner's effectiveness). */
  readonly ceiling: number;
  readonly roundsPerYear: number;
}

export type DealOutcome =
  | { readonly kind: 'agreement'; readonly pricePerSoldierYear: number }
  | { readonly kind: 'no-deal'; readonly reason: NoDealReason };

export interface Mechanism {
  readonly name: string;
  decide(ctx: DealContext, rng: RandomStream): DealOutcome;
}
