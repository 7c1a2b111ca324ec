/**
 * The typed event log: everything that happened in a run, in order. Every output
 * (ledger, CSVs, summary, charts, narrative) is derived from states and these events.
 */
export type NoDealReason =
  /** Its reservation is above what the pivotal state would pay (its own reservation or a substitute). */
  | 'above-ceiling'
  /** The pivotal could not commit the money for the rest of the operation. */
  | 'budget'
  /** A posted fixed rate does not cover its reservation. */
  | 'rate-below-reservation';

export type PaymentKind = 'subsidy' | 'side-deal';

export interface DealTerms {
  readonly party: string;
  readonly troops: number;
  /** Price per soldier-year agreed (0 for volunteers). */
  readonly pricePerSoldierYear: number;
  /** Third party's reservation per soldier-year (r_i): the least it accepts. */
  readonly reservation: number;
  /** Pivotal's reservation per soldier-year for this partner (R_i): the most the deal is worth to it. */
  readonly pivotalReservation: number;
  /** Most the pivotal would pay given substitutes: min(R_i, next substitute). */
  readonly ceiling: number;
  /** Third party's share of the surplus (p - r) / (R - r), or null for volunteers. */
  readonly share: number | null;
  readonly mechanism: string;
}

export type SimEvent =
  | { readonly type: 'round-started'; readonly round: number }
  | { readonly type: 'demand-changed'; readonly round: number; readonly from: number; readonly to: number; readonly cause: 'schedule' | 'event'; readonly label?: string }
  | { readonly type: 'budget-changed'; readonly round: number; readonly amount: number; readonly source: string; readonly label?: string; readonly budgetTotal: number }
  | { readonly type: 'availability-changed'; readonly round: number; readonly party: string; readonly available: boolean; readonly label?: string }
  | { readonly type: 'volunteered'; readonly round: number; readonly party: string; readonly troops: number; readonly reservation: number }
  | ({ readonly type: 'deal-signed'; readonly round: number } & DealTerms)
  | { readonly type: 'no-deal'; readonly round: number; readonly party: string; readonly reason: NoDealReason; readonly reservation: number; readonly ceiling: number }
  | { readonly type: 'contingent-released'; readonly round: number; readonly party: string; readonly troops: number; readonly remaining: number }
  | { readonly type: 'payment'; readonly round: number; readonly payer: string; readonly recipient: string; readonly kind: PaymentKind; readonly amount: number; readonly item?: string }
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
    };

export type SimEventType = SimEvent['type'];
export type EventOf<T extends SimEventType> = Extract<SimEvent, { type: T }>;
