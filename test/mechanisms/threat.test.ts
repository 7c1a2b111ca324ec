/** Strategic hold-ups (issue 12, item 5): threats and paid hold-ups rise with tightness; none when substitutes are plentiful. */
import { audienceCost, bestThreat, pivotalPays, replaceableShare, replacementPremium, shouldThreaten, type ReplacementInputs } from '../../src/core/dynamics/threat';

/** A deployed opportunist: 1,000 troops paid 40,000 against a reservation of 30,000; the market this round. */
function market(substituteTroops: number): ReplacementInputs {
  return {
    effectiveness: 1, troops: 1_000, price: 40_000, ownSoldierCost: 138_465, flagValue: 5_000_000, criticalValue: 0,
    substituteTroops, substitutePrice: 42_000, shortfall: 500, delayRounds: 1, roundsLeft: 12,
  };
}
/** The partner's view: it knows the public parts (market, c_P, its terms); flag value is private (spread 50%). */
function choice(substituteTroops: number, allianceValue = 0) {
  const m = market(substituteTroops);
  const truth = replacementPremium(m);
  return {
    premium: truth,
    threat: bestThreat({ premiumMean: truth, premiumSd: 0.5 * truth, replaceable: replaceableShare(m), troops: m.troops, price: m.price, reservation: 30_000, allianceValue, yearsLeft: 1 }),
  };
}

describe('strategic hold-ups', () => {
  it('replacement premium, by hand: no substitute (own soldiers + flag + delay) and plentiful substitutes', () => {
    // phi = 0: (138,465 - 40,000) + 5,000,000 / 1,000 + 138,465 x 1 / 12.
    expect(replacementPremium(market(0))).toBeCloseTo(98_465 + 5_000 + 138_465 / 12, 6);
    // phi = 1: (42,000 - 40,000); a substitute available now signs this round, no delay.
    expect(replacementPremium(market(10_000))).toBeCloseTo(2_000, 6);
    // Substitutes the coalition already needs to fill its shortfall do not count.
    expect(replaceableShare(market(1_000))).toBeCloseTo(0.5, 12);
  });

  it('the pivotal pays only to keep troops it still needs: after a demand cut, a surplus partner is worth nothing to keep, and no threat pays', () => {
    const tight = { ...market(0), shortfall: 0 };
    const full = replacementPremium(tight);
    // 400 of its 1,000 troops beyond what the pivotal now seeks: it would need 600 of them back.
    expect(replacementPremium({ ...tight, surplus: 400 })).toBeCloseTo(0.6 * full, 6);
    // Demand cut to what the others already supply: its troops are all surplus (sent home this round).
    expect(replacementPremium({ ...tight, surplus: 1_000 })).toBe(0);
    const t = bestThreat({ premiumMean: 0, premiumSd: 0, replaceable: 1, troops: 1_000, price: 40_000, reservation: 30_000, allianceValue: 0, yearsLeft: 1 });
    expect(t.expectedGain).toBeLessThanOrEqual(0);
  });

  it('threats, demands and paid hold-ups rise with tightness, and none come when substitutes are plentiful', () => {
    const levels = [20_000, 5_000, 1_300, 900, 500, 0].map((s) => choice(s));
    const gains = levels.map((l) => l.threat.expectedGain);
    const demands = levels.map((l) => l.threat.demand);
    for (let i = 1; i < levels.length; i++) {
      expect(gains[i]!).toBeGreaterThanOrEqual(gains[i - 1]! - 1e-6);
      expect(demands[i]!).toBeGreaterThanOrEqual(demands[i - 1]! - 1e-6);
    }
    const plentiful = levels[0]!;
    expect(shouldThreaten(plentiful.threat)).toBe(false);
    const scarce = levels[levels.length - 1]!;
    expect(shouldThreaten(scarce.threat)).toBe(true);
    // Under scarcity the pivotal pays the demand when it is within the true premium.
    expect(pivotalPays(scarce.threat.demand, scarce.premium, true)).toBe(scarce.threat.demand <= scarce.premium);
    expect(pivotalPays(scarce.premium * 0.5, scarce.premium, true)).toBe(true);
    expect(pivotalPays(scarce.premium * 0.5, scarce.premium, false)).toBe(false);
  });

  it('an ally or signaller, who would lose what it deployed for, does not threaten where an opportunist does', () => {
    const opportunist = choice(0, 0).threat;
    const ally = choice(0, 120_000).threat;
    expect(opportunist.expectedGain).toBeGreaterThan(ally.expectedGain);
    expect(ally.calledCost).toBeGreaterThan(opportunist.calledCost);
  });

  it('a called bluff: a partner that would rather stay at its price (r_i(t) < p) backs down and pays its face (issue 12 item 5)', () => {
    const t = choice(0, 120_000).threat;
    // r_i(t) < p: refused, it stays; face = 120,000 x 1,000 x 1 + phi x rent, phi = 0 here.
    expect(t.calledCost).toBeCloseTo(120_000_000, 6);
    expect(t.resolute).toBe(false);
  });

  it('a threat needs a positive demand and a strictly positive expected gain', () => {
    const quiet = choice(20_000).threat;
    expect(quiet.expectedGain).toBeLessThanOrEqual(0);
    expect(shouldThreaten(quiet)).toBe(false);
    const scarce = choice(0).threat;
    expect(shouldThreaten(scarce)).toBe(true);
    expect(shouldThreaten({ ...scarce, demand: 0 })).toBe(false);
  });
});

describe('audience costs of a called bluff (Fearon 1994)', () => {
  // Scarcity (phi = 0), a pure opportunist (no signal or duty value): without an audience cost a
  // called bluff costs it nothing, so it bluffs at any credibility, however small.
  const m = market(0);
  const truth = replacementPremium(m);
  const deploymentCost = 30_000;
  const A = audienceCost(0.16, m.troops, deploymentCost, 1);
  const threat = (credibility: number, reservation: number, audience: number) =>
    bestThreat({ premiumMean: credibility * truth, premiumSd: credibility * 0.5 * truth, replaceable: replaceableShare(m), troops: m.troops, price: m.price, reservation, allianceValue: 0, yearsLeft: 1, audienceCost: audience });

  it('A = alpha k c_i Y, by hand', () => {
    expect(A).toBeCloseTo(0.16 * 1_000 * 30_000 * 1, 6);
    expect(audienceCost(0, 1_000, 30_000, 1)).toBe(0);
  });

  it('a pure opportunist with tiny credibility bluffs for a pittance without an audience cost, and not with one', () => {
    const without = threat(0.005, 30_000, 0);
    expect(shouldThreaten(without)).toBe(true);
    expect(without.calledCost).toBe(0);
    expect(without.demand).toBeLessThan(0.01 * truth);
    const withCost = threat(0.005, 30_000, A);
    expect(withCost.calledCost).toBeCloseTo(A, 6);
    expect(shouldThreaten(withCost)).toBe(false);
  });

  it('a bluff with real credibility is still made, for a demand no larger than without the cost', () => {
    const withCost = threat(0.3, 30_000, A);
    expect(shouldThreaten(withCost)).toBe(true);
    expect(withCost.demand).toBeLessThanOrEqual(threat(0.3, 30_000, 0).demand);
  });

  it('a partner that would really leave (r_i(t) > p) never pays it: its threat is the same with or without', () => {
    for (const credibility of [0.05, 0.3, 1]) {
      const withCost = threat(credibility, 45_000, A);
      const without = threat(credibility, 45_000, 0);
      expect(withCost.resolute).toBe(true);
      expect(withCost.calledCost).toBe(0);
      expect(shouldThreaten(withCost)).toBe(true);
      expect(withCost).toEqual(without);
    }
  });
});
