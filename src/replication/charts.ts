/**
 * Charts of the ISAF replication, as ChartSpecs for the project's PNG renderer:
 * observed against simulated share of armed forces deployed, and the predicted share by
 * alliance potential (controls at their sample means) with 95% bands.
 */
import { asConfig, axisTitle, baseOptions, FONT, HEIGHT, type Json, r4, ticks, WIDTH } from '../charts/specs/common';
import { GREY, INK, seriesStyle } from '../charts/palette';
import type { ChartSpec } from '../charts/types';
import { controlsRow, type ModelPair, type ReplicationResult } from './isaf';
import { predict } from './stats';

const pct = (x: number) => r4(x * 100);
const LABELLED = ['GEO', 'NZL', 'NLD', 'GRC', 'GBR', 'CAN', 'ISR', 'FRA', 'DEU', 'USA'];

export function scatterChart(r: ReplicationResult): ChartSpec {
  const contrib = r.states.filter((s) => s.observedShare > 0);
  const others = r.states.filter((s) => s.observedShare <= 0);
  const a = seriesStyle(0);
  const b = seriesStyle(1);
  const max = Math.max(...r.states.map((s) => Math.max(s.observedShare, s.simulatedShare))) * 100;
  const top = Math.ceil(max);
  const datasets: Json[] = [
    { label: `Contributed in Nov 2010 (${contrib.length} states)`, data: contrib.map((s) => ({ x: pct(s.observedShare), y: pct(s.simulatedShare) })), pointStyle: a.point, pointRadius: 9, borderColor: INK, borderWidth: 1, backgroundColor: a.colour },
    { label: `Did not contribute (${others.length} states)`, data: others.map((s) => ({ x: pct(s.observedShare), y: pct(s.simulatedShare) })), pointStyle: b.point, pointRadius: 8, borderColor: INK, borderWidth: 1, backgroundColor: b.colour },
    { label: 'Simulated = observed', type: 'line', data: [{ x: 0, y: 0 }, { x: top, y: top }], showLine: true, pointRadius: 0, borderColor: GREY, borderWidth: 2, borderDash: [10, 6], backgroundColor: GREY },
  ];
  const annotations: Record<string, Json> = {};
  for (const s of r.states.filter((x) => LABELLED.includes(x.iso3))) {
    annotations[`label-${s.iso3}`] = {
      type: 'label',
      xValue: pct(s.observedShare),
      yValue: pct(s.simulatedShare),
      // Beside points on the left edge (non-contributors sit at 0), above the others.
      xAdjust: s.observedShare < 0.005 ? 14 + 6 * s.country.length : 0,
      yAdjust: s.observedShare < 0.005 ? 0 : -26,
      content: s.country,
      color: '#000000',
      backgroundColor: 'rgba(255, 255, 255, 0.8)',
      font: { size: FONT.annotation, weight: 'bold' },
      padding: 3,
    };
  }
  const rho = r.spearmanAll;
  const config = {
    type: 'scatter',
    data: { datasets },
    options: baseOptions(
      'ISAF, November 2010: share of armed forces deployed, observed and simulated',
      `Each point a state (n = ${r.states.length}); simulated = mean over ${r.seeds.length} seeds of peak troops / armed forces. Spearman rho = ${rho.rho.toFixed(2)} over all states, ${r.spearmanContributors.rho.toFixed(2)} over the ${r.spearmanContributors.n} contributors.`,
      {
        x: { type: 'linear', min: -0.2, max: top, title: axisTitle('Observed share of armed forces in ISAF (%)'), ticks: ticks() },
        y: { type: 'linear', min: -0.2, max: top, title: axisTitle('Simulated share of armed forces deployed (%)'), ticks: ticks() },
      },
      annotations,
    ),
  };
  return {
    id: 'observed-vs-simulated',
    title: 'Observed against simulated share of armed forces deployed',
    caption: 'Each point is a state: its observed share of armed forces in ISAF in November 2010 against the share the model deploys (mean over seeds). Points on the dashed line match exactly; the test is rank order, not magnitude.',
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills: [null, null, null],
  };
}

/** Predicted share (%) over a grid of potential, other regressors at their sample means. */
function curve(model: ModelPair, which: 'observed' | 'simulated', r: ReplicationResult, grid: readonly number[]) {
  const fit = which === 'observed' ? model.observedFit : model.simulatedFit;
  const rows = r.states.map((s) => controlsRow(s)).filter((x): x is number[] => x !== null);
  const means = rows[0]!.map((_, j) => rows.reduce((acc, row) => acc + row[j]!, 0) / rows.length);
  return grid.map((g) => {
    const x = [...means];
    x[1] = g;
    const p = predict(fit, x);
    return { x: r4(g), fit: pct(p.fit), low: pct(p.low), high: pct(p.high) };
  });
}

export function predictedChart(r: ReplicationResult): ChartSpec {
  const pots = r.states.map((s) => s.potential);
  const lo = Math.floor(Math.min(...pots) * 10) / 10;
  const hi = Math.ceil(Math.max(...pots) * 10) / 10;
  const grid = Array.from({ length: 41 }, (_, i) => lo + ((hi - lo) * i) / 40);
  const datasets: Json[] = [];
  const fills: null[] = [];
  (['observed', 'simulated'] as const).forEach((which, i) => {
    const s = seriesStyle(i === 0 ? 0 : 4);
    const c = curve(r.controls, which, r, grid);
    const band = s.colour + '33';
    const slope = r.controls[which];
    // The band as one closed shape: along the lower bound, then back along the upper one.
    const ring = [...c.map((p) => ({ x: p.x, y: p.low })), ...[...c].reverse().map((p) => ({ x: p.x, y: p.high }))];
    datasets.push({ label: `${which === 'observed' ? 'Observed' : 'Simulated'}: 95% band`, data: ring, showLine: true, pointRadius: 0, borderWidth: 0, borderColor: band, backgroundColor: band, fill: 'shape' });
    datasets.push({
      label: `${which === 'observed' ? 'Observed' : 'Simulated'}: ${(slope.coef * 100).toFixed(2)} pp per unit of potential [${(slope.ciLow * 100).toFixed(2)}, ${(slope.ciHigh * 100).toFixed(2)}]`,
      data: c.map((p) => ({ x: p.x, y: p.fit })),
      type: 'line',
      showLine: true,
      pointRadius: 0,
      borderColor: s.line,
      backgroundColor: s.line,
      borderWidth: 5,
      borderDash: [...s.dash],
    });
    fills.push(null, null);
  });
  const config = {
    type: 'scatter',
    data: { datasets },
    options: {
      ...baseOptions(
        'Predicted share of armed forces deployed, by unrealized alliance potential',
        `OLS with HC1 robust errors: share ~ potential + polyarchy + log GDP + CINC + US ally (n = ${r.controls.observed.n}); other regressors at their means. Potential = ${r.potential}.`,
        {
          x: { type: 'linear', min: lo, max: hi, title: axisTitle(`Unrealized alliance potential (${r.potential})`), ticks: ticks() },
          y: { type: 'linear', title: axisTitle('Predicted share of armed forces deployed (%)'), ticks: ticks() },
        },
        {},
      ),
    },
  };
  return {
    id: 'predicted-share-by-potential',
    title: 'Predicted share deployed by alliance potential',
    caption: 'Lines: the share of armed forces a state is predicted to deploy at each level of unrealized alliance potential, with the other regressors at their sample means, fitted to the observed shares and to the simulated ones; shaded: 95% confidence bands (HC1).',
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills,
  };
}

export function replicationCharts(r: ReplicationResult): ChartSpec[] {
  return [scatterChart(r), predictedChart(r)];
}
