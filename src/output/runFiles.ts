/** The files of one run's output directory, as a name -> content map (written atomically elsewhere). */
import type { RunResult } from '../core/engine/run';
import type { RunSummary } from '../core/metrics/summary';
import { toCsv } from './csv';
import { DEAL_COLUMNS, dealRows, eventsNdjson, OFFER_COLUMNS, offerRows, PAYMENT_COLUMNS, paymentRows, ROUND_COLUMNS, roundRows } from './tidy';

export function runDataFiles(result: RunResult, summary: RunSummary): Map<string, string | Uint8Array> {
  return new Map<string, string | Uint8Array>([
    ['summary.json', JSON.stringify(summary, null, 2) + '\n'],
    ['rounds.csv', toCsv(ROUND_COLUMNS, roundRows(result))],
    ['payments.csv', toCsv(PAYMENT_COLUMNS, paymentRows(result))],
    ['deals.csv', toCsv(DEAL_COLUMNS, dealRows(result))],
    ['offers.csv', toCsv(OFFER_COLUMNS, offerRows(result))],
    ['events.ndjson', eventsNdjson(result)],
  ]);
}
