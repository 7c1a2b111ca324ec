/**
 * Punishment after hold-up threats (issue 16 item 4; BRIEF §1 "a pivotal state that depends on a
 * partner can hardly punish it"): the pivotal withholds part of a round's payment iff the
 * deterrence bought exceeds the retaliation it expects at this round's market
 * (src/core/politics/punishment.ts, src/core/engine/phases/punishment.ts).
 */
import { runScenario } from '../../src/core/engine/run';
import type { EventOf, SimEvent } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import { choosePunishment, deterrenceGain, retaliationLoss, type PunishmentInputs } from '../../src/core/politics/punishment';
import { keepingPopulation } from '../helpers/retentionScenarios';
import { population } from '../helpers/bargainingScenarios';
import { ROOT, valid } from '../helpers/scenarios';
import type { ScenarioInput } from '../../src/scenario/schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const of = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T): EventOf<T>[] => events.filter((e): e is EventOf<T> => e.type === type);

describe('punishment arithmetic', () => {
  // 1,000 troops paid a subsidy of 24,000 a soldier-year (2m a month), 10 months left; the threat was worth 5m.
  const stake = { troops: 1000, worthPerSoldierYear: 24_000, subsidyPerSoldierYear: 24_000, roundsAfter: 10, roundsPerYear: 12, retaliationRounds: 3, retaliationEffortCut: 0.3 };
  const x: PunishmentInputs = { partnerGain: 5e6, pivotalLoss: 5e6, due: 2e6, ownDue: 2e6, maxShare: 1, stake };

  it('deterrence is min(1, W / G) of the loss a repeat would cost', () => {
    expect(deterrenceGain(1e6, 4e6, 8e6)).toBe(2e6);
    expect(deterrenceGain(5e6, 4e6, 8e6)).toBe(8e6);
    expect(deterrenceGain(0, 4e6, 8e6)).toBe(0);
  });

  it('retaliation is renegingLoss: troops home at half the due or more, effort below', () => {
    // Half or more: ceil(k x) (R - s) H / Y = 0 when the troops are worth no more than their subsidy.
    expect(retaliationLoss(2e6, 2e6, stake)).toBe(0);
    expect(retaliationLoss(2e6, 2e6, { ...stake, worthPerSoldierYear: 124_000 })).toBeCloseTo((1000 * 100_000 * 10) / 12, 2);
    // Below half: cut k R min(rho, H) / Y.
    expect(retaliationLoss(0.5e6, 2e6, stake)).toBeCloseTo((0.3 * 1000 * 24_000 * 3) / 12, 2);
  });

  it('a replaceable partner (worth no more than its price at this market) is punished; a dependence-laden one is spared', () => {
    const replaceable = choosePunishment(x);
    expect(replaceable.punish).toBe(true);
    expect(replaceable.withheld).toBe(2e6);
    // Replacing it would cost own soldiers at 138,465: retaliation (troops home) dwarfs the deterrence.
    const critical = choosePunishment({ ...x, stake: { ...stake, worthPerSoldierYear: 24_000 + 114_465 } });
    expect(critical.punish).toBe(false);
    expect(critical.retaliation).toBeGreaterThan(critical.deterrence);
  });

  it('withholds no more than the threat was worth, nor more than it may', () => {
    expect(choosePunishment({ ...x, partnerGain: 1.5e6, pivotalLoss: 1.5e6 }).withheld).toBe(1.5e6);
    const capped = choosePunishment({ ...x, maxShare: 0.25 });
    expect(capped.withheld).toBeLessThanOrEqual(0.5e6);
  });
});

describe('punishment in the engine', () => {
  // Threats come from casualty pressure (genuine) and from a 5% tremble (partners misjudging their credibility).
  const seeds = Array.from({ length: 30 }, (_, k) => k + 1);
  function rate(demandFactor: number): { weighed: number; punished: number; rate: number } {
    let weighed = 0;
    let punished = 0;
    for (const seed of seeds) {
      const r = runScenario(valid(keepingPopulation({ demandFactor, seed, punishment: true, holdUpTremble: 0.05 })), seed);
      const w = of(r.events, 'punishment-weighed');
      weighed += w.length;
      punished += w.filter((e) => e.punished).length;
      const s = summarize(r).retention!;
      expect(s.punishment).toMatchObject({ weighed: w.length, punished: w.filter((e) => e.punished).length });
    }
    return { weighed, punished, rate: punished / weighed };
  }

  it('dependence makes punishment rare: retaliation is priced at what replacing the partner costs at this market, so threats are punished far less often under scarcity than when substitutes abound', () => {
    const slack = rate(0.3);
    const scarce = rate(1.2);
    expect(slack.weighed).toBeGreaterThan(20);
    expect(scarce.weighed).toBeGreaterThan(20);
    expect(slack.punished).toBeGreaterThan(0);
    expect(scarce.rate).toBeLessThan(0.5 * slack.rate);
  });

  it('a sanction is withheld from that round\'s payment as a cut, and the partner retaliates', () => {
    let checked = 0;
    for (const seed of seeds) {
      const r = runScenario(valid(keepingPopulation({ demandFactor: 0.3, seed, punishment: true, holdUpTremble: 0.05 })), seed);
      for (const e of of(r.events, 'punishment-weighed').filter((w) => w.punished)) {
        const cut = of(r.events, 'payment-cut').find((c) => c.round === e.round && c.party === e.party);
        expect(cut).toBeDefined();
        expect(cut!.due - cut!.paid).toBeCloseTo(e.withheld, 2);
        expect(of(r.events, 'reneging-perceived').some((p) => p.round === e.round && p.party === e.party && p.actual)).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('punished partners threaten less: deterrence works in the engine', () => {
    // Where punishment is used: slack markets and partners that are not critical. Under scarcity,
    // or for a critical partner, replacing it at today's market (the hold-ups' Pi) is too dear to
    // risk its retaliation, and the pivotal almost never punishes (the test above).
    const slackPopulation = (demandFactor: number, seed: number, punishment: boolean): ScenarioInput => {
      const input = population({
        demandFactor, openness: 0.5, intelligence: 0.5, critical: 0, underResourced: 3, generic: 8,
        holdUpTremble: 0.05, deathsPerThousandPerRound: 3, casualtySensitivity: 0.9, populationSeed: seed,
      });
      return { ...input, pivotal: { ...input.pivotal, ...(punishment ? { punishment: {} } : {}) } };
    };
    let threatsOff = 0;
    let threatsOn = 0;
    let punished = 0;
    for (const seed of seeds) {
      for (const demandFactor of [0.3, 0.6]) {
        threatsOff += of(runScenario(valid(slackPopulation(demandFactor, seed, false)), seed).events, 'holdup-threat').length;
        const on = runScenario(valid(slackPopulation(demandFactor, seed, true)), seed).events;
        threatsOn += of(on, 'holdup-threat').length;
        punished += of(on, 'punishment-weighed').filter((e) => e.punished).length;
      }
    }
    expect(punished).toBeGreaterThan(5);
    expect(threatsOn).toBeLessThan(threatsOff);
  });

  it('teaching-holdup with punishment on: South Africa threatens only once the enemy\'s entry makes its threat genuine and partners scarce, and the pivotal, dependent on it, rarely punishes', () => {
    const base = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8')) as ScenarioInput;
    const scenario = valid({ ...base, pivotal: { ...base.pivotal, punishment: {} } });
    const early = { weighed: 0, punished: 0 };
    const late = { weighed: 0, punished: 0 };
    for (let seed = 1; seed <= 30; seed++) {
      for (const e of of(runScenario(scenario, seed).events, 'punishment-weighed')) {
        // The great power enters in month 5 (demand +3,000, Thailand out, casualties x12).
        const b = e.round < 5 ? early : late;
        b.weighed++;
        if (e.punished) b.punished++;
      }
    }
    expect(early.weighed).toBe(0);
    expect(late.weighed).toBeGreaterThan(10);
    expect(late.punished / late.weighed).toBeLessThan(0.25);
  });

  it('absent pivotal.punishment the pivotal never weighs it', () => {
    const r = runScenario(valid(keepingPopulation({ demandFactor: 0.3, seed: 1 })), 1);
    expect(of(r.events, 'punishment-weighed')).toHaveLength(0);
  });
});
