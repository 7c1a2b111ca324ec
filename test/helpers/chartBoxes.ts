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

/** The title and subtitle lines of a spec wider than its canvas, measured in DejaVu Sans at their type size, as "line (width px)". */
export function titleOverflow(spec: ChartSpec): string[] {
  const ctx = (canvasModule.createCanvas(10, 10) as unknown as { getContext(k: '2d'): { font: string; measureText(t: string): { width: number } } }).getContext('2d');
  const plugins = (spec.config.options as { plugins?: Record<string, { text?: unknown; display?: boolean; font?: { size?: number; weight?: string } }> }).plugins ?? {};
  const out: string[] = [];
  for (const key of ['title', 'subtitle']) {
    const t = plugins[key];
    if (!t || t.display === false || t.text === undefined) continue;
    ctx.font = `${t.font?.weight === 'bold' ? 'bold ' : ''}${t.font?.size ?? CHART_DEFAULTS.fontSize}px "DejaVu Sans"`;
    for (const line of Array.isArray(t.text) ? (t.text as string[]) : [String(t.text)]) {
      const w = ctx.measureText(line).width;
      if (w > spec.width) out.push(`${spec.id} ${key}: "${line}" (${Math.round(w)} px)`);
    }
  }
  return out;
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
  // Titles are drawn centred, line by line: a line wider than the canvas loses both ends.
  for (const t of titleOverflow(spec)) out.push(`${t} is wider than the canvas`);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) out.push(`${spec.id}: ${boxes[i]!.what} overlaps ${boxes[j]!.what}`);
  return out;
}

/** A line annotation's label with its line (x, x2, y, y2 in pixels): whether a note sits beside the line it explains. */
export interface LineLabel {
  readonly name: string;
  readonly line: { readonly x: number; readonly x2: number; readonly y: number; readonly y2: number };
  readonly label: Box;
}

/**
 * Every labelled line annotation, and the drawn segments of every line dataset (stepped 'before'
 * as the charts draw them: a riser at the previous point, then flat to the point; 'middle': flat,
 * a riser half-way, flat; straight lines as 8 small boxes along each stretch) and the box of every bar, in pixels of
 * a `spec.width` x `spec.height` canvas, with the chart area.
 */
export function linesAndLabels(spec: ChartSpec): { labels: LineLabel[]; segments: Box[]; chartArea: ChartInstance['chartArea'] } {
  const canvas = canvasModule.createCanvas(spec.width, spec.height);
  const config = finishConfig(spec.config, spec.fills, (w, h) => canvasModule.createCanvas(w, h));
  const chart = new Chart(canvas, config) as ChartInstance & { getDatasetMeta(i: number): { data: { x: number; y: number; skip?: boolean }[]; hidden?: boolean } };
  const labels: LineLabel[] = [];
  const annotations = ((spec.config.options as { plugins?: { annotation?: { annotations?: Record<string, unknown> } } }).plugins?.annotation?.annotations ?? {}) as Record<string, unknown>;
  const names = Object.keys(annotations);
  plugin.getAnnotations(chart).forEach((el, i) => {
    if (el.options.type !== 'line' || !el.options.label?.display || !el.elements?.[0]) return;
    const l = el.elements[0];
    labels.push({ name: names[i] ?? String(i), line: { x: el.x, x2: el.x2, y: el.y, y2: el.y2 }, label: { what: JSON.stringify(l.options.content), left: l.x, top: l.y, right: l.x2, bottom: l.y2 } });
  });
  const segments: Box[] = [];
  const datasets = (spec.config.data.datasets ?? []) as { label?: string; showLine?: boolean; stepped?: unknown; type?: string }[];
  datasets.forEach((ds, i) => {
    if ((ds.type ?? spec.config.type) === 'bar') {
      // A bar as its drawn box: from its base up to its top (stacked: this segment of the stack).
      for (const b of chart.getDatasetMeta(i).data as unknown as { x: number; y: number; base: number; width: number }[]) {
        if (Number.isFinite(b.y) && b.base !== b.y) segments.push({ what: `bar "${ds.label ?? i}"`, left: b.x - b.width / 2, right: b.x + b.width / 2, top: Math.min(b.y, b.base), bottom: Math.max(b.y, b.base) });
      }
      return;
    }
    if (ds.showLine === false || (ds.type ?? spec.config.type) !== 'line') return;
    const pts = chart.getDatasetMeta(i).data.filter((p) => !p.skip && Number.isFinite(p.y));
    for (let k = 1; k < pts.length; k++) {
      const a = pts[k - 1]!;
      const b = pts[k]!;
      const what = `line "${ds.label ?? i}"`;
      if (ds.stepped === 'before') {
        segments.push({ what, left: a.x, right: a.x, top: Math.min(a.y, b.y), bottom: Math.max(a.y, b.y) });
        segments.push({ what, left: a.x, right: b.x, top: b.y, bottom: b.y });
      } else if (ds.stepped === 'middle') {
        const mid = (a.x + b.x) / 2;
        segments.push({ what, left: a.x, right: mid, top: a.y, bottom: a.y });
        segments.push({ what, left: mid, right: mid, top: Math.min(a.y, b.y), bottom: Math.max(a.y, b.y) });
        segments.push({ what, left: mid, right: b.x, top: b.y, bottom: b.y });
      } else {
        // A straight stretch as 8 small boxes along it: one box for the whole stretch caught labels
        // beside a steep diagonal that the line itself never reaches.
        for (let k = 0; k < 8; k++) {
          const x0 = a.x + ((b.x - a.x) * k) / 8;
          const x1 = a.x + ((b.x - a.x) * (k + 1)) / 8;
          const y0 = a.y + ((b.y - a.y) * k) / 8;
          const y1 = a.y + ((b.y - a.y) * (k + 1)) / 8;
          segments.push({ what, left: Math.min(x0, x1), right: Math.max(x0, x1), top: Math.min(y0, y1), bottom: Math.max(y0, y1) });
        }
      }
    }
  });
  const chartArea = { ...chart.chartArea };
  chart.destroy();
  return { labels, segments, chartArea };
}

/** Whether a drawn segment (a flat or upright stretch of line, or its bounding box) passes through a label box. */
export function crosses(seg: Box, b: Box): boolean {
  return seg.left <= b.right && seg.right >= b.left && seg.top <= b.bottom && seg.bottom >= b.top;
}
