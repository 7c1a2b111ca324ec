/**
 * The typed event log: everything that happened in a run, in order. Every output
 * (ledger, CSVs, summary, charts, narrative) is derived from states and these events.
 */
import type { FundedLine } from './payments/payers';

export type NoDealReason =
  /** Its reservation is above what the pivotal state would pay (its own reservation or a substitute). */
  | 'above-ceiling'
  /** The pivotal could not commit the money for the rest of the operation. */
  | 'budget'
  /** Negotiations ended without agreement (breakdown, deadline or a negotiator error). */
  | 'negotiation-failed'
  /** A posted fixed rate does not cover its reservation. */
  | 'rate-below-reservation'
  /** The agreed deal failed ratification at home (issue 12 item 4). */
  | 'ratification-failed';

export type PaymentKind = 'subsidy' | 'side-deal';

export type ReleaseReason = 'demand-fell' | 'unavailable' | 'casualties' | 'hold-up' | 'retaliation';

export type HoldUpOutcome = 'paid' | 'refused-withdrew' | 'bluff-called';

export interface SideDealGrant {
  readonly item: string;
  /** What it costs the pivotal state. */
  readonly cost: number;
  /** What it is worth to the recipient. */
  readonly value: number;
}

export type Role = 'pivotal' | 'third-party';

/** A belief as logged: the summary a reader needs, not the whole distribution. */
export interface BeliefSnapshot {
  readonly shape: 'normal' | 'uniform';
  /** Centre and spread of the prior before truncation. */
  readonly mu: number;
  readonly sd: number;
  /** Bounds learned so far (hi null: unbounded). */
  readonly lo: number;
  readonly hi: number | null;
  /** Mean of the truncated belief: the side's best single guess. */
  readonly mean: number;
}

export type NegotiationOutcome = 'agreement' | 'breakdown' | 'deadline' | 'not-needed' | 'error';

export interface DealTerms {
  readonly party: string;
  readonly troops: number;
  /** Value per soldier-year agreed, to the recipient (0 for volunteers): subsidy plus side deals. */
  readonly pricePerSoldierYear: number;
  /** The part paid as a deployment subsidy, per soldier-year (hold-up concessions included). */
  readonly subsidyPerSoldierYear: number;
  /** The part of that subsidy conceded to hold-ups since signing (0 at signing). */
  readonly concessionPerSoldierYear: number;
  /** Side-deal items granted at signing to make up the rest. */
  readonly sideDeals: readonly SideDealGrant[];
  /** Third party's reservation per soldier-year (r_i): the least it accepts. */
  readonly reservation: number;
  /** Pivotal's reservation per soldier-year for this partner (R_i): the most the deal is worth to it. */
  readonly pivotalReservation: number;
  /** Most the pivotal would pay given substitutes: min(R_i, next substitute). */
  readonly ceiling: number;
  /** Third party's share of the surplus (p - r) / (R - r), or null for volunteers. */
  readonly share: number | null;
  readonly mechanism: string;
  /** Issue 16 item 2: the parts of the subsidy funded by payers' own lines, per soldier-year (the pivotal pays the rest). Absent: the pivotal pays it all. */
  readonly lines?: readonly FundedLine[];
}

/** An installment of a promise falling due, and what the pivotal weighed in keeping or breaking it (`promise-kept`, `promise-broken`). */
export interface InstallmentDecision {
  readonly round: number;
  readonly party: string;
  readonly item: string;
  /** 1-based; a conversion to a grant is numbered after the last installment. */
  readonly installment: number;
  readonly of: number;
  readonly conversion: boolean;
  readonly cost: number;
  readonly value: number;
  /** The pivotal's price of delivering it (cost times its domestic price) and what it expected to lose by reneging. */
  readonly keepingCost: number;
  readonly renegingLoss: number;
}

export type SimEvent =
  | AccessEvent
  | PromiseEvent
  | { readonly type: 'round-started'; readonly round: number }
  | { readonly type: 'demand-changed'; readonly round: number; readonly from: number; readonly to: number; readonly cause: 'schedule' | 'event' | 'random'; readonly label?: string }
  | { readonly type: 'budget-changed'; readonly round: number; readonly amount: number; readonly source: string; readonly label?: string; readonly budgetTotal: number }
  | { readonly type: 'availability-changed'; readonly round: number; readonly party: string; readonly available: boolean; readonly label?: string }
  | { readonly type: 'volunteered'; readonly round: number; readonly party: string; readonly troops: number; readonly reservation: number }
  | ({ readonly type: 'deal-signed'; readonly round: number } & DealTerms)
  | { readonly type: 'no-deal'; readonly round: number; readonly party: string; readonly reason: NoDealReason; readonly reservation: number; readonly ceiling: number }
  | {
      /** An agreed deal failed domestic ratification; the pivotal may come back with `followUpTroops` (0: it will not). */
      readonly type: 'ratification-failed';
      readonly round: number;
      readonly party: string;
      readonly troops: number;
      /** P(ratified) of the failed deal. */
      readonly probability: number;
      readonly followUpTroops: number;
    }
  | {
      readonly type: 'contingent-released';
      readonly round: number;
      readonly party: string;
      readonly troops: number;
      readonly remaining: number;
      /** demand-fell: the pivotal sent it home; the others are the partner's own decision. */
      readonly reason: ReleaseReason;
    }
  | { readonly type: 'risk-changed'; readonly round: number; readonly from: number; readonly to: number; readonly label?: string }
  | { readonly type: 'casualties'; readonly round: number; readonly party: string; readonly deaths: number; readonly cumulative: number; readonly tolerance: number | null }
  | {
      readonly type: 'holdup-threat';
      readonly round: number;
      readonly party: string;
      /** Extra value demanded per soldier-year, and over the rest of the operation. */
      readonly demandPerSoldierYear: number;
      readonly demandTotal: number;
      /** What replacing it would cost the pivotal per soldier-year beyond today's price (flag and criticality included). */
      readonly replacementPremium: number;
      readonly tightness: number | null;
      /** The pivotal's belief that, refused, it would really leave (lambda, 0-1; 0 or 1 under complete information). */
      readonly leaveProbability: number;
      /** z: the rise of its reservation per soldier-year from the deaths it expects by the end (null: no money makes it bear them). */
      readonly casualtyPremium: number | null;
    }
  | {
      readonly type: 'holdup-resolved';
      readonly round: number;
      readonly party: string;
      readonly outcome: HoldUpOutcome;
      /** Cost to the pivotal of what it conceded, over the rest of the run as agreed (0 unless paid); what is actually paid is the `payment` events with cause hold-up, less if the partner leaves early. */
      readonly concessionCost: number;
      /** The partner's surplus share after the episode. */
      readonly share: number | null;
    }
  | { readonly type: 'effort-changed'; readonly round: number; readonly party: string; readonly from: number; readonly to: number; readonly reason: 'deployed' | 'retaliation' | 'restored' }
  | { readonly type: 'payment-cut'; readonly round: number; readonly party: string; readonly due: number; readonly paid: number }
  | { readonly type: 'reneging-perceived'; readonly round: number; readonly party: string; readonly actual: boolean; readonly response: 'effort' | 'troops' }
  | { readonly type: 'alliance-deepened'; readonly round: number; readonly party: string; readonly from: number; readonly to: number; readonly shareOfForces: number }
  | {
      readonly type: 'payment';
      readonly round: number;
      readonly payer: string;
      readonly recipient: string;
      readonly kind: PaymentKind;
      /** Cost to the payer. */
      readonly amount: number;
      /** Worth to the recipient (differs from amount for side deals). */
      readonly value: number;
      readonly item: string;
      /** Why: a troop deal's terms, a concession to a hold-up, an access deal's terms, a promised side deal delivered, or a payment to keep a partner in (issue 16). */
      readonly cause: 'deal' | 'hold-up' | 'access' | 'promise' | 'retention';
      /** Issue 16 item 2: the lead nation the money passed through (payer -> via -> recipient). Absent: paid directly. */
      readonly via?: string;
    }
  | {
      readonly type: 'negotiation-opened';
      readonly round: number;
      readonly party: string;
      readonly troops: number;
      readonly protocol: string;
      readonly deadline: number;
      /** Observer's view of the truth: the third party's r_i, the pivotal's R_i and current ceiling. */
      readonly reservation: number;
      readonly pivotalReservation: number;
      readonly ceiling: number;
      /** What each side believes about the other's reservation at the start. */
      readonly pivotalBelief: BeliefSnapshot;
      readonly partyBelief: BeliefSnapshot;
      readonly pivotalStrategy: string;
      readonly partyStrategy: string;
    }
  | { readonly type: 'offer'; readonly round: number; readonly party: string; readonly by: Role; readonly exchange: number; readonly price: number }
  | { readonly type: 'response'; readonly round: number; readonly party: string; readonly by: Role; readonly exchange: number; readonly price: number; readonly response: 'accept' | 'reject' | 'walk-away' }
  | { readonly type: 'belief-updated'; readonly round: number; readonly party: string; readonly holder: Role; readonly cause: 'offer' | 'rejection'; readonly price: number; readonly belief: BeliefSnapshot }
  | { readonly type: 'negotiation-ended'; readonly round: number; readonly party: string; readonly outcome: NegotiationOutcome; readonly exchanges: number; readonly price: number | null; readonly detail?: string }
  | { readonly type: 'reversal'; readonly round: number; readonly party: string; readonly share: number; readonly capabilityRatio: number }
  | {
      readonly type: 'market';
      readonly round: number;
      readonly demand: number;
      readonly deployed: number;
      /** Troops the pivotal could get at or below its reservation: deployed plus willing and available. */
      readonly supply: number;
      /** demand / supply; above 1 means scarcity. Null when nothing is supplied. */
      readonly tightness: number | null;
      readonly shortfall: number;
      /** Troops x effectiveness x effort: what the coalition really fields. */
      readonly effectiveDeployed: number;
      /** Casualty risk in force: deaths per 1,000 per round at exposure 1. */
      readonly risk: number;
      /** Troop-weighted mean surplus share of the paid contingents deployed (null if none). */
      readonly powerIndex: number | null;
      /** The pivotal's per-round discount factor this round (falls with the shortfall). */
      readonly pivotalDiscount: number;
    };

/** Access deals (issue 16 item 1): events of their own, so troop deals' readers are unchanged. */
export type AccessKind = 'bases' | 'transit' | 'airspace' | 'sanctions' | 'other';

export interface AccessTerms {
  readonly party: string;
  /** Index of the offer in the party's `access` list. */
  readonly offer: number;
  readonly kind: AccessKind;
  readonly label: string;
  /** Value per year agreed, to the seller: subsidy plus side deals spread over the years left. */
  readonly pricePerYear: number;
  /** The part paid in cash every round, per year. */
  readonly subsidyPerYear: number;
  readonly sideDeals: readonly SideDealGrant[];
  /** The seller's reservation (its realised access cost per year) and the pivotal's (the access value per year). */
  readonly reservation: number;
  readonly pivotalReservation: number;
  /** The seller's share of the surplus, (p - r) / (R - r); null when there is none. */
  readonly share: number | null;
  readonly mechanism: string;
}

export type AccessEvent =
  | ({ readonly type: 'access-signed'; readonly round: number } & AccessTerms)
  | {
      readonly type: 'access-no-deal';
      readonly round: number;
      readonly party: string;
      readonly offer: number;
      readonly kind: AccessKind;
      readonly reason: NoDealReason;
      readonly reservation: number;
      readonly pivotalReservation: number;
    }
  | {
      /** A signed access deal ends: the seller withdraws it after a payment cut of at least half (retaliation). */
      readonly type: 'access-ended';
      readonly round: number;
      readonly party: string;
      readonly offer: number;
      readonly kind: AccessKind;
      readonly reason: 'retaliation';
    };

/**
 * Promises (issue 16 item 3, engine/phases/promises.ts): side deals delivered over time, each
 * installment kept or broken by the pivotal when it falls due.
 */
export type PromiseEvent =
  | {
      /** A side deal is promised (granted with a delivery schedule): its whole cost is reserved, nothing is spent yet. */
      readonly type: 'promise-made';
      readonly round: number;
      readonly party: string;
      readonly item: string;
      /** The deal (or hold-up concession) it was part of. */
      readonly cause: 'deal' | 'hold-up';
      /** Cost to the pivotal and worth to the recipient if every delivery is kept (a final conversion to a grant included). */
      readonly cost: number;
      readonly value: number;
      /** The probability of delivery the recipient believes: it counted the promise at this times its value. */
      readonly believedProbability: number;
      /** Deliveries scheduled (installments, plus one for a conversion to a grant) and the rounds of the first and last. */
      readonly deliveries: number;
      readonly firstRound: number;
      readonly lastRound: number;
    }
  | ({
      /** The pivotal delivers an installment: keeping it cost less than reneging would (see docs/model.md, Promises). */
      readonly type: 'promise-kept';
    } & InstallmentDecision)
  | ({
      /** The pivotal breaks a promise: this installment and the rest are not delivered (reneging; retaliation follows). */
      readonly type: 'promise-broken';
      /** not-worth-keeping: delivering cost more than reneging; no-cash: the budget could not pay it. */
      readonly reason: 'not-worth-keeping' | 'no-cash';
      /** Deliveries cancelled (this one and those after it) and their cost, released from the pivotal's commitments. */
      readonly cancelled: number;
      readonly cancelledCost: number;
    } & InstallmentDecision)
  | {
      /**
       * Issue 16 item 4: the pivotal raises (or starts) a retention payment to a deployed partner whose
       * casualties approach its withdrawal threshold (docs/model.md, Retention). Money per soldier-year.
       */
      readonly type: 'retention-offered';
      readonly round: number;
      readonly party: string;
      /** Retention per soldier-year from now on, and the rise over what it was paid before. */
      readonly perSoldierYear: number;
      readonly increase: number;
      /** Deaths so far; its tolerance without retention and with it; deaths expected per round now. */
      readonly deaths: number;
      readonly baseTolerance: number;
      readonly tolerance: number;
      readonly expectedDeathsPerRound: number;
      /** Rounds it is expected to stay (from now, at most the rounds left) before and after the payment. */
      readonly roundsBefore: number;
      readonly roundsAfter: number;
      /** What losing it would cost per soldier-year beyond its price, at this round's market (hold-ups' replacement premium). */
      readonly replacementPremium: number;
    }
  | {
      /** Issue 16 item 4: a retention payment stops (the partner went home, or the pivotal has no cash left for it). */
      readonly type: 'retention-ended';
      readonly round: number;
      readonly party: string;
      readonly reason: 'withdrawn' | 'no-cash';
    }
  | {
      /**
       * Issue 16 item 4: after a hold-up threat the pivotal weighs punishing the partner by withholding part of
       * this round's payment: it punishes iff the deterrence bought exceeds the retaliation expected at this
       * round's market (docs/model.md, Punishment). Logged whether or not it punishes.
       */
      readonly type: 'punishment-weighed';
      readonly round: number;
      readonly party: string;
      readonly trigger: 'hold-up';
      readonly punished: boolean;
      /** What it would withhold (punished: withholds), US$, and the share of the round's payment that is. */
      readonly withheld: number;
      readonly share: number;
      /** Expected deterrence gain and retaliation loss, US$. */
      readonly deterrence: number;
      readonly retaliation: number;
    };

export type SimEventType = SimEvent['type'];
export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;
