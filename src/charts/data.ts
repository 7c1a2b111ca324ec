/**
 * The series the charts plot, read from a run's saved outputs: round-level figures and
 * troops from rounds.csv, money from payments.csv, deals, reversals and hold-ups from the
 * event log. Every plotted number is a row (or a sum of rows) of that tidy data.
 * Event types this module does not know are ignored.
 */
import type { EventOf } from '../core/events';
import type { RoundRow } from '../output/tidy';
import { holdupStories, type HoldupStory } from '../report/holdups';
import type { RunOutputs } from '../report/loadOutputs';

export interface PartySeries {
  readonly id: string;
  readonly name: string;
  /** Index into the series styles: stable across every chart of a run. */
  readonly styleIndex: number;
  readonly troops: readonly number[];
  readonly effectiveTroops: readonly number[];
  /** Surplus share of the deal in force, null in rounds without a paid deal. */
  readonly share: readonly (number | null)[];
  /** Payments received per round (subsidies and side deals). */
  readonly paid: readonly number[];
}

export interface Marker {
  readonly round: number;
  readonly label: string;
}

export interface HoldupPoint {
  readonly round: number;
  readonly party: string;
  /** 'threat' or the outcome of a resolved hold-up ('paid', 'refused-withdrew', 'bluff-called'). */
  readonly what: string;
}

export interface ChartData {
  readonly rounds: readonly number[];
  readonly roundLabel: string;
  readonly pivotalName: string;
  /** Third parties that deployed troops or were paid at some point, in scenario order. */
  readonly parties: readonly PartySeries[];
  readonly demand: readonly number[];
  readonly deployed: readonly number[];
  readonly supply: readonly number[];
  readonly tightness: readonly (number | null)[];
  /** The pivotal's payment budget including donations so far. */
  readonly budget: readonly number[];
  /** Whether any donor adds to that budget (the budget line's legend says "with donations" only then). */
  readonly donors: boolean;
  /** rounds.csv power_index (troop-weighted mean share of paid deals in force), when the engine writes it. */
  readonly powerIndex: readonly (number | null)[] | null;
  readonly paidByKind: { readonly subsidy: readonly number[]; readonly sideDeal: readonly number[] };
  readonly deals: readonly EventOf<'deal-signed'>[];
  readonly reversals: readonly EventOf<'reversal'>[];
  readonly holdups: readonly HoldupPoint[];
  /** Labelled scheduled events (shocks), one marker per round. */
  readonly markers: readonly Marker[];
  /** Each hold-up told whole: threat, demand, tightness then, outcome and amount. */
  readonly holdupStories: readonly HoldupStory[];
  /** Members' signalling: share of their forces deployed against their unrealised alliance potential. */
  readonly signalling: readonly SignallingPoint[];
  /** Who paid whom: payments to partners by payer, recipient, lead nation and access, in ledger order of first appearance. */
  readonly flows: readonly FlowSegment[];
  /** Names by id: the pivotal, payers with lines of their own, donors and third parties. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * Money from one payer to one recipient over the run (payments.csv summed), split by how it
 * went: directly, through a lead nation (`via`), or for access without troops (issue 16).
 */
export interface FlowSegment {
  readonly payer: string;
  readonly recipient: string;
  /** The lead nation it passed through; null: paid directly. */
  readonly via: string | null;
  /** Paid for an access deal (cause `access`), not for troops. */
  readonly access: boolean;
  /** US$ over the run, at cost to the payer. */
  readonly amount: number;
}

export interface SignallingPoint {
  readonly id: string;
  readonly name: string;
  /** Peak troops deployed / armed forces, 0-1. */
  readonly shareOfForces: number;
  /** preferenceSimilarity - allianceDepth at the start (0-1): how much closer an alliance could grow. */
  readonly potential: number;
  readonly depthBefore: number;
  readonly depthAfter: number;
}

function num(v: string | number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Sum in cents, so a long run of additions prints as the ledger does. */
function addCents(a: number, b: number): number {
  return Math.round((a + b) * 100) / 100;
}

/** A short marker label: the part of a scheduled event's label before its first colon or semicolon. */
export function shortLabel(label: string, max = 56): string {
  const head = label.split(/[:;]/)[0]!.trim();
  return head.length <= max ? head : head.slice(0, max - 1).trimEnd() + '…';
}

export function chartData(outputs: RunOutputs): ChartData {
  const { scenario, rounds: rows, payments, events } = outputs;
  const T = scenario.clock.rounds;
  const rounds = Array.from({ length: T }, (_, i) => i + 1);
  const zeros = (): number[] => new Array<number>(T).fill(0);

  const demand = zeros();
  const deployed = zeros();
  const supply = zeros();
  const budget = zeros();
  const powerIndex: (number | null)[] = new Array<number | null>(T).fill(null);
  let hasPowerIndex = false;
  const tightness: (number | null)[] = new Array<number | null>(T).fill(null);
  const byParty = new Map<string, { troops: number[]; effective: number[]; share: (number | null)[]; paid: number[]; present: boolean }>();
  for (const spec of scenario.thirdParties) {
    byParty.set(spec.id, { troops: zeros(), effective: zeros(), share: new Array<number | null>(T).fill(null), paid: zeros(), present: false });
  }

  for (const row of rows as readonly RoundRow[]) {
    const t = num(row.round);
    if (t === null || t < 1 || t > T) continue;
    const i = t - 1;
    if (row.role === 'pivotal') {
      demand[i] = num(row.demand) ?? 0;
      deployed[i] = num(row.coalition_troops) ?? 0;
      supply[i] = num(row.supply) ?? 0;
      tightness[i] = num(row.tightness);
      budget[i] = num(row.budget_total) ?? 0;
      const pi = (row as Readonly<Record<string, string | number | null>>)['power_index'];
      if (pi !== undefined) {
        hasPowerIndex = true;
        powerIndex[i] = num(pi);
      }
      continue;
    }
    const p = byParty.get(String(row.agent_id));
    if (!p) continue;
    const troops = num(row.troops) ?? 0;
    p.troops[i] = troops;
    p.effective[i] = num(row.effective_troops) ?? 0;
    const price = num(row.price_per_soldier_year);
    p.share[i] = troops > 0 && price !== null && price > 0 ? num(row.surplus_share) : null;
    if (troops > 0) p.present = true;
  }

  const subsidy = zeros();
  const sideDeal = zeros();
  const flows = new Map<string, { -readonly [K in keyof FlowSegment]: FlowSegment[K] }>();
  for (const pay of payments) {
    if (pay.kind !== 'subsidy' && pay.kind !== 'side-deal') continue;
    const via = typeof pay.via === 'string' && pay.via !== '' ? pay.via : null;
    const access = pay.cause === 'access';
    const key = `${String(pay.payer)}\u0000${String(pay.recipient)}\u0000${via ?? ''}\u0000${access ? 1 : 0}`;
    const f = flows.get(key);
    const amount = num(pay.amount) ?? 0;
    if (f) f.amount = addCents(f.amount, amount);
    else flows.set(key, { payer: String(pay.payer), recipient: String(pay.recipient), via, access, amount: addCents(0, amount) });
  }
  for (const pay of payments) {
    const t = num(pay.round);
    if (t === null || t < 1 || t > T) continue;
    const amount = num(pay.amount) ?? 0;
    if (pay.kind !== 'subsidy' && pay.kind !== 'side-deal') continue;
    if (pay.kind === 'subsidy') subsidy[t - 1] = addCents(subsidy[t - 1]!, amount);
    else sideDeal[t - 1] = addCents(sideDeal[t - 1]!, amount);
    const p = byParty.get(String(pay.recipient));
    if (!p) continue;
    p.paid[t - 1] = addCents(p.paid[t - 1]!, amount);
    p.present = true;
  }

  const deals: EventOf<'deal-signed'>[] = [];
  const reversals: EventOf<'reversal'>[] = [];
  const holdups: HoldupPoint[] = [];
  for (const e of events) {
    if (e.type === 'deal-signed') deals.push(e);
    else if (e.type === 'reversal') reversals.push(e);
    else {
      // Hold-up events come from a newer engine than this module may know: read them loosely.
      const loose = e as unknown as { readonly type: string; readonly round?: unknown; readonly party?: unknown; readonly outcome?: unknown };
      if ((loose.type === 'holdup-threat' || loose.type === 'holdup-resolved') && typeof loose.round === 'number' && typeof loose.party === 'string') {
        const what = loose.type === 'holdup-threat' ? 'threat' : typeof loose.outcome === 'string' ? loose.outcome : 'resolved';
        holdups.push({ round: loose.round, party: loose.party, what });
      }
    }
  }

  const labels = new Map<number, string[]>();
  for (const ev of scenario.events) {
    if (ev.label === undefined) continue;
    const list = labels.get(ev.round) ?? [];
    list.push(shortLabel(ev.label));
    labels.set(ev.round, list);
  }
  const markers = [...labels.entries()].sort((a, b) => a[0] - b[0]).map(([round, ls]) => ({ round, label: ls.join('; ') }));

  const parties: PartySeries[] = [];
  for (const spec of scenario.thirdParties) {
    const p = byParty.get(spec.id)!;
    if (!p.present) continue;
    parties.push({ id: spec.id, name: spec.name, styleIndex: parties.length, troops: p.troops, effectiveTroops: p.effective, share: p.share, paid: p.paid });
  }

  return {
    rounds,
    roundLabel: scenario.clock.roundLabel,
    pivotalName: scenario.pivotal.name,
    parties,
    demand,
    deployed,
    supply,
    tightness,
    budget,
    donors: scenario.donors.length > 0,
    powerIndex: hasPowerIndex ? powerIndex : null,
    paidByKind: { subsidy, sideDeal },
    deals,
    reversals,
    holdups,
    markers,
    holdupStories: holdupStories(events),
    flows: [...flows.values()],
    names: new Map<string, string>([[scenario.pivotal.id, scenario.pivotal.name], ...(scenario.payers ?? []).map((p) => [p.id, p.name] as [string, string]), ...scenario.donors.map((p) => [p.id, p.name] as [string, string]), ...scenario.thirdParties.map((p) => [p.id, p.name] as [string, string])]),
    signalling: outputs.summary.coalition.members.flatMap((m) => {
      const spec = scenario.thirdParties.find((t) => t.id === m.id);
      if (!spec || spec.armedForces <= 0) return [];
      let after = spec.allianceDepth;
      for (const e of events) if (e.type === 'alliance-deepened' && e.party === m.id) after = e.to;
      return [{ id: m.id, name: m.name, shareOfForces: m.troopsMax / spec.armedForces, potential: Math.max(0, spec.preferenceSimilarity - spec.allianceDepth), depthBefore: spec.allianceDepth, depthAfter: after }];
    }),
  };
}
