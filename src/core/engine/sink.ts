/**
 * Where a run's events go. Full mode keeps them all (the event log that run, explain and
 * report read); sweep mode hands them to a tally that keeps only running totals. Sweep mode
 * sets `detailed` false: the blow-by-blow of negotiations (offers, responses, belief updates)
 * is then not even built, since no metric reads it.
 */
import type { SimEvent } from '../events';

export interface EventSink {
  push(e: SimEvent): void;
  /** Build the negotiation detail events (offers, responses, beliefs)? Absent = yes. */
  readonly detailed?: boolean;
}
