/** Payments to partners over time: per round and cumulative, by recipient and by kind. */
import { possessive, theName } from '../../report/names';
import type { ChartData, PartySeries } from '../data';
import { GREY, INK, seriesStyle, SERIES_COLOURS } from '../palette';
import type { ChartSpec, FillPattern } from '../types';
import { asConfig, axisTitle, baseOptions, cumulative, HEIGHT, inUnit, type Json, markerAnnotations, markerNotesHeight, moneyUnit, moneyWords, roundAxisTitle, roundLabels, ticks, valueAxisTop, WIDTH, seriesKey, seriesLabel } from './common';

function paidParties(d: ChartData): PartySeries[] {
  return d.parties.filter((p) => p.paid.some((x) => x > 0));
}

function totals(d: ChartData): number[] {
  return d.rounds.map((_, t) => Math.round(((d.paidByKind.subsidy[t] ?? 0) + (d.paidByKind.sideDeal[t] ?? 0)) * 100) / 100);
}

/** The event notes' band at the top of the plot (common.ts valueAxisTop). */
function notesHeight(d: ChartData): number {
  return markerNotesHeight(d.markers, d.rounds.length, d.roundLabel);
}

/** An axis top for the notes, without the headroom an axis gets when there are none (the running totals' axis never had it). */
function withoutGrace(top: Json): Json {
  return 'max' in top ? top : {};
}

function xAxis(d: ChartData, stacked: boolean): Json {
  return { stacked, title: axisTitle(roundAxisTitle(d.roundLabel)), ticks: ticks(), grid: { display: false } };
}

export function paymentsPerRoundChart(d: ChartData): ChartSpec {
  const parties = paidParties(d);
  const unit = moneyUnit(Math.max(0, ...totals(d)));
  const datasets: Json[] = [];
  const fills: (FillPattern | null)[] = [];
  for (const p of parties) {
    const s = seriesStyle(p.styleIndex);
    datasets.push({ label: seriesLabel(p, parties.length), data: inUnit(p.paid, unit), backgroundColor: s.colour, borderColor: '#ffffff', borderWidth: 1, stack: 'paid' });
    fills.push(s.fill);
  }
  const total = totals(d).reduce((a, b) => a + b, 0);
  const config = {
    type: 'bar',
    data: { labels: roundLabels(d.rounds), datasets },
    options: baseOptions(
      `Payments to partners per ${d.roundLabel}, by recipient`,
      `Subsidies and side deals paid by ${theName(d.pivotalName)}; ${moneyWords(total)} in all, to ${parties.length} partners.`,
      { x: xAxis(d, true), y: { stacked: true, min: 0, ...valueAxisTop(Math.max(0, ...inUnit(totals(d), unit)), notesHeight(d)), title: axisTitle(`${unit.label} per ${d.roundLabel}`), ticks: ticks() } },
      markerAnnotations(d.markers, d.rounds.length, d.roundLabel)
    ),
  };
  return {
    id: 'payments-per-round',
    title: `Payments per ${d.roundLabel}, by recipient`,
    caption: `Each bar is one ${d.roundLabel}'s payments, split by the partner that received them (colour and texture). Volunteers receive nothing and do not appear.${seriesKey(parties)}`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills,
  };
}

export function paymentsCumulativeChart(d: ChartData): ChartSpec {
  const budget = d.budget;
  const parties = paidParties(d);
  const cum = parties.map((p) => cumulative(p.paid));
  const unit = moneyUnit(Math.max(0, ...budget, ...cumulative(totals(d))));
  const datasets: Json[] = [];
  const fills: (FillPattern | null)[] = [];
  parties.forEach((p, i) => {
    const s = seriesStyle(p.styleIndex);
    datasets.push({ label: seriesLabel(p, parties.length), data: inUnit(cum[i]!, unit), stack: 'paid', fill: i === 0 ? 'origin' : '-1', backgroundColor: s.colour, borderColor: '#ffffff', borderWidth: 1, pointRadius: 0 });
    fills.push(s.fill);
  });
  if (budget.length > 0) {
    datasets.push({ label: d.donors ? 'Payment budget (with donations)' : 'Payment budget', data: inUnit(budget, unit), stack: 'budget', fill: false, borderColor: INK, backgroundColor: INK, borderWidth: 4, borderDash: [14, 6], pointRadius: 0, stepped: 'middle' });
    fills.push(null);
  }
  const total = cumulative(totals(d)).at(-1) ?? 0;
  const config = {
    type: 'line',
    data: { labels: roundLabels(d.rounds), datasets },
    options: baseOptions(
      'Cumulative payments to partners, by recipient',
      `${moneyWords(total)} paid by the end${budget.length > 0 ? `, of a budget of ${moneyWords(budget.at(-1) ?? 0)}` : ''}.`,
      { x: xAxis(d, false), y: { stacked: true, min: 0, ...valueAxisTop(Math.max(0, ...inUnit(cumulative(totals(d)), unit), ...inUnit(budget, unit)), notesHeight(d)), title: axisTitle(`${unit.label}, cumulative`), ticks: ticks() } },
      markerAnnotations(d.markers, d.rounds.length, d.roundLabel)
    ),
  };
  return {
    id: 'payments-cumulative',
    title: 'Cumulative payments, by recipient',
    caption: `The bands stack each partner's payments received so far; their top edge is the total paid. The dashed black line is ${possessive(theName(d.pivotalName))} payment budget${d.donors ? ", including donors' contributions" : ''}.${seriesKey(parties)}`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills,
  };
}

export function paymentsByKindChart(d: ChartData): ChartSpec {
  const { subsidy, sideDeal } = d.paidByKind;
  const perRound = moneyUnit(Math.max(0, ...totals(d)));
  const cumSub = cumulative(subsidy);
  const cumSide = cumulative(sideDeal);
  const cumUnit = moneyUnit(Math.max(0, ...cumSub, ...cumSide));
  const datasets: Json[] = [
    { type: 'bar', label: `Deployment subsidies per ${d.roundLabel}`, data: inUnit(subsidy, perRound), backgroundColor: SERIES_COLOURS[0], borderColor: '#ffffff', borderWidth: 1, stack: 'paid', yAxisID: 'y', order: 2 },
    { type: 'bar', label: `Side deals per ${d.roundLabel}`, data: inUnit(sideDeal, perRound), backgroundColor: SERIES_COLOURS[1], borderColor: '#ffffff', borderWidth: 1, stack: 'paid', yAxisID: 'y', order: 2 },
    { type: 'line', label: 'Subsidies, cumulative (right axis)', data: inUnit(cumSub, cumUnit), borderColor: INK, backgroundColor: INK, borderWidth: 4, pointRadius: 0, stack: 'cumSub', yAxisID: 'y2', order: 0 },
    { type: 'line', label: 'Side deals, cumulative (right axis)', data: inUnit(cumSide, cumUnit), borderColor: GREY, backgroundColor: GREY, borderWidth: 4, borderDash: [4, 5], pointRadius: 0, stack: 'cumSide', yAxisID: 'y2', order: 1 },
  ];
  const fills: (FillPattern | null)[] = ['solid', 'diagonal', null, null];
  const subTotal = cumSub.at(-1) ?? 0;
  const sideTotal = cumSide.at(-1) ?? 0;
  const config = {
    type: 'bar',
    data: { labels: roundLabels(d.rounds), datasets },
    options: baseOptions(
      'Payments by type: deployment subsidies and side deals',
      `Subsidies ${moneyWords(subTotal)}; side deals ${sideTotal > 0 ? moneyWords(sideTotal) : 'none'}.`,
      {
        x: xAxis(d, true),
        y: { stacked: true, min: 0, ...valueAxisTop(Math.max(0, ...inUnit(totals(d), perRound)), notesHeight(d)), position: 'left', title: axisTitle(`${perRound.label} per ${d.roundLabel} (bars)`), ticks: ticks() },
        y2: { stacked: false, min: 0, ...withoutGrace(valueAxisTop(Math.max(0, ...inUnit(cumSub, cumUnit), ...inUnit(cumSide, cumUnit)), notesHeight(d))), position: 'right', title: axisTitle(`${cumUnit.label}, cumulative (lines)`), ticks: ticks(), grid: { drawOnChartArea: false } },
      },
      markerAnnotations(d.markers, d.rounds.length, d.roundLabel)
    ),
  };
  return {
    id: 'payments-by-kind',
    title: 'Payments by type',
    caption: `Bars (left axis): what ${theName(d.pivotalName)} paid each ${d.roundLabel}, as deployment subsidies (tied to the cost of deploying) and political side deals (debt relief, arms, trade, promises). Lines (right axis): the running totals of each.`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills,
  };
}
