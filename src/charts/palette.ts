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

export const DASHES: readonly (readonly number[])[] = [[], [14, 6], [4, 5], [18, 5, 4, 5], [2, 7], [24, 8], [9, 4, 2, 4]];

/** 'star' is kept for reversals. */
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'rectRounded', 'cross'] as const;
export type PointStyleName = (typeof POINT_STYLES)[number];

export const FILL_PATTERNS: readonly FillPattern[] = ['solid', 'diagonal', 'dots', 'horizontal', 'grid', 'back-diagonal', 'vertical', 'zigzag'];

export interface SeriesStyle {
  readonly colour: string;
  readonly dash: readonly number[];
  readonly point: PointStyleName;
  readonly fill: FillPattern;
}

/** The style of the i-th series; colours cycle, and the textures and markers cycle on different periods. */
export function seriesStyle(i: number): SeriesStyle {
  return {
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!,
    dash: DASHES[i % DASHES.length]!,
    point: POINT_STYLES[i % POINT_STYLES.length]!,
    fill: FILL_PATTERNS[i % FILL_PATTERNS.length]!,
  };
}
