/**
 * Bargaining power over time: each third party's share of the surplus in the deal it holds,
 * against the equal split, with reversals (a much weaker state taking the larger share)
 * marked and labelled.
 */
import { theName } from '../../report/names';
import type { ChartData } from '../data';
import { GREY, INK, seriesStyle, SERIES_COLOURS } from '../palette';
import type { ChartSpec } from '../types';
import { asConfig, axisTitle, baseOptions, FONT, HEIGHT, type Json, markerAnnotations, type MarkerPlacer, type MarkerPosition, PLOT_HEIGHT, PLOT_LEFT, PLOT_RIGHT, r4, roundAxisTitle, roundLabels, seriesKey, seriesLabel, textWidth, ticks, WIDTH } from './common';

/** "1 reversal: Poland takes 0.77 (month 10)." Up to three named, in the subtitle (labels beside the stars would overprint). */
function reversalWords(d: ChartData, names: ReadonlyMap<string, string>): string {
  const n = d.reversals.length;
  if (n === 0) return 'No reversal.';
  const short = (s: string): string => (s.length <= 24 ? s : `${s.slice(0, 23)}…`);
  const named = d.reversals.slice(0, 2).map((r) => `${short(names.get(r.party) ?? r.party)} ${r.share.toFixed(2)} (${d.roundLabel} ${r.round})`);
  return `${n} reversal${n === 1 ? '' : 's'} (stars): ${named.join('; ')}${n > 2 ? `; ${n - 2} more` : ''}.`;
}

const HALF_NOTE = 'Equal split (0.5): above it, the third party gets the better of the deal';
/** Where the whole note crosses the data everywhere (the caption says the rest). */
const HALF_NOTE_SHORT = 'Equal split (0.5)';

/** The 0.5 note's offset from its line, px. */
const HALF_OFFSET = 22;
const HALF_NOTE_HALF_HEIGHT = (FONT.annotation * 1.2 + 12) / 2;

/**
 * How many times the chart's data crosses a note's box: between canvas x `left` and `right`, and
 * shares `lo` to `hi`. Each line counts as stepped 'before' segments (at round index i its value
 * holds from x(i - 1) to x(i), with a riser at x(i - 1)); stars (reversals) count within their
 * radius. Geometry is estimated before layout: the plot about PLOT_HEIGHT px tall between
 * PLOT_LEFT and PLOT_RIGHT.
 */
function crossingsIn(datasets: readonly Json[], rounds: number, left: number, right: number, lo: number, hi: number): number {
  const span = Math.max(1, rounds - 1);
  const xOf = (i: number): number => PLOT_LEFT + (i / span) * (PLOT_RIGHT - PLOT_LEFT);
  const series = datasets.filter((ds) => ds.showLine !== false && Array.isArray(ds.data)).map((ds) => (ds.data as (number | null)[]).map((v) => (typeof v === 'number' ? v : null)));
  const stars = datasets.filter((ds) => ds.showLine === false && Array.isArray(ds.data)).flatMap((ds) => ds.data as { x: string; y: number }[]);
  const inBand = (y: number): boolean => y >= lo && y <= hi;
  let n = 0;
  for (const values of series) {
    values.forEach((y, i) => {
      if (y === null) return;
      const x0 = xOf(Math.max(0, i - 1));
      const x1 = xOf(i);
      if (x1 < left || x0 > right) return;
      if (inBand(y)) n++;
      const prev = i > 0 ? values[i - 1] : null;
      if (prev !== null && prev !== undefined && x0 >= left && x0 <= right && Math.min(prev, y) <= hi && Math.max(prev, y) >= lo) n++;
    });
  }
  for (const p of stars) {
    const x = xOf(Number(p.x) - 1);
    if (x >= left - 18 && x <= right + 18 && inBand(p.y)) n++;
  }
  return n;
}

/**
 * Where the 0.5 line's note goes: just above or below the line, at its right or left end,
 * whichever stretch no series crosses (a share or the mean near 0.5 ran through the text:
 * teaching-holdup's mean of 0.53 from month 6, in the classroom and in the PNG); the first of
 * end-above, start-above, end-below, start-below that is free, then the same with the short
 * note "Equal split (0.5)", else the short note where it is crossed least.
 */
function halfNotePlace(datasets: readonly Json[], rounds: number): { content: string; position: 'start' | 'end'; yAdjust: number } {
  const crossings = (content: string, position: 'start' | 'end', above: boolean): number => {
    const noteWidth = textWidth(content, FONT.annotation) + 12;
    const left = position === 'end' ? PLOT_RIGHT - noteWidth : PLOT_LEFT;
    // The note's band in share units, widened by a marker's radius (deal markers 11 px, stars 18 px).
    const centre = 0.5 + (above ? HALF_OFFSET : -HALF_OFFSET) / PLOT_HEIGHT;
    const pad = (HALF_NOTE_HALF_HEIGHT + 12) / PLOT_HEIGHT;
    return crossingsIn(datasets, rounds, left, left + noteWidth, centre - pad, centre + pad);
  };
  const places = [
    { position: 'end' as const, above: true },
    { position: 'start' as const, above: true },
    { position: 'end' as const, above: false },
    { position: 'start' as const, above: false },
  ];
  const candidates = [HALF_NOTE, HALF_NOTE_SHORT].flatMap((content) => places.map((c) => ({ ...c, content, n: crossings(content, c.position, c.above) })));
  const best = candidates.find((c) => c.n === 0) ?? candidates.filter((c) => c.content === HALF_NOTE_SHORT).reduce((a, b) => (b.n < a.n ? b : a));
  return { content: best.content, position: best.position, yAdjust: best.above ? -HALF_OFFSET : HALF_OFFSET };
}

/**
 * Where the event markers' notes go along their lines: the bottom of the plot, the top, or a
 * point between (from the top: 20%, 35%, 65%, 80%), whichever box the shares cross least, in
 * that order of preference (the bottom first, as before: the stars and the title sit at the top).
 * A note at the bottom had covered the low shares of under-resourced partners (teaching-holdup
 * seed 1: the Philippines' 0.03 and South Africa's 0.08 under "Month 5: A great power enters the
 * war"). Points whose box would reach the 0.5 line's note are not used.
 */
function markerPlace(datasets: readonly Json[], rounds: number): MarkerPlacer {
  return (extents, rowHeight) => {
    const rows = 1 + Math.max(0, ...extents.map((e) => e.row));
    const h = (rows * rowHeight + 12) / PLOT_HEIGHT;
    const halfBand = (HALF_OFFSET + HALF_NOTE_HALF_HEIGHT + 12) / PLOT_HEIGHT;
    // Each place as the band of shares its boxes cover (shares run 1 at the top to 0 at the bottom).
    const places: { position: MarkerPosition; lo: number; hi: number }[] = [
      { position: 'end' as const, lo: 0, hi: h },
      { position: 'start' as const, lo: 1 - h, hi: 1 },
      ...[20, 35, 65, 80].map((p) => ({ position: `${p}%` as MarkerPosition, lo: 1 - p / 100 - h + rowHeight / 2 / PLOT_HEIGHT, hi: 1 - p / 100 + rowHeight / 2 / PLOT_HEIGHT })),
    ].filter((pl) => pl.lo >= 0 && pl.hi <= 1 && (pl.position === 'start' || pl.position === 'end' || pl.hi < 0.5 - halfBand || pl.lo > 0.5 + halfBand));
    const scored = places.map((pl) => ({ ...pl, n: extents.reduce((a, e) => a + crossingsIn(datasets, rounds, e.left, e.right, pl.lo, pl.hi), 0) }));
    return scored.reduce((a, b) => (b.n < a.n ? b : a)).position;
  };
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
  // Drawn first (order 1), under the partners' lines: where one partner holds the only paid deal the
  // mean is its share, and drawn on top the thick black line hid that partner's line (a teacher's
  // trial: Turkey in the default scenario, months 2-10); beneath, it edges the coloured line.
  datasets.push({ label: 'All paid deals in force (troop-weighted mean)', data: mean, borderColor: INK, backgroundColor: INK, borderWidth: 5, pointRadius: 0, spanGaps: false, stepped: 'before', order: 1 });

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

  // Troops a member added (an enlargement) are priced in a deal of their own, but the line carries
  // the contract in force, which blends them in: teaching-scarcity's Bangladesh took 0.72 of its
  // month-10 enlargement's surplus while its line showed the blended 0.26. Such a deal gets a
  // hollow marker at its own share, in its party's colour and shape.
  const lineAt = new Map(parties.map((p) => [p.id, p.share]));
  const added = d.deals.filter((deal) => {
    const t = d.rounds.indexOf(deal.round);
    const line = lineAt.get(deal.party)?.[t];
    return deal.share !== null && t >= 0 && line !== null && line !== undefined && Math.abs(r4(deal.share) - line) > 0.005;
  });
  if (added.length > 0) {
    const style = (id: string) => seriesStyle(parties.find((p) => p.id === id)!.styleIndex);
    datasets.push({
      label: "Added troops' own deal (the line blends them into the contract)",
      data: added.map((deal) => ({ x: String(deal.round), y: r4(deal.share!) })),
      showLine: false,
      // A ring wider than the deal and reversal markers, drawn over them with a clear centre, so
      // it shows where another partner's marker sits at the same share.
      pointStyle: 'circle',
      pointRadius: 16,
      pointBorderWidth: 4,
      pointBorderColor: added.map((deal) => style(deal.party).line),
      pointBackgroundColor: 'rgba(255, 255, 255, 0)',
      borderColor: INK,
      backgroundColor: 'rgba(255, 255, 255, 0)',
      order: -1,
    });
  }

  const half = halfNotePlace(datasets, d.rounds.length);
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
        content: half.content,
        position: half.position,
        // Over the data: where no place is free of it, a line still cannot run through the text.
        drawTime: 'afterDatasetsDraw',
        backgroundColor: 'rgba(255, 255, 255, 0.9)',
        color: '#222222',
        font: { size: FONT.annotation, weight: 'normal' },
        yAdjust: half.yAdjust,
      },
    },
    ...markerAnnotations(d.markers, d.rounds.length, d.roundLabel, 'category', markerPlace(datasets, d.rounds.length)),
  };
  const final = mean.filter((x): x is number => x !== null);
  const config = {
    type: 'line',
    data: { labels: roundLabels(d.rounds), datasets },
    options: baseOptions(
      'Bargaining power: who gets the surplus',
      `Partner's share of the surplus in the deal it holds (0 = all to ${theName(d.pivotalName)}, 1 = all to the partner). ${reversalWords(d, names)}${final.length > 0 ? '' : ' No paid deals.'}`,
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
    caption: `${seriesKey(parties).trim()}${parties.length > 10 ? ' ' : ''}A deal creates a surplus between the least a partner accepts and the most ${theName(d.pivotalName)} would pay. Each line is the partner's share of it while its deal holds (large marker: deal signed)${added.length > 0 ? "; a ring off a line is troops a member added, at their own deal's share, which the line blends into its contract" : ''}. Above the dashed 0.5 line the partner has the upper hand; a star marks a reversal, where a much weaker state takes the larger share. The black line weighs each paid deal in force by its troops, ${d.roundLabel} by ${d.roundLabel}, hold-up concessions included: a different measure from the headline mean over deals as signed (summary.json power.meanShare; the black line's mean over the ${d.roundLabel}s is power.meanPowerIndex).`,
    width: WIDTH,
    height: HEIGHT,
    config: asConfig(config),
    fills: [],
  };
}
