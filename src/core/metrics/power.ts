/**
 * Bargaining power: a third party's share of the surplus a deal creates,
 * (p - r_i) / (R_i - r_i), measured against the pivotal state's true reservation R_i (not
 * the competitive ceiling), so that competition among partners shows up as a low share.
 */

/** Cent rounding of prices moves shares by ~1e-7; a reversal must clear one half by more. */
const SHARE_EPSILON = 1e-4;

export function surplusShare(price: number, reservation: number, pivotalReservation: number): number | null {
  const surplus = pivotalReservation - reservation;
  return surplus > 0 ? (price - reservation) / surplus : null;
}

/** The much weaker side (capability ratio at least `threshold`) takes the larger share. */
export function isReversal(share: number | null, capabilityRatio: number, threshold: number): boolean {
  return share !== null && share > 0.5 + SHARE_EPSILON && capabilityRatio >= threshold;
}
