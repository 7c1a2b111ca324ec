/** Number options read as typed: decimal digits only, and a refusal quotes the input (exit 2). */
import { CliError, ExitCode } from '../../src/cli/exitCodes';
import { decimalOption, typedValue, wholeNumberOption } from '../../src/cli/numberOptions';

function refusal(value: unknown, o: Parameters<typeof wholeNumberOption>[2]): CliError {
  try {
    wholeNumberOption('--n', value, o);
  } catch (err) {
    if (err instanceof CliError) return err;
    throw err;
  }
  throw new Error(`${String(value)} was accepted`);
}

describe('wholeNumberOption', () => {
  it('accepts decimal digits in range, as a string or a default number', () => {
    expect(wholeNumberOption('--n', '12', { min: 1, max: 100 })).toBe(12);
    expect(wholeNumberOption('--n', ' 7 ', { min: 1 })).toBe(7);
    expect(wholeNumberOption('--n', 0, { min: 0 })).toBe(0);
  });

  it.each([['abc'], [''], ['0x10'], ['1e3'], ['-1'], ['2.5'], ['NaN']])('refuses %j with exit 2, quoting it', (v) => {
    const e = refusal(v, { min: 0, max: 100, example: '--n 5' });
    expect(e.exitCode).toBe(ExitCode.usage);
    expect(e.message).toBe(`--n must be a whole number from 0 to 100, got ${JSON.stringify(v)}. Example: --n 5`);
  });

  it('names the range, or words it as given; an option given twice is named so', () => {
    expect(refusal('0', { min: 1 }).message).toBe('--n must be a whole number >= 1, got "0"');
    expect(refusal('300', { min: 1, max: 200, range: 'from 1 to the population (200)' }).message).toBe('--n must be a whole number from 1 to the population (200), got "300"');
    expect(refusal(['1', '2'], { min: 1 }).message).toBe('--n must be a whole number >= 1, got 2 values ("1", "2"); give it once');
    expect(typedValue('a"b')).toBe('"a\\"b"');
  });
});

describe('decimalOption', () => {
  it('reads decimals, with or without a leading digit or an exponent; anything else is NaN', () => {
    expect(decimalOption('0.9')).toBe(0.9);
    expect(decimalOption('.95')).toBe(0.95);
    expect(decimalOption('9e-1')).toBe(0.9);
    expect(decimalOption(0.95)).toBe(0.95);
    for (const v of ['', 'abc', '0x1', '0.9.1', undefined]) expect(decimalOption(v)).toBeNaN();
  });
});
