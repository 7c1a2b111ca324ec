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
      subtitle: { display: subtitle !== '', text: subtitle, font: { size: FONT.subtitle }, color: '#444444', padding: { bottom: 16 } },
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

/**
 * A dashed vertical line at the start of each round with a labelled scheduled event (a
 * shock), so a jump in a series can be read against its cause.
 */
export function markerAnnotations(markers: readonly Marker[], rounds: number, xScale: 'category' | 'linear' = 'category', at: 'start' | 'end' = 'start'): Record<string, Json> {
  // On a category axis round t sits at index t - 1; on a linear one at t. The line goes just before it.
  const shift = xScale === 'category' ? 1.5 : 0.5;
  const out: Record<string, Json> = {};
  markers.forEach((m, i) => {
    const parts = m.label.split('; ');
    const lines = [`Round ${m.round}: ${parts[0] ?? ''}`, ...parts.slice(1)];
    // Beside the line rather than across it: to its right in the first half of the run, else to its left.
    // The width is estimated (about 0.6 em a character), which is enough to clear the line.
    const width = Math.max(...lines.map((l) => l.length)) * 0.6 * FONT.annotation + 12;
    const side = m.round <= rounds / 2 ? 1 : -1;
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
        // 'start' is the top of the plot; charts whose own labels sit at the top put these at the bottom.
        position: at,
        backgroundColor: 'rgba(255, 255, 255, 0.9)',
        borderColor: GREY,
        borderWidth: 1,
        color: '#222222',
        font: { size: FONT.annotation, weight: 'normal' },
        padding: 6,
        xAdjust: Math.round(side * (width / 2 + 6)),
        textAlign: 'left',
      },
    };
  });
  return out;
}

export function asConfig(config: Json): Config {
  return config as unknown as Config;
}
