/** CSV text with a fixed header; null is an empty cell. */
import { stringify } from 'csv-stringify/sync';

export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number | null>[]): string {
  return stringify(rows as Record<string, unknown>[], { header: true, columns: [...columns], cast: { number: (n) => String(n) }, record_delimiter: 'unix' });
}
