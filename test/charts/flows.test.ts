/**
 * The payer-by-recipient flow chart (issue 16 item 6): drawn when a run has several payers,
 * pass-through via a lead nation or access payments, never otherwise; its bars add up to
 * payments.csv, one colour per payer, pass-through and access segments outlined and named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCharts } from '../../src/charts/index';
import { SERIES_COLOURS } from '../../src/charts/palette';
import { ROOT, valid } from '../helpers/scenarios';
import { runOutputs } from '../report/helpers';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const bundled = (id: string) => valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')));
const flowsOf = (id: string) => {
  const o = runOutputs(bundled(id), 1);
  const spec = buildCharts(o).find((s) => s.id === 'payment-flows');
  return { o, spec, cfg: spec?.config as unknown as Loose };
};

describe('payment-flows chart', () => {
  it('is absent for the default scenario (one payer, no lead nation, no access)', () => {
    expect(buildCharts(runOutputs()).map((s) => s.id)).not.toContain('payment-flows');
  });

  it('amisom-2012: a bar per recipient, one dataset and colour per payer, summing to payments.csv', () => {
    const { o, spec, cfg } = flowsOf('amisom-2012');
    expect(spec).toBeDefined();
    const ids = buildCharts(o).map((s) => s.id);
    expect(ids.indexOf('payment-flows')).toBe(ids.indexOf('payments-by-kind') + 1);
    expect(cfg.options.indexAxis).toBe('y');
    expect(cfg.data.labels).toEqual(['Uganda', 'Burundi', 'Kenya', 'Ethiopia']);
    expect(cfg.data.datasets.map((d: Loose) => d.label)).toEqual(['United States', 'European Union', 'United Kingdom']);
    expect(cfg.data.datasets.map((d: Loose) => d.backgroundColor)).toEqual(SERIES_COLOURS.slice(0, 3));
    expect(new Set(spec!.fills).size).toBe(spec!.fills.length);
    // In US$ millions: each segment is payments.csv summed for that payer and recipient.
    expect(cfg.options.scales.x.title.text).toBe('US$ millions, over the whole operation');
    const payers = ['USA', 'EU', 'GBR'];
    const recipients = ['UGA', 'BDI', 'KEN', 'ETH'];
    payers.forEach((p, i) => {
      recipients.forEach((r, j) => {
        const paid = o.payments.filter((x) => x.payer === p && x.recipient === r && (x.kind === 'subsidy' || x.kind === 'side-deal')).reduce((a, x) => a + Number(x.amount), 0);
        expect(cfg.data.datasets[i].data[j]).toBeCloseTo(paid / 1e6, 3);
      });
    });
    expect(spec!.caption).toContain('one colour per payer: the United States, the European Union, the United Kingdom');
    expect(JSON.parse(JSON.stringify(spec!.config))).toEqual(spec!.config);
  });

  it('iraq-2003: money passed through Poland is its own outlined segment, and the bars say via whom', () => {
    const { o, cfg, spec } = flowsOf('iraq-2003');
    const via = cfg.data.datasets.find((d: Loose) => d.label === 'United States, via Poland (lead nation)');
    expect(via).toMatchObject({ borderColor: '#000000', borderWidth: 3 });
    const ukr = cfg.data.labels.indexOf('Ukraine (via Poland)');
    expect(ukr).toBeGreaterThanOrEqual(0);
    expect(cfg.data.labels).toContain('Poland (lead nation)');
    const paid = o.payments.filter((x) => x.recipient === 'UKR' && x.via === 'POL').reduce((a, x) => a + Number(x.amount), 0);
    // The axis unit follows the largest bar (Turkey's access deals can take it past $1 billion); values are rounded to 4 decimals in it.
    const title = JSON.stringify(cfg.options.scales);
    const divisor = title.includes('US$ billions') ? 1e9 : title.includes('US$ millions') ? 1e6 : NaN;
    expect(via.data[ukr]).toBeCloseTo(paid / divisor, 4);
    expect(spec!.caption).toContain('passed on by a lead nation');
  });

  it('gulf-war-1991: access payments are their own outlined segment', () => {
    const { cfg, spec } = flowsOf('gulf-war-1991');
    const access = cfg.data.datasets.find((d: Loose) => d.label === 'United States, for access (no troops)');
    expect(access).toMatchObject({ borderColor: '#000000', borderWidth: 3 });
    expect(access.data[cfg.data.labels.indexOf('Jordan')]).toBeGreaterThan(0);
    expect(spec!.caption).toContain('payments for access');
  });
});
