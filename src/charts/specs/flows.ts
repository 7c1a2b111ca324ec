/**
 * Who paid whom (issue 16 item 6): one horizontal bar per recipient, what it received over the
 * operation, stacked by payer (one colour per payer). Money a lead nation passed on to partners
 * under its command is its own segment, hatched with a black outline and named "via" the lead;
 * payments for access without troops likewise. Drawn only when the run has something to show
 * beyond the payments charts: more than one payer, or any pass-through or access payment.
 */
import { theName } from '../../report/names';
import type { ChartData, FlowSegment } from '../data';
import { FILL_PATTERNS, INK, SERIES_COLOURS } from '../palette';
import type { ChartSpec, FillPattern } from '../types';
import { asConfig, axisTitle, baseOptions, HEIGHT, type Json, moneyUnit, moneyWords, r4, ticks, WIDTH } from './common';

/** A stack segment kind: a payer's money, paid directly, through a lead nation, or for access. */
interface Series {
  readonly payer: string;
  readonly via: string | null;
  readonly access: boolean;
}

const seriesKey = (f: Series): string => `${f.payer}\u0000${f.via ?? ''}\u0000${f.access ? 1 : 0}`;

/** Null unless several payers paid, or some money went through a lead nation or bought access. */
export function flowsChart(d: ChartData): ChartSpec | null {
  const flows = d.flows.filter((f) => f.amount > 0);
  // The pivotal first, then payers with lines in scenario order: the same colour for a payer in every run of a scenario.
  const rank = [...d.names.keys()];
  const payers = [...new Set(flows.map((f) => f.payer))].sort((a, b) => rank.indexOf(a) - rank.indexOf(b) || (a < b ? -1 : 1));
  const via = flows.filter((f) => f.via !== null);
  const access = flows.filter((f) => f.access);
  if (payers.length <= 1 && via.length === 0 && access.length === 0) return null;
  const name = (id: string): string => d.names.get(id) ?? id;

  // Recipients, largest total first (ties by id), so the bars read down from the biggest.
  const totals = new Map<string, number>();
  for (const f of flows) totals.set(f.recipient, (totals.get(f.recipient) ?? 0) + f.amount);
  const recipients = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || (a < b ? -1 : 1));
  // Names fit beside up to 16 bars at this size; beyond that, ids with the key in the caption.
  const many = recipients.length > 16;
  const leads = [...new Set(via.map((f) => f.via!))];
  const leadOf = new Map<string, string>();
  for (const f of via) leadOf.set(f.recipient, f.via!);
  const labels = recipients.map((id) => {
    const n = many ? id : name(id).length > 24 ? `${name(id).slice(0, 23)}…` : name(id);
    if (leadOf.has(id)) return `${n} (via ${many ? leadOf.get(id)! : name(leadOf.get(id)!)})`;
    return leads.includes(id) ? `${n} (lead nation)` : n;
  });

  // One dataset per payer and way of paying: the payer's own money first, pass-through and access after it.
  const series: Series[] = [];
  const seen = new Set<string>();
  const ordered = [...flows].sort((a, b) => payers.indexOf(a.payer) - payers.indexOf(b.payer) || Number(a.via !== null) - Number(b.via !== null) || Number(a.access) - Number(b.access) || (a.via ?? '').localeCompare(b.via ?? ''));
  for (const f of ordered) {
    const k = seriesKey(f);
    if (seen.has(k)) continue;
    seen.add(k);
    series.push({ payer: f.payer, via: f.via, access: f.access });
  }
  const unit = moneyUnit(Math.max(0, ...totals.values()));
  const amountOf = (s: Series, recipient: string): number => flows.filter((f: FlowSegment) => f.recipient === recipient && seriesKey(f) === seriesKey(s)).reduce((a, f) => a + f.amount, 0);
  const datasets: Json[] = [];
  const fills: (FillPattern | null)[] = [];
  series.forEach((s, i) => {
    const colour = SERIES_COLOURS[payers.indexOf(s.payer) % SERIES_COLOURS.length]!;
    const marked = s.via !== null || s.access;
    const label = `${name(s.payer)}${s.via !== null ? `, via ${name(s.via)} (lead nation)` : ''}${s.access ? ', for access (no troops)' : ''}`;
    datasets.push({
      label: label.length <= 60 ? label : `${label.slice(0, 59)}…`,
      data: recipients.map((r) => r4(amountOf(s, r) / unit.divisor)),
      backgroundColor: colour,
      // Pass-through and access segments carry a black outline as well as their texture.
      borderColor: marked ? INK : '#ffffff',
      borderWidth: marked ? 3 : 1,
      stack: 'paid',
    });
    // Textures differ between every pair of datasets, so payers and ways of paying read apart in greyscale.
    fills.push(FILL_PATTERNS[i % FILL_PATTERNS.length]!);
  });

  const total = flows.reduce((a, f) => a + f.amount, 0);
  const parts = [`${moneyWords(total)} from ${payers.length} payer${payers.length === 1 ? '' : 's'} to ${recipients.length} partner${recipients.length === 1 ? '' : 's'}`];
  if (leads.length > 0) parts.push(`${moneyWords(via.reduce((a, f) => a + f.amount, 0))} passed through ${leads.map((l) => name(l)).join(' and ')}`);
  if (access.length > 0) parts.push(`${moneyWords(access.reduce((a, f) => a + f.amount, 0))} for access`);
  const config = {
    type: 'bar',
    data: { labels, datasets },
    options: {
      ...baseOptions(
        'Who paid whom: payments by payer and recipient',
        `${parts.join('; ')}.`,
        {
          x: { stacked: true, min: 0, grace: '5%', title: axisTitle(`${unit.label}, over the whole operation`), ticks: ticks() },
          y: { stacked: true, title: axisTitle('Recipient'), ticks: ticks(), grid: { display: false } },
        },
        {},
      ),
      indexAxis: 'y',
    },
  };
  const marked = [leads.length > 0 ? "a payer's money passed on by a lead nation to the partners under its command" : '', access.length > 0 ? 'payments for access (bases, transit, airspace, sanctions) without troops' : ''].filter((x) => x !== '');
  const key = many ? ` Bars by id: ${recipients.map((r) => `${r} ${name(r)}`).join('; ')}.` : '';
  return {
    id: 'payment-flows',
    title: 'Who paid whom',
    caption: `Each bar is one partner and what it received over the operation, split by who paid it (one colour per payer: ${payers.map((p) => theName(name(p))).join(', ')}).${marked.length > 0 ? ` Segments with a black outline are ${marked.join(', or ')}.` : ''}${key}`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills,
  };
}
