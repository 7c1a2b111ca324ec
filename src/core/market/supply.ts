/**
 * The supply side of the market for forces: who offers troops at what price per
 * effective soldier, how tight the market is, and what a substitute would cost.
 */
export interface Offer {
  readonly party: string;
  readonly troops: number;
  /** r_i per soldier-year. */
  readonly reservation: number;
  readonly effectiveness: number;
}

/** Price per effective soldier-year: the pivotal's yardstick for comparing partners. */
export function effectivePrice(o: Offer): number {
  return o.reservation / o.effectiveness;
}

/** Cheapest first; ties broken by id so the order never depends on input order. */
export function supplyCurve<T extends Offer>(offers: readonly T[]): T[] {
  // An integer comparator (a double result is boxed per call); same order, NaN and ties as the difference.
  return [...offers].sort((a, b) => {
    const d = effectivePrice(a) - effectivePrice(b);
    return d > 0 ? 1 : d < 0 ? -1 : a.party < b.party ? -1 : a.party > b.party ? 1 : 0;
  });
}

/**
 * Demand over supply. Above 1 the pivotal state cannot get all it seeks at prices it would
 * pay: the scarcity that shifts power to third parties. Null when nothing is supplied.
 */
export function tightness(demand: number, supply: number): number | null {
  if (supply <= 0) return demand > 0 ? null : 0;
  return demand / supply;
}

/**
 * What it would cost, per effective soldier-year, to fill `gap` troops without `excluded`:
 * the price of the marginal offer on the rest of the curve. Undefined when the rest cannot
 * fill the gap: there is no substitute, the market is scarce for this deal. `from` skips
 * the first offers of the curve (those already approached).
 */
export function substitutePrice(curve: readonly Offer[], excluded: string, gap: number, from = 0): number | undefined {
  let filled = 0;
  for (let k = from; k < curve.length; k++) {
    const o = curve[k]!;
    if (o.party === excluded) continue;
    filled += o.troops;
    if (filled >= gap) return effectivePrice(o);
  }
  return undefined;
}
