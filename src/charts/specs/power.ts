/**
 * Bargaining power over time: each third party's share of the surplus in the deal it holds,
 * against the equal split, with reversals (a much weaker state taking the larger share)
 * marked and labelled.
 */
import { theName } from '../../report/names';
import type { ChartData } from '../data';
import { GREY, INK, seriesStyle, SERIES_COLOURS } from '../palette';
import type { ChartSpec } from '../types';
import { asConfig, axisTitle, baseOptions, FONT, HEIGHT, type Json, markerAnnotations, r4, roundAxisTitle, roundLabels, seriesKey, seriesLabel, ticks, WIDTH } from './common';

/** "1 reversal: Poland takes 0.77 (month 10)." Up to three named, in the subtitle (labels beside the stars would overprint). */
function reversalWords(d: ChartData, names: ReadonlyMap<string, string>): string {
  const n = d.reversals.length;
  if (n === 0) return 'No reversal.';
  const short = (s: string): string => (s.length <= 24 ? s : `${s.slice(0, 23)}…`);
  const named = d.reversals.slice(0, 2).map((r) => `${short(names.get(r.party) ?? r.party)} ${r.share.toFixed(2)} (${d.roundLabel} ${r.round})`);
  return `${n} reversal${n === 1 ? '' : 's'} (stars): ${named.join('; ')}${n > 2 ? `; ${n - 2} more` : ''}.`;
}

export function powerChart(d: ChartData): ChartSpec {
  const parties = d.parties.filter((p) => p.share.some((x) => x !== null));
  const names = new Map(d.parties.map((p) => [p.id, p.name]));
  const dealRounds = new Map<string, Set<number>>();
  for (const deal of d.deals) {
    if (deal.share === null) continue;
    const set = dealRounds.get(deal.party) ?? new Set<number>();
    set.add(deal.round);
    dealRounds.set(deal.party, set);
  }

  const datasets: Json[] = parties.map((p) => {
    const s = seriesStyle(p.styleIndex);
    const signed = dealRounds.get(p.id) ?? new Set<number>();
    return {
      label: seriesLabel(p, parties.length),
      data: p.share.map((x) => (x === null ? null : r4(x))),
      // A deal's share holds until the next deal: a step at the round it changes.
      stepped: 'before',
      borderColor: s.line,
      backgroundColor: s.line,
      borderWidth: 3,
      borderDash: [...s.dash],
      pointStyle: s.point,
      // A marker where a deal was signed; the line carries its share while the deal holds.
      pointRadius: d.rounds.map((t) => (signed.has(t) ? 11 : 0)),
      pointBorderColor: INK,
      pointBorderWidth: 1,
      spanGaps: false,
    };
  });

  // Troop-weighted mean share of the paid deals in force: the run's bargaining power, round by round.
  // rounds.csv carries it as power_index; computed here for outputs that predate that column.
  const mean = d.powerIndex?.map((x) => (x === null ? null : r4(x))) ?? d.rounds.map((_, t) => {
    let w = 0;
    let sum = 0;
    for (const p of parties) {
      const share = p.share[t];
      const troops = p.troops[t] ?? 0;
      if (share === null || share === undefined || troops <= 0) continue;
      w += troops;
      sum += share * troops;
    }
    return w > 0 ? r4(sum / w) : null;
  });
  datasets.push({ label: 'All paid deals in force (troop-weighted mean)', data: mean, borderColor: INK, backgroundColor: INK, borderWidth: 5, pointRadius: 0, spanGaps: false, stepped: 'before' });

  if (d.reversals.length > 0) {
    datasets.push({
      label: 'Reversal: a much weaker state takes the larger share',
      data: d.reversals.map((r) => ({ x: String(r.round), y: r4(r.share) })),
      showLine: false,
      pointStyle: 'star',
      pointRadius: 18,
      pointBorderWidth: 3,
      borderColor: SERIES_COLOURS[4],
      backgroundColor: SERIES_COLOURS[4],
    });
  }

  const annotations: Record<string, Json> = {
    half: {
      type: 'line',
      scaleID: 'y',
      value: 0.5,
      borderColor: GREY,
      borderWidth: 3,
      borderDash: [10, 6],
      drawTime: 'beforeDatasetsDraw',
      label: {
        display: true,
        content: 'Equal split (0.5): above it, the third party gets the better of the deal',
        position: 'end',
        backgroundColor: 'rgba(255, 255, 255, 0.9)',
        color: '#222222',
        font: { size: FONT.annotation, weight: 'normal' },
        yAdjust: -22,
      },
    },
    ...markerAnnotations(d.markers, d.rounds.length, d.roundLabel, 'category', 'end'),
  };
  const final = mean.filter((x): x is number => x !== null);
  const config = {
    type: 'line',
    data: { labels: roundLabels(d.rounds), datasets },
    options: baseOptions(
      'Bargaining power: who gets the surplus',
      `Partner's share of each deal's surplus (0 = all to ${theName(d.pivotalName)}, 1 = all to the partner). ${reversalWords(d, names)}${final.length > 0 ? '' : ' No paid deals.'}`,
      {
        x: { title: axisTitle(roundAxisTitle(d.roundLabel)), ticks: ticks(), grid: { display: false } },
        y: { min: 0, max: 1, title: axisTitle("Third party's share of the surplus (0–1)"), ticks: ticks({ stepSize: 0.1 }) },
      },
      annotations
    ),
  };
  return {
    id: 'bargaining-power',
    title: 'Bargaining power over time',
    caption: `${seriesKey(parties).trim()}${parties.length > 10 ? ' ' : ''}A deal creates a surplus between the least a partner accepts and the most ${theName(d.pivotalName)} would pay. Each line is the partner's share of it while its deal holds (large marker: deal signed). Above the dashed 0.5 line the partner has the upper hand; a star marks a reversal, where a much weaker state takes the larger share.`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills: [],
  };
}
