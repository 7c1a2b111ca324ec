/**
 * Contingent size as a choice, and alliance duty (issue 12 items 2 and 3, wired): each round
 * every party's motives (market/motives `contingentMotives`: interest, signalling, alliance
 * duty, stance, liquidity, casualty sensitivity, the share of its forces it can deploy) give
 * what it would deploy unpaid, what it offers at a price, and its reservation for a deal of k
 * troops, r_i(k) (market/contingent `averageReservation`), or for k more on top of a contingent
 * already deployed (`enlargementReservation`).
 *
 * Switched by `engine.operation.signalling` (BRIEF §1 "acquaintances who over-contribute": the
 * size of a contingent is what signals). Off, contingents are the fixed capacity
 * (`maxTroops`, else armed forces x deployable share) at the scalar reservation r_i of
 * market/reservation: the baseline the calibrations were first written against.
 *
 * Data mapping (../shared/data): `defencePact` = ATOP `atop_milsup_us` (milsup, 0/1),
 * `allianceDepth` = `bc_depth` rescaled 0-1 (the run's depth once rewarded), and
 * `preferenceSimilarity` = `agree_us`. The deployable cap K_i is `maxTroops`, else armed forces x
 * max(deployableShare, engine.operation.maxDeployableShare): the most a state would deploy at all
 * (see `motivesOf` for where its political cost is anchored).
 */
import { averageReservation, enlargementReservation, enlargementSupply, marginalReservation, supplyAt, type ContingentMotives } from '../../market/contingent';
import { contingentMotives, deployableTroops, priceSlope, type PartyAttributes } from '../../market/motives';
import { leaderAsk } from '../../politics/alliance';
import { thirdPartyReservation } from '../../market/reservation';
import { cents } from '../../money';
import { dealCasualtyPressure } from '../../dynamics/holdUp';
import { defencePact, dutyWeight, missionStance } from '../../../scenario/mechanismInputs';
import type { Scenario, ThirdPartySpec } from '../../../scenario/schema';
import type { Model } from '../model';
import type { PartyRecord, RunState } from '../runState';

/** Contingents are chosen from motives (true) or fixed at capacity (false). */
export function contingentChoice(scenario: Scenario): boolean {
  return scenario.engine.operation.signalling;
}

/** A party's attributes for its motives: the scenario's fields, this run's cost and alliance depth. */
export function attributesOf(spec: ThirdPartySpec, costPerYear: number, depth: number): PartyAttributes {
  return {
    deploymentCost: costPerYear,
    intrinsicValue: spec.intrinsicValuePerYear,
    signallingValueAtFullPotential: spec.signallingValuePerYear,
    markup: spec.opportunismMarkupPerYear,
    selfFundedShare: spec.selfFundedShare,
    armedForces: spec.armedForces,
    deployableShare: spec.deployableShare,
    maxTroops: spec.maxTroops ?? null,
    casualtySensitivity: spec.casualtySensitivity,
    milsup: defencePact(spec) ? 1 : 0,
    depth,
    similarity: spec.preferenceSimilarity,
    stance: missionStance(spec),
  };
}

/** K_i with contingent choice on: `maxTroops`, else armed forces x max(deployableShare, maxDeployableShare). */
export function deployableOf(spec: ThirdPartySpec, op: Scenario['engine']['operation']): number {
  return deployableTroops({ maxTroops: spec.maxTroops ?? null, armedForces: spec.armedForces, deployableShare: Math.max(spec.deployableShare, op.maxDeployableShare) });
}

/**
 * Its motives this round. The political cost of committing forces is anchored at its usual
 * deployable share sigma_i (`deployableShare`): at armed forces x sigma_i the marginal soldier
 * costs c_i (1 + casualty sensitivity) more, and it keeps rising at that rate up to the hard cap
 * K_i (`deployableOf`: `maxTroops`, else armed forces x max(`deployableShare`, `maxDeployableShare`)): h_i / K_i = c_i (1 + cs) / (A_i
 * sigma_i) whatever the cap. `maxTroops` is only a cap: a cap that does not bind must not change
 * the choice below it (anchored at a cap set to a recorded contingent, the recorded size would
 * need a price of w_i + h_i for its last soldier, about twice its cost, and never be chosen).
 */
export function motivesOf(spec: ThirdPartySpec, op: Scenario['engine']['operation'], costPerYear: number, depth: number, ask: number, tokenContingent = 0): ContingentMotives {
  const raw = contingentMotives(attributesOf(spec, costPerYear, depth), ask, tokenContingent);
  const w = dutyWeight(op);
  const m = w === 1 ? raw : { ...raw, dutyValue: raw.dutyValue * w };
  const cap = deployableOf(spec, op);
  const anchor = usualContingent(spec);
  if (cap <= 0 || anchor <= 0) return m;
  return { ...m, deployable: cap, politicalCostAtCapacity: (m.politicalCostAtCapacity * cap) / anchor };
}

/** Armed forces x deployableShare (whole troops): where the political cost of a contingent reaches c_i (1 + cs). */
export function usualContingent(spec: ThirdPartySpec): number {
  return Math.floor(spec.armedForces * spec.deployableShare);
}

/**
 * This round's motives for every party (after the alliance review, so a deepened alliance
 * means more duty and less signal at once), with the leader's ask a = demand / sum A_j. A
 * party's `reservation` becomes r_i(k) for what it has deployed (or, when out, for a small
 * contingent: BRIEF §6's r_i less its duty value). No-op with contingent choice off.
 */
export function refreshMotives(s: RunState, model: Model): void {
  if (s.motives === null) return;
  const op = model.scenario.engine.operation;
  const ask = leaderAsk(s.demand, model.coalitionForces);
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    const m = motivesOf(model.specs[i]!, op, p.costPerYear, p.allianceDepth, ask, model.scenario.engine.minContingent);
    s.motives[i] = m;
    p.reservation = cents(averageReservation(m, p.troops));
    p.liquidityNeed = cents(m.liquidityNeed);
  }
}

/**
 * r_i for `troops` more from party i: r_i(k) for a new member, the incremental reservation for an
 * enlargement. A partner that has lost soldiers adds the casualty premium z_i of the contingent
 * it would then have (dynamics/holdUp.ts `dealCasualtyPressure`).
 */
export function dealReservation(s: RunState, model: Model, i: number, troops: number): number {
  const p = s.parties[i]!;
  const m = s.motives?.[i];
  const base = m ? (p.troops > 0 ? enlargementReservation(m, p.troops, troops) : averageReservation(m, troops)) : p.reservation;
  const z = dealCasualtyPressure(s, model, i, troops);
  // Without contingent choice and without a premium, its reservation as it stands (not re-rounded).
  return !m && z === 0 ? base : cents(base + z);
}

/** The reservation of its whole contingent after a deal for `troops` more (what its share and later rents are measured against). */
export function contingentReservation(s: RunState, i: number, total: number): number {
  const m = s.motives?.[i];
  return m ? cents(averageReservation(m, total)) : s.parties[i]!.reservation;
}

/** Troops party i would add without pay now (its duty floor rose, or its interest covers them). Paid members add only by deal. */
export function unpaidSupply(s: RunState, i: number): number {
  const p = s.parties[i]!;
  const m = s.motives?.[i];
  if (!m) return p.reservation <= 0 && p.deal === null ? p.capacity - p.troops : 0;
  if (p.deal !== null) return 0;
  return Math.min(p.capacity - p.troops, Math.floor(enlargementSupply(m, p.troops, 0)));
}

/** Troops party i would add at price `price` per soldier-year for the extra ones (its supply curve), within its spare capacity. */
export function offeredAt(s: RunState, i: number, price: number): number {
  const p = s.parties[i]!;
  const m = s.motives?.[i];
  if (!m) return p.capacity - p.troops;
  return Math.min(p.capacity - p.troops, Math.floor(enlargementSupply(m, p.troops, price)));
}

/**
 * The true price line of party i (complete information): intercept a_i and slope b_i = h_i /
 * (2 K_i), so that a_i + b_i k is its reservation r_i(k) for k troops (for k more, when deployed)
 * where the political cost binds. The intercept is its net cost before the liquidity floor (less
 * its duty value): the floor binds only for small contingents and would hide, in the line,
 * what interest, signal and duty do to the size it will accept.
 */
export function truePriceLine(s: RunState, i: number): { intercept: number; slope: number } {
  const p = s.parties[i]!;
  const m = s.motives?.[i];
  if (!m) return { intercept: p.reservation, slope: 0 };
  return { intercept: marginalReservation(m, p.troops), slope: priceSlope(m) };
}

/** b_i (public) and the rise of a member's next-soldier price above its small-contingent intercept, 2 b_i k0. */
export function publicSlope(s: RunState, i: number): { slope: number; memberRise: number } {
  const m = s.motives?.[i];
  if (!m) return { slope: 0, memberRise: 0 };
  const b = priceSlope(m);
  return { slope: b, memberRise: 2 * b * s.parties[i]!.troops };
}

/** Its supply at a price with contingent choice on, for the market survey (an observer's measure). */
export function supplyOf(s: RunState, i: number, price: number): number {
  const m = s.motives?.[i];
  return m ? supplyAt(m, price) : s.parties[i]!.capacity;
}

/** A party's situation when it deployed, read back from the run's snapshots by the typology. */
export interface DeploymentMoment {
  /** Its deployment cost c_i and alliance depth that round. */
  readonly costPerYear: number;
  readonly allianceDepth: number;
  /** Troops it had before, and the troops it added. */
  readonly deployedBefore: number;
  readonly troops: number;
  /** Troops the pivotal sought that round (the leader's ask a = demand / sum A). */
  readonly demand: number;
}

/**
 * What party i would have asked per soldier-year for the troops it added at `at` without its
 * signalling motive (s_i = 0, all else as it was): the counterfactual behind the typology's
 * signaller label (issue 12 item 9; BRIEF §1 "acquaintances ... signalling for a closer
 * alliance"). With chosen contingents, r_i(k) or the enlargement reservation of the motives
 * of that round with s_i removed; with fixed contingents, its scalar r_i with s_i removed,
 * max(c_i - u_i + m_i + stance, (1 - f_i) c_i) (market/reservation.ts): the signal lowers the net
 * cost, not the liquidity need, so a state whose liquidity need binds asks the same without it,
 * and a volunteer whose net cost stays at or below zero without it still volunteers.
 * Compared with what it got: above the price, the signal made the deal.
 */
export function reservationWithoutSignal(spec: ThirdPartySpec, scenario: Scenario, coalitionForces: number, at: DeploymentMoment): number {
  if (!contingentChoice(scenario)) return thirdPartyReservation({ ...spec, allianceDepth: at.allianceDepth, signallingValuePerYear: 0 }, at.costPerYear).reservation;
  const m = { ...motivesOf(spec, scenario.engine.operation, at.costPerYear, at.allianceDepth, leaderAsk(at.demand, coalitionForces), scenario.engine.minContingent), signallingValue: 0 };
  return at.deployedBefore > 0 ? enlargementReservation(m, at.deployedBefore, at.troops) : averageReservation(m, at.troops);
}

/**
 * What party i would ask per soldier-year for `at.troops` now without an opportunist's markup
 * (m_i = 0, all else as it is): the benchmark of the typology's opportunist label, "asked more
 * than its costs justify" (BRIEF §1, §3). With chosen contingents that benchmark is r_i(k) of
 * this round's motives with m_i removed, so the political cost of the contingent's size, a real
 * cost, counts as justified (Brazil in teaching-signalling, with no markup, asked $27,416 for
 * 4,861 troops against $22,913 of net cost and was called an opportunist); with fixed
 * contingents, the scalar r_i with m_i removed.
 */
export function reservationWithoutMarkup(spec: ThirdPartySpec, scenario: Scenario, coalitionForces: number, at: Omit<DeploymentMoment, 'deployedBefore'>): number {
  const plain = { ...spec, opportunismMarkupPerYear: 0 };
  if (!contingentChoice(scenario)) return thirdPartyReservation({ ...plain, allianceDepth: at.allianceDepth }, at.costPerYear).reservation;
  return averageReservation(motivesOf(plain, scenario.engine.operation, at.costPerYear, at.allianceDepth, leaderAsk(at.demand, coalitionForces), scenario.engine.minContingent), at.troops);
}

/** Initial capacity: K_i with contingent choice, else the fixed capacity. */
export function initialCapacity(spec: ThirdPartySpec, scenario: Scenario, fixed: number): number {
  return contingentChoice(scenario) ? deployableOf(spec, scenario.engine.operation) : fixed;
}

export type { ContingentMotives, PartyRecord };
