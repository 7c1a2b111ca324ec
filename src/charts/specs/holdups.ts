/**
 * Hold-ups told whole: for each threat, what the partner demanded (over the rest of the
 * operation), what it got, how the market stood when it threatened (tightness, right axis:
 * above 1 partners are scarce and a threat is credible), and how it ended.
 */
import type { HoldupStory } from '../../report/holdups';
import { TheName, theName } from '../../report/names';
import type { ChartData } from '../data';
import { GREY, SERIES_COLOURS } from '../palette';
import type { ChartSpec } from '../types';
import { asConfig, axisTitle, baseOptions, capitalise, FONT, HEIGHT, inUnit, type Json, moneyUnit, r4, stepAxis, ticks, WIDTH } from './common';

const SHORT_OUTCOME: Readonly<Record<NonNullable<HoldupStory['outcome']>, string>> = { paid: 'paid', 'refused-withdrew': 'refused, left', 'bluff-called': 'bluff called, stayed' };

/** Null when the run had no hold-ups: the chart is drawn only when there is something to show. */
export function holdupsChart(d: ChartData): ChartSpec | null {
  const hs = d.holdupStories;
  if (hs.length === 0) return null;
  const names = new Map(d.parties.map((p) => [p.id, p.name]));
  const many = hs.length > 8;
  const labels = hs.map((h) => {
    const who = names.get(h.party) ?? h.party;
    const short = many ? h.party : who.length > 24 ? `${who.slice(0, 23)}…` : who;
    return [`${capitalise(d.roundLabel)} ${h.round}: ${short}`, h.outcome === null ? 'unresolved' : SHORT_OUTCOME[h.outcome]];
  });
  const unit = moneyUnit(Math.max(1, ...hs.map((h) => h.demandTotal)));
  const tight = hs.map((h) => (h.tightness === null ? null : r4(h.tightness)));
  const maxTight = Math.max(1.5, ...tight.map((x) => x ?? 0));
  const datasets: Json[] = [
    { type: 'bar', label: `Demanded (${unit.label}, over the rest of the operation)`, data: inUnit(hs.map((h) => h.demandTotal), unit), backgroundColor: SERIES_COLOURS[1], borderColor: '#444444', borderWidth: 1, yAxisID: 'y', order: 2 },
    { type: 'bar', label: `Conceded (${unit.label})`, data: inUnit(hs.map((h) => h.amount), unit), backgroundColor: SERIES_COLOURS[0], borderColor: '#444444', borderWidth: 1, yAxisID: 'y', order: 2 },
    { type: 'line', label: 'Market tightness when threatened (right axis)', data: tight, showLine: false, pointStyle: 'circle', pointRadius: 13, pointBorderWidth: 3, borderColor: '#000000', backgroundColor: SERIES_COLOURS[2], yAxisID: 'y2', order: 0 },
  ];
  const count = (o: string): number => hs.filter((h) => h.outcome === o).length;
  const subtitle = `${hs.length} threat${hs.length === 1 ? '' : 's'} to cut or withdraw forces unless paid more: ${count('paid')} paid, ${count('refused-withdrew')} refused (the partner left), ${count('bluff-called')} bluff${count('bluff-called') === 1 ? '' : 's'} called.`;
  // The top tick on the step grid: a max of 1.15 x the largest tightness (1.9) put a last tick
  // between 1.8 and 2, crowding the two labels.
  const tightAxis = stepAxis(maxTight * 1.15);
  const options = baseOptions(
    'Hold-ups: what each partner demanded, and what it got',
    subtitle,
    {
      x: { type: 'category', title: axisTitle(`Each hold-up: ${d.roundLabel}, partner and outcome`), ticks: ticks({ font: { size: many ? FONT.tick - 4 : FONT.tick } }), grid: { display: false } },
      y: { position: 'left', min: 0, grace: '10%', title: axisTitle(unit.label), ticks: ticks() },
      y2: { position: 'right', min: 0, max: tightAxis.max, title: axisTitle('Tightness (demand ÷ supply)'), ticks: ticks({ stepSize: tightAxis.step }), grid: { drawOnChartArea: false } },
    },
    {
      scarce: {
        type: 'line',
        scaleID: 'y2',
        value: 1,
        borderColor: GREY,
        borderWidth: 2,
        borderDash: [14, 4, 2, 4],
        label: { display: true, content: 'Tightness 1: above it partners are scarce', position: 'end', drawTime: 'afterDatasetsDraw', backgroundColor: 'rgba(255, 255, 255, 0.9)', color: '#333333', font: { size: FONT.annotation, weight: 'normal' }, yAdjust: -20 },
      },
    },
  );
  return {
    id: 'holdups',
    title: 'Hold-ups',
    caption: `One group per threat, labelled with its ${d.roundLabel}, the partner and how it ended. Orange bar: what the partner demanded over the rest of the operation; blue bar: what ${theName(d.pivotalName)} conceded (none when refused). Green circle (right axis): market tightness when it threatened; above the dashed line at 1 partners were scarce. ${TheName(d.pivotalName)} pays when the concession costs less than replacing the partner at that moment, which scarcity makes likely; in a slack market it pays only a small demand, when the substitutes left cost more.`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig({ type: 'bar', data: { labels, datasets }, options }),
    fills: ['diagonal', null, null],
  };
}
