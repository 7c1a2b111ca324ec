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
  it('a two-parameter grid: each metric by each parameter with bands, and a heatmap', () => {
    const c = compiled({ metrics: ['flags'] });
    const rows = [row(0, 0, 0, 'flags', 3), row(1, 0, 12000, 'flags', 5), row(2, 0.2, 0, 'flags', 4), row(3, 0.2, 12000, 'flags', 6)];
    const specs = sweepChartSpecs(c, rows);
    expect(specs.map((s) => s.id)).toEqual(['flags-by-uncertainty', 'flags-by-surge', 'flags-heatmap']);
    const line = specs[0]!.config.data.datasets;
    // Per level of the other parameter: band low, band high (filled to it), mean line.
    expect(line.map((d) => d.label)).toEqual(['surge = 0 (95% low)', 'surge = 0 (95% interval)', 'surge = 0', 'surge = 12000 (95% low)', 'surge = 12000 (95% interval)', 'surge = 12000']);
    expect(line[2]!.data).toEqual([{ x: 0, y: 3 }, { x: 0.2, y: 4 }]);
    expect(line[1]!.data).toEqual([{ x: 0, y: 4 }, { x: 0.2, y: 5 }]);
    expect(specs[2]!.config.data.datasets[0]!.data).toHaveLength(4);
  });

  it('a sampled design: a scatter of point means, no heatmap', () => {
    const c = compiled({ design: { type: 'lhs', points: 4 }, parameters: [{ name: 'uncertainty', path: 'engine.costUncertainty', min: 0, max: 0.3 }], metrics: ['flags'] });
    const specs = sweepChartSpecs(c, [row(0, 0.1, 0, 'flags', 3), row(1, 0.2, 0, 'flags', 4)]);
    expect(specs.map((s) => [s.id, s.config.type])).toEqual([['flags-by-uncertainty', 'scatter']]);
  });
});
