/** Counted nouns for the terminal, with the plural category from Intl.PluralRules (en-US): "1 reversal", "7 agreements". */
const rules = new Intl.PluralRules('en-US');
const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function count(n: number, one: string, other = `${one}s`): string {
  return `${int.format(n)} ${rules.select(n) === 'one' ? one : other}`;
}
