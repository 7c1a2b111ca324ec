/** Pieces every chart shares: sizes, fonts, axes, money units and event markers. */
import type { ChartConfiguration } from 'chart.js';
import type { Marker } from '../data';
import { GREY } from '../palette';

/** 16:9 and large type: legible on a projected slide. */
export const WIDTH = 1600;
export const HEIGHT = 900;

export const FONT = { title: 32, subtitle: 21, axisTitle: 22, tick: 19, legend: 20, annotation: 18 } as const;

export type Config = ChartConfiguration;
/** A plain-JSON options object (Chart.js option types are too narrow for mixed charts). */
export type Json = { readonly [key: string]: unknown };

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

export function roundAxisTitle(roundLabel: string): string {
  return `${capitalise(roundLabel)} of the operation (round)`;
}

/** Rounded to 4 decimals: exact enough for a chart, and short in the report's JSON. */
export function r4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export interface MoneyUnit {
  readonly divisor: number;
  /** "US$ millions" */
  readonly label: string;
}

/** The unit that keeps axis numbers between 1 and 1,000 for the largest value. */
export function moneyUnit(max: number): MoneyUnit {
  if (max >= 1e9) return { divisor: 1e9, label: 'US$ billions' };
  if (max >= 1e6) return { divisor: 1e6, label: 'US$ millions' };
  if (max >= 1e3) return { divisor: 1e3, label: 'US$ thousands' };
  return { divisor: 1, label: 'US$' };
}

export function inUnit(values: readonly number[], unit: MoneyUnit): number[] {
  return values.map((v) => r4(v / unit.divisor));
}

export function cumulative(values: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  for (const v of values) {
    sum = Math.round((sum + v) * 100) / 100;
    out.push(sum);
  }
  return out;
}

/** "$1.12 billion", "$42.3 million", "$12,345": for subtitles. */
export function moneyWords(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `$${(n / 1e9).toFixed(2)} billion`;
  if (a >= 1e6) return `$${(n / 1e6).toPrecision(3)} million`;
  return `$${Math.round(n).toLocaleString('en-US')}`;
}

export function axisTitle(text: string): Json {
  return { display: true, text, font: { size: FONT.axisTitle, weight: 'bold' }, padding: { top: 8, bottom: 4 } };
}

export function ticks(extra: Json = {}): Json {
  return { font: { size: FONT.tick }, ...extra };
}

/** Options every chart starts from: fixed size and pixel ratio, no animation, titles and a legend below. */
export function baseOptions(title: string, subtitle: string, scales: Json, annotations: Json): Json {
  return {
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    locale: 'en-US',
    layout: { padding: { top: 8, right: 24, bottom: 8, left: 16 } },
    interaction: { mode: 'nearest', intersect: false },
    plugins: {
      title: { display: true, text: title, font: { size: FONT.title, weight: 'bold' }, padding: { top: 8, bottom: 4 } },
      subtitle: { display: subtitle !== '', text: wrapToWidth(subtitle, FONT.subtitle, WIDTH - 80), font: { size: FONT.subtitle }, color: '#444444', padding: { bottom: 16 } },
      legend: { position: 'bottom', labels: { font: { size: FONT.legend }, boxHeight: 20, pointStyleWidth: 56, padding: 22 } },
      annotation: { annotations },
    },
    scales,
  };
}

/** Rounds as category labels "1".."T". */
export function roundLabels(rounds: readonly number[]): string[] {
  return rounds.map(String);
}

/** Estimated width of a line of text in pixels (DejaVu Sans averages about 0.62 em a character). */
export function textWidth(text: string, size: number): number {
  return text.length * 0.62 * size;
}

/**
 * A title's text as Chart.js draws it: one string when it fits `width` pixels at `size`, else
 * lines broken between words (Chart.js draws each line as given, centred, so a line wider than
 * the canvas lost both its ends: the bargaining-power subtitle naming three reversals).
 */
export function wrapToWidth(text: string, size: number, width: number): string | string[] {
  if (textWidth(text, size) <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The plot's horizontal extent on a WIDTH-wide canvas, estimated before layout (axis ticks and titles on both sides). */
export const PLOT_LEFT = 120;
export const PLOT_RIGHT = WIDTH - 110;

/** Where along a marker's line its note sits: the top ('start'), the bottom ('end'), or a point between, from the top ('30%'). */
export type MarkerPosition = 'start' | 'end' | `${number}%`;

/**
 * Chooses the notes' position once their horizontal extents are laid out (canvas pixels, with
 * each note's row), given the height of a row of notes in pixels.
 */
export type MarkerPlacer = (extents: readonly { readonly left: number; readonly right: number; readonly row: number }[], rowHeight: number) => MarkerPosition;

interface MarkerLayout {
  readonly placed: readonly { readonly m: Marker; readonly lines: readonly string[]; readonly x: number; readonly e: { readonly left: number; readonly right: number }; readonly row: number }[];
  /** The height of a row of notes, px. */
  readonly rowHeight: number;
  readonly shift: number;
}

/** Each marker's note beside its line, on the first row where it clears the notes already placed (markerAnnotations says how). */
function layoutMarkers(markers: readonly Marker[], rounds: number, roundLabel: string, xScale: 'category' | 'linear'): MarkerLayout {
  // On a category axis round t sits at index t - 1; on a linear one at t. The line goes just before it.
  const shift = xScale === 'category' ? 1.5 : 0.5;
  const span = xScale === 'category' ? Math.max(1, rounds - 1) : Math.max(1, rounds);
  const xOf = (value: number): number => PLOT_LEFT + ((value - (xScale === 'category' ? 0 : 0.5)) / span) * (PLOT_RIGHT - PLOT_LEFT);
  const size = FONT.annotation;
  const rows: { left: number; right: number }[][] = [];
  const placed: { m: Marker; lines: string[]; x: number; e: { left: number; right: number }; row: number }[] = [];
  markers.forEach((m) => {
    const parts = m.label.split('; ');
    // In the clock's unit, as the x axis and the story say: "Month 5: ...".
    const lines = [`${capitalise(roundLabel)} ${m.round}: ${parts[0] ?? ''}`, ...parts.slice(1)];
    const width = Math.max(...lines.map((l) => textWidth(l, size))) + 2 * 6 + 4;
    const x = Math.min(Math.max(xOf(m.round - shift), PLOT_LEFT), PLOT_RIGHT);
    const preferRight = m.round <= rounds / 2;
    const sides = preferRight ? [1, -1] : [-1, 1];
    // Each side's extent, kept on the canvas (a label too wide for a side is slid inwards).
    const extent = (side: number): { left: number; right: number } => {
      let left = side > 0 ? x + 6 : x - 6 - width;
      left = Math.min(Math.max(left, 4), WIDTH - 4 - width);
      return { left, right: left + width };
    };
    let row = 0;
    let side = sides[0]!;
    for (;; row++) {
      const taken = rows[row] ?? [];
      const free = sides.find((sd) => {
        const e = extent(sd);
        return taken.every((t) => e.right + 10 <= t.left || t.right + 10 <= e.left);
      });
      if (free !== undefined) {
        side = free;
        break;
      }
    }
    const e = extent(side);
    (rows[row] ??= []).push(e);
    placed.push({ m, lines, x, e, row });
  });
  const rowHeight = Math.max(...markers.map((mm) => mm.label.split('; ').length)) * size * 1.25 + 2 * 6 + 8;
  return { placed, rowHeight, shift };
}

/**
 * The height the event notes take at the top of the plot (at = 'start'), in canvas pixels: their
 * rows and the gap above them; 0 without markers.
 */
export function markerNotesHeight(markers: readonly Marker[], rounds: number, roundLabel: string, xScale: 'category' | 'linear' = 'category'): number {
  if (markers.length === 0) return 0;
  const { placed, rowHeight } = layoutMarkers(markers, rounds, roundLabel, xScale);
  return (1 + Math.max(...placed.map((p) => p.row))) * rowHeight + 4;
}

/** The plot's height on a HEIGHT-tall canvas, estimated before layout (title, two-line subtitle, two legend rows). */
export const PLOT_HEIGHT = 560;

/**
 * Chart.js's tick spacing for a range split into `spaces` (its niceNum: 1, 2, 5 or 10 times a
 * power of ten, rounded up), so an axis top chosen here is where Chart.js puts a tick.
 */
function niceSpacing(range: number, spaces: number): number {
  const raw = range / spaces;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
}

/**
 * A value axis's top, from 0, that leaves the band of `notesHeight` px at the top of the plot to
 * the event notes, so no bar, band or line reaches under them (the forces chart's demand line had
 * run behind "Month 9: An enemy offensive" on the default scenario); with no notes, 18% of
 * headroom (Chart.js grace) as before. Returns the axis options to spread into the scale.
 */
/** The least tick Chart.js would draw (its niceNum spacing over 10 spaces) at or above `target`. */
export function niceTop(target: number): number {
  if (!(target > 0)) return 1;
  const step = niceSpacing(target, 10);
  return Math.ceil(target / step - 1e-9) * step;
}

/**
 * How many stretches of the given lines pass through a box of the plot: canvas x `left` to
 * `right`, heights `lo` to `hi` as fractions of the plot (0 at the bottom), each line read on its
 * own axis (0 to `max`) and drawn straight between rounds on a category axis (each stretch
 * sampled at 9 points). Geometry estimated before layout, as for the notes (PLOT_LEFT, PLOT_RIGHT).
 */
export function lineCrossings(lines: readonly { readonly values: readonly (number | null)[]; readonly max: number }[], rounds: number, box: { readonly left: number; readonly right: number; readonly lo: number; readonly hi: number }): number {
  const span = Math.max(1, rounds - 1);
  const xOf = (i: number): number => PLOT_LEFT + (i / span) * (PLOT_RIGHT - PLOT_LEFT);
  let n = 0;
  for (const { values, max } of lines) {
    for (let i = 1; i < values.length; i++) {
      const a = values[i - 1];
      const b = values[i];
      if (a === null || a === undefined || b === null || b === undefined || !(max > 0)) continue;
      for (let k = 0; k <= 8; k++) {
        const x = xOf(i - 1 + k / 8);
        const y = (a + ((b - a) * k) / 8) / max;
        if (x >= box.left && x <= box.right && y >= box.lo && y <= box.hi) {
          n++;
          break;
        }
      }
    }
  }
  return n;
}

export function valueAxisTop(dataMax: number, notesHeight: number): Json {
  if (notesHeight <= 0 || !(dataMax > 0)) return { grace: '18%' };
  const target = dataMax / Math.max(0.5, 1 - notesHeight / PLOT_HEIGHT);
  const step = niceSpacing(target, 10);
  return { max: Math.ceil(target / step - 1e-9) * step };
}

/**
 * A dashed vertical line at the start of each round with a labelled scheduled event (a
 * shock), labelled in the clock's unit ("Month 9: ..."), so a jump in a series can be read against its cause. Labels are laid out so that
 * none overprints another or leaves the canvas: each goes beside its line (right in the
 * first half of the run, left in the second, or whichever side fits), on the first row
 * where it clears the labels already placed; rows stack down from the top of the plot
 * (or up from the bottom with at = 'end', or down from a point along the line: at = '30%'), or
 * where a `MarkerPlacer` chooses. Widths are estimated from the text; the label-layout test
 * measures the real boxes.
 */
export function markerAnnotations(markers: readonly Marker[], rounds: number, roundLabel: string, xScale: 'category' | 'linear' = 'category', at: MarkerPosition | MarkerPlacer = 'start'): Record<string, Json> {
  const { placed, rowHeight, shift } = layoutMarkers(markers, rounds, roundLabel, xScale);
  const size = FONT.annotation;
  // Where along the lines the notes go: fixed, or chosen by the chart from where its data lies.
  const position = typeof at === 'function' ? at(placed.map((p) => ({ ...p.e, row: p.row })), rowHeight) : at;
  const out: Record<string, Json> = {};
  placed.forEach(({ m, lines, x, e, row }, i) => {
    out[`marker${i}`] = {
      type: 'line',
      scaleID: 'x',
      value: m.round - shift,
      borderColor: GREY,
      borderWidth: 2,
      borderDash: [8, 6],
      drawTime: 'beforeDatasetsDraw',
      label: {
        display: true,
        content: lines,
        // 'start' is the top of the plot; charts whose own labels sit at the top put these at the bottom,
        // and the bargaining-power chart puts them where its lines leave room (power.ts markerPlace).
        position,
        // Over the data, not under it: a note behind bars or areas was hidden, and lines ran through its text.
        drawTime: 'afterDatasetsDraw',
        backgroundColor: 'rgba(255, 255, 255, 0.9)',
        borderColor: GREY,
        borderWidth: 1,
        color: '#222222',
        font: { size, weight: 'normal' },
        padding: 6,
        // The label is centred on the line by default: move its centre to the chosen extent.
        xAdjust: Math.round((e.left + e.right) / 2 - x),
        // Rows stack down from the top or from a point along the line, up from the bottom.
        yAdjust: Math.round((position === 'end' ? -1 : 1) * (row * rowHeight + (position === 'start' || position === 'end' ? 4 : 0))),
        textAlign: 'left',
      },
    };
  });
  return out;
}

/**
 * Legend text for a series: up to 10 series by name (shortened to 34 characters), more by id,
 * with the key in the chart's caption; so every series stays identifiable.
 */
export function seriesLabel(p: { readonly id: string; readonly name: string }, count: number): string {
  if (count > 10) return p.id;
  return p.name.length <= 34 ? p.name : `${p.name.slice(0, 33).trimEnd()}…`;
}

/** "Key: BGD Bangladesh, COL Colombia, ...": for captions when the legend shows ids. */
export function seriesKey(parties: readonly { readonly id: string; readonly name: string }[]): string {
  return parties.length > 10 ? ` Legend by id: ${parties.map((p) => `${p.id} ${p.name}`).join('; ')}.` : '';
}

export function asConfig(config: Json): Config {
  return config as unknown as Config;
}

/**
 * An axis from 0 whose top is a whole number of steps: the step is 1, 2 or 5 times a power of ten,
 * the smallest that reaches `top` in at most 10 steps; max = top rounded up to it.
 */
export function stepAxis(top: number): { max: number; step: number } {
  const t = top > 0 && Number.isFinite(top) ? top : 1;
  const power = 10 ** Math.floor(Math.log10(t / 10));
  const step = [1, 2, 5, 10].map((m) => m * power).find((st) => t / st <= 10)!;
  return { max: r4(Math.ceil(t / step - 1e-9) * step), step: r4(step) };
}
