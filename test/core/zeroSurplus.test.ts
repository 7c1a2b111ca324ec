/**
 * Issue 12 item 11: a paid deal with R_i = r_i (no surplus to share) is still a deal: it counts
 * in the summary's deals and the sweep's `deals` metric; only its surplus share is undefined.
 */
import { runForMetrics, runScenario } from '../../src/core/engine/run';
import type { EventOf } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import { metric } from '../../src/experiment/metrics';
import { tinyScenario, valid } from '../helpers/scenarios';

// One partner whose soldier-year costs exactly what the pivotal's own does, fully self-funded,
// no interest, no flag or criticality value: r_i = 120,000 = e_i c_P = R_i.
const scenario = valid(
  tinyScenario({
    thirdParties: [{ id: 'A', name: 'Alpha', armedForces: 50_000, maxTroops: 600, deploymentCostPerYear: 120_000, selfFundedShare: 1, intrinsicValuePerYear: 0, effectiveness: 1 }],
  }),
);

describe('a zero-surplus deal (R_i = r_i)', () => {
  const result = runScenario(scenario, 1);
  const deals = result.events.filter((e): e is EventOf<'deal-signed'> => e.type === 'deal-signed');

  it('is signed at r_i = R_i, with no share', () => {
    expect(deals).toHaveLength(1);
    expect(deals[0]!.reservation).toBe(120_000);
    expect(deals[0]!.pivotalReservation).toBe(120_000);
    expect(deals[0]!.pricePerSoldierYear).toBe(120_000);
    expect(deals[0]!.share).toBeNull();
  });

  it('counts as a deal in the summary and the deals metric, full and sweep mode; the mean share stays undefined', () => {
    const summary = summarize(result);
    expect(summary.power.deals).toBe(1);
    expect(summary.power.meanShare).toBeNull();
    expect(metric('deals')!.compute({ summary })).toBe(1);
    expect(metric('deals')!.compute({ summary: runForMetrics(scenario, 1) })).toBe(1);
    expect(metric('meanShare')!.compute({ summary: runForMetrics(scenario, 1) })).toBeNull();
    expect(summary.coalition.members[0]!.paid).toBe(true);
  });
});
