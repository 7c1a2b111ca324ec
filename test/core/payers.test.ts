/**
 * Payers with their own lines and lead nations (issue 16 item 2): the split of a subsidy among
 * payers by value, their budgets, the accounts, and pass-through via a lead nation.
 */
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import { ledger } from '../../src/core/payments/ledger';
import { fundLines, mergeLines, splitDue } from '../../src/core/payments/payers';
import { parseScenario } from '../../src/scenario/load';
import type { ScenarioInput } from '../../src/scenario/schema';
import { tinyScenario, valid } from '../helpers/scenarios';

const offer = (payer: string, value: number, rate: number, free = 1e12) => ({ payer, value, free, lines: [{ item: `${payer} line`, ratePerSoldierYear: rate }] });

describe('fundLines: who pays is decided by value, rates and budgets', () => {
  const base = { subsidyPerSoldierYear: 20_000, troops: 100, roundsPerYear: 12, roundsLeft: 12 };
  it('the payer valuing the troops most pays first, the next only what is left', () => {
    const lines = fundLines({ ...base, offers: [offer('LOW', 5_000, 15_000), offer('HIGH', 12_000, 15_000)] });
    expect(lines).toEqual([
      { payer: 'HIGH', item: 'HIGH line', perSoldierYear: 12_000 },
      { payer: 'LOW', item: 'LOW line', perSoldierYear: 5_000 },
    ]);
  });
  it('a posted rate caps a line, and no line pays more than the subsidy', () => {
    expect(fundLines({ ...base, offers: [offer('EU', 50_000, 12_336)] })).toEqual([{ payer: 'EU', item: 'EU line', perSoldierYear: 12_336 }]);
    expect(fundLines({ ...base, offers: [offer('A', 50_000, 15_000), offer('B', 40_000, 15_000)] }).reduce((a, l) => a + l.perSoldierYear, 0)).toBe(20_000);
  });
  it('a payer funds no more than its free budget can pay to the end', () => {
    const [line] = fundLines({ ...base, offers: [offer('POOR', 50_000, 15_000, 600_000)] });
    // 600,000 over 12 rounds for 100 troops: 6,000 per soldier-year.
    expect(line!.perSoldierYear).toBe(6_000);
  });
  it('nobody pays without value or money', () => {
    expect(fundLines({ ...base, offers: [offer('NONE', 0, 15_000), offer('BROKE', 9_000, 15_000, 0)] })).toEqual([]);
  });
  it('splitDue gives the partner exactly the total, the pivotal the rest', () => {
    const lines = [{ payer: 'EU', item: 'a', perSoldierYear: 12_336 }];
    const split = splitDue(2_000_000, lines, 100, 12);
    expect(split.lines).toEqual([102_800]);
    expect(split.pivotal).toBe(2_000_000 - 102_800);
    expect(splitDue(50_000, lines, 100, 12)).toEqual({ lines: [50_000], pivotal: 0 });
  });
  it('mergeLines weights old and new rates by troops', () => {
    expect(mergeLines([{ payer: 'EU', item: 'a', perSoldierYear: 10_000 }], 100, [{ payer: 'EU', item: 'a', perSoldierYear: 4_000 }], 50)).toEqual([{ payer: 'EU', item: 'a', perSoldierYear: 8_000 }]);
    expect(mergeLines(undefined, 100, undefined, 50)).toBeUndefined();
  });
});

const withPayers = (payers: ScenarioInput['payers'], over: Partial<ScenarioInput> = {}): ScenarioInput => tinyScenario({ clock: { rounds: 12, roundsPerYear: 12 }, payers, ...over });

describe('payers in a run', () => {
  const eu = { id: 'EU', name: 'European Union', budget: 1e9, valuePerSoldierYear: 15_000, lines: [{ kind: 'allowance' as const, ratePerSoldierPerRound: 1_000 }] };
  const uk = { id: 'UK', name: 'United Kingdom', budget: 1e9, valuePerSoldierYear: 3_000, lines: [{ kind: 'equipment' as const, ratePerSoldierPerRound: 500, recipients: ['A'] }] };

  it('the partner gets the same deal; the payers bear part of it from their own budgets', () => {
    const plain = summarize(runScenario(valid(tinyScenario({ clock: { rounds: 12, roundsPerYear: 12 } })), 1));
    const run = runScenario(valid(withPayers([eu, uk])), 1);
    const s = summarize(run);
    expect(s.payments.total).toBeCloseTo(plain.payments.total, 1);
    expect(s.coalition.members.map((m) => [m.id, m.pricePerSoldierYear, m.troopsMax])).toEqual(plain.coalition.members.map((m) => [m.id, m.pricePerSoldierYear, m.troopsMax]));
    const cost = new Map(s.costs.byPayer.map((p) => [p.id, p.cost]));
    expect(cost.get('EU')).toBeGreaterThan(0);
    // The UK's line is for A only, and it funds up to its value: 500 a month = 6,000 a year is above 3,000.
    expect(s.flows!.filter((f) => f.payer === 'UK').map((f) => f.recipient)).toEqual(['A']);
    const ukToA = s.flows!.find((f) => f.payer === 'UK')!.amount;
    const a = s.coalition.members.find((m) => m.id === 'A')!;
    expect(ukToA / a.soldierYears).toBeCloseTo(3_000, 0);
    expect(s.costs.byPayer.reduce((x, p) => x + p.cost, 0)).toBeCloseTo(s.payments.total, 1);
    expect(s.budget.spent).toBeCloseTo(cost.get('P')!, 1);
    expect(s.payers!.map((p) => [p.id, p.spent + p.unspent])).toEqual([['EU', 1e9], ['UK', 1e9]]);
    // The ledger names each payer's line.
    const rows = ledger(run.events, 'P');
    expect(new Set(rows.filter((r) => r.payer === 'EU').map((r) => r.item))).toEqual(new Set(['allowance']));
  });

  it('burden sharing follows values: swap them and the other payer pays', () => {
    const one = { ...eu, id: 'ONE', name: 'One', valuePerSoldierYear: 20_000 };
    const two = { ...eu, id: 'TWO', name: 'Two', valuePerSoldierYear: 10_000 };
    const paid = (payers: ScenarioInput['payers']) => new Map(summarize(runScenario(valid(withPayers(payers)), 1)).costs.byPayer.map((p) => [p.id, p.cost]));
    const a = paid([one, two]);
    const b = paid([{ ...one, valuePerSoldierYear: 10_000 }, { ...two, valuePerSoldierYear: 20_000 }]);
    expect(a.get('ONE')).toBeGreaterThan(a.get('TWO')!);
    expect(b.get('TWO')).toBeGreaterThan(b.get('ONE')!);
    expect(a.get('ONE')).toBeCloseTo(b.get('TWO')!, 1);
  });

  it('a payer never spends more than its budget, and partners signed later get less of its line', () => {
    const small = { ...eu, budget: 5_000_000 };
    const s = summarize(runScenario(valid(withPayers([small])), 1));
    expect(s.payers![0]!.spent).toBeLessThanOrEqual(5_000_000);
    expect(s.payers![0]!.spent).toBeGreaterThan(4_000_000);
  });

  it('per-partner values override the general one', () => {
    const picky = { ...eu, valuePerSoldierYear: 0, partnerValues: { B: 15_000 } };
    const s = summarize(runScenario(valid(withPayers([picky])), 1));
    expect(s.flows!.filter((f) => f.payer === 'EU').map((f) => f.recipient)).toEqual(['B']);
  });

  it('scenarios without payers or lead nations carry no payer fields', () => {
    const s = summarize(runScenario(valid(tinyScenario()), 1));
    expect('payers' in s).toBe(false);
    expect('flows' in s).toBe(false);
  });
});

describe('lead nations pass the pivotal\'s money through', () => {
  const led = (): ScenarioInput => {
    const t = tinyScenario({ clock: { rounds: 12, roundsPerYear: 12 } });
    return { ...t, thirdParties: [t.thirdParties[0]!, { ...t.thirdParties[1]!, leadNation: 'A' }] };
  };
  it('payments to a partner under command go via its lead while the lead is deployed', () => {
    const run = runScenario(valid(led()), 1);
    const s = summarize(run);
    const toB = run.events.filter((e) => e.type === 'payment' && e.recipient === 'B');
    expect(toB.length).toBeGreaterThan(0);
    expect(toB.every((e) => e.type === 'payment' && e.via === 'A')).toBe(true);
    expect(s.flows!.find((f) => f.recipient === 'B')).toMatchObject({ payer: 'P', via: 'A' });
    expect(ledger(run.events, 'P').filter((r) => r.recipient === 'B').every((r) => r.via === 'A')).toBe(true);
    expect(ledger(run.events, 'P').filter((r) => r.recipient === 'A').every((r) => r.via === '')).toBe(true);
  });
  it('without the lead deployed, the money goes directly', () => {
    const t = led();
    const blocked = { ...t, thirdParties: [{ ...t.thirdParties[0]!, availableFromRound: 12 }, t.thirdParties[1]!] };
    const run = runScenario(valid(blocked), 1);
    const early = run.events.filter((e) => e.type === 'payment' && e.recipient === 'B' && e.round < 12);
    expect(early.length).toBeGreaterThan(0);
    expect(early.some((e) => e.type === 'payment' && e.via !== undefined)).toBe(false);
  });
  it('the scenario checks name what is wrong', () => {
    const t = led();
    const bad = (input: ScenarioInput) => {
      const r = parseScenario(JSON.stringify(input));
      return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path.join('.')}`);
    };
    expect(bad({ ...t, thirdParties: [t.thirdParties[0]!, { ...t.thirdParties[1]!, leadNation: 'Z' }] })).toEqual(['unknown-id thirdParties.1.leadNation']);
    expect(bad({ ...t, thirdParties: [{ ...t.thirdParties[0]!, leadNation: 'B' }, t.thirdParties[1]!] })).toContain('invalid-value thirdParties.1.leadNation');
    expect(bad(withPayers([{ id: 'EU', name: 'EU', budget: 1, lines: [{ kind: 'allowance', ratePerSoldierPerRound: 1, recipients: ['Q'] }] }]))).toEqual(['unknown-id payers.0.lines.0.recipients.0']);
    expect(bad(withPayers([{ id: 'A', name: 'dup', budget: 1, lines: [{ kind: 'allowance', ratePerSoldierPerRound: 1 }] }]))).toContain('duplicate-id payers.0.id');
  });
});
