/**
 * Promises are not cash (issue 16 item 3): the arithmetic of side deals delivered over time.
 * Pure functions over plain numbers; the engine phase that keeps the books is
 * engine/phases/promises.ts.
 *
 * Sources: BRIEF §1 (political side deals include "promises (support for a seat, a defence
 * agreement, a visa waiver)"; "a pivotal state that reneges, or seems to, meets retaliation";
 * "a pivotal state that depends on a partner can hardly punish it"), §3 ("side-deal items ...
 * promised or paid, with dates"), §4 (Iraq 2003: "Turkey was offered $4 billion grant or a $34
 * billion cheap loan"; Poland's promised visa waiver and contracts, issue 16).
 *
 * - Schedule: an item of cost c and value v delivered in n installments is n deliveries of
 *   c/n and v/n (whole cents, the rounding remainder in the last), the j-th (j = 1..n) falling
 *   due `firstAfterRounds + (j - 1) everyRounds` rounds after signing; a `finalGrant` (a loan's
 *   last installment converted to a grant) is one more delivery in the last installment's round.
 * - Valuation: the recipient values a promise at `pi (v + v_final)`, pi its believed probability
 *   of delivery; the giver reserves `c + c_final` (it may have to keep it all).
 * - Keeping: see `renegingLoss` and `keepsInstallment`.
 */
import type { DeliverySpec, SideDealSpec } from '../../scenario/schema';
import { cents } from '../money';
import type { CatalogItem } from './package';

/** A withheld share of what was due at or above this sends troops home, not only effort (as payments/pay.ts). */
export const TROOP_RETALIATION_SHARE = 0.5;

export interface Installment {
  /** Round it falls due. */
  readonly round: number;
  /** Cost to the giver and worth to the recipient, US$ (whole cents). */
  readonly cost: number;
  readonly value: number;
  /** 1-based number among the regular installments; the conversion to a grant has n + 1. */
  readonly index: number;
  /** The last installment's conversion to a grant (finalGrant). */
  readonly conversion: boolean;
}

/** The deliveries of an item promised in `signedRound`, in the order they fall due. */
export function installments(d: DeliverySpec, signedRound: number, cost: number, value: number): Installment[] {
  const n = d.installments;
  const out: Installment[] = [];
  const partCost = Math.floor((cost * 100) / n) / 100;
  const partValue = Math.floor((value * 100) / n) / 100;
  for (let j = 1; j <= n; j++) {
    const last = j === n;
    out.push({
      round: signedRound + d.firstAfterRounds + (j - 1) * d.everyRounds,
      // The rounding remainder goes to the last installment, so the parts add up to the whole.
      cost: last ? cents(cost - partCost * (n - 1)) : partCost,
      value: last ? cents(value - partValue * (n - 1)) : partValue,
      index: j,
      conversion: false,
    });
  }
  if (d.finalGrant) out.push({ round: out[n - 1]!.round, cost: d.finalGrant.costToGiver, value: d.finalGrant.valueToReceiver, index: n + 1, conversion: true });
  return out;
}

/** What a recipient who values the item at `value` counts it for: `pi (v + v_final)`; the value itself when paid at signing. */
export function believedValue(item: Pick<SideDealSpec, 'delivery'>, value: number): number {
  const d = item.delivery;
  if (!d) return value;
  return d.believedProbability * (value + (d.finalGrant?.valueToReceiver ?? 0));
}

/** What item `d` is worth to a recipient if delivered in full: its own valuation (`sideDealValues`), else the catalog's. */
export function valueToRecipient(values: Readonly<Record<string, number>> | undefined, d: Pick<SideDealSpec, 'id' | 'valueToReceiver'>): number {
  // Item ids are user data: look them up as own keys only.
  const own = values !== undefined && Object.hasOwn(values, d.id) ? values[d.id] : undefined;
  return own ?? d.valueToReceiver;
}

/** What the giver reserves for the item: its cost, plus the conversion to a grant if promised. */
export function reservedCost(item: Pick<SideDealSpec, 'costToGiver' | 'delivery'>): number {
  const extra = item.delivery?.finalGrant?.costToGiver ?? 0;
  return extra > 0 ? cents(item.costToGiver + extra) : item.costToGiver;
}

/**
 * Either/or menus ("a $4bn grant or a $34bn loan"): of the items sharing a menu id, the
 * recipient is offered only the one it values most (believed value; ties: the cheaper to
 * give, then the smaller id), and none once it has received one of them.
 */
export function chooseFromMenus(items: readonly CatalogItem[], menuOf: (id: string) => string | undefined, received: readonly string[]): CatalogItem[] {
  const closed = new Set<string>();
  for (const id of received) {
    const m = menuOf(id);
    if (m !== undefined) closed.add(m);
  }
  const best = new Map<string, CatalogItem>();
  for (const item of items) {
    const m = menuOf(item.id);
    if (m === undefined || closed.has(m)) continue;
    const cur = best.get(m);
    if (!cur || item.value > cur.value || (item.value === cur.value && (item.cost < cur.cost || (item.cost === cur.cost && item.id < cur.id)))) best.set(m, item);
  }
  return items.filter((item) => {
    const m = menuOf(item.id);
    return m === undefined || best.get(m) === item;
  });
}

export interface RenegingStake {
  /** Troops the partner has deployed now (0: gone, nothing left to lose). */
  readonly troops: number;
  /** R_i per soldier-year of its contract: what its troops are worth to the pivotal (flag and criticality included). */
  readonly worthPerSoldierYear: number;
  /** Subsidy per soldier-year still paid: saved when troops go home. */
  readonly subsidyPerSoldierYear: number;
  /** Cash paid to it this round (its subsidy): what the withheld installment is weighed against. */
  readonly cashDue: number;
  /** Worth to the partner of the installment the pivotal would withhold. */
  readonly withheldValue: number;
  /** Rounds of the operation after this one. */
  readonly roundsAfter: number;
  readonly roundsPerYear: number;
  /** engine.operation.retaliationRounds and retaliationEffortCut. */
  readonly retaliationRounds: number;
  readonly retaliationEffortCut: number;
}

/**
 * What the pivotal expects to lose by withholding an installment, US$: the retaliation the
 * partner would answer with, as the engine applies it to a payment cut (pay.ts, BRIEF §1 "a
 * pivotal state that reneges ... meets retaliation"). With `x = v / (v + cash due)` the
 * withheld share of what the partner was due this round:
 *
 *     x >= 1/2:  loss = h (R - s) H / Y + cut (k - h) R min(rho, H) / Y,  h = ceil(k x)
 *                the troops that go home, net of the subsidy saved, and the effort the troops
 *                that stay withhold for rho rounds (pay.ts sets the grievance for both responses)
 *     x <  1/2:  loss = cut k R min(rho, H) / Y      effort withheld for rho rounds
 *
 * `k` troops, `R` their worth and `s` their subsidy per soldier-year, `H` rounds left after
 * this one, `Y` rounds per year, `rho` and `cut` the retaliation settings. A partner that has
 * gone home (k = 0) or a promise due in the last round (H = 0) leaves nothing to lose: the
 * shadow of the future is what keeps promises.
 */
export function renegingLoss(a: RenegingStake): number {
  if (a.troops <= 0 || a.roundsAfter <= 0) return 0;
  const due = a.withheldValue + a.cashDue;
  const x = due > 0 ? a.withheldValue / due : 0;
  const withheldEffort = (troops: number) => (a.retaliationEffortCut * troops * a.worthPerSoldierYear * Math.min(a.retaliationRounds, a.roundsAfter)) / a.roundsPerYear;
  if (x >= TROOP_RETALIATION_SHARE) {
    const home = Math.min(a.troops, Math.ceil(a.troops * x));
    return (home * Math.max(0, a.worthPerSoldierYear - a.subsidyPerSoldierYear) * a.roundsAfter) / a.roundsPerYear + withheldEffort(a.troops - home);
  }
  return withheldEffort(a.troops);
}

/**
 * The pivotal keeps an installment iff delivering it costs no more than reneging would:
 * `c_j eps_j <= loss`, with `eps_j` its domestic price of delivering relative to the money
 * (a visa waiver needs a law, contracts need bidders; mean-preserving lognormal, the residual
 * randomness of the decision). It reneges on the rest when the partner is no longer worth it.
 * It cannot keep what it has no cash for.
 */
export function keepsInstallment(keepingCost: number, loss: number, cost: number, cash: number): boolean {
  return cost <= cash + 0.005 && keepingCost <= loss;
}
