/**
 * The last step before drawing, shared by the PNG renderer and report.html: textured fills
 * (a dataset's colour overlaid with stripes, dots or a grid, so stacked areas and bars stay
 * apart in greyscale and for colour-blind readers) and a legend that shows each line as a
 * short stretch of line with its dash, each area or bar as a swatch with its texture.
 *
 * `finishConfig` runs in Node and, via Function.prototype.toString, inside report.html, so
 * it must stay self-contained: no imports, and nothing from outside its own body.
 */
import type { ChartConfiguration } from 'chart.js';
import type { FillPattern } from './types';

/** The minimum of canvas the function needs (node-canvas or an HTMLCanvasElement). */
export interface TileCanvas {
  getContext(type: '2d'): TileContext | null;
}
export interface TileContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  fill(): void;
  stroke(): void;
  createPattern(image: never, repetition: string): unknown;
}

interface LooseDataset {
  type?: string;
  label?: string;
  fill?: unknown;
  showLine?: boolean;
  backgroundColor?: unknown;
  borderColor?: unknown;
  borderWidth?: number;
  borderDash?: number[];
  pointStyle?: string;
}
interface LegendChart {
  config: { type: string };
  data: { datasets: LooseDataset[] };
  isDatasetVisible(i: number): boolean;
}

export function finishConfig(config: ChartConfiguration, fills: readonly (FillPattern | null)[], createCanvas: (w: number, h: number) => TileCanvas): ChartConfiguration {
  const out = JSON.parse(JSON.stringify(config)) as ChartConfiguration;
  const size = 16;
  const datasets = out.data.datasets as LooseDataset[];
  for (let i = 0; i < datasets.length; i++) {
    const pattern = fills[i];
    const ds = datasets[i];
    if (!pattern || pattern === 'solid' || !ds || typeof ds.backgroundColor !== 'string') continue;
    const colour = ds.backgroundColor;
    const tile = createCanvas(size, size);
    const ctx = tile.getContext('2d');
    if (!ctx) continue;
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, size, size);
    // Dark textures on light colours, light ones on dark colours.
    const hex = /^#([0-9a-f]{6})$/i.exec(colour);
    let light = true;
    if (hex) {
      const n = parseInt(hex[1]!, 16);
      light = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255) > 140;
    }
    const ink = light ? 'rgba(0, 0, 0, 0.45)' : 'rgba(255, 255, 255, 0.7)';
    ctx.strokeStyle = ink;
    ctx.fillStyle = ink;
    ctx.lineWidth = 2;
    ctx.beginPath();
    if (pattern === 'diagonal') {
      ctx.moveTo(0, size); ctx.lineTo(size, 0);
      ctx.moveTo(-size / 2, size / 2); ctx.lineTo(size / 2, -size / 2);
      ctx.moveTo(size / 2, size * 1.5); ctx.lineTo(size * 1.5, size / 2);
      ctx.stroke();
    } else if (pattern === 'back-diagonal') {
      ctx.moveTo(0, 0); ctx.lineTo(size, size);
      ctx.moveTo(-size / 2, size / 2); ctx.lineTo(size / 2, size * 1.5);
      ctx.moveTo(size / 2, -size / 2); ctx.lineTo(size * 1.5, size / 2);
      ctx.stroke();
    } else if (pattern === 'horizontal') {
      ctx.moveTo(0, size / 4); ctx.lineTo(size, size / 4);
      ctx.moveTo(0, (3 * size) / 4); ctx.lineTo(size, (3 * size) / 4);
      ctx.stroke();
    } else if (pattern === 'vertical') {
      ctx.moveTo(size / 4, 0); ctx.lineTo(size / 4, size);
      ctx.moveTo((3 * size) / 4, 0); ctx.lineTo((3 * size) / 4, size);
      ctx.stroke();
    } else if (pattern === 'grid') {
      ctx.moveTo(0, size / 2); ctx.lineTo(size, size / 2);
      ctx.moveTo(size / 2, 0); ctx.lineTo(size / 2, size);
      ctx.stroke();
    } else if (pattern === 'zigzag') {
      ctx.moveTo(0, size * 0.75); ctx.lineTo(size / 2, size * 0.25); ctx.lineTo(size, size * 0.75);
      ctx.stroke();
    } else if (pattern === 'dots') {
      ctx.arc(size / 4, size / 4, 2.5, 0, Math.PI * 2);
      ctx.fill();
      ctx.beginPath();
      ctx.arc((3 * size) / 4, (3 * size) / 4, 2.5, 0, Math.PI * 2);
      ctx.fill();
    }
    ds.backgroundColor = ctx.createPattern(tile as never, 'repeat');
  }

  const options = (out.options ?? {}) as { plugins?: { legend?: { labels?: Record<string, unknown> } } };
  out.options = options as ChartConfiguration['options'];
  options.plugins = options.plugins ?? {};
  options.plugins.legend = options.plugins.legend ?? {};
  const labels = (options.plugins.legend.labels = options.plugins.legend.labels ?? {});
  labels.usePointStyle = true;
  labels.pointStyleWidth = typeof labels.pointStyleWidth === 'number' ? labels.pointStyleWidth : 56;
  // Items in dataset order (not drawing order); lines as dashed strokes, areas and bars as swatches.
  labels.generateLabels = (chart: LegendChart) =>
    chart.data.datasets.map((ds, i) => {
      const type = ds.type ?? chart.config.type;
      const filled = type === 'bar' || (ds.fill !== undefined && ds.fill !== false);
      const markerOnly = ds.showLine === false || type === 'scatter';
      const base = { text: ds.label ?? '', datasetIndex: i, hidden: !chart.isDatasetVisible(i), rotation: 0, lineCap: 'butt' };
      if (filled) return { ...base, fillStyle: ds.backgroundColor, strokeStyle: '#444444', lineWidth: 1, lineDash: [], pointStyle: 'rect' };
      if (markerOnly) return { ...base, fillStyle: ds.backgroundColor, strokeStyle: ds.borderColor, lineWidth: 2, lineDash: [], pointStyle: ds.pointStyle ?? 'circle' };
      return { ...base, fillStyle: ds.borderColor, strokeStyle: ds.borderColor, lineWidth: ds.borderWidth ?? 3, lineDash: ds.borderDash ?? [], pointStyle: 'line' };
    });
  return out;
}

/**
 * For a page (report.html, the classroom): a finished config sized for a `specWidth` x
 * `specHeight` slide, made responsive for a box `boxWidth` wide. Its type and label offsets
 * shrink with the box, not below `minScale`; below it the canvas is made taller instead of
 * shrinking the type further, so the plot keeps its room. Mutates and returns `config`. Self-contained
 * (its source is inlined into the pages' scripts, like finishConfig).
 */
export function fitConfigToBox(config: ChartConfiguration, specWidth: number, specHeight: number, boxWidth: number, minScale: number): ChartConfiguration {
  const ratio = Math.min(1, (boxWidth || specWidth) / specWidth);
  const scale = Math.max(minScale, ratio);
  // A label's offsets (xAdjust, yAdjust: an event marker's note placed beside its line, the
  // 0.5 line's note above it) are pixels of the slide, reckoned from the label's own size: they
  // shrink with its type. Left as they were, a note in a narrow pane (the classroom's) slid far
  // from its line, over the data, and off the plot, where it was cut.
  const shrink = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { font?: { size?: unknown } } & Record<string, unknown>;
    if (n.font && typeof n.font.size === 'number') n.font.size = Math.round(n.font.size * scale);
    for (const k of ['xAdjust', 'yAdjust']) if (typeof n[k] === 'number') n[k] = Math.round((n[k] as number) * scale);
    for (const k of Object.keys(n)) if (k !== 'font') shrink(n[k]);
  };
  const options = (config.options ?? {}) as Record<string, unknown>;
  shrink(options);
  // Titles wrap to the box at their own type size (Chart.js draws each line as given, so a
  // slide's one-line subtitle ran off a phone-width pane). Character width: DejaVu Sans averages
  // about 0.62 em (common.ts textWidth); continuation lines are indented. The same rule as
  // common.ts wrapToWidth (the slide's wrap), written out here because this function's source is
  // inlined into the pages' scripts and can call nothing outside itself.
  const boxPixels = Math.min(boxWidth || specWidth, specWidth);
  type Titled = { text?: unknown; display?: boolean; font?: { size?: number } };
  const wrapTo = (text: string, size: number | undefined): string[] => {
    const perLine = Math.max(20, Math.floor((boxPixels - 24) / (0.62 * (size ?? 12))));
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > perLine) {
        lines.push(line);
        line = '  ' + word;
      } else line = line === '' ? word : line + ' ' + word;
    }
    return line === '' ? lines : lines.concat([line]);
  };
  const linesOf = (t: Titled): string[] => (t.display === false || t.text === undefined || t.text === '' ? [] : Array.isArray(t.text) ? (t.text as string[]) : [String(t.text)]);
  const plugins = (options.plugins ?? {}) as { title?: Titled; subtitle?: Titled; annotation?: { annotations?: Record<string, { label?: { content?: unknown; xAdjust?: number; padding?: number; font?: { size?: number } } }> } };
  // Event notes (the `marker<i>` line annotations, placed for the slide beside their lines) that
  // a narrow box cannot hold beside their lines become numbered tags on their lines, and the
  // notes are written out under the subtitle, where they are read in order. The plot is about
  // the box less 240 slide pixels of axes, at the type's scale; a note fits beside a line in the
  // middle of the plot if it is under half of it, and beside one nearer an edge if under more:
  // 0.65 keeps the notes in the plot in a 580-px pane (two panes on a 1280-px screen) and makes
  // tags below about 540 px (a phone, or a pane on a 1024-px projector).
  const annotations = plugins.annotation?.annotations ?? {};
  const notes = Object.keys(annotations).filter((k) => /^marker\d+$/.test(k) && Array.isArray(annotations[k]!.label?.content));
  const plotWidth = boxPixels - 240 * scale;
  const labelWidth = (l: { padding?: number; font?: { size?: number } }, text: readonly string[]): number => Math.max(...text.map((t) => t.length)) * 0.62 * (l.font?.size ?? 12) + 2 * (l.padding ?? 6) + 4;
  const written: string[] = [];
  if (notes.some((k) => labelWidth(annotations[k]!.label!, annotations[k]!.label!.content as string[]) > 0.65 * plotWidth)) {
    notes.forEach((k, i) => {
      const label = annotations[k]!.label!;
      written.push(`${i + 1}: ${(label.content as string[]).join('; ')}`);
      label.content = [String(i + 1)];
      label.xAdjust = (typeof label.xAdjust === 'number' && label.xAdjust < 0 ? -1 : 1) * Math.round(6 * scale + labelWidth(label, label.content as string[]) / 2);
    });
  }
  // Any other line's note (one string, "head: explanation", such as the 0.5 line's) too wide
  // for the plot keeps its head only; the subtitle says what the line means.
  for (const k of Object.keys(annotations)) {
    const label = annotations[k]!.label;
    if (!label || typeof label.content !== 'string' || label.content.indexOf(': ') < 0) continue;
    if (labelWidth(label, [label.content]) > 0.65 * plotWidth) label.content = label.content.slice(0, label.content.indexOf(': '));
  }
  let added = 0;
  for (const [t, extra] of [[plugins.title, []], [plugins.subtitle ?? (written.length > 0 ? (plugins.subtitle = {}) : undefined), written]] as [Titled | undefined, string[]][]) {
    if (!t) continue;
    const all = linesOf(t).concat(extra);
    if (all.length === 0) continue;
    const wrapped = all.flatMap((l) => wrapTo(l, t.font?.size));
    if (wrapped.length !== linesOf(t).length || extra.length > 0) {
      added += (wrapped.length - linesOf(t).length) * 1.2 * (t.font?.size ?? 12);
      t.text = wrapped;
      t.display = true;
    }
  }
  options.responsive = true;
  options.maintainAspectRatio = true;
  // Below minScale the type is larger than the box's width alone would make it: the canvas is
  // made taller by as much (its height the slide's times the type's scale), so titles, legend and
  // notes keep the room they have on the slide and the plot keeps its height. At the slide's 16:9
  // a classroom pane's notes covered half the plot and overprinted each other.
  options.aspectRatio = (specWidth / specHeight) * (ratio / scale);
  // Lines the titles gained by wrapping make the canvas taller by their height, not the plot shorter.
  if (added > 0) options.aspectRatio = boxPixels / (boxPixels / (options.aspectRatio as number) + added);
  delete options.devicePixelRatio;
  config.options = options as ChartConfiguration['options'];
  return config;
}
