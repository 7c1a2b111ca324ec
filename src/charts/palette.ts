/**
 * Colours, dashes, markers and textures for series. Colours are Okabe-Ito (safe for the
 * common colour-vision deficiencies); every series also differs in dash, marker or texture
 * so charts still read in greyscale. Black is kept for totals and demand.
 */
import type { FillPattern } from './types';

export const INK = '#000000';
export const GREY = '#666666';
export const LIGHT_GREY = 'rgba(0, 0, 0, 0.08)';

/** Okabe-Ito without black, ordered so neighbours differ most in lightness; yellow, faint on white, last. */
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442'] as const;

/** Line dashes, chosen to differ in rhythm (not just length) so neighbours stay apart in greyscale. */
export const DASHES: readonly (readonly number[])[] = [[], [16, 6], [3, 5], [16, 5, 3, 5], [8, 8], [3, 5, 3, 5, 16, 5], [30, 6]];

/** 'star' is kept for reversals. */
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'rectRounded', 'cross'] as const;
export type PointStyleName = (typeof POINT_STYLES)[number];

export const FILL_PATTERNS: readonly FillPattern[] = ['solid', 'diagonal', 'dots', 'horizontal', 'grid', 'back-diagonal', 'vertical', 'zigzag'];

/** Okabe-Ito yellow is for fills; as a thin line on white it all but vanishes, so lines use a darker shade. */
const LINE_SHADES: Readonly<Record<string, string>> = { '#F0E442': '#B39B00' };

export interface SeriesStyle {
  readonly colour: string;
  /** The colour for lines and markers. */
  readonly line: string;
  readonly dash: readonly number[];
  readonly point: PointStyleName;
  readonly fill: FillPattern;
}

/** The style of the i-th series; colours cycle, and the textures and markers cycle on different periods. */
export function seriesStyle(i: number): SeriesStyle {
  return {
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
    line: LINE_SHADES[SERIES_COLOURS[i % SERIES_COLOURS.length]!] ?? SERIES_COLOURS[i % SERIES_COLOURS.length]!,
    dash: DASHES[i % DASHES.length]!,
    point: POINT_STYLES[i % POINT_STYLES.length]!,
    fill: FILL_PATTERNS[i % FILL_PATTERNS.length]!,
  };
}

/**
 * Options that make a chart the same bytes on every machine: Chart.js formats tick labels
 * with Intl in the chart's locale, which otherwise follows LANG/LC_ALL ("0,7", "2.000" under
 * de_DE); pinned to en-US, with no animation and one device pixel per pixel. Every chart
 * spread-includes it (charts/specs/common.ts sets the same for the run charts).
 */
export const PINNED_OPTIONS = { responsive: false, animation: false, devicePixelRatio: 1, locale: 'en-US' } as const;
