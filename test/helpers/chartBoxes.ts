/**
 * Label boxes of a chart, read from Chart.js's own model after layout: legend items
 * (legend.legendHitBoxes), annotation labels (the annotation plugin's elements: label
 * annotations and the labels of line and box annotations), on a node-canvas canvas of the
 * spec's size with the same fonts and finishing as the PNG renderer.
 */
import { existsSync } from 'node:fs';
import { finishConfig, type TileCanvas } from '../../src/charts/finish';
import { CHART_DEFAULTS, type ChartSpec } from '../../src/charts/types';

export interface Box {
  readonly what: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

interface AnnotationElement {
  options: { type?: string; label?: { display?: boolean }; display?: boolean; content?: unknown };
  x: number;
  y: number;
  x2: number;
  y2: number;
  elements?: AnnotationElement[];
}
interface ChartInstance {
  legend?: { legendHitBoxes: { left: number; top: number; width: number; height: number }[]; legendItems?: { text: string }[] };
  chartArea: { left: number; top: number; right: number; bottom: number };
  destroy(): void;
}
type ChartCtor = {
  new (ctx: unknown, config: unknown): ChartInstance;
  register(...x: unknown[]): void;
  defaults: { font: { family: string; size: number }; color: string; animation: unknown };
};

/* eslint-disable @typescript-eslint/no-require-imports */
const canvasModule = require('canvas') as { createCanvas(w: number, h: number): TileCanvas; registerFont(path: string, o: { family: string; weight?: string }): void };
const chartModule = require('chart.js') as { Chart: ChartCtor; registerables: unknown[] };
const annotation = require('chartjs-plugin-annotation') as { default?: { getAnnotations(c: ChartInstance): AnnotationElement[] }; getAnnotations?(c: ChartInstance): AnnotationElement[] };
const plugin = (annotation.default ?? annotation) as { getAnnotations(c: ChartInstance): AnnotationElement[] };
const Chart = chartModule.Chart;
Chart.register(...chartModule.registerables, plugin);
Chart.defaults.font.family = CHART_DEFAULTS.fontFamily;
Chart.defaults.font.size = CHART_DEFAULTS.fontSize;
Chart.defaults.color = CHART_DEFAULTS.color;
Chart.defaults.animation = false;
for (const [path, weight] of [['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'normal'], ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', 'bold']] as const) {
  if (existsSync(path)) canvasModule.registerFont(path, { family: 'DejaVu Sans', weight });
}

export function labelBoxes(spec: ChartSpec): { boxes: Box[]; width: number; height: number; chartArea: ChartInstance['chartArea'] } {
  const canvas = canvasModule.createCanvas(spec.width, spec.height);
  const config = finishConfig(spec.config, spec.fills, (w, h) => canvasModule.createCanvas(w, h));
  const chart = new Chart(canvas, config);
  const boxes: Box[] = [];
  const items = chart.legend?.legendItems ?? [];
  (chart.legend?.legendHitBoxes ?? []).forEach((b, i) => boxes.push({ what: `legend "${items[i]?.text ?? i}"`, left: b.left, top: b.top, right: b.left + b.width, bottom: b.top + b.height }));
  for (const el of plugin.getAnnotations(chart)) {
    if (el.options.display === false) continue;
    if (el.options.type === 'label') boxes.push({ what: `label ${JSON.stringify(el.options.content)}`, left: el.x, top: el.y, right: el.x2, bottom: el.y2 });
    else if (el.options.label?.display && el.elements?.[0]) {
      const l = el.elements[0];
      boxes.push({ what: `${el.options.type} label ${JSON.stringify(l.options.content ?? (el.options.label as { content?: unknown }).content)}`, left: l.x, top: l.y, right: l.x2, bottom: l.y2 });
    }
  }
  const chartArea = { ...chart.chartArea };
  chart.destroy();
  return { boxes, width: spec.width, height: spec.height, chartArea };
}

export function overlaps(a: Box, b: Box): boolean {
  // Touching edges is not an overlap; a pixel of rounding is forgiven.
  return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
}

/** Every overlapping pair and every box that leaves the canvas, in words. */
export function layoutProblems(spec: ChartSpec): string[] {
  const { boxes, width, height } = labelBoxes(spec);
  const out: string[] = [];
  for (const b of boxes) if (b.left < -0.5 || b.top < -0.5 || b.right > width + 0.5 || b.bottom > height + 0.5) out.push(`${spec.id}: ${b.what} leaves the canvas (${Math.round(b.left)},${Math.round(b.top)})-(${Math.round(b.right)},${Math.round(b.bottom)})`);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) out.push(`${spec.id}: ${boxes[i]!.what} overlaps ${boxes[j]!.what}`);
  return out;
}
