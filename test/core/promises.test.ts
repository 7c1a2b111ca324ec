/**
 * Promises are not cash (issue 16 item 3): side deals delivered over time, valued by the
 * recipient at its believed probability, kept or broken by the pivotal as its interests dictate
 * (src/core/payments/promises.ts, src/core/engine/phases/promises.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import type { EventOf, SimEvent } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import { believedValue, chooseFromMenus, installments, keepsInstallment, renegingLoss, type RenegingStake } from '../../src/core/payments/promises';
import { parseScenario } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { ROOT, tinyScenario, valid } from '../helpers/scenarios';

const of = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T): EventOf<T>[] => events.filter((e): e is EventOf<T> => e.type === type);

function teaching(): Scenario {
  const r = parseScenario(readFileSync(join(ROOT, 'scenarios', 'teaching-promises.json'), 'utf8'));
  if (!r.ok) throw new Error('teaching-promises does not validate');
  return r.value;
}

/** teaching-promises with one catalog item changed. */
function withItem(s: Scenario, id: string, change: (d: Scenario['sideDeals'][number]) => Scenario['sideDeals'][number]): Scenario {
  return { ...s, sideDeals: s.sideDeals.map((d) => (d.id === id ? change(d) : d)) };
}

describe('promise arithmetic', () => {
  const loan = { installments: 4, firstAfterRounds: 1, everyRounds: 3, believedProbability: 0.8, finalGrant: { costToGiver: 40e6, valueToReceiver: 50e6 } };

  it('installments split cost and value exactly, fall due on schedule, and a conversion to a grant closes the last round', () => {
    const d = installments(loan, 2, 60_000_000.01, 200e6);
    expect(d.map((x) => x.round)).toEqual([3, 6, 9, 12, 12]);
    expect(d.slice(0, 4).reduce((a, x) => a + Math.round(x.cost * 100), 0)).toBe(6_000_000_001);
    expect(d.slice(0, 4).reduce((a, x) => a + x.value, 0)).toBe(200e6);
    expect(d[4]).toMatchObject({ conversion: true, index: 5, cost: 40e6, value: 50e6 });
  });

  it('the recipient values a promise at its believed probability times its value (conversion included); a plain item at its value', () => {
    expect(believedValue({ delivery: loan }, 200e6)).toBeCloseTo(0.8 * 250e6, 6);
    expect(believedValue({}, 200e6)).toBe(200e6);
  });

  it('of an either/or menu the recipient is offered the option it values most, and none once it holds one', () => {
    const menu = (id: string): string | undefined => (id === 'grant' || id === 'loan' ? 'm' : undefined);
    const items = [
      { id: 'grant', cost: 100e6, value: 110e6 },
      { id: 'loan', cost: 100e6, value: 200e6 },
      { id: 'arms', cost: 1e6, value: 2e6 },
    ];
    expect(chooseFromMenus(items, menu, []).map((i) => i.id)).toEqual(['loan', 'arms']);
    // A less believed loan (value 100) loses to the grant.
    expect(chooseFromMenus([items[0]!, { ...items[1]!, value: 100e6 }, items[2]!], menu, []).map((i) => i.id)).toEqual(['grant', 'arms']);
    expect(chooseFromMenus([items[0]!, items[2]!], menu, ['loan']).map((i) => i.id)).toEqual(['arms']);
  });

  const stake: RenegingStake = { troops: 2500, worthPerSoldierYear: 158_465, subsidyPerSoldierYear: 32_867, cashDue: 6_847_291, withheldValue: 160e6, roundsAfter: 8, roundsPerYear: 12, retaliationRounds: 3, retaliationEffortCut: 0.3 };

  it('reneging costs the retaliation over the rounds left: nothing once the partner is gone or the operation ends, less the closer the end', () => {
    expect(renegingLoss({ ...stake, troops: 0 })).toBe(0);
    expect(renegingLoss({ ...stake, roundsAfter: 0 })).toBe(0);
    const losses = [8, 4, 2, 1].map((h) => renegingLoss({ ...stake, roundsAfter: h }));
    for (let k = 1; k < losses.length; k++) expect(losses[k]!).toBeLessThan(losses[k - 1]!);
    // Withheld share >= 1/2 of what was due: that share of the troops goes home, net of the subsidy
    // saved, and the troops that stay withhold effort for retaliationRounds (pay.ts sets the
    // grievance for both responses): 2,398 go home, 102 stay at 0.3 less effort for 3 months.
    const home = Math.ceil(2500 * (160e6 / (160e6 + 6_847_291)));
    expect(home).toBe(2398);
    expect(losses[0]).toBeCloseTo((home * (158_465 - 32_867) * 8) / 12 + (0.3 * (2500 - home) * 158_465 * 3) / 12, 2);
    // A small installment against a large subsidy: only effort is withheld, for retaliationRounds.
    expect(renegingLoss({ ...stake, withheldValue: 1e6 })).toBeCloseTo((0.3 * 2500 * 158_465 * 3) / 12, 2);
  });

  it('the pivotal keeps an installment iff it costs no more than reneging, and never without the cash', () => {
    expect(keepsInstallment(10, 11, 10, 100)).toBe(true);
    expect(keepsInstallment(12, 11, 10, 100)).toBe(false);
    expect(keepsInstallment(10, 11, 10, 5)).toBe(false);
  });
});

describe('promises in a run (teaching-promises)', () => {
  it('a promise costs the giver only when kept: nothing is paid at signing, kept deliveries are paid as cause "promise", broken ones never', () => {
    const s = teaching();
    for (const seed of [1, 2, 3]) {
      const r = runScenario(s, seed);
      const sum = summarize(r);
      const promised = new Set(s.sideDeals.filter((d) => d.delivery).map((d) => d.id));
      const payments = of(r.events, 'payment').filter((p) => promised.has(p.item));
      expect(payments.every((p) => p.cause === 'promise')).toBe(true);
      const kept = of(r.events, 'promise-kept');
      expect(payments.reduce((a, p) => a + p.amount, 0)).toBeCloseTo(kept.reduce((a, k) => a + k.cost, 0), 2);
      expect(sum.promises!.deliveredCost).toBeCloseTo(kept.reduce((a, k) => a + k.cost, 0), 2);
      for (const b of of(r.events, 'promise-broken')) {
        const later = of(r.events, 'payment').filter((p) => p.item === b.item && p.recipient === b.party && p.round >= b.round);
        expect(later).toEqual([]);
      }
      // Every delivery is decided by the end, so nothing stays reserved: committed money is released when a promise is broken.
      expect(sum.promises!.outstanding).toBe(0);
      expect(r.states.at(-1)!.pivotal.committed).toBe(0);
      expect(sum.budget.spent).toBeCloseTo(sum.payments.total, 2);
    }
  });

  it('the recipient counts a promise at its believed probability: a less believed visa waiver is worth less in the deal', () => {
    const s = teaching();
    const sideValue = (sc: Scenario): number => of(runScenario(sc, 1).events, 'deal-signed').find((d) => d.party === 'POL')!.sideDeals.find((g) => g.item === 'visa')!.value;
    expect(sideValue(s)).toBeCloseTo(0.6 * 160e6, 2);
    const doubted = withItem(s, 'visa', (d) => ({ ...d, delivery: { ...d.delivery!, believedProbability: 0.45 } }));
    expect(sideValue(doubted)).toBeCloseTo(0.45 * 160e6, 2);
  });

  it('whether a promise is kept is the pivotal\'s choice from its interests: the visa waiver due early (the partner still worth much) is kept in every seed', () => {
    const early = withItem(teaching(), 'visa', (d) => ({ ...d, delivery: { ...d.delivery!, firstAfterRounds: 2 } }));
    for (let seed = 1; seed <= 10; seed++) {
      const r = runScenario(early, seed);
      const made = of(r.events, 'promise-made').some((e) => e.item === 'visa');
      if (made) expect(of(r.events, 'promise-kept').some((e) => e.item === 'visa' && e.party === 'POL')).toBe(true);
      expect(of(r.events, 'promise-broken').some((e) => e.item === 'visa')).toBe(false);
    }
  });

  it('a partner that has gone home is not worth a promise: its loss is 0 and the promise is broken (reneging counted)', () => {
    const s = teaching();
    const gone: Scenario = { ...s, events: [...s.events, { round: 3, type: 'availability', party: 'POL', available: false }] };
    const r = runScenario(gone, 1);
    const due = of(r.events, 'promise-made').find((e) => e.party === 'POL' && e.item === 'contracts')!.firstRound;
    expect(of(r.events, 'contingent-released').some((e) => e.party === 'POL' && e.reason === 'unavailable' && e.round < due)).toBe(true);
    const broken = of(r.events, 'promise-broken').find((e) => e.party === 'POL' && e.item === 'contracts');
    expect(broken).toMatchObject({ round: due, renegingLoss: 0, reason: 'not-worth-keeping' });
    expect(summarize(r).operation.renegingPerceived.actual).toBeGreaterThanOrEqual(1);
  });

  it('Turkey picks the loan over the grant, and an item without a delivery schedule is still paid at signing', () => {
    const s = teaching();
    const r = runScenario(s, 1);
    expect(of(r.events, 'promise-made').filter((e) => e.party === 'TUR').map((e) => e.item)).toEqual(['loan']);
    const plain = withItem(s, 'contracts', (d) => {
      const { delivery: _ignored, ...rest } = d;
      return rest;
    });
    const r2 = runScenario(plain, 1);
    const signed = of(r2.events, 'deal-signed').find((d) => d.party === 'POL')!;
    if (signed.sideDeals.some((g) => g.item === 'contracts')) {
      expect(of(r2.events, 'payment').find((p) => p.item === 'contracts')).toMatchObject({ round: signed.round, cause: 'deal', amount: 20e6 });
      expect(of(r2.events, 'promise-made').some((e) => e.item === 'contracts')).toBe(false);
    } else throw new Error('POL should take the contracts');
  });

  it('an access deal is offered only items paid at signing: a scheduled item is not promised to an access seller', () => {
    const base = tinyScenario();
    const sc = valid({
      ...base,
      clock: { rounds: 12, roundsPerYear: 12 },
      pivotal: { ...base.pivotal, subsidyPolicy: 'cover-liquidity-need' },
      thirdParties: [{ id: 'J', name: 'Jordan', armedForces: 100_000, maxTroops: 0, deploymentCostPerYear: 6000, selfFundedShare: 1, access: [{ kind: 'other', valuePerYear: 4_000_000, costPerYear: 1_000_000 }] }],
      sideDeals: [
        { id: 'aid', label: 'Aid', kind: 'other', costToGiver: 100_000, valueToReceiver: 400_000 },
        { id: 'later', label: 'Aid later', kind: 'promise', costToGiver: 100_000, valueToReceiver: 900_000, delivery: { firstAfterRounds: 3 } },
      ],
    });
    const r = runScenario(sc, 1);
    const signed = of(r.events, 'access-signed')[0]!;
    expect(signed.sideDeals.map((g) => g.item)).toEqual(['aid']);
    expect(of(r.events, 'promise-made')).toEqual([]);
  });

  it('is deterministic: the same seed gives the same events', () => {
    const s = teaching();
    expect(JSON.stringify(runScenario(s, 7).events)).toBe(JSON.stringify(runScenario(s, 7).events));
  });
});
