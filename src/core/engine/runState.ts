/**
 * The working state of a run in progress: plain mutable records, parties in an array indexed
 * by their integer id (their position in the scenario), updated in place within a round.
 * Private to the engine. What leaves it is an immutable `SimState` snapshot (full mode) or
 * the sweep tally (sweep mode), so users' code never sees a record that is still changing.
 */
import type { Negotiation, PartyState, PivotalState, SimState } from '../state';
import type { AccessRecord } from './phases/access';
import type { PromiseRecord } from './phases/promises';
import type { PayerRecord } from './phases/payers';
import type { ContingentMotives } from '../market/contingent';
import type { PunishmentRecord } from './phases/punishment';
import type { RetentionRecord } from './phases/retention';
import type { HoldUpRecord } from '../dynamics/holdUp';
import type { RunScratch } from './scratch';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Talks in progress. */
export type NegotiationRecord = Mutable<Negotiation>;

export interface PartyRecord extends Mutable<Omit<PartyState, 'negotiation'>> {
  negotiation: NegotiationRecord | null;
}

export interface RunState {
  round: number;
  demand: number;
  /**
   * The last round after the first in which the troops sought rose, from any source: the
   * demand schedule, a scheduled `demand` event or a random demand shock (null: never). Force
   * generation of first contingents counts from it (phases/forceGeneration.ts).
   */
  demandRoseRound: number | null;
  pivotal: Mutable<PivotalState>;
  /** By party index (scenario order). */
  parties: PartyRecord[];
  market: { supply: number; tightness: number | null };
  risk: number;
  /** Random supply shocks in force: party index -> last round it is unavailable, in the order they began. */
  shockedUntil: Map<number, number>;
  /** By party index: whole cents its deal still promises (see phases/commit.ts). */
  promisedCents: Float64Array;
  /** Their sum, in whole cents: `pivotal.committed` is this over 100. */
  committedCents: number;
  /**
   * After a vote (party index): what the pivotal knows of the parliament's latent tolerance,
   * `lo <= u < hi` (politics/ratification.ts), and the troops K the party could deploy before any
   * failure (the scale of later deals).
   */
  ratification: Map<number, { lo: number; hi: number; deployable: number }>;
  /** Access offers and deals (issue 16, phases/access.ts), created on first use; absent when no party sells access. */
  access?: AccessRecord[];
  /** The access budget's account (`pivotal.accessBudget`, phases/access.ts), created with the offers; absent when access is paid from the budget. */
  accessFunds?: { spent: number; committedCents: number };
  /** Promised side deals (issue 16 item 3, phases/promises.ts), created on the first promise. */
  promises?: PromiseRecord[];
  /** Payers' money (issue 16 item 2, phases/payers.ts), by payer index, created on first use; absent without payers. */
  payers?: PayerRecord[];
  /**
   * By party index: this round's motives for the size of its contingent (phases/contingents.ts),
   * or null with fixed contingents (`engine.operation.signalling` off).
   */
  motives: ContingentMotives[] | null;
  /** Retention payments (issue 16 item 4, phases/retention.ts), by party index, created on the first offer. */
  retention?: (RetentionRecord | undefined)[];
  /** Punishment (issue 16 item 4, phases/punishment.ts): threats seen, sanctions and deterrence, by party index, created on first use. */
  punishment?: (PunishmentRecord | undefined)[];
  /** Hold-ups (dynamics/holdUp.ts): what the pivotal learned from called bluffs and what it conceded, by party index, created on first use. */
  holdUps?: (HoldUpRecord | undefined)[];
  /** This run's reusable buffers for the round loop (engine/scratch.ts): never part of a snapshot. */
  readonly scratch: RunScratch;
}

/** An immutable copy of the state at the end of a round (keys in the order readers expect). */
export function snapshot(s: RunState): SimState {
  const parties: Record<string, PartyState> = Object.create(null) as Record<string, PartyState>;
  for (const p of s.parties) parties[p.id] = snapshotParty(p);
  const shockedUntil: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [i, until] of s.shockedUntil) shockedUntil[s.parties[i]!.id] = until;
  const pv = s.pivotal;
  return Object.freeze({
    round: s.round,
    demand: s.demand,
    pivotal: Object.freeze({ id: pv.id, budgetTotal: pv.budgetTotal, spent: pv.spent, committed: pv.committed }),
    parties: Object.freeze(parties),
    market: Object.freeze({ supply: s.market.supply, tightness: s.market.tightness }),
    risk: s.risk,
    shockedUntil: Object.freeze(shockedUntil),
  });
}

function snapshotParty(p: PartyRecord): PartyState {
  const n = p.negotiation;
  return Object.freeze({
    id: p.id,
    status: p.status,
    blocked: p.blocked,
    troops: p.troops,
    capacity: p.capacity,
    costPerYear: p.costPerYear,
    reservation: p.reservation,
    liquidityNeed: p.liquidityNeed,
    // Deals and beliefs are replaced, never changed in place, so they can be shared.
    deal: p.deal,
    joinedRound: p.joinedRound,
    paidTotal: p.paidTotal,
    lastNoDeal: p.lastNoDeal,
    pivotalBelief: p.pivotalBelief,
    negotiation:
      n === null
        ? null
        : Object.freeze({
            openedRound: n.openedRound,
            troops: n.troops,
            exchanges: n.exchanges,
            deadline: n.deadline,
            pivotalReservation: n.pivotalReservation,
            partyBelief: n.partyBelief,
            lastPivotalOffer: n.lastPivotalOffer,
            lastPartyOffer: n.lastPartyOffer,
          }),
    reapproachFrom: p.reapproachFrom,
    // Copied on write (see deals.ts), so the array in a snapshot never changes.
    sideDealsReceived: p.sideDealsReceived,
    effort: p.effort,
    deaths: p.deaths,
    peakTroops: p.peakTroops,
    holdUpThreats: p.holdUpThreats,
    lastThreatRound: p.lastThreatRound,
    grievanceUntil: p.grievanceUntil,
    allianceDepth: p.allianceDepth,
  });
}
