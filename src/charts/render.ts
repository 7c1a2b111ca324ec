/**
 * PNG rendering: the only module that touches chartjs-node-canvas and node-canvas. Both
 * are optional dependencies loaded on first use, so a machine without cairo still runs,
 * writes the data and the HTML report, and is told once why the PNGs are missing.
 *
 * One ChartJSNodeCanvas per size, reused for every chart: each instance loads its own
 * copy of Chart.js, and creating one per chart leaks memory.
 */
import { existsSync } from 'node:fs';
import type { ChartConfiguration } from 'chart.js';
import { finishConfig, type TileCanvas } from './finish';
import { CHART_DEFAULTS, type ChartSpec } from './types';

export interface PngRenderer {
  render(spec: ChartSpec): Buffer;
  /** Load Chart.js and build the canvas for charts of this size now, ahead of the first render. */
  prepare(width: number, height: number): void;
}

export type RendererResult = { readonly ok: true; readonly renderer: PngRenderer } | { readonly ok: false; readonly reason: string };

interface NodeCanvasModule {
  createCanvas(w: number, h: number): TileCanvas;
  Canvas: { readonly PNG_FILTER_NONE: number };
}
interface ChartJsGlobal {
  defaults: { font: { family: string; size: number }; color: string; animation: unknown };
}
interface ChartJSNodeCanvasInstance {
  renderChart(config: ChartConfiguration): { canvas: { toBuffer(mime: 'image/png', options: { compressionLevel: number; filters: number }): Buffer } | null; destroy(): void };
  registerFont(path: string, options: { family: string; weight?: string }): void;
}
interface ChartJSNodeCanvasModule {
  ChartJSNodeCanvas: new (options: {
    width: number;
    height: number;
    backgroundColour?: string;
    plugins?: { modern?: string[] };
    chartCallback?: (chartJs: ChartJsGlobal) => void;
  }) => ChartJSNodeCanvasInstance;
}

/** Debian's fonts-dejavu-core: registering it by path makes text the same on every such machine. */
const FONT_FILES = [
  { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans', weight: 'normal' },
  { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', family: 'DejaVu Sans', weight: 'bold' },
];

/**
 * How the PNGs are encoded: zlib level 3, no row filters. Encoding was about half of a chart's
 * CPU time (1600x900 RGBA, about 5.8 MB raw). Charts are flat colours on white, where libpng's
 * adaptive filters cost time and compress worse. Measured on the default run's seven charts:
 * the default (level 6, all filters) 280 ms and 974 KB; level 3 with no filter 83 ms and
 * 928 KB; level 6 with no filter 145 ms and 738 KB; level 1-2 no faster than 3. Same pixels.
 */
export const PNG_COMPRESSION_LEVEL = 3;

type Loader = (id: string) => unknown;

let cached: RendererResult | undefined;

/**
 * The PNG renderer, or the reason there is none. `load` is `require` except in tests,
 * which pass one that fails to check the fallback.
 */
export function pngRenderer(load: Loader = require): RendererResult {
  if (load === require && cached) return cached;
  const result = makeRenderer(load);
  if (load === require) cached = result;
  return result;
}

function makeRenderer(load: Loader): RendererResult {
  let canvas: NodeCanvasModule;
  let cjnc: ChartJSNodeCanvasModule;
  try {
    canvas = load('canvas') as NodeCanvasModule;
    cjnc = load('chartjs-node-canvas') as ChartJSNodeCanvasModule;
  } catch (err) {
    const first = String((err as Error).message ?? err).split('\n')[0] ?? '';
    return { ok: false, reason: `the optional packages canvas and chartjs-node-canvas cannot be loaded (${first}); see README, Install` };
  }
  const instances = new Map<string, ChartJSNodeCanvasInstance>();
  const instanceFor = (width: number, height: number): ChartJSNodeCanvasInstance => {
    const key = `${width}x${height}`;
    let inst = instances.get(key);
    if (!inst) {
      inst = new cjnc.ChartJSNodeCanvas({
        width,
        height,
        backgroundColour: '#ffffff',
        plugins: { modern: ['chartjs-plugin-annotation'] },
        chartCallback: (chartJs) => {
          chartJs.defaults.font.family = CHART_DEFAULTS.fontFamily;
          chartJs.defaults.font.size = CHART_DEFAULTS.fontSize;
          chartJs.defaults.color = CHART_DEFAULTS.color;
          chartJs.defaults.animation = false;
        },
      });
      for (const f of FONT_FILES) if (existsSync(f.path)) inst.registerFont(f.path, { family: f.family, weight: f.weight });
      instances.set(key, inst);
    }
    return inst;
  };
  return {
    ok: true,
    renderer: {
      render(spec: ChartSpec): Buffer {
        const config = finishConfig(spec.config, spec.fills, (w, h) => canvas.createCanvas(w, h));
        // renderToBufferSync with the encoding chosen above: what it does, less libpng's defaults.
        const chart = instanceFor(spec.width, spec.height).renderChart(config);
        try {
          if (!chart.canvas) throw new Error('Chart.js made no canvas');
          return chart.canvas.toBuffer('image/png', { compressionLevel: PNG_COMPRESSION_LEVEL, filters: canvas.Canvas.PNG_FILTER_NONE });
        } finally {
          chart.destroy();
        }
      },
      prepare(width: number, height: number): void {
        instanceFor(width, height);
      },
    },
  };
}

/** charts/<id>.png for each spec, in spec order. */
export function renderPngs(renderer: PngRenderer, specs: readonly ChartSpec[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const spec of specs) files.set(`charts/${spec.id}.png`, renderer.render(spec));
  return files;
}
