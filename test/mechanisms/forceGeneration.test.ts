/**
 * Force generation of first contingents (issue 12 item 2, "most surge troops should then come
 * from states already there"; market/forceGeneration.ts, engine/phases/forceGeneration.ts):
 * after demand rises, a state not yet deployed needs `firstContingentLeadYears` before its first
 * soldier arrives and the pivotal's own soldiers fill in meanwhile; a member enlarges along the
 * supply line it has. The pivotal values a first contingent at delta = e c_P d_t / T less per
 * soldier-year. On fixtures/surge-stall.json (demand 6,000 -> 12,000 in round 5, quarterly
 * rounds, 4 rounds left) the default lead of half a year is 2 rounds: delta = c_P / 2. Most
 * surge troops can come from members only where members have room at a price the pivotal would
 * pay for an enlargement (e c_P): fixtures/surge-room.json (forces tripled) has it, surge-stall not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillInCost, fillInShare, leadRounds, roundsToWait } from '../../src/core/market/forceGeneration';
import { competitiveCeiling } from '../../src/core/market/reservation';
import { netValue, selectApproaches } from '../../src/core/market/recruitValue';
import { runScenario } from '../../src/core/engine/run';
import { valid } from '../helpers/scenarios';
import { motivesOf } from '../../src/core/engine/phases/contingents';
import { enlargementSupply } from '../../src/core/market/contingent';
import { leaderAsk } from '../../src/core/politics/alliance';

describe('force generation: the pure rules', () => {
  it('lead in rounds, the wait left after a rise and the share of a deal filled in', () => {
    expect(leadRounds(0.5, 4)).toBe(2);
    expect(leadRounds(0.5, 12)).toBe(6);
    expect(leadRounds(0.3, 4)).toBe(2);
    expect(leadRounds(0, 4)).toBe(0);
    expect(roundsToWait(2, 5, 5)).toBe(2);
    expect(roundsToWait(2, 5, 6)).toBe(1);
    expect(roundsToWait(2, 5, 7)).toBe(0);
    expect(roundsToWait(2, null, 3)).toBe(0);
    expect(fillInShare(2, 4)).toBe(0.5);
    expect(fillInShare(6, 4)).toBe(1);
    expect(fillInCost(0.8, 100_000, 0.5, false)).toBe(40_000);
    expect(fillInCost(0.8, 100_000, 0.5, true)).toBe(0);
  });

  it('recruitment by value: the fill-in turns the ranking from a cheap newcomer to a dearer member', () => {
    const c = { effectiveness: [1, 1], criticality: [0, 0], member: [0, 1], priceIntercept: [50_000, 100_000], priceSlope: [0, 0], maxTroops: [3_000, 3_000] };
    const r = { ownSoldierCost: 138_000, flagValue: 0, criticalPartnerValue: 0, gap: 3_000, minContingent: 1, budget: 1e12, years: 1 };
    expect(selectApproaches(c, r)[0]!.index).toBe(0);
    const delayed = { ...c, delayCost: [69_000, 0] };
    expect(netValue(delayed, r, 0, 1_000)).toBe(1_000 * (138_000 - 69_000 - 50_000));
    expect(selectApproaches(delayed, r)[0]!.index).toBe(1);
  });

  it('the ceiling: a first contingent is worth its fill-in less, a substitute carries its own', () => {
    const pivotal = valid(JSON.parse(readFileSync(join(__dirname, 'fixtures', 'surge-stall.json'), 'utf8'))).pivotal;
    const party = valid(JSON.parse(readFileSync(join(__dirname, 'fixtures', 'surge-stall.json'), 'utf8'))).thirdParties[0]!;
    const base = competitiveCeiling(pivotal, party, 1_000, 80_000, false);
    const late = competitiveCeiling(pivotal, party, 1_000, 80_000, false, { delayCost: 30_000 });
    expect(late.R).toBeCloseTo(base.R - 30_000, 6);
    expect(late.ceiling).toBeCloseTo(base.ceiling - 30_000, 6);
  });
});

type Run = ReturnType<typeof runScenario>;
const load = (name: string) => JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
const withLead = (raw: ReturnType<typeof load>, lead: number | undefined) =>
  valid({ ...raw, engine: { ...raw.engine, operation: { ...raw.engine.operation, ...(lead === undefined ? {} : { firstContingentLeadYears: lead }) } } });
const SEEDS = Array.from({ length: 30 }, (_, k) => k + 1);

/** Share of the round-5 increase from states deployed in round 4 over seeds 1-30, and the seeds with 12,000 deployed in round 5. */
function surge(scenario: ReturnType<typeof valid>): { share: number; met: number } {
  let fromMembers = 0;
  let added = 0;
  let met = 0;
  for (const seed of SEEDS) {
    const run: Run = runScenario(scenario, seed);
    let total = 0;
    for (const [id, p] of Object.entries(run.states[5]!.parties)) {
      const before = run.states[4]!.parties[id]!.troops;
      total += p.troops;
      if (p.troops > before) {
        added += p.troops - before;
        if (before > 0) fromMembers += p.troops - before;
      }
    }
    if (total >= 12_000) met++;
  }
  return { share: fromMembers / added, met };
}

/** Mean over seeds 1-30 of what the states deployed in round 4 would add at e c_P (the most an enlargement is worth to the pivotal) under round 5's ask. */
function memberRoom(scenario: ReturnType<typeof valid>): number {
  const forces = scenario.thirdParties.reduce((a, p) => a + p.armedForces, 0);
  let room = 0;
  for (const seed of SEEDS) {
    const state = runScenario(scenario, seed).states[4]!;
    for (const spec of scenario.thirdParties) {
      const p = state.parties[spec.id]!;
      if (p.troops <= 0) continue;
      const m = motivesOf(spec, scenario.engine.operation, p.costPerYear, p.allianceDepth, leaderAsk(12_000, forces));
      room += Math.floor(enlargementSupply(m, p.troops, spec.effectiveness * scenario.pivotal.ownSoldierCostPerYear));
    }
  }
  return room / SEEDS.length;
}

describe('force generation in the engine: surge troops from states already deployed', () => {
  it('surge-room (members could add more than the surge at e c_P): with the default lead most surge troops come from members; with the lead off almost none, and the doubled demand is met in round 5 either way', () => {
    const raw = load('surge-room.json');
    expect(memberRoom(withLead(raw, undefined))).toBeGreaterThan(6_000);
    const on = surge(withLead(raw, undefined));
    const off = surge(withLead(raw, 0));
    // Measured (seeds 1-30): 80.0% with the default half year, 0.0% with the lead off.
    expect(on.share).toBeGreaterThan(0.5);
    expect(off.share).toBeLessThan(0.1);
    expect(on.met).toBe(30);
    expect(off.met).toBe(30);
  });

  it('surge-stall (members could add only about 2,600 of the 6,000 at e c_P): the default lead raises their share many times, to within that room, and the surge is still met', () => {
    const raw = load('surge-stall.json');
    const room = memberRoom(withLead(raw, undefined));
    expect(room).toBeLessThan(3_000);
    const on = surge(withLead(raw, undefined));
    const off = surge(withLead(raw, 0));
    // Measured (seeds 1-30): 30.3% with the default, 3.6% with the lead off; the room bounds it at about 43%.
    expect(off.share).toBeLessThan(0.1);
    expect(on.share).toBeGreaterThan(0.25);
    expect(on.share).toBeLessThanOrEqual(room / 6_000);
    expect(on.met).toBe(30);
  });

  it('a rise by a scheduled demand event starts force generation as a rise of the schedule does: the same surge written as an event gives the same share', () => {
    const raw = load('surge-room.json');
    const asEvent = { ...raw, pivotal: { ...raw.pivotal, demand: [raw.pivotal.demand[0]] }, events: [...(raw.events ?? []), { round: 5, type: 'demand', delta: 6_000 }] };
    const viaSchedule = surge(withLead(raw, undefined));
    const viaEvent = surge(withLead(asEvent, undefined));
    expect(viaEvent.share).toBeCloseTo(viaSchedule.share, 6);
    expect(viaEvent.share).toBeGreaterThan(0.5);
  });

  it('the scenario switch: a lead of a year leaves first contingents worthless in the surge, and what is added comes from members', () => {
    expect(surge(withLead(load('surge-stall.json'), 1)).share).toBeGreaterThan(0.95);
  });
});
