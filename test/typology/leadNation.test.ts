/**
 * Lead nations and payers in the typology and the summary (issue 16 item 6): Poland in
 * iraq-2003 passes the pivotal's money to the partners under its command and is labelled a
 * lead nation with that evidence; payers other than the pivotal appear in summary.payers with
 * what they funded, for whom and why, identically in sweep mode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runForMetrics, runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { ROOT, valid } from '../helpers/scenarios';

const bundled = (id: string) => valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')));
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('lead-nation label (iraq-2003, Poland)', () => {
  const iraq = bundled('iraq-2003');
  const runs = SEEDS.map((seed) => summarize(runScenario(iraq, seed)));

  it('Poland is at once a subsidy recipient and an opportunist (the types overlap, BRIEF §1), with the evidence of each', () => {
    // Mechanism: its liquidity need (70% of its cost) is paid in deployment subsidies, and its
    // quid-pro-quo markup, net of its interest and signal, lifts its ask above that need
    // (market/reservation.ts: r = max(c - u - s + m, (1 - f) c)).
    for (const s of runs) {
      const poland = s.coalition.members.find((m) => m.id === 'POL')!;
      const labels = new Map(poland.labels.map((l) => [l.label, l.evidence.join(' ')]));
      expect(labels.get('under-resourced')).toMatch(/paid \$[\d,]+ in deployment subsidies/);
      expect(labels.get('opportunist')).toMatch(/above what its cost, interest and liquidity justify/);
    }
  });

  it('Poland is labelled a lead nation in most seeds, and only when money passed through it', () => {
    let labelled = 0;
    for (const s of runs) {
      const poland = s.coalition.members.find((m) => m.id === 'POL');
      const via = (s.flows ?? []).filter((f) => f.via === 'POL');
      const label = poland?.labels.find((l) => l.label === 'lead-nation');
      expect(label !== undefined).toBe(via.some((f) => f.amount > 0));
      if (label) labelled++;
      // No one else commands anybody in this scenario.
      for (const m of s.coalition.members) if (m.id !== 'POL') expect(m.labels.map((l) => l.label)).not.toContain('lead-nation');
    }
    expect(labelled / runs.length).toBeGreaterThanOrEqual(0.8);
  });

  it('its evidence says to whom, how much and when, matching the flows', () => {
    for (const s of runs) {
      const label = s.coalition.members.find((m) => m.id === 'POL')?.labels.find((l) => l.label === 'lead-nation');
      if (!label) continue;
      const via = (s.flows ?? []).filter((f) => f.via === 'POL' && f.amount > 0);
      const total = via.reduce((a, f) => a + f.amount, 0);
      expect(label.evidence[0]).toBe(`passed $${Math.round(total).toLocaleString('en-US')} of the pivotal's money to ${via.length} partner${via.length === 1 ? '' : 's'} under its command (paid by United States)`);
      const names = new Map(iraq.thirdParties.map((t) => [t.id, t.name]));
      for (const f of via) expect(label.evidence).toContainEqual(expect.stringMatching(new RegExp(`^\\$${Math.round(f.amount).toLocaleString('en-US').replace(/,/g, ',')} to ${names.get(f.recipient)} \\(months? \\d+(-\\d+)?\\)$`)));
      expect(label.events.length).toBe(via.length);
      expect(label.events.every((e) => e.type === 'payment' && e.round >= 1)).toBe(true);
    }
  });

  it('a lead nation keeps its other labels (several per state)', () => {
    const withOthers = runs.filter((s) => (s.coalition.members.find((m) => m.id === 'POL')?.labels.length ?? 0) > 1);
    expect(withOthers.length).toBeGreaterThan(0);
  });
});

describe('payers in summary.payers (amisom-2012)', () => {
  const amisom = bundled('amisom-2012');
  const s = summarize(runScenario(amisom, 1));

  it('each payer other than the pivotal lists what it funded, for whom, at what rate and why', () => {
    const eu = s.payers!.find((p) => p.id === 'EU')!;
    expect(eu.valuePerSoldierYear).toBe(15_000);
    expect(eu.funded.map((f) => f.recipient).sort()).toEqual(['BDI', 'ETH', 'KEN', 'UGA']);
    // The EU values an AMISOM soldier-year ($15,000) above its posted allowance ($1,028 a month = $12,336 a year): its rate binds.
    for (const f of eu.funded) expect(f).toMatchObject({ item: 'troop allowance (African Peace Facility)', postedRatePerSoldierYear: 12_336, fundedPerSoldierYear: 12_336, valuePerSoldierYear: 15_000, bound: 'posted-rate' });
    const uk = s.payers!.find((p) => p.id === 'GBR')!;
    expect(uk.funded.map((f) => f.recipient).sort()).toEqual(['BDI', 'UGA']);
    // What each line paid adds up to what the payer spent, and to the flows from it.
    for (const p of s.payers!) {
      expect(p.funded.reduce((a, f) => a + f.paid, 0)).toBeCloseTo(p.spent, 1);
      for (const f of p.funded) expect(f.paid).toBeCloseTo(s.flows!.filter((x) => x.payer === p.id && x.recipient === f.recipient).reduce((a, x) => a + x.amount, 0), 1);
    }
    // A line below its posted rate names the bound that held; the UK's budget is nearly spent, so budget is one.
    for (const p of s.payers!) for (const f of p.funded) if (f.fundedPerSoldierYear < f.postedRatePerSoldierYear - 0.01) expect(['subsidy', 'value', 'budget']).toContain(f.bound);
    expect(uk.funded.some((f) => f.bound === 'budget')).toBe(uk.unspent < 0.01 * uk.budget);
  });

  it('a payer valued below the rate is capped by its value', () => {
    const input = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'amisom-2012.json'), 'utf8'));
    input.payers[1].valuePerSoldierYear = 2_000;
    const uk = summarize(runScenario(valid(input), 1)).payers!.find((p) => p.id === 'GBR')!;
    expect(uk.funded.length).toBeGreaterThan(0);
    for (const f of uk.funded) expect(f).toMatchObject({ fundedPerSoldierYear: 2_000, bound: 'value', valuePerSoldierYear: 2_000 });
  });

  it('sweep mode reports the same payers', () => {
    for (const [id, seed] of [['amisom-2012', 1], ['amisom-2012', 2], ['iraq-2003', 1]] as const) {
      const sc = bundled(id);
      expect(runForMetrics(sc, seed).payers).toEqual(summarize(runScenario(sc, seed)).payers);
    }
  });
});
