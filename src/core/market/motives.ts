/**
 * A state's motives and limits for one round, assembled from its attributes: the one call
 * the round loop makes per party to get its supply (market/contingent). Pure glue over
 * politics/alliance (duty, signal), politics/stance and market/contingent (political cost).
 */
import { politicalCostAtCapacity, type ContingentMotives } from './contingent';
import { dutyFloor, dutyValue, signallingValue } from '../politics/alliance';
import { stanceCost } from '../politics/stance';

export interface PartyAttributes {
  /** c_i this run (the drawn deployment cost), per soldier-year. */
  readonly deploymentCost: number;
  /** u_i (`intrinsicValuePerYear`). */
  readonly intrinsicValue: number;
  /** S_i, signal value at full potential (`signallingValuePerYear`). */
  readonly signallingValueAtFullPotential: number;
  /** m_i (`opportunismMarkupPerYear`). */
  readonly markup: number;
  /** f_i (`selfFundedShare`). */
  readonly selfFundedShare: number;
  readonly armedForces: number;
  /** sigma_i (`deployableShare`). */
  readonly deployableShare: number;
  /** Explicit cap (`maxTroops`), overriding armedForces x deployableShare; null when unset. */
  readonly maxTroops: number | null;
  readonly casualtySensitivity: number;
  /** ATOP military-support pact, 0-1 (planned `allianceMilsup`). */
  readonly milsup: number;
  /** Alliance depth now (`allianceDepth`, deepened by rewards during the run). */
  readonly depth: number;
  /** `preferenceSimilarity` (UN agreement). */
  readonly similarity: number;
  /** Stance on the mission, -1..1 (planned `missionStance`; 0 when unset). */
  readonly stance: number;
}

/** K_i: the explicit cap, or armed forces x deployable share (whole troops). */
export function deployableTroops(a: Pick<PartyAttributes, 'maxTroops' | 'armedForces' | 'deployableShare'>): number {
  return a.maxTroops ?? Math.floor(a.armedForces * a.deployableShare);
}

/**
 * Its motives this round, given the share of forces the leader asks of everyone (alliance
 * `leaderAsk`) and the smallest contingent that counts (`engine.minContingent`: a bound ally's
 * token, alliance `dutyFloor`).
 */
export function contingentMotives(a: PartyAttributes, ask: number, tokenContingent = 0): ContingentMotives {
  const ties = { milsup: a.milsup, depth: a.depth, similarity: a.similarity };
  const deployable = deployableTroops(a);
  const h = politicalCostAtCapacity(a.deploymentCost, a.casualtySensitivity);
  return {
    deploymentCost: a.deploymentCost,
    intrinsicValue: a.intrinsicValue,
    signallingValue: signallingValue(ties, a.signallingValueAtFullPotential),
    markup: a.markup,
    stanceCost: stanceCost(a.stance, a.deploymentCost),
    liquidityNeed: (1 - a.selfFundedShare) * a.deploymentCost,
    dutyValue: dutyValue(ties, a.deploymentCost, h),
    dutyFloor: dutyFloor(ties, ask, a.armedForces, deployable, tokenContingent),
    deployable,
    politicalCostAtCapacity: h,
  };
}

/** b_i for recruitValue: the rise of the average reservation per extra soldier, h / (2K). */
export function priceSlope(m: Pick<ContingentMotives, 'politicalCostAtCapacity' | 'deployable'>): number {
  return m.deployable > 0 ? m.politicalCostAtCapacity / (2 * m.deployable) : 0;
}
