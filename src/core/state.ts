/** The state of a run at the end of a round. Plain readonly data, changed only through immer. */
import type { Belief } from './bargaining/beliefs';
import type { DealTerms, NoDealReason } from './events';

/** Talks in progress with one third party: one exchange per round. */
export interface Negotiation {
  readonly openedRound: number;
  readonly troops: number;
  /** Exchanges made so far. */
  readonly exchanges: number;
  readonly deadline: number;
  /** R_i for these troops. */
  readonly pivotalReservation: number;
  /** The third party's belief about the pivotal's ceiling. */
  readonly partyBelief: Belief;
  readonly lastPivotalOffer: number | null;
  readonly lastPartyOffer: number | null;
}

export type PartyStatus = 'out' | 'deployed';

export interface PartyState {
  readonly id: string;
  readonly status: PartyStatus;
  /** Made unavailable by a scheduled event (e.g. a new government withdrawing). */
  readonly blocked: boolean;
  /** Troops deployed now. */
  readonly troops: number;
  /** Most it can deploy. */
  readonly capacity: number;
  /** Deployment cost per soldier-year this run (scenario value with cost uncertainty drawn). */
  readonly costPerYear: number;
  /** r_i per soldier-year. */
  readonly reservation: number;
  /** (1 - f_i) c_i: what it cannot fund itself. */
  readonly liquidityNeed: number;
  readonly deal: (DealTerms & { readonly round: number }) | null;
  readonly joinedRound: number | null;
  readonly paidTotal: number;
  /** Why the last attempt to recruit it failed, so a repeated failure is logged once. */
  readonly lastNoDeal: NoDealReason | null;
  /** The pivotal's belief about this party's reservation (kept across negotiations: learning persists). */
  readonly pivotalBelief: Belief | null;
  readonly negotiation: Negotiation | null;
  /** First round in which the pivotal will approach it again after a failed negotiation. */
  readonly reapproachFrom: number;
  /** Side-deal items already granted to it (each at most once per recipient). */
  readonly sideDealsReceived: readonly string[];
  /** Effort of its contingent (1 = full; caveats and retaliation lower it). */
  readonly effort: number;
  /** Cumulative deaths. */
  readonly deaths: number;
  /** Largest contingent it has fielded so far (for rewarding over-contributors). */
  readonly peakTroops: number;
  readonly holdUpThreats: number;
  readonly lastThreatRound: number;
  /** Retaliating for perceived reneging until this round (inclusive). */
  readonly grievanceUntil: number;
  /** Alliance depth with the pivotal (signalling can deepen it at the end). */
  readonly allianceDepth: number;
}

export interface PivotalState {
  readonly id: string;
  /** Budget plus donations and budget events so far. */
  readonly budgetTotal: number;
  readonly spent: number;
  /** Payments promised for the remaining rounds of signed deals. */
  readonly committed: number;
}

export interface SimState {
  readonly round: number;
  readonly demand: number;
  readonly pivotal: PivotalState;
  readonly parties: { readonly [id: string]: PartyState };
  /** Market figures of the last cleared round. */
  readonly market: { readonly supply: number; readonly tightness: number | null };
  /** Casualty risk: deaths per 1,000 deployed per round at exposure 1. */
  readonly risk: number;
  /** Random supply shocks in force: party -> last round it is unavailable. */
  readonly shockedUntil: { readonly [id: string]: number };
}


/** Money neither spent nor promised to signed deals: what new deals and concessions can use. */
export function freeBudget(pivotal: PivotalState): number {
  return pivotal.budgetTotal - pivotal.spent - pivotal.committed;
}
