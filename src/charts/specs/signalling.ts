/**
 * Signalling: small allies deploy a large share of their forces to earn a closer alliance.
 * For each member, the share of its armed forces deployed (left axis) against its unrealised
 * alliance potential (preference similarity minus alliance depth, right axis), and its
 * alliance depth before and after the operation (right axis).
 */
import { theName } from '../../report/names';
import type { ChartData } from '../data';
import { INK, SERIES_COLOURS } from '../palette';
import type { ChartSpec } from '../types';
import { asConfig, axisTitle, baseOptions, HEIGHT, type Json, r4, ticks, WIDTH } from './common';

/** Null when no member has alliance potential and none deepened its alliance. */
export function signallingChart(d: ChartData): ChartSpec | null {
  const pts = d.signalling;
  if (pts.length === 0 || pts.every((p) => p.potential === 0 && p.depthAfter === p.depthBefore)) return null;
  const many = pts.length > 10;
  const labels = pts.map((p) => (many ? p.id : p.name.length > 22 ? `${p.name.slice(0, 21)}…` : p.name));
  const maxShare = Math.max(...pts.map((p) => p.shareOfForces * 100));
  const datasets: Json[] = [
    { type: 'bar', label: 'Share of its armed forces deployed at peak (%, left axis)', data: pts.map((p) => r4(p.shareOfForces * 100)), backgroundColor: SERIES_COLOURS[0], borderColor: '#444444', borderWidth: 1, yAxisID: 'y', order: 2 },
    { type: 'bar', label: 'Unrealised alliance potential at the start (0–1, right axis)', data: pts.map((p) => r4(p.potential)), backgroundColor: SERIES_COLOURS[3], borderColor: '#444444', borderWidth: 1, yAxisID: 'y2', order: 2 },
    // The white square is larger than the triangle and drawn under it (a higher order is drawn
    // first), so a depth that barely changed shows the triangle inside its square instead of
    // one marker hiding the other.
    { type: 'line', label: 'Alliance depth before (0–1, right axis)', data: pts.map((p) => r4(p.depthBefore)), showLine: false, pointStyle: 'rect', pointRadius: 13, borderColor: INK, backgroundColor: '#ffffff', pointBorderWidth: 3, yAxisID: 'y2', order: 1 },
    { type: 'line', label: 'Alliance depth after (0–1, right axis)', data: pts.map((p) => r4(p.depthAfter)), showLine: false, pointStyle: 'triangle', pointRadius: 8, borderColor: INK, backgroundColor: SERIES_COLOURS[4], pointBorderWidth: 2, yAxisID: 'y2', order: 0 },
  ];
  const deepened = pts.filter((p) => p.depthAfter > p.depthBefore).length;
  const options = baseOptions(
    'Signalling: share of forces deployed against alliance potential',
    `${deepened} of ${pts.length} members deepened their alliance with ${theName(d.pivotalName)}. Tall blue bars beside tall pink ones: a small ally sending much of its army to earn a closer alliance.`,
    {
      x: { type: 'category', title: axisTitle('Member of the coalition'), ticks: ticks(), grid: { display: false } },
      y: { position: 'left', min: 0, suggestedMax: r4(Math.max(1, maxShare) * 1.2), title: axisTitle('Share of armed forces deployed (%)'), ticks: ticks() },
      y2: { position: 'right', min: 0, max: 1, title: axisTitle('Alliance potential and depth (0–1)'), ticks: ticks({ stepSize: 0.2 }), grid: { drawOnChartArea: false } },
    },
    {},
  );
  return {
    id: 'signalling',
    title: 'Signalling',
    caption: `For each member: blue bar (left axis), the share of its own armed forces it deployed at its peak; pink bar (right axis), how much closer its alliance with ${theName(d.pivotalName)} could grow (preference similarity minus alliance depth); white square and orange-red triangle (right axis), its alliance depth before and after (a triangle inside its square: the depth did not change).${many ? ` Members by id: ${pts.map((p) => `${p.id} ${p.name}`).join('; ')}.` : ''}`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig({ type: 'bar', data: { labels, datasets }, options }),
    fills: [null, 'diagonal', null, null],
  };
}
