/**
 * South Korea in vietnam-1965: a subsidy recipient that also asked a quid pro quo (the Brown
 * memorandum), so both labels, each with its evidence, and the quid pro quo paid as aid beside
 * the pay and allowances. The scenario's markup is the rise in US aid while its troops served
 * (its us-aid source); the labels and the split of the package come from the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { ROOT, valid } from '../helpers/scenarios';

const vietnam = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'vietnam-1965.json'), 'utf8')));
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const runs = SEEDS.map((seed) => summarize(runScenario(vietnam, seed)));

describe('South Korea in Vietnam: under-resourced and opportunist at once (BRIEF §1: the types overlap)', () => {
  it('gets both labels in every seed, with the evidence of each', () => {
    // Mechanism: its liquidity need (90% of its cost) is met by deployment subsidies, and its
    // markup lifts its reservation above what cost and liquidity justify
    // (market/reservation.ts: r = max(c - u - s + m, (1 - f) c)).
    for (const s of runs) {
      const kor = s.coalition.members.find((m) => m.id === 'KOR')!;
      const labels = new Map(kor.labels.map((l) => [l.label, l.evidence.join(' ')]));
      expect(labels.get('under-resourced')).toMatch(/in deployment subsidies/);
      expect(labels.get('opportunist')).toMatch(/above what its cost, interest and liquidity justify/);
    }
  });

  it('is paid the quid pro quo as aid beside its pay and allowances, which stay within the record', () => {
    // Mechanism: a side deal worth more to the receiver than it costs the giver replaces cash
    // (docs/model.md, Packages), so the aid item carries the markup and the subsidies per
    // soldier-year stay in the brief's $5,000-7,800.
    for (const s of runs) {
      const kor = s.coalition.members.find((m) => m.id === 'KOR')!;
      expect(kor.sideDealItems).toContain('brown-memorandum');
      const subsidyPerSoldierYear = kor.paymentsByKind.subsidy / kor.soldierYears;
      expect(subsidyPerSoldierYear).toBeGreaterThan(4500);
      expect(subsidyPerSoldierYear).toBeLessThan(7800);
    }
  });

  it('the Philippines, whose US aid did not rise while it served, asks no quid pro quo', () => {
    for (const s of runs) {
      const phl = s.coalition.members.find((m) => m.id === 'PHL');
      if (phl) expect(phl.labels.map((l) => l.label)).not.toContain('opportunist');
    }
  });
});
