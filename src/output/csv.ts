/**
 * CSV text with a fixed header; null is an empty cell. Every CSV coalsim writes goes through
 * CSV_OPTIONS, which neutralises spreadsheet formulas in text cells (OWASP, "CSV Injection"):
 * a text cell starting with =, +, -, @, tab or carriage return (or their full-width forms,
 * which some spreadsheets normalise) gets a leading apostrophe, so Excel, LibreOffice and
 * Google Sheets show it as text instead of evaluating it. Numbers are never touched (-3.5
 * stays a number). A text cell that already starts with apostrophes before such a character
 * gets one more, so restoreFormulaText undoes the escape exactly.
 */
import { stringify, type Options } from 'csv-stringify/sync';

/** A text cell a spreadsheet would read as a formula, possibly behind our own escapes. */
const FORMULA_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The original text of a cell written by neutraliseFormulaText (for readers of our own CSVs). */
export function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** Options for every CSV coalsim writes: LF line ends, numbers as JavaScript prints them, formulas neutralised. */
export const CSV_OPTIONS: Options = {
  record_delimiter: 'unix',
  cast: { number: (n) => String(n), string: neutraliseFormulaText },
  // csv-stringify 6.9 leaves a lone carriage return unquoted with unix record ends; readers then split the row there.
  quoted_match: /\r/,
};

export function toCsv(columns: readonly string[], rows: readonly Record<string, string | number | null>[]): string {
  return stringify(rows as Record<string, unknown>[], { ...CSV_OPTIONS, header: true, columns: [...columns] });
}

/**
 * Options for reading a user's or the shared data's CSV (add `columns: true` for a header
 * row). csv-parse takes the line end of the first row for the whole file, so a CRLF file with
 * rows appended in an editor that writes LF read as one long row ("Invalid Record Length");
 * any of the three is a line end.
 */
export const CSV_READ_OPTIONS: { skip_empty_lines: true; bom: true; record_delimiter: string[] } = {
  skip_empty_lines: true,
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
};
