/**
 * A chart as data: a Chart.js configuration that is plain JSON (no functions), plus the
 * fill patterns that keep stacked areas and bars apart in greyscale. The same spec is
 * rendered to PNG (render.ts) and drawn live in report.html.
 */
import type { ChartConfiguration } from 'chart.js';
import type {} from 'chartjs-plugin-annotation';

/** Texture laid over a dataset's fill colour. */
export type FillPattern = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'grid' | 'vertical' | 'back-diagonal' | 'zigzag';

export interface ChartSpec {
  /** File stem: charts/<id>.png, and the canvas id in report.html. */
  readonly id: string;
  /** Heading above the chart in the report (the chart carries its own title too). */
  readonly title: string;
  /** How to read it, in one or two sentences; also the image's alt text. */
  readonly caption: string;
  readonly width: number;
  readonly height: number;
  readonly config: ChartConfiguration;
  /** Per dataset index, the texture over its fill colour (only for filled datasets). */
  readonly fills: readonly (FillPattern | null)[];
}

/** Chart.js global defaults shared by the PNG renderer and the report page. */
export const CHART_DEFAULTS = {
  fontFamily: "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif",
  fontSize: 20,
  color: '#222222',
} as const;
