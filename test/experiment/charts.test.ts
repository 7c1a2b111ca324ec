import { sweepChartSpecs } from '../../src/experiment/charts';
import { loadExperimentFile } from '../../src/experiment/load';
import { workspace } from './helpers';

const ws = workspace();

function compiled(over: object): Parameters<typeof sweepChartSpecs>[0] {
  const r = loadExperimentFile(ws.write('e.json', over));
  if (!r.ok) throw new Error('invalid');
  return r.value;
}

const row = (point: number, uncertainty: number, surge: number, metric: string, mean: number): Record<string, string> => ({
  point: String(point), uncertainty: String(uncertainty), surge: String(surge), metric, runs: '4', failed: '0', n: '4', mean: String(mean), sd: '1', ci95_low: String(mean - 1), ci95_high: String(mean + 1),
});

describe('sweep chart specs', () => {
  it('a two-parameter grid: one legend entry per series, whiskers for the interval, units from the registry, and a heatmap', () => {
    const c = compiled({ metrics: ['flags'] });
    const rows = [row(0, 0, 0, 'flags', 3), row(1, 0, 12000, 'flags', 5), row(2, 0.2, 0, 'flags', 4), row(3, 0.2, 12000, 'flags', 6)];
    const specs = sweepChartSpecs(c, rows);
    expect(specs.map((s) => s.id)).toEqual(['flags-by-uncertainty', 'flags-by-surge', 'flags-heatmap']);
    const line = specs[0]!.config.data.datasets as unknown as { label: string; data: unknown; errorBars: unknown }[];
    // One dataset, so one legend entry, per level of the other parameter: no "(95% interval)" twins.
    expect(line.map((d) => d.label)).toEqual(['surge = 0', 'surge = 12000']);
    expect(line[0]!.data).toEqual([{ x: 0, y: 3 }, { x: 0.2, y: 4 }]);
    expect(line[0]!.errorBars).toEqual([[2, 4], [3, 5]]);
    const opts = specs[0]!.config.options as unknown as { plugins: { title: { text: string } }; scales: { x: { title: { text: string } }; y: { title: { text: string }; suggestedMin: number } } };
    expect(opts.plugins.title.text).toBe('Flags in the coalition by uncertainty');
    expect(opts.scales.y.title.text).toBe('Flags in the coalition (count)');
    expect(opts.scales.x.title.text).toBe('uncertainty (engine.costUncertainty)');
    expect(opts.scales.y.suggestedMin).toBe(0);
    // The x axis ends 3% of the range past the data, with no tick at its bounds: never a nice
    // number far out (a surge of 0-18,000 had an axis from -5,000).
    const surgeX = (specs[1]!.config.options as unknown as { scales: { x: { min: number; max: number; ticks: { includeBounds: boolean } } } }).scales.x;
    expect([surgeX.min, surgeX.max, surgeX.ticks.includeBounds]).toEqual([-360, 12_360, false]);
    // The heatmap: a value and interval half-width in every cell, and a colour bar from 3 to 6.
    const heat = specs[2]!.config.data.datasets[0] as unknown as { data: unknown[]; coalsimCells: { labels: string[] }; coalsimColorBar: { ticks: { label: string }[] } };
    expect(heat.data).toHaveLength(4);
    expect(heat.coalsimCells.labels).toEqual(['3\n±1', '5\n±1', '4\n±1', '6\n±1']);
    expect(heat.coalsimColorBar.ticks.map((t) => t.label)).toEqual(['3', '4.5', '6']);
  });

  it('says a bootstrap interval over fewer than 10 replicates is narrower than nominal (2 replicates: the range of the two), and not with 10', () => {
    const rows = [row(0, 0, 0, 'flags', 3), row(1, 0, 12000, 'flags', 5), row(2, 0.2, 0, 'flags', 4), row(3, 0.2, 12000, 'flags', 6)];
    const few = sweepChartSpecs(compiled({ metrics: ['flags'], replicates: 2 }), rows)[0]!;
    expect(few.caption).toContain('95% bootstrap interval, narrower than nominal with 2 replicates a point (use 10 or more)');
    const enough = sweepChartSpecs(compiled({ metrics: ['flags'], replicates: 10 }), rows)[0]!;
    expect(enough.caption).not.toContain('narrower than nominal');
  });

  it('integer parameters get whole-number ticks, and a single level still has its interval', () => {
    const c = compiled({ parameters: [{ name: 'surge', path: 'events[0].delta', values: [12000] }], metrics: ['flags'] });
    const specs = sweepChartSpecs(c, [{ point: '0', surge: '12000', metric: 'flags', runs: '4', failed: '0', n: '4', mean: '5', sd: '1', ci95_low: '4', ci95_high: '6' }]);
    expect(specs).toHaveLength(1);
    const cfg = specs[0]!.config as unknown as { data: { datasets: { errorBars: unknown }[] }; options: { scales: { x: { ticks: { precision: number } } } } };
    expect(cfg.options.scales.x.ticks.precision).toBe(0);
    expect(cfg.data.datasets[0]!.errorBars).toEqual([[4, 6]]);
  });

  it('a sampled design: a scatter of point means, no heatmap', () => {
    const c = compiled({ design: { type: 'lhs', points: 4 }, parameters: [{ name: 'uncertainty', path: 'engine.costUncertainty', min: 0, max: 0.3 }], metrics: ['flags'] });
    const specs = sweepChartSpecs(c, [row(0, 0.1, 0, 'flags', 3), row(1, 0.2, 0, 'flags', 4)]);
    expect(specs.map((s) => [s.id, s.config.type])).toEqual([['flags-by-uncertainty', 'scatter']]);
  });
});
