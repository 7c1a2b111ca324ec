import { chartData, shortLabel } from '../../src/charts/data';
import { buildCharts } from '../../src/charts/index';
import { SERIES_COLOURS } from '../../src/charts/palette';
import type { ChartSpec } from '../../src/charts/types';
import { HOLDUP_EVENTS, runOutputs, UNKNOWN_EVENT, withExtraEvents } from '../report/helpers';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const outputs = runOutputs();
const specs = buildCharts(outputs);
const byId = new Map(specs.map((s) => [s.id, s]));
const cfg = (id: string): Loose => byId.get(id)!.config as unknown as Loose;

describe('chart specs for the default scenario', () => {
  it('are the expected charts, in reading order, with no hold-up chart when there are no hold-ups', () => {
    expect(specs.map((s) => s.id)).toEqual(['forces', 'troops', 'payments-per-round', 'payments-cumulative', 'payments-by-kind', 'bargaining-power', 'signalling']);
  });

  it('signalling: where depth did not change, the triangle (after) sits inside the square (before), drawn over it, so neither hides the other', () => {
    const [before, after] = (cfg('signalling').data.datasets as Loose[]).slice(2);
    expect([before!.pointStyle, after!.pointStyle]).toEqual(['rect', 'triangle']);
    // Chart.js draws a higher order first: the square under the triangle.
    expect(before!.order).toBeGreaterThan(after!.order);
    // A triangle of radius r reaches r above its centre and 0.5 r below; a square of radius R spans R/sqrt(2) each way.
    expect(after!.pointRadius).toBeLessThan(before!.pointRadius / Math.SQRT2);
  });

  it('are plain JSON (no functions), so the same spec draws the PNG and the live chart', () => {
    for (const s of specs) expect(JSON.parse(JSON.stringify(s.config))).toEqual(s.config);
  });

  it('are fixed-size, unanimated and titled, with axis titles that name units', () => {
    for (const s of specs) {
      const o = (s.config as unknown as Loose).options;
      expect([s.width, s.height]).toEqual([1600, 900]);
      expect(o.animation).toBe(false);
      expect(o.responsive).toBe(false);
      expect(o.devicePixelRatio).toBe(1);
      expect(o.plugins.title.text).toBeTruthy();
      for (const [name, axis] of Object.entries(o.scales as Loose)) expect([name, axis.title?.text]).toEqual([name, expect.stringMatching(/\w/)]);
      expect(s.caption.length).toBeGreaterThan(40);
    }
    expect(cfg('payments-per-round').options.scales.y.title.text).toMatch(/^US\$ (millions|billions|thousands)? ?per month$/);
    expect(cfg('forces').options.scales.y.title.text).toBe('Troops (headcount)');
    expect(cfg('bargaining-power').options.scales.y.max).toBe(1);
  });

  it('plot the tidy data: troops and payments add up to rounds.csv and payments.csv', () => {
    const d = chartData(outputs);
    const rows = outputs.rounds.filter((r) => r.role === 'pivotal');
    expect(d.demand).toEqual(rows.map((r) => r.demand));
    expect(d.deployed).toEqual(rows.map((r) => r.coalition_troops));
    // Stacked troop bands sum to coalition troops each round.
    d.rounds.forEach((_, t) => expect(d.parties.reduce((a, p) => a + p.troops[t]!, 0)).toBe(d.deployed[t]));
    const paid = outputs.payments.filter((p) => p.kind === 'subsidy' || p.kind === 'side-deal').reduce((a, p) => a + Number(p.amount), 0);
    const plotted = d.parties.reduce((a, p) => a + p.paid.reduce((x, y) => x + y, 0), 0);
    expect(plotted).toBeCloseTo(paid, 2);
    expect(plotted).toBeCloseTo(outputs.summary.payments.total, 2);
    // The bargaining-power mean line is rounds.csv power_index when the engine writes it.
    const mean = cfg('bargaining-power').data.datasets.find((ds: Loose) => ds.label.startsWith('All paid deals'));
    const index = rows.map((r) => (r as Record<string, unknown>)['power_index']);
    if (index.some((x) => x !== undefined)) expect(mean.data).toEqual(index.map((x) => (x === null || x === undefined ? null : Math.round(Number(x) * 1e4) / 1e4)));
  });

  it('draw the 0.5 line on the bargaining-power chart, mark each reversal with a star and name it in the subtitle (labels beside stars overprinted)', () => {
    const ann = cfg('bargaining-power').options.plugins.annotation.annotations;
    expect(ann.half).toMatchObject({ type: 'line', scaleID: 'y', value: 0.5 });
    // The run's own reversals are taken out: this checks how the chart shows one, not the engine.
    const noReversals = { ...outputs, events: outputs.events.filter((e) => e.type !== 'reversal') };
    const withReversal = withExtraEvents(noReversals, [{ type: 'reversal', round: 10, party: 'GEO', share: 0.62, capabilityRatio: 46.7 }]);
    const power = buildCharts(withReversal).find((s) => s.id === 'bargaining-power')!.config as unknown as Loose;
    // A subtitle wider than the canvas is drawn as lines broken between words: read as one text.
    expect([power.options.plugins.subtitle.text].flat().join(' ')).toMatch(/ 1 reversal \(stars\): Georgia 0\.62 \(month 10\)\.$/);
    const stars = power.data.datasets.find((ds: Loose) => ds.pointStyle === 'star');
    expect(stars.data).toContainEqual({ x: '10', y: 0.62 });
  });

  it('mark the scheduled shocks (round 9) on the time charts', () => {
    const ann = cfg('forces').options.plugins.annotation.annotations;
    expect(ann.marker0.value).toBe(9 - 1.5);
    expect(ann.marker0.label.content[0]).toBe('Month 9: An enemy offensive');
    expect(shortLabel('An enemy offensive: the pivotal state seeks a surge')).toBe('An enemy offensive');
  });

  it('tell series apart by more than colour: Okabe-Ito colours plus textures, dashes or markers', () => {
    const troops = byId.get('troops')!;
    const bands = (troops.config as unknown as Loose).data.datasets.filter((ds: Loose) => ds.stack === 'troops');
    expect(new Set(bands.map((b: Loose) => b.backgroundColor)).size).toBe(bands.length);
    for (const b of bands) expect(SERIES_COLOURS).toContain(b.backgroundColor);
    expect(new Set(troops.fills.slice(0, bands.length)).size).toBe(bands.length);
    const lines = cfg('bargaining-power').data.datasets.filter((ds: Loose) => Array.isArray(ds.borderDash));
    expect(new Set(lines.map((l: Loose) => JSON.stringify([l.borderDash, l.pointStyle]))).size).toBe(lines.length);
  });

  it('match the snapshot (non-regression: update with jest -u when the engine changes on purpose)', () => {
    expect(specs.map((s: ChartSpec) => ({ id: s.id, title: s.title, caption: s.caption, fills: s.fills, config: s.config }))).toMatchSnapshot();
  });
});

describe('hold-up chart and unknown events', () => {
  it('appears only when hold-up events exist: one group per threat with its demand, the amount conceded, tightness then and the outcome', () => {
    const o = withExtraEvents(outputs, [...HOLDUP_EVENTS, UNKNOWN_EVENT]);
    const all = buildCharts(o);
    expect(all.map((s) => s.id)).toContain('holdups');
    const h = all.find((s) => s.id === 'holdups')!.config as unknown as Loose;
    expect(h.data.labels).toEqual([
      ['Month 12: Turkey', 'paid'],
      ['Month 15: Ethiopia', 'bluff called, stayed'],
      ['Month 17: Georgia', 'refused, left'],
    ]);
    const [demanded, conceded, tightness] = h.data.datasets as [Loose, Loose, Loose];
    expect(demanded.label).toBe('Demanded (US$ millions, over the rest of the operation)');
    expect(demanded.data).toEqual([50, 5, 1]);
    expect(conceded.data).toEqual([50, 0, 0]);
    expect(tightness.data).toEqual([1.3, 0.9, 0.9]);
    expect(tightness.yAxisID).toBe('y2');
  });

  it('ignores event types it does not know', () => {
    const o = withExtraEvents(outputs, [UNKNOWN_EVENT]);
    expect(buildCharts(o).map((s) => s.config)).toEqual(specs.map((s) => s.config));
  });
});
