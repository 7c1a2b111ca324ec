/**
 * Up-front limits on input files, checked before anything is built or run, so that a file
 * that would exhaust memory, the stack or the user's patience is refused (exit 3) with the
 * limit named, instead of crashing. The README's "Limits" section lists these same numbers;
 * test/scenario/limits.test.ts holds them to it.
 *
 * How they were set (measured on the reference machine, Node 20, one core):
 * - a run costs about 100 MB plus ~2.5 KB per party-round and ~80 µs per party-round
 *   (100 parties x 1,200 rounds: 350 MB, 9.6 s), so MAX_PARTY_ROUNDS keeps one run under ~1 GB;
 * - checking a design point costs ~0.9 ms (every point is validated as a scenario before a
 *   sweep starts), so MAX_DESIGN_POINTS keeps that check under ~2 minutes;
 * - the bundled files are under 100 KB, their longest string 1,316 characters, their
 *   deepest nesting 7 levels; the limits leave a wide margin above real use.
 */

/** Largest input file read (bytes). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
/** Deepest nesting of objects and arrays in an input file. */
export const MAX_NESTING_DEPTH = 64;
/** Longest string (value or key) in an input file, in characters. */
export const MAX_STRING_CHARS = 20_000;
/** Longest name, title or label (printed in tables, charts and CSV cells), in characters. */
export const MAX_NAME_CHARS = 200;
/** Most third parties in a scenario. */
export const MAX_THIRD_PARTIES = 1_000;
/** Most third parties x rounds in one run (memory grows with it). */
export const MAX_PARTY_ROUNDS = 250_000;
/** Most points in an experiment's design (each is checked before the sweep starts). */
export const MAX_DESIGN_POINTS = 100_000;
/** Syntax errors reported per file: after the first few, the rest are usually echoes. */
export const MAX_SYNTAX_ISSUES = 10;
/** Problems reported per file in all. */
export const MAX_ISSUES = 50;

/** `10 MiB`, `20,000` as written in messages and the README. */
export function formatLimit(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  return n.toLocaleString('en-US');
}
