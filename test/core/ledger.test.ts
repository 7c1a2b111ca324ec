import { affordableTroops, commitment, ledger, paymentPerRound } from '../../src/core/payments/ledger';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { valid, tinyScenario } from '../helpers/scenarios';

describe('payment arithmetic', () => {
  it('pays price x troops / rounds per year, in cents', () => {
    expect(paymentPerRound(30_000, 600, 12)).toBe(1_500_000);
    expect(paymentPerRound(10_000, 1, 12)).toBe(833.33);
  });
  it('commits every remaining round, the signing round included', () => {
    expect(commitment(30_000, 600, 12, 2, 3)).toBe(3_000_000);
  });
  it('affords the most troops whose commitment fits', () => {
    // 1,000 a soldier-month over 3 rounds = 3,000 per soldier
    expect(affordableTroops(12_000, 12, 1, 3, 10_000)).toBe(3);
    expect(affordableTroops(12_000, 12, 1, 3, 2_999)).toBe(0);
    expect(commitment(12_000, 3, 12, 1, 3)).toBeLessThanOrEqual(10_000);
  });
});

describe('a hand-checked run', () => {
  // Demand 1,000. A: r = 24,000, 600 troops; B: r = 36,000, 600 troops. Supply 1,200: no scarcity.
  // A first: the gap without A is 1,000 and B alone has 600, so A has no substitute: ceiling = R = 120,000
  //   price = 24,000 + 0.5 * (120,000 - 24,000) = 72,000.
  // B next: gap 400, no one left: ceiling 120,000, price = 36,000 + 0.5 * 84,000 = 78,000 for 400 troops.
  const result = runScenario(valid(tinyScenario()), 1);
  const deals = result.events.filter((e) => e.type === 'deal-signed');
  it('signs the deals the arithmetic predicts', () => {
    expect(deals.map((d) => d.type === 'deal-signed' && [d.party, d.troops, d.pricePerSoldierYear, d.ceiling])).toEqual([
      ['A', 600, 72_000, 120_000],
      ['B', 400, 78_000, 120_000],
    ]);
  });
  it('pays each round and the ledger adds up to what was spent', () => {
    // A: 72,000 * 600 / 12 = 3.6M a round; B: 78,000 * 400 / 12 = 2.6M; 3 rounds.
    const rows = ledger(result.events, 'P');
    expect(rows).toHaveLength(6);
    const total = rows.reduce((a, r) => a + r.amount, 0);
    expect(total).toBe(3 * (3_600_000 + 2_600_000));
    const final = result.states.at(-1)!;
    expect(final.pivotal.spent).toBe(total);
    expect(final.pivotal.committed).toBe(0);
    const summary = summarize(result);
    expect(summary.payments.total).toBe(total);
    // 1,000 soldiers for 3 months = 250 soldier-years; 18.6M / 250 = 74,400.
    expect(summary.costs.costPerForeignSoldierYear).toBe(74_400);
    expect(summary.costs.ratioToOwnSoldier).toBe(0.62);
  });
  it('with a substitute in reach, competition caps the price', () => {
    // Demand 500: A (cheapest) could be replaced by B, so A's ceiling is B's 36,000: price = 30,000.
    const r = runScenario(valid(tinyScenario({ pivotal: { ...tinyScenario().pivotal, demand: [{ fromRound: 1, troops: 500 }] } })), 1);
    const d = r.events.find((e) => e.type === 'deal-signed');
    expect(d).toMatchObject({ party: 'A', troops: 500, ceiling: 36_000, pricePerSoldierYear: 30_000 });
    // share = (30,000 - 24,000) / (120,000 - 24,000) = 0.0625: competition shows as a low share.
    expect(d && d.type === 'deal-signed' && d.share).toBeCloseTo(0.0625, 9);
  });
  it('a tight budget shrinks the deal rather than overdrawing', () => {
    const r = runScenario(valid(tinyScenario({ pivotal: { ...tinyScenario().pivotal, budget: 5_000_000 } })), 1);
    const final = r.states.at(-1)!;
    expect(final.pivotal.spent).toBeLessThanOrEqual(5_000_000);
    // A at 72,000: 6,000 a soldier-month over 3 rounds = 18,000 each: 277 troops.
    expect(r.events.find((e) => e.type === 'deal-signed')).toMatchObject({ party: 'A', troops: 277 });
  });
  it('volunteers join unpaid', () => {
    const t = tinyScenario();
    const r = runScenario(valid({ ...t, thirdParties: [{ ...t.thirdParties[0]!, selfFundedShare: 1, intrinsicValuePerYear: 30_000 }, t.thirdParties[1]!] }), 1);
    expect(r.events.find((e) => e.type === 'volunteered')).toMatchObject({ party: 'A', troops: 600 });
    expect(r.events.filter((e) => e.type === 'payment' && e.recipient === 'A')).toHaveLength(0);
  });
});
