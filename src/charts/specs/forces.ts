/** Supply and demand of forces over time, with the market's tightness on a second axis. */
import type { ChartData } from '../data';
import { TheName, theName } from '../../report/names';
import { GREY, INK, LIGHT_GREY, SERIES_COLOURS } from '../palette';
import type { ChartSpec } from '../types';
import { asConfig, axisTitle, baseOptions, FONT, HEIGHT, type Json, lineCrossings, markerAnnotations, markerNotesHeight, niceTop, PLOT_HEIGHT, PLOT_LEFT, PLOT_RIGHT, r4, roundAxisTitle, roundLabels, textWidth, ticks, valueAxisTop, WIDTH } from './common';

/** Rounds in which troops were sought and demand exceeded what was on offer. */
export function scarceSpans(d: ChartData): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  d.rounds.forEach((t, i) => {
    const tight = d.tightness[i] ?? null;
    const scarce = (d.demand[i] ?? 0) > 0 && (tight === null || tight > 1);
    if (!scarce) return;
    const last = spans[spans.length - 1];
    if (last && last.to === t - 1) last.to = t;
    else spans.push({ from: t, to: t });
  });
  return spans;
}

const PARITY_NOTE = 'Tightness 1 (right axis): demand equals supply';

/**
 * Where the tightness-1 line's note goes: just above or below the line, at its right end (by the
 * axis it is read on) or its left, the first of end-above, start-above, end-below, start-below
 * that no line crosses, else the one crossed least. On the line itself it hid supply and troops
 * deployed where they ran along it (teaching-holdup: 3,000 troops at tightness 1).
 */
function parityNotePlace(d: ChartData, yTop: number, y2Top: number, notesHeight: number): { position: 'start' | 'end'; yAdjust: number } {
  const lines = [
    { values: d.demand, max: yTop },
    { values: d.supply, max: yTop },
    { values: d.deployed, max: yTop },
    { values: d.tightness, max: y2Top },
  ];
  const width = textWidth(PARITY_NOTE, FONT.annotation) + 12;
  const half = (FONT.annotation * 1.2 + 12) / 2;
  const offset = Math.round(half + 4);
  const at = 1 / y2Top;
  const places = [
    { position: 'end' as const, above: true },
    { position: 'start' as const, above: true },
    { position: 'end' as const, above: false },
    { position: 'start' as const, above: false },
  ].map((p) => {
    const left = p.position === 'end' ? PLOT_RIGHT - width : PLOT_LEFT;
    const centre = at + ((p.above ? 1 : -1) * offset) / PLOT_HEIGHT;
    const lo = centre - half / PLOT_HEIGHT;
    const hi = centre + half / PLOT_HEIGHT;
    // Under the event notes' band, or off the plot, counts as crossed.
    const blocked = hi > 1 - notesHeight / PLOT_HEIGHT || lo < 0 ? 100 : 0;
    return { ...p, n: blocked + lineCrossings(lines, d.rounds.length, { left, right: left + width, lo, hi }) };
  });
  const best = places.find((p) => p.n === 0) ?? places.reduce((a, b) => (b.n < a.n ? b : a));
  return { position: best.position, yAdjust: best.above ? -offset : offset };
}

export function forcesChart(d: ChartData): ChartSpec {
  const spans = scarceSpans(d);
  const maxTight = Math.max(1.5, ...d.tightness.map((x) => x ?? 0));
  // The event notes keep a band of their own at the top: both axes reach above it.
  const notes = markerNotesHeight(d.markers, d.rounds.length, d.roundLabel);
  const troopsMax = Math.max(0, ...d.demand, ...d.supply, ...d.deployed);
  const troopsTop = valueAxisTop(troopsMax, notes);
  const tightClear = valueAxisTop(Math.max(0, ...d.tightness.map((x) => x ?? 0)), notes).max;
  // Both axes pinned at ticks Chart.js draws (18% headroom without notes, as Chart.js grace gave),
  // so the parity note can be placed where the lines leave room.
  const yTop = typeof troopsTop.max === 'number' ? troopsTop.max : niceTop(troopsMax * 1.18);
  const y2Top = niceTop(Math.max(maxTight * 1.1, typeof tightClear === 'number' ? tightClear : 0));
  const parity = parityNotePlace(d, yTop, y2Top, notes);
  const annotations: Record<string, Json> = {};
  spans.forEach((s, i) => {
    annotations[`scarce${i}`] = {
      type: 'box',
      xMin: s.from - 1.5,
      xMax: s.to - 0.5,
      backgroundColor: LIGHT_GREY,
      borderWidth: 0,
      drawTime: 'beforeDatasetsDraw',
      label: { display: true, content: 'Scarce: demand > supply', position: { x: 'center', y: 'end' }, color: '#333333', font: { size: FONT.annotation, weight: 'bold' }, padding: 8 },
    };
  });
  annotations.parity = {
    type: 'line',
    scaleID: 'y2',
    value: 1,
    borderColor: GREY,
    borderWidth: 2,
    borderDash: [14, 4, 2, 4],
    // Said to be read on the right axis (at the left, by the troops axis, a teacher's students read
    // it as a number of troops), just off the line where the lines leave room (parityNotePlace).
    label: { display: true, content: PARITY_NOTE, position: parity.position, yAdjust: parity.yAdjust, drawTime: 'afterDatasetsDraw', backgroundColor: 'rgba(255, 255, 255, 0.9)', color: '#333333', font: { size: FONT.annotation, weight: 'normal' } },
  };
  Object.assign(annotations, markerAnnotations(d.markers, d.rounds.length, d.roundLabel));

  const scarceRounds = spans.reduce((a, s) => a + s.to - s.from + 1, 0);
  const subtitle = `${TheName(d.pivotalName)} seeks foreign troops (demand) from partners willing to come at a price it would pay (supply). ${scarceRounds} of ${d.rounds.length} ${d.roundLabel}s scarce.`;
  const config = {
    type: 'line',
    data: {
      labels: roundLabels(d.rounds),
      datasets: [
        { label: 'Troops sought (demand)', data: [...d.demand], yAxisID: 'y', borderColor: INK, backgroundColor: INK, borderWidth: 4, stepped: 'middle', pointRadius: 0, pointStyle: 'line' },
        { label: 'Troops on offer at an acceptable price (supply)', data: [...d.supply], yAxisID: 'y', borderColor: SERIES_COLOURS[0], backgroundColor: SERIES_COLOURS[0], borderWidth: 3, borderDash: [14, 6], pointRadius: 5, pointStyle: 'rect' },
        { label: 'Troops deployed', data: [...d.deployed], yAxisID: 'y', borderColor: SERIES_COLOURS[4], backgroundColor: SERIES_COLOURS[4], borderWidth: 3, pointRadius: 5, pointStyle: 'triangle' },
        { label: 'Tightness, right axis (demand ÷ supply)', data: d.tightness.map((x) => (x === null ? null : r4(x))), yAxisID: 'y2', borderColor: SERIES_COLOURS[2], backgroundColor: SERIES_COLOURS[2], borderWidth: 3, borderDash: [3, 5], pointRadius: 5, pointStyle: 'circle' },
      ],
    },
    options: baseOptions(
      'Supply and demand of forces',
      subtitle,
      {
        x: { title: axisTitle(roundAxisTitle(d.roundLabel)), ticks: ticks(), grid: { display: false } },
        y: { position: 'left', min: 0, max: yTop, title: axisTitle('Troops (headcount)'), ticks: ticks() },
        y2: { position: 'right', min: 0, max: r4(y2Top), title: axisTitle('Tightness (demand ÷ supply)'), ticks: ticks(), grid: { drawOnChartArea: false } },
      },
      annotations
    ),
  };
  return {
    id: 'forces',
    title: 'Supply and demand of forces',
    caption: `Solid black: the foreign troops ${theName(d.pivotalName)} seeks. Dashed blue with squares: troops partners would send at a price it would pay. Orange-red with triangles: troops deployed. Dotted green with circles (right axis): tightness, demand divided by supply; above 1 (shaded) partners are scarce and ${theName(d.pivotalName)} is weak at the table.`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills: [],
  };
}
