/**
 * Numeric options, read as the user typed them. They are declared to yargs as strings: its number
 * parsing turns "abc" into NaN (and the message said "got NaN"), "" into 0, "0x10" into 16 and
 * "1e3" into 1000. A refusal quotes what was typed, as --seed's does (scenarioInput.ts parseSeed).
 */
import { CliError, ExitCode } from './exitCodes';

/** What the user gave for an option, quoted for a message; an option given twice is named as such. */
export function typedValue(value: unknown): string {
  return Array.isArray(value) ? `${value.length} values (${value.map((v) => JSON.stringify(String(v))).join(', ')}); give it once` : JSON.stringify(String(value));
}

/**
 * A whole number in decimal digits from min to max (or at least min), or exit 2 naming the option,
 * the range, what was typed and an example. `range` words the range when it is not plain numbers
 * ("from 1 to the population (200)").
 */
export function wholeNumberOption(flag: string, value: unknown, o: { min: number; max?: number; range?: string; example?: string }): number {
  const text = typeof value === 'number' ? String(value) : value;
  const n = typeof text === 'string' && /^\s*[0-9]{1,15}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(n) && n >= o.min && (o.max === undefined || n <= o.max)) return n;
  const range = o.range ?? (o.max !== undefined ? `from ${o.min} to ${o.max}` : `>= ${o.min}`);
  throw new CliError(`${flag} must be a whole number ${range}, got ${typedValue(value)}${o.example !== undefined ? `. Example: ${o.example}` : ''}`, ExitCode.usage);
}

/** A decimal number (digits, an optional fraction and exponent: 0.9, .9, 9e-1; not "" or hex), else NaN. */
export function decimalOption(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && /^\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * A numeric option's yargs declaration: a string to the parser (read as typed, above), labelled
 * `[number]` in --help. yargs labels an option that is both a string and a number `[number]` and
 * parses it as a string (yargs-parser coerces to a number only options that are not strings), so
 * the help no longer says `[string]` of a seed. `requiresArg`: a bare `--seed` is an error, not the
 * default; a default is shown as typed (`[default: 1]`, not `[default: "1"]`).
 */
export function numberOption<D extends string | undefined = undefined>(describe: string, defaultValue?: D): { string: true; number: true; requiresArg: true; describe: string; default?: D; defaultDescription?: string } {
  return { string: true, number: true, requiresArg: true, describe, ...(defaultValue !== undefined ? { default: defaultValue, defaultDescription: defaultValue } : {}) };
}
