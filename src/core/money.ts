/** Money is US dollars; the ledger keeps whole cents so totals add up exactly. */
export function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
