/**
 * Reservation levels, per soldier-year (BRIEF §6).
 *
 * Third party:  r_i = max(c_i - u_i - s_i + m_i + t_i, (1 - f_i) c_i)
 *   the least it accepts; the floor is its liquidity need (what it cannot fund itself).
 *   t_i = c_i o / (1 - o) is its stance cost on this mission (politics/stance.ts, issue 12
 *   item 4; o = max(0, -missionStance)): infinite under open opposition, which keeps it out
 *   at any price.
 *   s_i = signallingValue * g_i with g_i = max(0, similarity - depth), the unrealized
 *   alliance potential. A party with r_i <= 0 and no liquidity need is a volunteer.
 *
 * Pivotal state: R_i(k) = e_i c_P + (L + kappa_i V) / k
 *   own-soldier cost saved, plus the yearly value of one more flag and of this partner's
 *   criticality, spread over the k troops it sends.
 */
import type { PivotalSpec, ThirdPartySpec } from '../../scenario/schema';
import { missionStance } from '../../scenario/mechanismInputs';
import { stanceCost } from '../politics/stance';

export function alliancePotential(p: Pick<ThirdPartySpec, 'preferenceSimilarity' | 'allianceDepth'>): number {
  return Math.max(0, p.preferenceSimilarity - p.allianceDepth);
}

export interface ThirdPartyReservation {
  readonly reservation: number;
  readonly liquidityNeed: number;
  /** c_i - u_i - s_i + m_i + t_i before the liquidity floor (Infinity under open opposition). */
  readonly netCost: number;
}

export function thirdPartyReservation(p: ThirdPartySpec, costPerYear: number): ThirdPartyReservation {
  const signalling = p.signallingValuePerYear * alliancePotential(p);
  const netCost = costPerYear - p.intrinsicValuePerYear - signalling + p.opportunismMarkupPerYear + stanceCost(missionStance(p), costPerYear);
  const liquidityNeed = (1 - p.selfFundedShare) * costPerYear;
  return { reservation: Math.max(netCost, liquidityNeed), liquidityNeed, netCost };
}


/**
 * `alreadyMember`: more troops from a partner already in the coalition bring no new flag and
 * no criticality the pivotal does not already have: they are worth e_i c_P alone.
 */
export function pivotalReservation(pivotal: PivotalSpec, party: ThirdPartySpec, troops: number, alreadyMember = false): number {
  if (alreadyMember) return party.effectiveness * pivotal.ownSoldierCostPerYear;
  const perFlag = pivotal.flagValuePerYear + party.criticality * pivotal.criticalPartnerValuePerYear;
  return party.effectiveness * pivotal.ownSoldierCostPerYear + (troops > 0 ? perFlag / troops : 0);
}

export function capacity(p: ThirdPartySpec): number {
  return p.maxTroops ?? Math.floor(p.armedForces * p.deployableShare);
}

/** The part of R_i only this partner brings: the yearly value of its criticality per soldier. */
export function criticalPremium(pivotal: PivotalSpec, party: ThirdPartySpec, troops: number): number {
  return troops > 0 ? (party.criticality * pivotal.criticalPartnerValuePerYear) / troops : 0;
}

/**
 * What bounds the pivotal's ceiling beyond R_i and the substitute (issue 12 item 10, negotiation):
 * - `flagTroops`: the credible contingent the flag and criticality are spread over, k_f >= k
 *   (troops). A flag is worth L whatever the size, but per soldier it is L / k_f with k_f the
 *   contingent the partner would bring (its offer, at most the gap), not the k a short budget
 *   leaves: a pivotal that can afford only a few of its soldiers does not value each more
 *   (L / k for k = 1-2 gave ceilings of millions per soldier-year).
 * - `affordable`: the most it can still promise per soldier-year for these troops, free budget
 *   / (k x years left) (currency per soldier-year): a ceiling it cannot pay is not a ceiling, and
 *   a deal agreed above it fails at signing.
 */
export interface CeilingLimits {
  readonly flagTroops?: number;
  readonly affordable?: number;
  /**
   * delta_i per soldier-year (market/forceGeneration `fillInCost`): what the pivotal's own soldiers
   * cost, per soldier-year of the deal, until this partner's first contingent arrives (0 for a
   * member). It comes off R_i and off the ceiling; the substitute's price passed in carries its own.
   */
  readonly delayCost?: number;
}

/**
 * The most the pivotal would pay this partner given a substitute: the substitute's price
 * for the same effective troops (with the fill-in of a substitute that would be a first
 * contingent), plus what only this partner brings (its criticality; a substitute brings a flag
 * too), less this partner's own fill-in delta_i. Without a substitute (scarcity) it is R_i itself. With
 * `limits`, R_i spreads the flag over max(k, k_f) and the ceiling is at most `affordable`
 * (R stays the pivotal's reservation: the budget bounds what it can pay, not what it gains).
 */
export function competitiveCeiling(pivotal: PivotalSpec, party: ThirdPartySpec, troops: number, substitutePerEffectiveSoldier: number | undefined, alreadyMember = false, limits: CeilingLimits = {}): { R: number; ceiling: number } {
  const spread = Math.max(troops, limits.flagTroops ?? 0);
  const delay = limits.delayCost ?? 0;
  const R = pivotalReservation(pivotal, party, spread, alreadyMember) - delay;
  const cap = limits.affordable ?? Infinity;
  if (substitutePerEffectiveSoldier === undefined) return { R, ceiling: Math.min(R, cap) };
  const particular = alreadyMember ? 0 : criticalPremium(pivotal, party, spread);
  return { R, ceiling: Math.min(R, substitutePerEffectiveSoldier * party.effectiveness + particular - delay, cap) };
}
