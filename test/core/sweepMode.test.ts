/**
 * Sweep mode and full mode come from one engine and must report the same numbers: every
 * metric a sweep can collect, computed from the sweep-mode tally, equals the same metric
 * computed from the full run's summary (exactly, not approximately).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { runForMetrics, runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import type { Scenario } from '../../src/scenario/schema';
import { METRIC_NAMES, metric } from '../../src/experiment/metrics';
import { scenarioArb } from '../helpers/arbitraries';
import { population } from '../helpers/bargainingScenarios';
import { keepingPopulation } from '../helpers/retentionScenarios';
import { ROOT, valid } from '../helpers/scenarios';

function bothModes(scenario: Scenario, seed: number): { sweep: Record<string, number | null>; full: Record<string, number | null> } {
  const full = summarize(runScenario(scenario, seed));
  const tally = runForMetrics(scenario, seed);
  const sweep: Record<string, number | null> = {};
  const fromFull: Record<string, number | null> = {};
  for (const name of METRIC_NAMES) {
    sweep[name] = metric(name)!.compute({ summary: tally });
    fromFull[name] = metric(name)!.compute({ summary: full });
  }
  return { sweep, full: fromFull };
}

const bundled = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json'));

describe('sweep-mode metrics equal full-mode summarize', () => {
  it.each(bundled)('%s, seeds 1-3', (file) => {
    const scenario = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8')));
    for (const seed of [1, 2, 3]) {
      const { sweep, full } = bothModes(scenario, seed);
      expect(sweep).toEqual(full);
    }
  });

  it('on 200 random scenarios (complete-information rules and negotiation)', () => {
    const protocols = ['alternating-offers', 'take-it-or-leave-it'] as const;
    let compared = 0;
    fc.assert(
      fc.property(scenarioArb, fc.boolean(), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 1000 }), (input, negotiate, deadline, seed) => {
        const withRule = negotiate ? { ...input, engine: { ...input.engine, pricing: { rule: 'negotiation' as const, protocol: protocols[seed % 2]!, deadline } } } : input;
        const { sweep, full } = bothModes(valid(withRule), seed);
        expect(sweep).toEqual(full);
        compared++;
      }),
      { numRuns: 200, seed: 11 },
    );
    expect(compared).toBe(200);
  });

  it('on synthetic populations with hold-ups and casualties (the metrics are not all zero)', () => {
    let threats = 0;
    let deaths = 0;
    for (let i = 0; i < 10; i++) {
      const scenario = valid(population({ demandFactor: 0.6 + 0.1 * i, openness: 0.5, intelligence: 0.5, critical: 2, underResourced: 3, generic: 8, holdUpTremble: 0.05, deathsPerThousandPerRound: 3, casualtySensitivity: 0.5, populationSeed: i }));
      const { sweep, full } = bothModes(scenario, i + 1);
      expect(sweep).toEqual(full);
      threats += sweep.holdUpThreats ?? 0;
      deaths += sweep.deaths ?? 0;
    }
    expect(threats).toBeGreaterThan(0);
    expect(deaths).toBeGreaterThan(0);
  });

  it('with retention payments and punishment switched on (issue 16 item 4), and the retention section equal too', () => {
    let retention = 0;
    let punished = 0;
    for (let i = 0; i < 8; i++) {
      const scenario = valid(keepingPopulation({ demandFactor: 0.3 + 0.15 * i, seed: i + 1, retention: true, punishment: true }));
      const { sweep, full } = bothModes(scenario, i + 1);
      expect(sweep).toEqual(full);
      expect(runForMetrics(scenario, i + 1).retention).toEqual(summarize(runScenario(scenario, i + 1)).retention);
      retention += sweep.retentionPaid ?? 0;
      punished += sweep.punishmentRate ?? 0;
    }
    // Punishment is used where losing a partner is cheap at today's market: slack markets and no
    // critical partners (test/dynamics/punishment.test.ts); the keeping population is too tight.
    for (let i = 0; i < 8; i++) {
      const input = population({ demandFactor: i % 2 === 0 ? 0.3 : 0.6, openness: 0.5, intelligence: 0.5, critical: 0, underResourced: 3, generic: 8, holdUpTremble: 0.05, deathsPerThousandPerRound: 3, casualtySensitivity: 0.9, populationSeed: i + 1 });
      const scenario = valid({ ...input, pivotal: { ...input.pivotal, punishment: {} } });
      const { sweep, full } = bothModes(scenario, i + 1);
      expect(sweep).toEqual(full);
      punished += sweep.punishmentRate ?? 0;
    }
    expect(retention).toBeGreaterThan(0);
    expect(punished).toBeGreaterThan(0);
  });
});
