import { capacity, pivotalReservation, thirdPartyReservation, alliancePotential } from '../../src/core/market/reservation';
import { substitutePrice, supplyCurve, tightness } from '../../src/core/market/supply';
import { nashPrice, fixedRate } from '../../src/core/bargaining/pricing';
import { valid, tinyScenario } from '../helpers/scenarios';

const s = valid(tinyScenario());
const spec = (i: number) => s.thirdParties[i]!;

describe('third-party reservation r_i = max(c - u - s + m, (1 - f) c)', () => {
  it('is the liquidity need when the state cannot fund itself', () => {
    // c = 24,000, f = 0.5: cannot pay 12,000; c - u = 24,000 dominates.
    expect(thirdPartyReservation(spec(0), 24_000)).toEqual({ reservation: 24_000, liquidityNeed: 12_000, netCost: 24_000 });
  });
  it('subtracts intrinsic interest and signalling, adds an opportunist markup', () => {
    const p = { ...spec(0), intrinsicValuePerYear: 20_000, preferenceSimilarity: 0.8, allianceDepth: 0.3, signallingValuePerYear: 10_000, opportunismMarkupPerYear: 3_000 };
    // net = 24,000 - 20,000 - 10,000 * 0.5 + 3,000 = 2,000; floor = 12,000
    expect(alliancePotential(p)).toBeCloseTo(0.5, 12);
    expect(thirdPartyReservation(p, 24_000).netCost).toBeCloseTo(2_000, 9);
    expect(thirdPartyReservation(p, 24_000).reservation).toBe(12_000);
  });
  it('is zero or less for a volunteer with no liquidity need', () => {
    const p = { ...spec(0), selfFundedShare: 1, intrinsicValuePerYear: 30_000 };
    expect(thirdPartyReservation(p, 24_000).reservation).toBe(0);
  });
  it('alliance potential never goes negative', () => {
    expect(alliancePotential({ preferenceSimilarity: 0.2, allianceDepth: 0.9 })).toBe(0);
  });
});

describe('pivotal reservation R_i = e c_P + (L + kappa V) / k', () => {
  it('adds the flag and criticality value spread over the troops', () => {
    const piv = { ...s.pivotal, flagValuePerYear: 10_000_000, criticalPartnerValuePerYear: 40_000_000 };
    const p = { ...spec(0), effectiveness: 0.5, criticality: 0.5 };
    // 0.5 * 120,000 + (10M + 0.5 * 40M) / 1,000 = 60,000 + 30,000
    expect(pivotalReservation(piv, p, 1000)).toBe(90_000);
  });
  it('capacity is the explicit cap, else the deployable share', () => {
    expect(capacity(spec(0))).toBe(600);
    expect(capacity({ ...spec(0), maxTroops: undefined as unknown as number, armedForces: 50_000, deployableShare: 0.03 })).toBe(1500);
  });
});

describe('supply', () => {
  const offers = [
    { party: 'X', troops: 500, reservation: 30_000, effectiveness: 1 },
    { party: 'Y', troops: 400, reservation: 20_000, effectiveness: 0.5 }, // 40,000 per effective soldier
    { party: 'Z', troops: 300, reservation: 10_000, effectiveness: 1 },
  ];
  it('sorts by price per effective soldier', () => {
    expect(supplyCurve(offers).map((o) => o.party)).toEqual(['Z', 'X', 'Y']);
  });
  it('prices a substitute at the marginal offer needed without the excluded one', () => {
    const curve = supplyCurve(offers);
    expect(substitutePrice(curve, 'Z', 500)).toBe(30_000); // X alone covers 500
    expect(substitutePrice(curve, 'Z', 600)).toBe(40_000); // needs Y too
    expect(substitutePrice(curve, 'Z', 1000)).toBeUndefined(); // X + Y = 900 < 1000: scarcity
  });
  it('tightness is demand over supply, null when nothing is supplied', () => {
    expect(tightness(1200, 800)).toBe(1.5);
    expect(tightness(10, 0)).toBeNull();
    expect(tightness(0, 0)).toBe(0);
  });
});

describe('complete-information pricing', () => {
  const ctx = { round: 1, party: 'A', troops: 100, reservation: 20_000, pivotalReservation: 120_000, ceiling: 40_000, roundsPerYear: 12 };
  it('Nash split gives the third party its weight of the surplus up to the ceiling', () => {
    expect(nashPrice(ctx, 0.5)).toEqual({ kind: 'agreement', pricePerSoldierYear: 30_000 });
    expect(nashPrice(ctx, 0)).toEqual({ kind: 'agreement', pricePerSoldierYear: 20_000 });
    expect(nashPrice({ ...ctx, ceiling: 10_000 }, 0.5)).toEqual({ kind: 'no-deal', reason: 'above-ceiling' });
  });
  it('a fixed rate is accepted only when it covers the reservation', () => {
    // UN rate 1,410 a month = 16,920 a year < 20,000
    expect(fixedRate(ctx, 1410)).toEqual({ kind: 'no-deal', reason: 'rate-below-reservation' });
    expect(fixedRate({ ...ctx, reservation: 15_000 }, 1410)).toEqual({ kind: 'agreement', pricePerSoldierYear: 16_920 });
  });
});
