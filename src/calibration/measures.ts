/**
 * Named measures read from one run, for calibration against recorded figures.
 *
 * A measure is a name with optional ":"-separated arguments: `costPerForeignSoldierYear`,
 * `memberType:TUR`, `gotItem:TUR:nato-support`. Each reads the run's summary (and, for a few,
 * its event log) and returns a number, a category, a yes/no, or null when the run gives no
 * value (e.g. no foreign soldier deployed). Pure functions: no I/O, no clock, no randomness.
 */
import type { RunResult } from '../core/engine/run';
import { cents } from '../core/money';
import type { MemberSummary, RunSummary } from '../core/metrics/summary';

export type MeasureValue = number | string | boolean | null;
export type MeasureKind = 'number' | 'category' | 'boolean';

/** What a measure reads: the summary, and the raw run for event-level measures. */
export interface RunView {
  readonly summary: RunSummary;
  readonly result?: Pick<RunResult, 'events' | 'scenario'>;
}

/** What an argument names, for cross-checks against the scenario. */
export type ArgKind = 'party' | 'item' | 'payer' | 'access' | 'label';

export interface MeasureDef {
  readonly name: string;
  readonly kind: MeasureKind;
  readonly args: readonly ArgKind[];
  readonly unit: string;
  readonly describe: string;
  read(run: RunView, args: readonly string[]): MeasureValue;
}

const member = (s: RunSummary, id: string): MemberSummary | undefined => s.coalition.members.find((m) => m.id === id);
const maxOf = (xs: readonly number[]): number => xs.reduce((a, x) => Math.max(a, x), 0);

function def(name: string, kind: MeasureKind, args: readonly ArgKind[], unit: string, describe: string, read: MeasureDef['read']): MeasureDef {
  return { name, kind, args, unit, describe, read };
}

export const MEASURES: readonly MeasureDef[] = [
  // Whole coalition.
  def('costPerForeignSoldierYear', 'number', [], 'US$/soldier-year', 'Payments to partners other than for access deals (which buy no soldiers) per foreign soldier-year deployed (volunteers included).', ({ summary }) => summary.costs.costPerForeignSoldierYear),
  def('costPerPaidSoldierYear', 'number', [], 'US$/soldier-year', 'Payments to partners other than for access deals per paid soldier-year.', ({ summary }) => summary.costs.costPerPaidSoldierYear),
  def('ratioToOwnSoldier', 'number', [], 'ratio', 'Cost per foreign soldier-year divided by the pivotal\'s own soldier cost.', ({ summary }) => summary.costs.ratioToOwnSoldier),
  def('paymentsTotal', 'number', [], 'US$', 'All payments to partners (subsidies and side deals at their cost to the giver).', ({ summary }) => summary.payments.total),
  def('troopPaymentsTotal', 'number', [], 'US$', 'Payments for troops: all payments to partners less those for access deals (e.g. reimbursements, leaving out a transit package).', ({ summary }) => cents(summary.payments.total - (summary.payments.access ?? 0))),
  def('subsidiesTotal', 'number', [], 'US$', 'All deployment subsidies paid.', ({ summary }) => summary.payments.byKind.subsidy),
  def('sideDealsTotal', 'number', [], 'US$', 'All side deals, at their cost to the giver.', ({ summary }) => summary.payments.byKind['side-deal']),
  def('donations', 'number', [], 'US$', 'Money donors added to the pivotal\'s budget.', ({ summary }) => summary.budget.donations),
  def('largestDealValue', 'number', [], 'US$', 'Largest total paid to one partner (subsidies and side deals at cost).', ({ summary }) => maxOf(summary.coalition.members.map((m) => m.paymentsTotal))),
  def('largestTroopDealValue', 'number', [], 'US$', 'Largest total paid to one partner that fielded troops (a partner that only sold access is left out).', ({ summary }) => maxOf(summary.coalition.members.filter((m) => m.troopsMax > 0).map((m) => m.paymentsTotal))),
  def('largestSideDealValue', 'number', [], 'US$', 'Largest side-deal value received by one partner (at its value to the receiver).', ({ summary }) => maxOf(summary.coalition.members.map((m) => m.sideDealValue))),
  def('flags', 'number', [], 'states', 'Third parties that joined at some point (deployed troops or sold access).', ({ summary }) => summary.coalition.flags),
  def('peakTroops', 'number', [], 'troops', 'Largest foreign force deployed at once.', ({ summary }) => summary.coalition.peakTroops),
  def('meanFillRate', 'number', [], 'share', 'Mean share of demand met over rounds with demand.', ({ summary }) => summary.coalition.meanFillRate),
  def('foreignSoldierYears', 'number', [], 'soldier-years', 'Foreign soldier-years deployed.', ({ summary }) => summary.costs.foreignSoldierYears),
  def('meanShare', 'number', [], 'share', 'Mean third-party surplus share over paid deals.', ({ summary }) => summary.power.meanShare),
  def('reversals', 'number', [], 'count', 'Bargaining power reversals (deals or paid hold-ups).', ({ summary }) => summary.power.reversals),
  def('holdUpsPaid', 'number', [], 'count', 'Hold-up threats the pivotal paid.', ({ summary }) => summary.operation.holdUps.paid),
  def('deaths', 'number', [], 'deaths', 'Deaths among foreign contingents.', ({ summary }) => summary.operation.deaths),
  // One partner.
  def('memberType', 'category', ['party'], 'type', 'The engine\'s typology of the partner ("stayed-out" if it never deployed).', ({ summary }, [id]) => member(summary, id!)?.type ?? 'stayed-out'),
  def('joined', 'boolean', ['party'], 'yes/no', 'Whether the partner joined at all (deployed troops or sold access).', ({ summary }, [id]) => member(summary, id!) !== undefined),
  def('accessSold', 'boolean', ['party', 'access'], 'yes/no', 'Whether the partner sold access of this kind (bases, transit, airspace, sanctions, other): signed and ratified.', ({ summary }, [id, kind]) => member(summary, id!)?.access?.some((a) => a.kind === kind) ?? false),
  def('gotSideDeals', 'boolean', ['party'], 'yes/no', 'Whether the partner received any side deal.', ({ summary }, [id]) => (member(summary, id!)?.sideDealItems.length ?? 0) > 0),
  def('subsidyOnly', 'boolean', ['party'], 'yes/no', 'Whether the partner was paid in deployment subsidies and nothing else (false if unpaid or not a member).', ({ summary }, [id]) => {
    const m = member(summary, id!);
    return m !== undefined && m.paymentsByKind.subsidy > 0 && m.paymentsByKind['side-deal'] === 0;
  }),
  // Types overlap (BRIEF §1): a record that names one of a state's types is checked against all
  // its labels, not the single memberType (recordedTypes.ts reads them the same way).
  def('labelled', 'boolean', ['party', 'label'], 'yes/no', 'Whether the partner\'s behavioural labels include this one, joined or not (types overlap: BRIEF §1).', ({ summary }, [id, label]) => {
    const labels = member(summary, id!)?.labels ?? summary.coalition.neverJoined.find((x) => x.id === id)?.labels ?? [];
    return labels.some((l) => l.label === label);
  }),
  def('gotItem', 'boolean', ['party', 'item'], 'yes/no', 'Whether the partner received a particular side-deal item.', ({ summary }, [id, item]) => member(summary, id!)?.sideDealItems.includes(item!) ?? false),
  def('paymentsTo', 'number', ['party'], 'US$', 'Total paid to the partner (subsidies and side deals at cost); 0 if not a member.', ({ summary }, [id]) => member(summary, id!)?.paymentsTotal ?? 0),
  def('subsidiesTo', 'number', ['party'], 'US$', 'Deployment subsidies paid to the partner.', ({ summary }, [id]) => member(summary, id!)?.paymentsByKind.subsidy ?? 0),
  def('sideDealsTo', 'number', ['party'], 'US$', 'Side deals given to the partner, at their cost to the giver.', ({ summary }, [id]) => member(summary, id!)?.paymentsByKind['side-deal'] ?? 0),
  def('sideDealValueTo', 'number', ['party'], 'US$', 'Side deals given to the partner, at their value to it.', ({ summary }, [id]) => member(summary, id!)?.sideDealValue ?? 0),
  def('paymentsPerSoldierYear', 'number', ['party'], 'US$/soldier-year', 'Paid to the partner per soldier-year it deployed (null if not a member).', ({ summary }, [id]) => {
    const m = member(summary, id!);
    return m === undefined || m.soldierYears <= 0 ? null : Math.round((100 * m.paymentsTotal) / m.soldierYears) / 100;
  }),
  // A record of "subsidies per soldier" (Vietnam: $5,000-7,800 per South Korean soldier a year)
  // leaves out the aid given beside them, which paymentsPerSoldierYear counts.
  def('subsidiesPerSoldierYear', 'number', ['party'], 'US$/soldier-year', 'Deployment subsidies paid to the partner per soldier-year it deployed, side deals left out (null if not a member).', ({ summary }, [id]) => {
    const m = member(summary, id!);
    return m === undefined || m.soldierYears <= 0 ? null : Math.round((100 * m.paymentsByKind.subsidy) / m.soldierYears) / 100;
  }),
  def('troops', 'number', ['party'], 'troops', 'Largest contingent the partner fielded (0 if none).', ({ summary }, [id]) => member(summary, id!)?.troopsMax ?? 0),
  def('surplusShare', 'number', ['party'], 'share', 'Surplus share of the partner\'s latest deal (null if none).', ({ summary }, [id]) => member(summary, id!)?.surplusShare ?? null),
  def('holdUpThreats', 'number', ['party'], 'count', 'Hold-up threats the partner made.', ({ summary }, [id]) => member(summary, id!)?.holdUpThreats ?? 0),
  def('holdUpPaid', 'boolean', ['party'], 'yes/no', 'Whether the pivotal paid at least one hold-up threat by the partner.', ({ result }, [id]) => (result?.events ?? []).some((e) => e.type === 'holdup-resolved' && e.party === id && e.outcome === 'paid')),
  // concessionCost is the conceded terms' cost to the end of the run as agreed when the pivotal gave
  // in (holdUp.ts payConcession), not the ledger: a contingent that leaves early is paid less
  // (korea-1950 seed 3, South Africa: $2.45m conceded, $1.79m paid). The description said "paid".
  def('holdUpPaidCost', 'number', ['party'], 'US$', 'Cost to the pivotal of the concessions it granted to the partner\'s hold-ups, over the rest of the run as agreed when it gave in (what was paid, in payments.csv with cause hold-up, is less if the contingent left early).', ({ result }, [id]) => {
    let total = 0;
    for (const e of result?.events ?? []) if (e.type === 'holdup-resolved' && e.party === id) total += e.concessionCost;
    return Math.round(total * 100) / 100;
  }),
  def('forceShare', 'number', ['party'], 'share', 'Largest contingent as a share of the partner\'s armed forces (0 if none).', ({ summary, result }, [id]) => {
    const spec = result?.scenario.thirdParties.find((t) => t.id === id);
    const troops = member(summary, id!)?.troopsMax ?? 0;
    return spec === undefined || spec.armedForces <= 0 ? null : Math.round((1e6 * troops) / spec.armedForces) / 1e6;
  }),
  def('allianceDeepened', 'boolean', ['party'], 'yes/no', 'Whether the pivotal deepened its alliance with the partner at the end (signalling reward).', ({ summary }, [id]) => summary.operation.alliancesDeepened.includes(id!)),
  def('paidByTo', 'number', ['payer', 'party'], 'US$', 'Paid by a payer (the pivotal, a donor-funded pivotal or a payer with its own lines) to a partner, directly or via its lead nation.', ({ summary }, [payer, id]) =>
    (summary.flows ?? []).filter((f) => f.payer === payer && f.recipient === id).reduce((a, f) => a + f.amount, 0),
  ),
  def('paidByToPerSoldierMonth', 'number', ['payer', 'party'], 'US$/soldier-month', 'Paid by a payer to a partner per soldier-month it deployed (null if not a member).', ({ summary }, [payer, id]) => {
    const m = member(summary, id!);
    if (!m || m.soldierYears <= 0) return null;
    return (summary.flows ?? []).filter((f) => f.payer === payer && f.recipient === id).reduce((a, f) => a + f.amount, 0) / (m.soldierYears * 12);
  }),
  def('paidVia', 'number', ['party'], 'US$', 'Paid to a partner through its lead nation (pass-through).', ({ summary }, [id]) =>
    (summary.flows ?? []).filter((f) => f.recipient === id && f.via !== null).reduce((a, f) => a + f.amount, 0),
  ),
  def('costBorneBy', 'number', ['payer'], 'US$', 'Payments borne by the pivotal, a donor (donors\' money spent pro rata) or a payer (its own lines).', ({ summary }, [id]) => summary.costs.byPayer.find((p) => p.id === id)?.cost ?? 0),
];

const BY_NAME = new Map(MEASURES.map((m) => [m.name, m]));

export interface ParsedMeasure {
  readonly def: MeasureDef;
  readonly args: readonly string[];
}

/** Parse "name:arg1:arg2"; an error message when the name or the number of arguments is wrong. */
export function parseMeasure(spec: string): ParsedMeasure | { error: string } {
  const [name = '', ...args] = spec.split(':');
  const d = BY_NAME.get(name);
  if (!d) {
    const close = MEASURES.filter((m) => m.name.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(m.name.toLowerCase())).map((m) => m.name);
    return { error: `unknown measure "${name}"${close.length > 0 ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : ''}` };
  }
  if (args.length !== d.args.length) {
    const form = [d.name, ...d.args.map((a) => `<${a}>`)].join(':');
    return { error: `measure "${d.name}" takes ${d.args.length} argument(s), got ${args.length}: write "${form}"` };
  }
  return { def: d, args };
}

/** Read a measure from one run. Throws on an unknown measure (check scenarios first). */
export function readMeasure(spec: string, run: RunView): MeasureValue {
  const p = parseMeasure(spec);
  if ('error' in p) throw new Error(p.error);
  return p.def.read(run, p.args);
}
