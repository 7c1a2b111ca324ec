/**
 * Several payers with their own lines (issue 16 item 2; BRIEF §1: "in Somalia the EU paid
 * allowances while the US paid equipment and training"; §3: "donors may add to it"; §4: UN
 * reimbursement "$1,410 per contingent member per month"). Pure arithmetic, no state.
 *
 * The pivotal negotiates a contingent's price as before; the deployment subsidy of the package
 * (US$ per soldier-year) is then funded line by line. Payers are taken in decreasing order of
 * what the contingent's troops are worth to them, `v_j` (US$ per soldier-year): with
 * contributions to a shared good, the payer who values it most pays first and the others pay
 * only what it leaves (voluntary provision of a public good; Bergstrom, Blume & Varian 1986).
 * Payer `j` funds its lines in order, line `l` at
 *
 *     x_jl = min(rate_l, s - sum of lines already funded, v_j - sum of j's lines already funded, budget_j)
 *
 * `rate_l` the line's posted rate (per soldier per round, times rounds per year), `s` the
 * subsidy, and `budget_j` the most whose payments to the end fit in j's free budget. The
 * pivotal pays the rest of `s`. Who bears the burden is an outcome of values, rates and budgets.
 */
import { cents } from '../money';
import { paymentPerRound } from './ledger';

/** A line funded for one contingent: per soldier-year, from the deal on. */
export interface FundedLine {
  readonly payer: string;
  /** The line's label, as it appears in the ledger. */
  readonly item: string;
  readonly perSoldierYear: number;
}

/** What one payer offers a contingent. */
export interface PayerOffer {
  readonly payer: string;
  /** v_j: the contingent's soldier-year worth to it, US$. */
  readonly value: number;
  /** Money neither spent nor reserved, US$. */
  readonly free: number;
  /** Its lines open to this recipient, in its order: label and posted rate per soldier-year. */
  readonly lines: readonly { readonly item: string; readonly ratePerSoldierYear: number }[];
}

/**
 * Splits the subsidy `s` per soldier-year of a contingent of `troops` among the payers' lines
 * (see the module comment). Offers are taken by value, highest first (ties: the order given).
 */
export function fundLines(args: { subsidyPerSoldierYear: number; troops: number; roundsPerYear: number; roundsLeft: number; offers: readonly PayerOffer[] }): FundedLine[] {
  const { troops, roundsPerYear: rpy, roundsLeft } = args;
  const out: FundedLine[] = [];
  if (troops <= 0 || roundsLeft <= 0 || args.subsidyPerSoldierYear <= 0) return out;
  let left = args.subsidyPerSoldierYear;
  const order = args.offers.map((o, k) => ({ o, k })).filter(({ o }) => o.value > 0 && o.free > 0).sort((a, b) => b.o.value - a.o.value || a.k - b.k);
  for (const { o } of order) {
    let cap = o.value;
    let free = o.free;
    for (const line of o.lines) {
      if (left <= 0 || cap <= 0 || free <= 0) break;
      let x = Math.min(line.ratePerSoldierYear, left, cap, affordableRate(free, troops, rpy, roundsLeft));
      x = Math.floor(x * 100) / 100;
      if (x <= 0) continue;
      out.push({ payer: o.payer, item: line.item, perSoldierYear: x });
      left = cents(left - x);
      cap -= x;
      free -= paymentPerRound(x, troops, rpy) * roundsLeft;
    }
  }
  return out;
}

/** Largest rate per soldier-year whose payments for `roundsLeft` rounds fit in `money`. */
function affordableRate(money: number, troops: number, rpy: number, roundsLeft: number): number {
  let x = Math.floor(((money / roundsLeft) * rpy * 100) / troops) / 100;
  // Cent rounding of the per-round payment can tip it over; step down until it fits.
  while (x > 0 && paymentPerRound(x, troops, rpy) * roundsLeft > money) x = cents(x - 0.01);
  return Math.max(0, x);
}

/**
 * One round's payment of a subsidy split into its lines: each line's due (its rate for these
 * troops, never more than what is left of the total), and the pivotal's part, the rest. The
 * total is what the partner is due, exactly as without lines.
 */
export function splitDue(totalDue: number, lines: readonly FundedLine[], troops: number, roundsPerYear: number): { readonly lines: readonly number[]; readonly pivotal: number } {
  let left = totalDue;
  const parts = lines.map((l) => {
    const d = Math.min(paymentPerRound(l.perSoldierYear, troops, roundsPerYear), left);
    left = cents(left - d);
    return d;
  });
  return { lines: parts, pivotal: left };
}

/**
 * Merges an enlargement's lines into the contingent's (deals.ts `enlarge`): each payer's line at
 * the troop-weighted mean of its old and new rates (0 where a side had none), as the subsidy is.
 */
export function mergeLines(old: readonly FundedLine[] | undefined, oldTroops: number, added: readonly FundedLine[] | undefined, addedTroops: number): FundedLine[] | undefined {
  if (!old?.length && !added?.length) return undefined;
  const key = (l: FundedLine): string => `${l.payer}\u0000${l.item}`;
  const rates = new Map<string, { line: FundedLine; old: number; added: number }>();
  for (const l of old ?? []) rates.set(key(l), { line: l, old: l.perSoldierYear, added: 0 });
  for (const l of added ?? []) {
    const r = rates.get(key(l));
    if (r) r.added = l.perSoldierYear;
    else rates.set(key(l), { line: l, old: 0, added: l.perSoldierYear });
  }
  const total = oldTroops + addedTroops;
  // Floor to the cent so the merged lines never exceed the merged subsidy (which is rounded).
  return [...rates.values()].map((r) => ({ ...r.line, perSoldierYear: Math.floor(((r.old * oldTroops + r.added * addedTroops) / total) * 100) / 100 }));
}
