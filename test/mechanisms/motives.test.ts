/** Motives assembled from attributes (market/motives) and the partner's view of a hold-up. */
import { contingentMotives, deployableTroops, priceSlope, type PartyAttributes } from '../../src/core/market/motives';
import { averageReservation, supplyAt } from '../../src/core/market/contingent';
import { leaderAsk } from '../../src/core/politics/alliance';
import { bestThreat, partnerBelief, pivotalPays, replaceableShare, replacementPremium, shouldThreaten, type ReplacementInputs } from '../../src/core/dynamics/threat';

const state = (o: Partial<PartyAttributes>): PartyAttributes => ({
  deploymentCost: 40_000, intrinsicValue: 10_000, signallingValueAtFullPotential: 30_000, markup: 0, selfFundedShare: 1, armedForces: 100_000,
  deployableShare: 0.1, maxTroops: null, casualtySensitivity: 0, milsup: 0, depth: 0, similarity: 0.5, stance: 0, ...o,
});

describe('motives from attributes', () => {
  it('assembles duty, signal, stance and the political cost', () => {
    const m = contingentMotives(state({ milsup: 1, depth: 0.2, casualtySensitivity: 0.5 }), 0.01);
    expect(m.deployable).toBe(10_000);
    expect(m.politicalCostAtCapacity).toBeCloseTo(60_000, 9);
    expect(m.signallingValue).toBeCloseTo(30_000 * 0.3, 9);
    expect(m.dutyFloor).toBeCloseTo(0.6 * 0.01 * 100_000, 9);
    expect(m.dutyValue).toBeCloseTo(0.6 * 100_000, 9);
    expect(priceSlope(m)).toBeCloseTo(3, 12);
    expect(deployableTroops(state({ maxTroops: 500 }))).toBe(500);
  });

  it('unpaid, a locked-in ally deploys its duty floor and an acquaintance its signal; an open opponent nothing', () => {
    const ask = leaderAsk(130_000, 20_000_000);
    const ally = contingentMotives(state({ milsup: 1, depth: 0.9, similarity: 0.9, intrinsicValue: 0 }), ask);
    const acquaintance = contingentMotives(state({ similarity: 0.9, intrinsicValue: 20_000 }), ask);
    const opponent = contingentMotives(state({ similarity: 0.9, intrinsicValue: 20_000, stance: -1 }), ask);
    expect(supplyAt(ally, 0)).toBeCloseTo(ally.dutyFloor, 9);
    expect(supplyAt(acquaintance, 0)).toBeGreaterThan(0);
    expect(supplyAt(opponent, 1e9)).toBe(0);
    expect(averageReservation(opponent, 10)).toBe(Infinity);
  });
});

describe('a surge', () => {
  it('raises what the leader asks of everyone, so deployed allies enlarge unpaid, by the rise in their duty floor', () => {
    const ally = state({ milsup: 1, depth: 0.5, intrinsicValue: 0, similarity: 0.6 });
    const before = contingentMotives(ally, leaderAsk(100_000, 20_000_000));
    const after = contingentMotives(ally, leaderAsk(200_000, 20_000_000));
    const deployed = supplyAt(before, 0);
    expect(deployed).toBeCloseTo(0.75 * 0.005 * 100_000, 9);
    expect(supplyAt(after, 0) - deployed).toBeCloseTo(0.75 * 0.005 * 100_000, 9);
  });
});

describe('hold-ups as the partner sees them', () => {
  const base: ReplacementInputs = {
    effectiveness: 1, troops: 1_000, price: 40_000, ownSoldierCost: 138_465, flagValue: 5_000_000, criticalValue: 0,
    substituteTroops: 0, substitutePrice: 40_000, shortfall: 0, delayRounds: 1, roundsLeft: 12,
  };
  /** Expected paid hold-ups for an opportunist (rent 10,000 per soldier-year): P(threat) x P(pays | its demand), with truth. */
  const paid = (substituteTroops: number, openness: number, substitutePrice = 40_000) => {
    const x = { ...base, substituteTroops, substitutePrice };
    const view = partnerBelief(x, openness, 0.5);
    const t = bestThreat({ premiumMean: view.mean, premiumSd: view.sd, replaceable: replaceableShare(x), troops: 1_000, price: 40_000, reservation: 30_000, allianceValue: 0, yearsLeft: 1 });
    return { threatens: shouldThreaten(t), pays: shouldThreaten(t) && pivotalPays(t.demand, replacementPremium(x), true), demand: t.demand };
  };

  it('the partner sees the public parts exactly and the flag only as far as the pivotal revealed it', () => {
    const open = partnerBelief(base, 1, 0.5);
    expect(open.mean).toBeCloseTo(replacementPremium(base), 9);
    expect(open.sd).toBeCloseTo(0, 9);
    const closed = partnerBelief(base, 0, 0.5);
    expect(closed.mean).toBeCloseTo(replacementPremium({ ...base, flagValue: 0 }), 9);
    expect(closed.sd).toBeCloseTo(0.5 * 5_000, 9);
  });

  it('with plentiful substitutes dearer than its price, it can hold up for at most about the difference', () => {
    const dear = paid(5_000, 0.5, 45_000);
    expect(dear.demand).toBeLessThan(5_000 + 3 * 0.5 * 5_000);
    expect(dear.demand).toBeGreaterThan(0);
  });

  it('threats and paid hold-ups rise with tightness: none with plentiful substitutes at today\'s price, paid under scarcity', () => {
    const levels = [5_000, 1_500, 1_000, 700, 300, 0].map((s) => paid(s, 0.5));
    expect(levels[0]!.threatens).toBe(false);
    expect(levels[levels.length - 1]!.pays).toBe(true);
    for (let i = 1; i < levels.length; i++) {
      expect(Number(levels[i]!.threatens)).toBeGreaterThanOrEqual(Number(levels[i - 1]!.threatens));
      expect(levels[i]!.demand).toBeGreaterThanOrEqual(levels[i - 1]!.demand - 1e-6);
    }
  });
});
