/** Coalition troops by contributor, stacked, against demand; effective troops as a line. */
import { theName } from '../../report/names';
import type { ChartData } from '../data';
import { INK, seriesStyle } from '../palette';
import type { ChartSpec, FillPattern } from '../types';
import { asConfig, axisTitle, baseOptions, HEIGHT, type Json, markerAnnotations, markerNotesHeight, r4, roundAxisTitle, roundLabels, ticks, valueAxisTop, WIDTH, seriesKey, seriesLabel } from './common';

export function troopsChart(d: ChartData): ChartSpec {
  const parties = d.parties.filter((p) => p.troops.some((x) => x > 0));
  const datasets: Json[] = [];
  const fills: (FillPattern | null)[] = [];
  parties.forEach((p, i) => {
    const s = seriesStyle(p.styleIndex);
    datasets.push({ label: seriesLabel(p, parties.length), data: [...p.troops], stack: 'troops', fill: i === 0 ? 'origin' : '-1', backgroundColor: s.colour, borderColor: '#ffffff', borderWidth: 1, pointRadius: 0, stepped: 'middle', order: 2 });
    fills.push(s.fill);
  });
  const effective = d.rounds.map((_, t) => r4(parties.reduce((a, p) => a + (p.effectiveTroops[t] ?? 0), 0)));
  datasets.push({ label: 'Troops sought (demand)', data: [...d.demand], stack: 'demand', fill: false, borderColor: INK, backgroundColor: INK, borderWidth: 4, pointRadius: 0, stepped: 'middle', order: 0 });
  fills.push(null);
  datasets.push({ label: 'Effective troops (in own-soldier equivalents)', data: effective, stack: 'effective', fill: false, borderColor: INK, backgroundColor: '#ffffff', borderWidth: 3, borderDash: [4, 5], pointRadius: 0, stepped: 'middle', order: 1 });
  fills.push(null);

  const peak = Math.max(0, ...d.deployed);
  const stackTop = Math.max(0, ...d.rounds.map((_, t) => parties.reduce((a, p) => a + (p.troops[t] ?? 0), 0)), ...d.demand, ...effective);
  const notes = markerNotesHeight(d.markers, d.rounds.length, d.roundLabel);
  const shortRounds = d.rounds.filter((_, t) => (d.deployed[t] ?? 0) < (d.demand[t] ?? 0)).length;
  const config = {
    type: 'line',
    data: { labels: roundLabels(d.rounds), datasets },
    options: baseOptions(
      'Coalition troops against demand',
      `${parties.length} contributors; peak ${peak.toLocaleString('en-US')} troops; short of demand in ${shortRounds} of ${d.rounds.length} ${d.roundLabel}s.`,
      {
        x: { title: axisTitle(roundAxisTitle(d.roundLabel)), ticks: ticks(), grid: { display: false } },
        y: { stacked: true, min: 0, ...valueAxisTop(stackTop, notes), title: axisTitle('Troops deployed (headcount)'), ticks: ticks() },
      },
      markerAnnotations(d.markers, d.rounds.length, d.roundLabel)
    ),
  };
  return {
    id: 'troops',
    title: 'Coalition troops against demand',
    caption: `Each band is one contributor's troops, stacked. The solid black line is the number of foreign troops ${theName(d.pivotalName)} seeks; where the bands fall short of it, the coalition is short. The dotted line counts troops weighted by effectiveness (one soldier of a less effective force counts for less than one).${seriesKey(parties)}`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills,
  };
}
