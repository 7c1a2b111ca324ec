/** Hold-up timeline: who threatened to cut or withdraw forces unless paid more, when, and how it ended. */
import type { ChartData } from '../data';
import { GREY, INK, SERIES_COLOURS } from '../palette';
import type { ChartSpec } from '../types';
import { asConfig, axisTitle, baseOptions, HEIGHT, type Json, markerAnnotations, roundAxisTitle, roundLabels, ticks, WIDTH } from './common';

const KINDS: readonly { what: string; label: string; colour: string; point: string }[] = [
  { what: 'threat', label: 'Threat: pay more or we cut our forces', colour: SERIES_COLOURS[1], point: 'triangle' },
  { what: 'paid', label: 'Outcome: paid', colour: SERIES_COLOURS[0], point: 'circle' },
  { what: 'refused-withdrew', label: 'Outcome: refused, and the forces withdrew', colour: SERIES_COLOURS[4], point: 'crossRot' },
  { what: 'bluff-called', label: 'Outcome: refused, bluff called (forces stayed)', colour: SERIES_COLOURS[2], point: 'rect' },
];

/** Null when the run had no hold-ups: the chart is drawn only when there is something to show. */
export function holdupsChart(d: ChartData): ChartSpec | null {
  if (d.holdups.length === 0) return null;
  const names = new Map(d.parties.map((p) => [p.id, p.name]));
  const nameOf = (id: string): string => names.get(id) ?? id;
  const parties = [...new Set(d.holdups.map((h) => h.party))].map(nameOf);
  const known = new Set(KINDS.map((k) => k.what));
  const kinds = [...KINDS];
  for (const h of d.holdups) {
    if (!known.has(h.what)) {
      known.add(h.what);
      kinds.push({ what: h.what, label: `Outcome: ${h.what}`, colour: GREY, point: 'rectRot' });
    }
  }
  const datasets: Json[] = kinds
    .map((k) => ({ k, points: d.holdups.filter((h) => h.what === k.what) }))
    .filter(({ points }) => points.length > 0)
    .map(({ k, points }) => ({
      label: k.label,
      data: points.map((h) => ({ x: String(h.round), y: nameOf(h.party) })),
      pointStyle: k.point,
      pointRadius: 14,
      pointBorderWidth: k.point === 'crossRot' ? 5 : 3,
      borderColor: k.point === 'crossRot' ? k.colour : INK,
      backgroundColor: k.colour,
    }));
  const threats = d.holdups.filter((h) => h.what === 'threat').length;
  const options = baseOptions(
    'Hold-ups: threats and outcomes',
    `${threats} threat${threats === 1 ? '' : 's'} to cut or withdraw forces unless paid more, by ${parties.length} partner${parties.length === 1 ? '' : 's'}.`,
    {
      x: { type: 'category', labels: roundLabels(d.rounds), offset: true, title: axisTitle(roundAxisTitle(d.roundLabel)), ticks: ticks(), grid: { display: false } },
      y: { type: 'category', labels: parties, offset: true, title: axisTitle('Partner'), ticks: ticks() },
    },
    markerAnnotations(d.markers, d.rounds.length),
  ) as { plugins: { legend: { labels: Json } } };
  // Markers only: legend swatches keep the markers' own shape (no stretched width).
  options.plugins.legend.labels = { ...options.plugins.legend.labels, pointStyleWidth: 0 };
  const config = {
    type: 'scatter',
    data: { datasets },
    options,
  };
  return {
    id: 'holdups',
    title: 'Hold-ups',
    caption: `Each row is a partner that threatened to cut or withdraw its forces unless paid more (triangle), with how it ended: paid (circle), refused and withdrawn (cross), or refused with the bluff called (square).`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills: [],
  };
}
