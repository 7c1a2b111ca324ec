/**
 * Retention payments and punishment (issue 16 item 4) read from the event log, in order. Shared
 * by `summarize` and the sweep tally, so both report the same numbers (sweep mode must equal full
 * mode). Present in a summary only when the scenario sets `pivotal.retention` or
 * `pivotal.punishment`, so other summaries are unchanged.
 */
import type { SimEvent } from '../events';
import { cents } from '../money';

export interface RetentionSummary {
  /** Retention offers and raises, the partners they went to (in order of the first), and the money paid (cause: retention). */
  readonly offers: number;
  readonly partners: readonly string[];
  readonly paid: number;
  /** Retention payments that ended while the partner was still deployed (no cash). */
  readonly endedNoCash: number;
  /** Punishment after hold-up threats: weighed, carried out, and the money withheld. */
  readonly punishment: { readonly weighed: number; readonly punished: number; readonly withheld: number };
}

export class RetentionBook {
  private offers = 0;
  private readonly partners: string[] = [];
  private paid = 0;
  private endedNoCash = 0;
  private weighed = 0;
  private punished = 0;
  private withheld = 0;

  read(e: SimEvent): void {
    if (e.type === 'retention-offered') {
      this.offers++;
      if (!this.partners.includes(e.party)) this.partners.push(e.party);
    } else if (e.type === 'payment' && e.cause === 'retention') this.paid = cents(this.paid + e.amount);
    else if (e.type === 'retention-ended' && e.reason === 'no-cash') this.endedNoCash++;
    else if (e.type === 'punishment-weighed') {
      this.weighed++;
      if (e.punished) {
        this.punished++;
        this.withheld = cents(this.withheld + e.withheld);
      }
    }
  }

  summary(): RetentionSummary {
    return { offers: this.offers, partners: [...this.partners], paid: this.paid, endedNoCash: this.endedNoCash, punishment: { weighed: this.weighed, punished: this.punished, withheld: this.withheld } };
  }
}

/** Whether a scenario's summary carries the retention section. */
export function reportsRetention(pivotal: { readonly retention?: unknown; readonly punishment?: unknown }): boolean {
  return pivotal.retention !== undefined || pivotal.punishment !== undefined;
}
