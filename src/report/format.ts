/** Numbers in prose (narrative and report). Fixed locale, so text is the same on every machine. */
import type { MemberSummary, RunSummary } from '../core/metrics/summary';

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function troops(n: number): string {
  return int.format(n);
}

/** A price per soldier: whole dollars, "$86,402". */
export function dollars(n: number): string {
  return `${n < 0 ? '-' : ''}$${int.format(Math.abs(Math.round(n)))}`;
}

/** A sum: "$1.12 billion", "$42.3 million", "$880 million", "$12,345". */
export function money(n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)} billion`;
  if (a >= 1e6) return `${sign}$${trim3(a / 1e6)} million`;
  return dollars(n);
}

/** Three significant digits without a trailing ".0": 42.3, 880, 5.72. */
function trim3(x: number): string {
  const s = x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
  return s.replace(/\.0+$/, '').replace(/(\.\d*[1-9])0+$/, '$1');
}

/** A share 0-1 as a percentage: "48%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const pluralRules = new Intl.PluralRules('en-US');

/** "1 reversal", "7 agreements": the plural category from Intl.PluralRules. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${int.format(n)} ${pluralRules.select(n) === 'one' ? one : many}`;
}

/** "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** A sum for tables: "$1.07B", "$42.4M", "$12,345". */
export function moneyShort(n: number): string {
  const a = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${trim3(a / 1e6)}M`;
  return dollars(n);
}

/** " and $X set aside for access deals ($Y of it paid)" when the scenario has an access budget (pivotal.accessBudget); else nothing. */
export function accessBudgetWords(sum: Pick<RunSummary, 'budget'>, money: (x: number) => string): string {
  const a = sum.budget.access;
  return a ? ` and ${money(a.total)} set aside for access deals (${money(a.spent)} of it paid)` : '';
}

/** A member that fielded no troops and sold access: its per-soldier reservation and price mean nothing. */
export function soldAccessOnly(m: Pick<MemberSummary, 'troopsMax' | 'access'>): boolean {
  return m.troopsMax === 0 && (m.access?.length ?? 0) > 0;
}
