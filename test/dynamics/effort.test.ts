import { effortOf } from '../../src/core/dynamics/effort';
import { defaultScenario } from '../helpers/scenarios';

describe('effort of a paid contingent', () => {
  it("reads the signal at the run's alliance depth: deepened for over-contributing, it has less potential to signal and less motivation", () => {
    // Mechanism: dynamics/effort.ts, motivation = min(1, (u + S max(0, similarity - depth)) / c); pay
    // crowds out the rest (crowdingOut, unless monitored). The reward (dynamics/signalling.ts)
    // deepens the alliance during the run; the effort must follow, as the reservation does.
    const s = defaultScenario();
    const scenario = { ...s, engine: { ...s.engine, operation: { ...s.engine.operation, crowdingOut: 0.5 } }, pivotal: { ...s.pivotal, monitoring: 0 } };
    const spec = { ...s.thirdParties[0]!, intrinsicValuePerYear: 1000, signallingValuePerYear: 10_000, preferenceSimilarity: 0.8, allianceDepth: 0.1 };
    const deal = { pricePerSoldierYear: 20_000, share: 0.5, round: 1 } as unknown as Parameters<typeof effortOf>[1]['deal'];
    const at = (allianceDepth: number) => effortOf(spec, { costPerYear: 20_000, deal, grievanceUntil: 0, allianceDepth }, scenario, 3);
    // depth 0.1: (1,000 + 10,000 x 0.7) / 20,000 = 0.4, effort 1 - 0.5 x 0.6 = 0.7; depth 0.6: 0.15, effort 0.575.
    expect(at(0.1)).toBeCloseTo(0.7, 9);
    expect(at(0.6)).toBeCloseTo(0.575, 9);
  });
});
