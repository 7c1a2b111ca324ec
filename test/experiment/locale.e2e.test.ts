/**
 * A sweep's outputs do not depend on the machine's locale or time zone: the same experiment
 * under de_DE (decimal comma, "." for thousands) in Pacific/Chatham (UTC+12:45/+13:45) and
 * under C in UTC gives the same bytes in every file, charts included. Chart.js formats tick
 * labels with Intl in the chart's locale, so without a pinned locale the PNGs differ.
 */
import { join } from 'node:path';
import { coalsim, filesOf } from '../helpers/cli';
import { workspace } from './helpers';

const ws = workspace();
// Fractional and thousands-sized values on the axes, so a locale would show in tick labels.
const exp = ws.write('locale.json', {
  parameters: [
    { name: 'uncertainty', path: 'engine.costUncertainty', values: [0.05, 0.15, 0.25] },
    { name: 'surge', path: 'events[0].delta', values: [0, 6000, 12000] },
  ],
  replicates: 2,
  metrics: ['costPerForeignSoldierYear', 'meanShare'],
});

function sweepUnder(env: Record<string, string>, out: string): Map<string, Buffer> {
  const r = coalsim(['sweep', exp, '--out', out, '--workers', '1', '--quiet'], { env: { SLURM_ARRAY_TASK_ID: '', SLURM_ARRAY_TASK_COUNT: '', ...env } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return filesOf(out);
}

describe('locale and time zone', () => {
  it('a sweep under de_DE.UTF-8 in Pacific/Chatham writes the same bytes as under C in UTC', () => {
    const c = sweepUnder({ LANG: 'C', LC_ALL: 'C', TZ: 'UTC' }, join(ws.dir, 'out-c'));
    const de = sweepUnder({ LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', TZ: 'Pacific/Chatham' }, join(ws.dir, 'out-de'));
    const charts = [...c.keys()].filter((k) => k.startsWith('charts/') && k.endsWith('.png'));
    // Line charts for both metrics against both parameters, and a heatmap per metric.
    expect(charts.length).toBeGreaterThanOrEqual(6);
    expect([...de.keys()]).toEqual([...c.keys()]);
    for (const [name, bytes] of c) expect({ name, same: de.get(name)!.equals(bytes) }).toEqual({ name, same: true });
  });
});
