/**
 * Priors from the information structure (BRIEF §6, "Private information"), as pure functions
 * of plain numbers: the engine draws `z` from its named stream and passes it in.
 *
 * Openness moves only the third party's belief about the pivotal's ceiling (issue 12,
 * item 8); intelligence moves only the pivotal's belief about r_i. Neither enters any
 * negotiator's offer formula.
 */
import { belief, type Belief } from './beliefs';

export interface PartyPriorInputs {
  /** Where an uninformed party anchors its guess of the pivotal's ceiling, per soldier-year (its own reservation, floored at 0). */
  readonly anchor: number;
  /** The pivotal's true ceiling for this deal, per soldier-year. */
  readonly ceiling: number;
  /** How openly the pivotal recruits, 0-1 (`pivotal.bargaining.openness`). */
  readonly openness: number;
  /** Spread of a fully uninformed prior as a share of the surplus (`engine.pricing.priorWidth`). */
  readonly priorWidth: number;
  /** A standard normal draw (the party's private noise). */
  readonly z: number;
  readonly shape: Belief['shape'];
}

/**
 * The party's prior about the pivotal's ceiling C:
 * mean a + O (C - a) + sigma z, sigma = (1 - O) w (C - a), with a = min(max(0, anchor), C).
 * More open: a mean nearer the truth and a narrower spread.
 */
export function partyPriorFor(x: PartyPriorInputs): Belief {
  const a = Math.min(Math.max(0, x.anchor), x.ceiling);
  const sigma = (1 - x.openness) * x.priorWidth * (x.ceiling - a);
  return belief(x.shape, a + x.openness * (x.ceiling - a) + sigma * x.z, sigma, 0, Infinity);
}

export interface PivotalPriorInputs {
  /** The party's deployment cost c_i per soldier-year: what the pivotal can see. */
  readonly visibleCost: number;
  /** The party's true reservation r_i. */
  readonly reservation: number;
  /** `pivotal.bargaining.intelligence`, 0-1. */
  readonly intelligence: number;
  readonly priorWidth: number;
  readonly z: number;
  readonly shape: Belief['shape'];
}

/** The pivotal's prior about r_i: mean c_i + I (r_i - c_i) + sigma z, sigma = (1 - I) w c_i. */
export function pivotalPriorFor(x: PivotalPriorInputs): Belief {
  const sigma = (1 - x.intelligence) * x.priorWidth * x.visibleCost;
  return belief(x.shape, x.visibleCost + x.intelligence * (x.reservation - x.visibleCost) + sigma * x.z, sigma, 0, Infinity);
}

/**
 * The pivotal's second-order belief: what it expects the party believes its ceiling to
 * be, the mean of the party's prior without the party's private noise, anchored at the
 * pivotal's own estimate of r_i (it does not know r_i). For the equilibrium strategy's
 * `otherEstimateOfMine`; never above the ceiling.
 */
export function expectedPartyView(x: Omit<PartyPriorInputs, 'z' | 'shape'>): number {
  return Math.min(x.ceiling, partyPriorFor({ ...x, z: 0, shape: 'normal' }).mu);
}

/** The party's second-order belief: what it expects the pivotal believes r_i to be (the mean of the pivotal's prior without its noise). */
export function expectedPivotalView(x: Omit<PivotalPriorInputs, 'z' | 'shape'>): number {
  return pivotalPriorFor({ ...x, z: 0, shape: 'normal' }).mu;
}
