/**
 * Retention payments (issue 16 item 4; ISAF's Coalition Support Funds): the pivotal pays a
 * deployed partner whose dead near its withdrawal threshold, before any threat, when keeping it
 * costs less than losing it at this round's market (src/core/dynamics/retention.ts,
 * src/core/engine/phases/retention.ts).
 */
import { runScenario } from '../../src/core/engine/run';
import type { EventOf, SimEvent } from '../../src/core/events';
import { chooseRetention, expectedStay, raisedTolerance, retentionValue, type RetentionInputs } from '../../src/core/dynamics/retention';
import { summarize } from '../../src/core/metrics/summary';
import { keepingPopulation } from '../helpers/retentionScenarios';
import { valid } from '../helpers/scenarios';

const of = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T): EventOf<T>[] => events.filter((e): e is EventOf<T> => e.type === type);

describe('retention arithmetic', () => {
  // T = 20 deaths, 12 dead, 1 death a round expected, 12 rounds left: it would leave after 8.
  const x: RetentionInputs = { baseTolerance: 20, deaths: 12, expectedDeathsPerRound: 1, roundsLeft: 12, deploymentCost: 30_000, elasticity: 1, premium: 100_000, current: 0, affordable: Infinity };

  it('compensation raises the tolerance in proportion: T (1 + eps z / c)', () => {
    expect(raisedTolerance(20, 30_000, 30_000, 1)).toBe(40);
    expect(raisedTolerance(20, 15_000, 30_000, 0.5)).toBe(25);
    expect(raisedTolerance(20, 0, 30_000, 1)).toBe(20);
    expect(raisedTolerance(20, 30_000, 30_000, 0)).toBe(20);
    expect(expectedStay(20, 12, 1, 12)).toBe(8);
    expect(expectedStay(40, 12, 1, 12)).toBe(12);
  });

  it('the choice maximises (Pi - z) t(z): no retention on a grid does better, and z* keeps it to the end', () => {
    const c = chooseRetention(x);
    expect(c.roundsBefore).toBe(8);
    // z* = c/eps ((D + mu H)/T - 1) = 30,000 x (24/20 - 1) = 6,000.
    expect(c.toEnd).toBeCloseTo(6_000, 6);
    for (let z = 0; z <= 60_000; z += 50) expect(retentionValue(x, z)).toBeLessThanOrEqual(retentionValue(x, c.perSoldierYear) + 1e-6);
    expect(c.perSoldierYear).toBeCloseTo(6_000, 6);
    expect(c.roundsAfter).toBe(12);
  });

  it('buys time when keeping it to the end is too dear: the interior optimum (Pi - c (1 - D/T) / eps) / 2', () => {
    // A cheap partner to lose (Pi = 20,000) facing heavy losses (mu = 4): z* = 30,000 (60/20 - 1) = 60,000 > Pi.
    const y = { ...x, premium: 20_000, expectedDeathsPerRound: 4 };
    const c = chooseRetention(y);
    expect(c.perSoldierYear).toBeCloseTo((20_000 - 30_000 * (1 - 12 / 20)) / 2, 6);
    expect(c.roundsAfter).toBeGreaterThan(c.roundsBefore);
    expect(c.roundsAfter).toBeLessThan(12);
  });

  it('pays nothing without pressure, when losing the partner costs little, or when the money does not raise tolerance', () => {
    expect(chooseRetention({ ...x, expectedDeathsPerRound: 0.5 }).perSoldierYear).toBe(0); // 12 + 6 < 20: stays to the end
    expect(chooseRetention({ ...x, premium: 0 }).perSoldierYear).toBe(0);
    // Pi below c (1 - D/T) / eps: every dollar of retention buys less than it costs.
    expect(chooseRetention({ ...x, premium: 10_000 }).perSoldierYear).toBe(0);
    expect(chooseRetention({ ...x, elasticity: 0 }).perSoldierYear).toBe(0);
  });

  it('never cuts what it already pays, and stays within the budget', () => {
    expect(chooseRetention({ ...x, current: 8_000 }).perSoldierYear).toBe(8_000);
    expect(chooseRetention({ ...x, affordable: 2_000 }).perSoldierYear).toBeCloseTo(2_000, 6);
  });
});

describe('retention in the engine', () => {
  const seeds = Array.from({ length: 12 }, (_, k) => k + 1);
  function tally(demandFactor: number, retention: boolean) {
    let casualtyWithdrawals = 0;
    let offers = 0;
    let paid = 0;
    let soldierYears = 0;
    for (const seed of seeds) {
      const r = runScenario(valid(keepingPopulation({ demandFactor, seed, retention })), seed);
      const s = summarize(r);
      casualtyWithdrawals += of(r.events, 'contingent-released').filter((e) => e.reason === 'casualties').length;
      offers += of(r.events, 'retention-offered').length;
      paid += s.retention?.paid ?? 0;
      soldierYears += s.costs.foreignSoldierYears;
      // Paid from the pivotal's budget, as subsidies with cause retention, matching the summary.
      const ledger = of(r.events, 'payment').filter((e) => e.cause === 'retention');
      expect(ledger.every((e) => e.kind === 'subsidy' && e.payer === 'P')).toBe(true);
      expect(Math.round(ledger.reduce((a, e) => a + e.amount, 0) * 100)).toBe(Math.round((s.retention?.paid ?? 0) * 100));
      expect(s.budget.spent).toBeLessThanOrEqual(s.budget.total + 0.005);
    }
    return { casualtyWithdrawals, offers, paid, soldierYears };
  }

  it('under scarcity the pivotal pays to keep casualty-sensitive partners, and far fewer go home after their losses', () => {
    const off = tally(1.2, false);
    const on = tally(1.2, true);
    expect(off.offers).toBe(0);
    expect(on.offers).toBeGreaterThan(0);
    expect(on.paid).toBeGreaterThan(0);
    expect(on.casualtyWithdrawals).toBeLessThan(0.5 * off.casualtyWithdrawals);
    expect(on.soldierYears).toBeGreaterThan(off.soldierYears);
  });

  it('where substitutes abound losing a partner costs little, so retention is rare', () => {
    const slack = tally(0.3, true);
    const scarce = tally(1.2, true);
    expect(slack.offers).toBeLessThan(0.2 * scarce.offers);
    expect(slack.paid).toBeLessThan(0.05 * scarce.paid);
  });

  it('is offered before any threat in the round, and raises the tolerance the casualties phase applies', () => {
    let checked = 0;
    for (const seed of seeds.slice(0, 6)) {
      const r = runScenario(valid(keepingPopulation({ demandFactor: 1.2, seed, retention: true })), seed);
      const offered = new Map<string, number>();
      for (const e of r.events) {
        if (e.type === 'retention-offered') {
          offered.set(e.party, e.tolerance);
          expect(of(r.events, 'holdup-threat').some((t) => t.round === e.round && r.events.indexOf(t) < r.events.indexOf(e))).toBe(false);
        }
        if (e.type === 'retention-ended') offered.delete(e.party);
        // A paid hold-up raises the tolerance too (dynamics/credibility.ts): the offer's figure no longer applies.
        if (e.type === 'holdup-resolved' && e.outcome === 'paid') offered.delete(e.party);
        if (e.type === 'casualties' && offered.has(e.party)) {
          expect(e.tolerance).toBe(offered.get(e.party));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('absent pivotal.retention nothing changes: no offers, no retention section', () => {
    const r = runScenario(valid(keepingPopulation({ demandFactor: 1.2, seed: 1 })), 1);
    expect(of(r.events, 'retention-offered')).toHaveLength(0);
    expect(summarize(r).retention).toBeUndefined();
  });
});
