/** Operation dynamics: direction and effect size over many seeds, plus hand-checked pieces. */
import { averageReservation } from '../../src/core/market/contingent';
import { motivesOf } from '../../src/core/engine/phases/contingents';
import { leaderAsk } from '../../src/core/politics/alliance';
import { jStat } from 'jstat';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { casualtyTolerance, poisson } from '../../src/core/dynamics/casualties';
import { namedStream } from '../../src/core/rng';
import type { EventOf, SimEvent } from '../../src/core/events';
import type { ScenarioInput } from '../../src/scenario/schema';
import { valid, tinyScenario, ROOT } from '../helpers/scenarios';
import { population } from '../helpers/bargainingScenarios';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS = 30;
const ofType = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T) => events.filter((e): e is EventOf<T> => e.type === type);

describe('hold-ups', () => {
  // Strategic hold-ups (issue 12 item 5): the same casualty shock (teaching-holdup's enemy entry),
  // with and without what tightens the market at that moment (the demand rise, Thailand's hesitation).
  const holdup = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')));
  const slackHoldup = { ...holdup, events: holdup.events.filter((e) => e.type !== 'demand' && e.type !== 'availability') };
  function outcomes(s: typeof holdup) {
    const c = { threats: 0, paid: 0, 'refused-withdrew': 0, 'bluff-called': 0 };
    for (let seed = 1; seed <= 50; seed++) {
      const r = runScenario(s, seed);
      c.threats += ofType(r.events, 'holdup-threat').length;
      for (const e of ofType(r.events, 'holdup-resolved')) c[e.outcome]++;
    }
    return c;
  }
  const slack = outcomes(slackHoldup);
  const tight = outcomes(holdup);
  const rate = (c: typeof slack) => c.paid / c.threats;

  it('succeed more often when partners are scarce at the threat: the replacement premium rises as substitutes available now disappear', () => {
    // Enough threats on each side to compare rates (50 seeds: 24 slack, 54 tight).
    expect(slack.threats).toBeGreaterThan(15);
    expect(tight.threats).toBeGreaterThan(30);
    expect(rate(tight)).toBeGreaterThan(2 * rate(slack));
    expect(rate(tight) - rate(slack)).toBeGreaterThan(0.25);
  });

  it('with substitutes at hand most threats are refused, and most refused partners really leave (their threats were genuine: casualties raised their reservation above the price)', () => {
    const refused = slack['refused-withdrew'] + slack['bluff-called'];
    expect(refused / slack.threats).toBeGreaterThan(0.5);
    expect(slack['refused-withdrew']).toBeGreaterThan(slack['bluff-called']);
  });

  it('in a synthetic population with casualty risk, the paid share of threats rises with demand', () => {
    const share = (demandFactor: number) => {
      let threats = 0;
      let paid = 0;
      for (let i = 0; i < SEEDS; i++) {
        const r = runScenario(valid(population({ generic: 10, demandFactor, openness: 0.5, intelligence: 0.5, deathsPerThousandPerRound: 2, casualtySensitivity: 0.9, populationSeed: i })), 500 + i);
        threats += ofType(r.events, 'holdup-threat').length;
        paid += ofType(r.events, 'holdup-resolved').filter((e) => e.outcome === 'paid').length;
      }
      return { threats, share: paid / threats };
    };
    const low = share(0.3);
    const high = share(1.2);
    expect(low.threats).toBeGreaterThan(15);
    expect(high.threats).toBeGreaterThan(low.threats);
    expect(high.share).toBeGreaterThan(low.share + 0.1);
  });

  it('a threat reads this round\'s market, not the last round\'s: its tightness is the one the round ends with when nothing else moved supply', () => {
    const s = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')));
    let compared = 0;
    let atEntry = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const r = runScenario(s, seed);
      for (const t of ofType(r.events, 'holdup-threat')) {
        const inRound = r.events.filter((e) => 'round' in e && e.round === t.round);
        // The enemy's entry (round 5) makes the market tight at once: a threat then must see it.
        if (t.round === 5) {
          atEntry++;
          expect(t.tightness!).toBeGreaterThan(1);
        }
        if (inRound.some((e) => e.type === 'deal-signed' || e.type === 'contingent-released' || e.type === 'volunteered')) continue;
        const market = inRound.find((e): e is EventOf<'market'> => e.type === 'market')!;
        expect(t.tightness).toBe(market.tightness);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(atEntry).toBeGreaterThan(0);
  });

  it('a paid hold-up is a payment like any other, marked as a concession, and raises the partner\'s share', () => {
    const s = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')));
    const r = runScenario(s, 1);
    const paid = ofType(r.events, 'holdup-resolved').find((e) => e.outcome === 'paid')!;
    expect(paid).toBeDefined();
    const concessions = ofType(r.events, 'payment').filter((p) => p.cause === 'hold-up' && p.round === paid.round);
    expect(concessions.length).toBeGreaterThan(0);
    expect(concessions.reduce((a, p) => a + p.amount, 0)).toBeLessThanOrEqual(paid.concessionCost + 0.01);
    const deal = ofType(r.events, 'deal-signed').find((d) => d.party === paid.party)!;
    expect(paid.share!).toBeGreaterThan(deal.share!);
  });

  it('a partner refused at a hold-up that went home asks again for the deaths it expects: its reservation on return carries the casualty premium, and it is never paid less than that', () => {
    // Mechanism: dynamics/credibility.ts z_i(t), charged by a returning partner too
    // (holdUp.ts dealCasualtyPressure): it left because r_i + z > p, so it returns above r_i.
    let returns = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const r = runScenario(holdup, seed);
      for (const left of ofType(r.events, 'holdup-resolved').filter((e) => e.outcome === 'refused-withdrew')) {
        const first = ofType(r.events, 'negotiation-opened').find((e) => e.party === left.party && e.round < left.round)!;
        const again = ofType(r.events, 'negotiation-opened').find((e) => e.party === left.party && e.round > left.round);
        if (!again) continue;
        returns++;
        const threat = ofType(r.events, 'holdup-threat').find((e) => e.party === left.party && e.round === left.round)!;
        expect(threat.casualtyPremium!).toBeGreaterThan(0);
        expect(again.reservation).toBeGreaterThan(first.reservation);
        const deal = ofType(r.events, 'deal-signed').find((d) => d.party === left.party && d.round >= again.round);
        if (deal) expect(deal.pricePerSoldierYear).toBeGreaterThanOrEqual(deal.reservation);
      }
    }
    // teaching-holdup: 5 of 50 seeds have a refused partner re-approached (4, 15, 28, 35, 36).
    expect(returns).toBeGreaterThanOrEqual(3);
  });
});

describe('casualties and withdrawal', () => {
  it('draws Poisson counts with the right mean', () => {
    const rng = namedStream(9, 'poisson');
    for (const mean of [0.3, 4, 50]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += poisson(mean, rng);
      expect(sum / 20_000).toBeCloseTo(mean, mean < 1 ? 1 : 0);
    }
  });
  it('maps sensitivity to a tolerance: insensitive never, fully sensitive at the first death', () => {
    expect(casualtyTolerance(0, 200)).toBeNull();
    expect(casualtyTolerance(1, 200)).toBe(1);
    expect(casualtyTolerance(0.9, 200)).toBe(20);
  });

  function run(sensitivity: number) {
    let withdrawals = 0;
    let deaths = 0;
    let refilled = 0;
    let early = 0;
    for (let i = 0; i < SEEDS; i++) {
      const r = runScenario(valid(population({ generic: 8, demandFactor: 0.6, openness: 0.5, intelligence: 0.5, deathsPerThousandPerRound: 3, casualtySensitivity: sensitivity, populationSeed: i })), 700 + i);
      deaths += ofType(r.events, 'casualties').reduce((a, e) => a + e.deaths, 0);
      for (const w of ofType(r.events, 'contingent-released').filter((e) => e.reason === 'casualties')) {
        withdrawals++;
        const c = ofType(r.events, 'casualties').find((e) => e.party === w.party && e.round === w.round)!;
        // It leaves in the round its dead reach its tolerance, not before.
        if (c.cumulative < c.tolerance!) early++;
        // The gap it leaves is demand for the rest: where others were still available, the
        // pivotal turns to them in the same round.
        const approached = r.events.some((e) => (e.type === 'negotiation-opened' || e.type === 'deal-signed' || e.type === 'volunteered') && e.round === w.round && e.party !== w.party);
        const talking = r.states[w.round]!.parties;
        const othersAvailable = Object.values(talking).some((p) => p.id !== w.party && p.status === 'out' && !p.blocked && p.capacity > 0);
        if (approached || !othersAvailable) refilled++;
      }
    }
    return { withdrawals, deaths, refilled, early };
  }
  it('casualty-sensitive governments withdraw; insensitive ones, with as many dead, do not', () => {
    const sensitive = run(0.95);
    const insensitive = run(0);
    expect(insensitive.deaths).toBeGreaterThan(100);
    expect(insensitive.withdrawals).toBe(0);
    expect(sensitive.withdrawals).toBeGreaterThan(10);
    expect(sensitive.early).toBe(0);
    expect(sensitive.refilled / sensitive.withdrawals).toBeGreaterThan(0.9);
  });
});

describe('effort', () => {
  it('paid contingents with little interest cut effort unless monitored; effective troops follow', () => {
    const t = tinyScenario();
    const make = (monitoring: number) => valid({ ...t, pivotal: { ...t.pivotal, monitoring }, engine: { ...t.engine, operation: { crowdingOut: 0.5 } } } as ScenarioInput);
    const loose = runScenario(make(0), 1);
    const strict = runScenario(make(1), 1);
    // Alpha and Beta have no intrinsic interest: effort = 1 - 0.5 * (1 - 0) * (1 - monitoring).
    expect(loose.states.at(-1)!.parties.A!.effort).toBeCloseTo(0.5, 9);
    expect(strict.states.at(-1)!.parties.A!.effort).toBe(1);
    const m = ofType(loose.events, 'market').at(-1)!;
    expect(m.effectiveDeployed).toBeCloseTo(m.deployed * 0.5, 6);
    expect(summarize(loose).costs.costPerEffectiveSoldierYear!).toBeCloseTo(2 * summarize(strict).costs.costPerEffectiveSoldierYear!, 0);
  });
});

describe('reneging and retaliation', () => {
  const t = tinyScenario();
  const base = { ...t, clock: { rounds: 6 }, engine: { ...t.engine, operation: { crowdingOut: 0 } } } as ScenarioInput;
  it('a budget cut into promised money makes the pivotal pay pro rata; partners that see it retaliate', () => {
    // Deals cost 6.2M a round; a 40M budget cut by 25M in round 3 cannot cover what was promised.
    const r = runScenario(valid({ ...base, pivotal: { ...base.pivotal, budget: 40_000_000 }, events: [{ round: 3, type: 'budget', amount: -25_000_000, label: 'Congress cuts the budget' }] }), 1);
    const cuts = ofType(r.events, 'payment-cut');
    expect(cuts.length).toBeGreaterThan(0);
    for (const c of cuts) expect(c.paid).toBeLessThan(c.due);
    const perceived = ofType(r.events, 'reneging-perceived');
    expect(perceived.every((e) => e.actual)).toBe(true);
    expect(perceived.length).toBe(cuts.length);
    for (const s of r.states) expect(s.pivotal.spent).toBeLessThanOrEqual(s.pivotal.budgetTotal + 0.005);
  });
  it('misperceived reneging costs effort though every payment was made', () => {
    const r = runScenario(valid({ ...base, engine: { ...base.engine, operation: { crowdingOut: 0, renegingMisperception: 0.5, retaliationEffortCut: 0.4 } } } as ScenarioInput), 3);
    expect(ofType(r.events, 'payment-cut')).toHaveLength(0);
    const perceived = ofType(r.events, 'reneging-perceived');
    expect(perceived.length).toBeGreaterThan(0);
    expect(perceived.every((e) => !e.actual && e.response === 'effort')).toBe(true);
    expect(ofType(r.events, 'effort-changed').some((e) => e.reason === 'retaliation' && e.to === 0.6)).toBe(true);
  });
});

describe('signalling by acquaintances', () => {
  /** 48 states with random preference similarity and alliance depth, every one needed (scarcity). */
  function signallingPopulation(seed: number, signalling: boolean): ScenarioInput {
    let x = seed * 7919 + 17;
    const u = () => ((x = (x * 48271) % 2147483647) / 2147483647);
    const parties = Array.from({ length: 48 }, (_, i) => {
      const similarity = u();
      return {
        id: `S${i}`, name: `State ${i}`, armedForces: Math.round(20_000 + 200_000 * u()), deployableShare: 0.01,
        deploymentCostPerYear: Math.round(20_000 + 30_000 * u()), selfFundedShare: 0.5, intrinsicValuePerYear: 5_000,
        preferenceSimilarity: similarity, allianceDepth: u() * similarity, signallingValuePerYear: 40_000,
      };
    });
    return {
      formatVersion: 2,
      meta: { id: 'signalling', title: 'Signalling', description: 'ISAF-like cross-section.' },
      clock: { rounds: 6 },
      pivotal: { id: 'P', name: 'Pivotal', capability: { armedForces: 1_400_000 }, budget: 1e12, ownSoldierCostPerYear: 138_465, demand: [{ fromRound: 1, troops: 2_000_000 }] },
      thirdParties: parties,
      engine: { pricing: { rule: 'nash', thirdPartyWeight: 0.5 }, operation: { signalling, maxDeployableShare: 0.04, allianceReward: 0.5 } },
    };
  }
  // The inverse of a 3 x 3 matrix (adjugate over determinant).
  function inverse3(a: number[][]): number[][] {
    const m = (i: number, j: number) => a[i]![j]!;
    const cof = (i: number, j: number) => {
      const r = [0, 1, 2].filter((x) => x !== i);
      const c = [0, 1, 2].filter((x) => x !== j);
      return ((i + j) % 2 ? -1 : 1) * (m(r[0]!, c[0]!) * m(r[1]!, c[1]!) - m(r[0]!, c[1]!) * m(r[1]!, c[0]!));
    };
    const det = m(0, 0) * cof(0, 0) + m(0, 1) * cof(0, 1) + m(0, 2) * cof(0, 2);
    return [0, 1, 2].map((i) => [0, 1, 2].map((j) => cof(j, i) / det));
  }
  // OLS of the share of forces deployed on unrealized potential, controlling for the state's
  // deployment cost (as the ISAF paper controls for capabilities): with contingents chosen from
  // motives, a cheap state deploys more at any potential, so the cost must be held fixed to read
  // the signal's effect. Returns the potential's coefficient and its 95% interval.
  function regress(signalling: boolean) {
    const s = valid(signallingPopulation(4, signalling));
    const r = runScenario(s, 1);
    const final = r.states.at(-1)!;
    const rows: number[][] = [];
    const ys: number[] = [];
    for (const t of s.thirdParties) {
      rows.push([1, Math.max(0, t.preferenceSimilarity - t.allianceDepth), final.parties[t.id]!.costPerYear / 1e5]);
      ys.push(final.parties[t.id]!.troops / t.armedForces);
    }
    const n = rows.length;
    const k = 3;
    const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    const xty = new Array<number>(k).fill(0);
    rows.forEach((x, m) => {
      for (let i = 0; i < k; i++) {
        xty[i]! += x[i]! * ys[m]!;
        for (let j = 0; j < k; j++) xtx[i]![j]! += x[i]! * x[j]!;
      }
    });
    const inv = inverse3(xtx);
    const beta = inv.map((row) => row.reduce((a, v, j) => a + v * xty[j]!, 0));
    let sse = 0;
    rows.forEach((x, m) => (sse += (ys[m]! - x.reduce((a, v, j) => a + v * beta[j]!, 0)) ** 2));
    const slope = beta[1]!;
    const se = Math.sqrt((sse / (n - k)) * inv[1]![1]!);
    const t = jStat.studentt.inv(0.975, n - k);
    return { slope, lo: slope - t * se, hi: slope + t * se, n, events: r.events };
  }
  it('the share of forces deployed rises with unrealized alliance potential: OLS slope > 0 with its 95% interval above zero', () => {
    const on = regress(true);
    expect(on.n).toBeGreaterThanOrEqual(40);
    expect(on.slope).toBeGreaterThan(0);
    expect(on.lo).toBeGreaterThan(0);
    // Demand here is far beyond what anyone deploys (an ask of about a third of everyone's
    // forces), so nobody over-contributes and no alliance is deepened.
    expect(ofType(on.events, 'alliance-deepened')).toHaveLength(0);
  });
  it('during the run, members deploying more than the leader asks of everyone have their alliance deepened, by at most their unrealized potential, and then signal less', () => {
    const base = signallingPopulation(4, true);
    const forces = base.thirdParties.reduce((a, t) => a + t.armedForces, 0);
    // The leader asks everyone for 1.5% of their forces: signallers offer up to 4%.
    const ask = 0.015;
    const s = valid({ ...base, pivotal: { ...base.pivotal, demand: [{ fromRound: 1, troops: Math.round(ask * forces) }] } });
    const r = runScenario(s, 1);
    const deepened = ofType(r.events, 'alliance-deepened');
    expect(deepened.length).toBeGreaterThan(0);
    for (const e of deepened) {
      const spec = s.thirdParties.find((t) => t.id === e.party)!;
      expect(e.shareOfForces).toBeGreaterThan(ask * 0.999);
      expect(e.round).toBeLessThan(s.clock.rounds + 1);
      expect(e.to).toBeGreaterThan(e.from);
      expect(e.to).toBeLessThanOrEqual(spec.preferenceSimilarity);
      // One round's step: rate x potential x min(1, share / ask - 1) / roundsPerYear.
      const step = (0.5 * (spec.preferenceSimilarity - e.from) * Math.min(1, e.shareOfForces / (Math.round(ask * forces) / forces) - 1)) / 12;
      expect(e.to - e.from).toBeCloseTo(step, 9);
    }
    // Once deepened, its reservation for its contingent of k troops is r(k) (market/contingent
    // `averageReservation`) from its motives at the new depth: less signal (S (similarity - depth)),
    // more duty (bindingness (0 + depth) / 2). Where the signal is what kept it low, it rises.
    const asked = leaderAsk(Math.round(ask * forces), forces);
    let rose = 0;
    for (const e of deepened) {
      const spec = s.thirdParties.find((t) => t.id === e.party)!;
      const st = r.states[e.round]!.parties[e.party]!;
      // Its motives are reviewed at the start of the round, for the troops it had then.
      const m = motivesOf(spec, s.engine.operation, st.costPerYear, e.to, asked);
      const expected = averageReservation(m, r.states[e.round - 1]!.parties[e.party]!.troops);
      expect(m.signallingValue).toBeCloseTo(spec.signallingValuePerYear * (spec.preferenceSimilarity - e.to), 6);
      expect(st.reservation).toBeCloseTo(expected, 1);
      if (st.reservation > r.states[e.round - 1]!.parties[e.party]!.reservation + 0.005) rose++;
    }
    expect(rose).toBeGreaterThan(0);
  });
  it('with signalling off, contingents do not depend on alliance potential', () => {
    const off = regress(false);
    // Only the rounding of floor(armedForces x deployableShare) is left.
    expect(Math.abs(off.slope)).toBeLessThan(1e-5);
    expect(off.lo).toBeLessThan(0.5 * regress(true).slope);
  });
});

describe('the bundled teaching scenario: a hold-up reverses the power balance mid-run', () => {
  const s = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')));
  function story(seed: number) {
    const r = runScenario(s, seed);
    const resolved = ofType(r.events, 'holdup-resolved').filter((e) => e.party === 'ZAF');
    const paid = resolved.find((e) => e.outcome === 'paid');
    const deal = ofType(r.events, 'deal-signed').find((d) => d.party === 'ZAF');
    const reversalAtPayment = paid && ofType(r.events, 'reversal').some((e) => e.party === 'ZAF' && e.round === paid.round);
    return { paid, deal, reversalAtPayment };
  }
  it('with the default seed: a cheap deal, no hold-up while the war is quiet (it would stay at its price), then at the enemy\'s entry a paid hold-up that hands South Africa most of the surplus', () => {
    const { paid, deal, reversalAtPayment } = story(1);
    const r = runScenario(s, 1);
    expect(deal!.round).toBeLessThan(5);
    expect(deal!.share!).toBeLessThan(0.5);
    expect(ofType(r.events, 'holdup-threat').filter((t) => t.round < 5)).toEqual([]);
    expect(paid!.round).toBeGreaterThanOrEqual(5);
    expect(paid!.share!).toBeGreaterThan(0.5);
    expect(reversalAtPayment).toBe(true);
  });
  it('tells the same story for most seeds', () => {
    let told = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const st = story(seed);
      if (st.deal && st.deal.share! < 0.5 && st.paid && st.paid.round >= 5 && st.reversalAtPayment) told++;
    }
    expect(told).toBeGreaterThanOrEqual(12);
  });
});

describe('random shocks', () => {
  const t = tinyScenario();
  const shocky = valid({ ...t, clock: { rounds: 40 }, engine: { ...t.engine, operation: { randomShocks: { demandProbability: 0.3, demandShare: 0.5, supplyProbability: 0.2, supplyRounds: 2 } } } } as ScenarioInput);
  it('move demand and supply at about the stated rates, reproducibly', () => {
    const a = runScenario(shocky, 5);
    const demandShocks = ofType(a.events, 'demand-changed').filter((e) => e.cause === 'random');
    const supplyShocks = ofType(a.events, 'availability-changed').filter((e) => e.label === 'random supply shock');
    expect(demandShocks.length).toBeGreaterThan(4);
    expect(demandShocks.length).toBeLessThan(25);
    expect(supplyShocks.length).toBeGreaterThan(0);
    for (const s of supplyShocks) expect(ofType(a.events, 'availability-changed').some((e) => e.party === s.party && e.available && e.round > s.round)).toBe(s.round + 2 <= 40);
    expect(JSON.stringify(runScenario(shocky, 5).events)).toBe(JSON.stringify(a.events));
  });
  it('leave every other stream untouched when off', () => {
    const off = runScenario(valid({ ...t, clock: { rounds: 40 } } as ScenarioInput), 5);
    expect(ofType(off.events, 'demand-changed').filter((e) => e.cause === 'random')).toHaveLength(0);
  });
});
