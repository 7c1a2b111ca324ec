/**
 * iraq-2003's Turkish refusal as an outcome of ratification by one parliament (issue 12 item 4;
 * politics/ratification.ts, phases/access.ts). Rounds 1-2 are February and March 2003: the US
 * bargains with Turkey for transit (its costliest access) and overflight (a sixth of the cost),
 * paid from money set aside for access (`pivotal.accessBudget`), apart from the troops' budget. The parliament has one
 * tolerance u ~ U(0, 1) per run; a deal passes iff u >= q x (its cost / the transit's cost), with
 * q = 0.505 from the 1 March 2003 vote. So the transit fails with chance about q, the same
 * parliament then passes the overflight unless u < q / 6, and no run can pass the transit and
 * refuse the overflight. Nothing in the scenario schedules the refusal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../../src/core/engine/run';
import { summarize } from '../../src/core/metrics/summary';
import type { EventOf, SimEvent } from '../../src/core/events';
import { ROOT, valid } from '../helpers/scenarios';

const iraq = valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'iraq-2003.json'), 'utf8')));
const SEEDS = Array.from({ length: 120 }, (_, i) => i + 1);
const ofType = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T) => events.filter((e): e is EventOf<T> => e.type === type);

interface TurkeyRun {
  /** Round of the transit vote (signed or refused by the parliament), null if never put to it. */
  voteRound: number | null;
  /** Paid for troops (all payments but access), and what the troops' budget and the access budget spent. */
  troopPayments: number;
  budgetSpent: number;
  accessSpent: number | null;
  accessPaid: number;
  transitRefused: boolean;
  transitSold: boolean;
  overflightRefused: boolean;
  overflightSold: boolean;
  paid: number;
}

function turkey(seed: number): TurkeyRun {
  const result = runScenario(iraq, seed);
  const events = result.events;
  const summary = summarize(result);
  const votes = [...ofType(events, 'access-signed'), ...ofType(events, 'access-no-deal').filter((e) => e.reason === 'ratification-failed')];
  const vote = votes.find((e) => e.party === 'TUR' && e.kind === 'transit');
  const signed = ofType(events, 'access-signed').filter((e) => e.party === 'TUR');
  const refused = ofType(events, 'access-no-deal').filter((e) => e.party === 'TUR' && e.reason === 'ratification-failed');
  return {
    voteRound: vote?.round ?? null,
    troopPayments: summary.payments.total - (summary.payments.access ?? 0),
    budgetSpent: summary.budget.spent,
    accessSpent: summary.budget.access?.spent ?? null,
    accessPaid: summary.payments.access ?? 0,
    transitRefused: refused.some((e) => e.kind === 'transit'),
    transitSold: signed.some((e) => e.kind === 'transit'),
    overflightRefused: refused.some((e) => e.kind === 'airspace'),
    overflightSold: signed.some((e) => e.kind === 'airspace'),
    paid: ofType(events, 'payment').filter((e) => e.recipient === 'TUR').reduce((a, e) => a + e.amount, 0),
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

describe("iraq-2003: Turkey's parliament decides the transit in the run", () => {
  const runs = SEEDS.map(turkey);
  const refusals = runs.filter((r) => r.transitRefused);
  const ratified = runs.filter((r) => r.transitSold);

  it('schedules nothing for Turkey: no availability event, and it is available from round 1', () => {
    expect(iraq.events.filter((e) => 'party' in e && e.party === 'TUR')).toEqual([]);
    expect(iraq.thirdParties.find((t) => t.id === 'TUR')!.domesticOpposition).toBeCloseTo(269 / 533, 3);
  });

  it('the parliament refuses the transit in about q = 0.505 of runs (a knife-edge, both outcomes common)', () => {
    // 120 runs: a binomial share of 0.505 has sd 0.046; [0.33, 0.67] is beyond 3.5 sd each way.
    // Every run either puts the transit to the vote or fails on price, so refusals + ratifications <= runs.
    expect(refusals.length / runs.length).toBeGreaterThan(0.33);
    expect(refusals.length / runs.length).toBeLessThan(0.67);
    expect(refusals.length + ratified.length).toBeLessThanOrEqual(runs.length);
    expect(runs.every((r) => !(r.transitRefused && r.transitSold))).toBe(true);
  });

  it('is one parliament: a run that ratified the transit never refuses the smaller overflight', () => {
    expect(ratified.length).toBeGreaterThan(0);
    expect(ratified.filter((r) => r.overflightRefused)).toEqual([]);
  });

  it('a refusal is followed by the much smaller overflight deal in most runs (P = 1 - 1/6 given u < q)', () => {
    const followed = refusals.filter((r) => r.overflightSold).length / refusals.length;
    expect(followed).toBeGreaterThan(0.6);
    // Much smaller: what Turkey is paid after refusing is under a third of what a ratified transit brings.
    expect(median(refusals.map((r) => r.paid))).toBeLessThan(median(ratified.map((r) => r.paid)) / 3);
  });

  it('votes before the occupation: in February or March 2003 (rounds 1-2), most in March', () => {
    expect(runs.every((r) => r.voteRound === 1 || r.voteRound === 2)).toBe(true);
    expect(runs.filter((r) => r.voteRound === 2).length).toBeGreaterThan(runs.length / 2);
  });

  it("pays access from the access budget only, so the troops' money is the same whichever way the vote goes", () => {
    // Accounting: the troops' budget spent exactly the troop payments, the access budget exactly the access payments.
    for (const r of runs) {
      expect(r.budgetSpent).toBeCloseTo(r.troopPayments, 2);
      expect(r.accessSpent).toBeCloseTo(r.accessPaid, 2);
    }
    // Before the access budget, a ratified transit took the troops' money (median $1.11bn against $2.02bn after a refusal).
    const ratio = median(refusals.map((r) => r.troopPayments)) / median(ratified.map((r) => r.troopPayments));
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  });
});
