/**
 * Who paid what to whom, in plain sentences for a teacher (issue 16 item 6): each payer's
 * lines, what it funded for whom and why it funded before another (its value of the troops,
 * docs/model.md, Payers), what the pivotal paid itself, money passed through a lead nation,
 * and each access seller's deal. Pure: summary, scenario and events in, sentences out; empty
 * when the pivotal paid everything directly and bought no access (the story already says so).
 */
import type { EventOf, SimEvent } from '../core/events';
import type { LineBound, PayerFunding, PayerSummary, RunSummary } from '../core/metrics/summary';
import type { Scenario } from '../scenario/schema';
import { capitalise, dollars, list, money, plural } from './format';
import { possessive, TheName, theName } from './names';

/** What a kind of access is, in a sentence ("... sells the use of its bases"); shared with the narrative. */
export const ACCESS_WORDS: Readonly<Record<EventOf<'access-signed'>['kind'], string>> = {
  bases: 'the use of its bases',
  transit: 'transit through its territory',
  airspace: 'the use of its airspace',
  sanctions: 'its enforcement of sanctions',
  other: 'its cooperation',
};

/** Why a line was funded below its posted rate, after "less than its posted ... because". */
const BELOW_RATE: Readonly<Record<Exclude<LineBound, 'posted-rate'>, string>> = {
  subsidy: 'the rest of the subsidy was already funded',
  value: 'that is all the troops are worth to it',
  budget: 'its budget would not stretch further',
};

export function whoPaidSentences(sum: RunSummary, s: Scenario, events: readonly SimEvent[]): string[] {
  const names = new Map<string, string>([[s.pivotal.id, s.pivotal.name], ...s.thirdParties.map((t) => [t.id, t.name] as [string, string]), ...s.donors.map((d) => [d.id, d.name] as [string, string]), ...(s.payers ?? []).map((p) => [p.id, p.name] as [string, string])]);
  const name = (id: string): string => theName(names.get(id) ?? id);
  const P = TheName(s.pivotal.name);
  const out: string[] = [];
  const payers = sum.payers ?? [];
  if (payers.length > 0) out.push(...payerSentences(sum, s, payers, name, P));
  out.push(...leadSentences(sum, name));
  out.push(...accessSentences(sum, events, name, theName(s.pivotal.name), s.clock.roundLabel));
  return out;
}

function payerSentences(sum: RunSummary, s: Scenario, payers: readonly PayerSummary[], name: (id: string) => string, P: string): string[] {
  const out: string[] = [];
  const rpy = s.clock.roundsPerYear;
  const per = s.clock.roundLabel;
  const bill = sum.costs.byPayer.filter((b) => b.cost > 0);
  out.push(`${capitalise(plural(bill.length, 'payer'))} shared the ${money(sum.payments.total)} paid to partners: ${list(bill.map((b) => `${name(b.id)} ${money(b.cost)}`))}.`);
  // Highest value first: the order in which payers fund a contingent's subsidy (payments/payers.ts).
  const ranked = [...payers].sort((a, b) => b.valuePerSoldierYear - a.valuePerSoldierYear);
  for (const p of ranked) {
    const who = TheName(p.name);
    if (p.funded.length === 0) {
      out.push(`${who} funded nothing: ${p.valuePerSoldierYear > 0 ? 'payers who value the troops more had covered the subsidies, or its lines were open to no partner who joined' : 'the troops are worth nothing to it'}.`);
      continue;
    }
    const byItem = new Map<string, PayerFunding[]>();
    for (const f of p.funded) byItem.set(f.item, [...(byItem.get(f.item) ?? []), f]);
    for (const [item, rows] of byItem) {
      const rate = rows[0]!.postedRatePerSoldierYear;
      const atRate = rows.filter((f) => f.bound === 'posted-rate');
      const below = rows.filter((f) => f.bound !== 'posted-rate');
      const parts: string[] = [];
      if (atRate.length > 0) parts.push(`at the full posted rate to ${list(atRate.map((f) => `${name(f.recipient)} (${money(f.paid)})`))}`);
      for (const f of below) parts.push(`at ${dollars(f.fundedPerSoldierYear)} to ${name(f.recipient)} (${money(f.paid)}), less than the posted rate because ${BELOW_RATE[f.bound as Exclude<LineBound, 'posted-rate'>]}`);
      out.push(`${who} paid its line “${item}”, posted at ${dollars(rate)} per soldier-year (${dollars(rate / rpy)} per soldier a ${per}), ${list(parts)}.`);
    }
    out.push(`${who} spent ${money(p.spent)} of its ${money(p.budget)} budget. ${orderSentence(p, ranked, name)}`);
  }
  const own = sum.costs.byPayer.find((b) => b.id === s.pivotal.id)?.cost ?? 0;
  out.push(`${P} negotiated every package and paid what the other payers' lines left: ${money(own)}.`);
  return out;
}

/** Why a payer funded before or after the others: its value of a soldier-year against theirs. */
function orderSentence(p: PayerSummary, ranked: readonly PayerSummary[], name: (id: string) => string): string {
  const values = [...new Set(p.funded.map((f) => f.valuePerSoldierYear))];
  const value = values.length === 1 ? `A partner's soldier-year is worth ${dollars(values[0]!)} to it` : `A partner's soldier-year is worth ${dollars(Math.min(...values))} to ${dollars(Math.max(...values))} to it, by partner`;
  const above = ranked.filter((q) => q !== p && q.valuePerSoldierYear > p.valuePerSoldierYear);
  const below = ranked.filter((q) => q !== p && q.valuePerSoldierYear < p.valuePerSoldierYear);
  const order: string[] = [];
  if (below.length > 0) order.push(`more than to ${list(below.map((q) => `${name(q.id)} (${dollars(q.valuePerSoldierYear)})`))}, so it funds a contingent's subsidy before ${below.length === 1 ? 'it' : 'them'}`);
  if (above.length > 0) order.push(`less than to ${list(above.map((q) => `${name(q.id)} (${dollars(q.valuePerSoldierYear)})`))}, so it funds only what ${above.length === 1 ? 'that payer leaves' : 'those payers leave'}`);
  const rates = [...new Set(p.funded.map((f) => f.postedRatePerSoldierYear))];
  const rateWords = rates.length === 1 ? `its posted rate (${dollars(rates[0]!)})` : 'its posted rates';
  const valueVsRate = p.funded.every((f) => f.valuePerSoldierYear >= f.postedRatePerSoldierYear)
    ? `That is at least ${rateWords}, so the rate, not its value, limits what it pays.`
    : p.funded.every((f) => f.valuePerSoldierYear < f.postedRatePerSoldierYear)
      ? `That is below ${rateWords}, so its value, not the rate, limits what it pays.`
      : 'For some partners that is below the posted rate, and then its value limits what it pays.';
  return `${value}${order.length > 0 ? `, ${order.join('; and ')}` : ''}. ${valueVsRate}`;
}

function leadSentences(sum: RunSummary, name: (id: string) => string): string[] {
  const byLead = new Map<string, NonNullable<RunSummary['flows']>[number][]>();
  for (const f of sum.flows ?? []) if (f.via !== null && f.amount > 0) byLead.set(f.via, [...(byLead.get(f.via) ?? []), f]);
  return [...byLead.entries()].map(([lead, flows]) => {
    const total = flows.reduce((a, f) => a + f.amount, 0);
    const payers = [...new Set(flows.map((f) => f.payer))];
    return `${capitalise(name(lead))} led partners under its command and passed ${money(total)} of ${list(payers.map((id) => possessive(name(id))))} money on to them: ${list(flows.map((f) => `${name(f.recipient)} ${money(f.amount)}`))}. It kept none of it: what it earned for leading is its own deal.`;
  });
}

function accessSentences(sum: RunSummary, events: readonly SimEvent[], name: (id: string) => string, p: string, per: string): string[] {
  const paid = new Map<string, number>();
  for (const e of events) if (e.type === 'payment' && e.cause === 'access') paid.set(e.recipient, (paid.get(e.recipient) ?? 0) + e.amount);
  return sum.coalition.members.flatMap((m) =>
    (m.access ?? []).map((a, i, all) => {
      const what = `${ACCESS_WORDS[a.kind as EventOf<'access-signed'>['kind']] ?? 'its cooperation'}${a.label ? ` (${a.label})` : ''}`;
      const total = i === all.length - 1 ? ` In all it was paid ${money(Math.round((paid.get(m.id) ?? 0) * 100) / 100)} for access.` : '';
      return `${capitalise(name(m.id))} sold ${p} ${what} from ${per} ${a.round}, without troops, for ${money(a.pricePerYear)} a year: granting it cost ${name(m.id)} ${money(a.reservation)} a year, and it was worth ${money(a.pivotalReservation)} a year to ${p}.${total}`;
    }),
  );
}
