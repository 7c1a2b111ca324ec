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
 * mean a + O (C - a) + sigma z, sigma = (1 - O) w (C - a), with a = min(max(0, anchor), C),
 * truncated only at 0. More open: a mean nearer the truth and a narrower spread. A low draw of z
 * can put its mean below a: a party that misreads the pivotal's need as less than its own
 * reservation, and so expects little and settles fast (Korea, seed 1: the Philippines,
 * reservation $3,042, believed the US limit was about $2,715). Truncating at a instead (a party
 * that reasons only on ceilings with a deal to make) was tried on 2026-12-07: calibration and the
 * stylized facts unchanged at 40 and 20 seeds, but parties then hold out for more, and in a slack
 * market (teaching-scarcity) the 3,000 sought were filled within three months in 12 of 30 seeds
 * instead of 20 or more; not kept. Shared by troop talks (negotiate.ts) and access talks.
 */
export function partyPriorFor(x: PartyPriorInputs): Belief {
  const a = Math.min(Math.max(0, x.anchor), x.ceiling);
  const sigma = (1 - x.openness) * x.priorWidth * (x.ceiling - a);
  return belief(x.shape, a + x.openness * (x.ceiling - a) + sigma * x.z, sigma, 0, Infinity);
}

/**
 * How much of the pivotal's ceiling a third party can read, 0-1: the pivotal's openness O,
 * plus what its shortage reveals,
 *
 *   O' = 1 - (1 - O) (1 - O s),   s = 1 - min(1, 1 / T),   T = demand / supply this round
 *
 * s is the share of the demand that nobody offers to meet (market/supply `tightness`; 0 in a
 * slack market, where O' = O). A pivotal that cannot fill its demand shows how much it needs
 * troops (BRIEF §1, "Information is power": a pivotal state reveals how much it cares by
 * recruiting openly; "Supply and demand of forces": when demand exceeds supply the pivotal is
 * weak at the table), but only as far as its need is public: openness is how much of it leaks,
 * so the shortfall is seen in the share O, and it removes that share of what the party still
 * did not know. A fully discreet pivotal (O = 0) reveals nothing by being short; a fully open one
 * reveals all anyway. Without it, once no substitute was left the ceiling stopped moving (R_i)
 * and so did every party's belief about it: under a single offer from the party its share
 * plateaued past that point (docs/calibration.md, the tightness fact). `tightness` null
 * (nothing supplied) reads as T infinite, s = 1.
 */
export function revealedOpenness(openness: number, tightness: number | null): number {
  const O = Math.min(1, Math.max(0, openness));
  const shortfall = tightness === null ? 1 : 1 - Math.min(1, 1 / Math.max(tightness, Number.MIN_VALUE));
  // Exactly O when nothing is short (1 - (1 - O) is not always O in floating point).
  return shortfall === 0 ? O : 1 - (1 - O) * (1 - O * shortfall);
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
