/**
 * Who paid what to whom (issue 16 item 6), as `explain` and the report tell it: each payer's
 * lines, what it funded for whom and why it funded before another (its value), the pivotal's
 * rest, pass-through via a lead nation, and an access seller's deal, with the run's figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventOf } from '../../src/core/events';
import { dollars, money } from '../../src/report/format';
import { buildNarrative } from '../../src/report/narrative';
import { narrativeText } from '../../src/report/text';
import { ROOT, valid } from '../helpers/scenarios';
import { runOutputs } from './helpers';

const bundled = (id: string) => valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8')));

describe('amisom-2012: several payers', () => {
  const o = runOutputs(bundled('amisom-2012'), 1);
  const n = buildNarrative(o);
  const who = n.whoPaid.join(' ');
  const payers = o.summary.payers!;

  it('names every payer with what it paid, in all and per line and recipient', () => {
    for (const b of o.summary.costs.byPayer) expect(who).toContain(`${b.id === 'USA' ? 'the United States' : b.id === 'EU' ? 'the European Union' : 'the United Kingdom'} ${money(b.cost)}`);
    for (const p of payers) {
      expect(who).toContain(`spent ${money(p.spent)} of its ${money(p.budget)} budget`);
      for (const f of p.funded) expect(who).toContain(`${f.recipient === 'UGA' ? 'Uganda' : f.recipient === 'BDI' ? 'Burundi' : f.recipient === 'KEN' ? 'Kenya' : 'Ethiopia'} (${money(f.paid)})`);
    }
    expect(who).toContain('“troop allowance (African Peace Facility)”, posted at $12,336 per soldier-year ($1,028 per soldier a month), at the full posted rate');
  });

  it('says why a payer funds before another: its value of the troops, against the others\' and the rate', () => {
    expect(who).toContain("A partner's soldier-year is worth $15,000 to it, more than to the United Kingdom ($4,000), so it funds a contingent's subsidy before it.");
    expect(who).toContain("worth $4,000 to it, less than to the European Union ($15,000), so it funds only what that payer leaves");
    expect(who).toContain('so the rate, not its value, limits what it pays');
    // A line below its posted rate says which bound held.
    for (const f of payers.flatMap((p) => p.funded).filter((x) => x.bound !== 'posted-rate')) expect(who).toContain(`at ${dollars(f.fundedPerSoldierYear)} to`);
    const own = o.summary.costs.byPayer.find((b) => b.id === 'USA')!.cost;
    expect(who).toContain(`The United States negotiated every package and paid what the other payers' lines left: ${money(own)}.`);
  });

  it('tells each deal\'s split among the payers in its round, and each round\'s payments by payer', () => {
    const deal = o.events.find((e): e is EventOf<'deal-signed'> => e.type === 'deal-signed' && (e.lines?.length ?? 0) > 1)!;
    const round = n.rounds[deal.round - 1]!.sentences.join(' ');
    expect(round).toContain(`Of the subsidy, the European Union pays ${dollars(deal.lines![0]!.perSoldierYear)} per soldier-year for troop allowance (African Peace Facility)`);
    expect(round).toMatch(/This month \d+ partners? receives? \$[\d.,]+ (million|billion): the European Union \$[\d.]+ million, the United Kingdom \$[\d.]+ million and the United States \$[\d.]+ million\./);
    expect(n.scenario.join(' ')).toContain('The European Union pays lines of its own from a budget of $700 million');
    // The ending no longer says the pivotal paid it all.
    expect(n.ending.join(' ')).not.toContain(`The United States paid ${money(o.summary.payments.total)}`);
  });

  it('explain prints it under its own heading', () => {
    const t = narrativeText(n, 'meta', { width: 100, color: false });
    expect(t).toMatch(/\nWho paid whom\n {2}- 3 payers shared the \$1\.\d\d billion paid to partners/);
  });
});

describe('iraq-2003: a lead nation', () => {
  it('tells what passed through Poland, to whom', () => {
    const o = runOutputs(bundled('iraq-2003'), 1);
    const n = buildNarrative(o);
    const via = o.summary.flows!.filter((f) => f.via === 'POL');
    expect(via.length).toBeGreaterThan(0);
    const total = via.reduce((a, f) => a + f.amount, 0);
    expect(n.whoPaid.join(' ')).toContain(`Poland led partners under its command and passed ${money(total)} of the United States' money on to them: `);
    expect(n.whoPaid.join(' ')).toContain(`Ukraine ${money(via.find((f) => f.recipient === 'UKR')!.amount)}`);
    expect(n.scenario.join(' ')).toContain("would serve under Poland's command");
    const r = o.events.find((e): e is EventOf<'payment'> => e.type === 'payment' && e.via === 'POL')!.round;
    expect(n.rounds[r - 1]!.sentences.join(' ')).toMatch(/of it passes through Poland to /);
  });
});

describe('gulf-war-1991: access sellers', () => {
  it("tells each access seller's deal with its figures", () => {
    const o = runOutputs(bundled('gulf-war-1991'), 1);
    const n = buildNarrative(o);
    const sellers = o.summary.coalition.members.filter((m) => m.access);
    expect(sellers.length).toBeGreaterThan(0);
    for (const m of sellers) for (const a of m.access!) expect(n.whoPaid.join(' ')).toContain(`for ${money(a.pricePerYear)} a year: granting it cost ${m.name} ${money(a.reservation)} a year, and it was worth ${money(a.pivotalReservation)} a year to the United States.`);
  });
});

describe('the default scenario', () => {
  it('has no who-paid-whom section: the pivotal paid every partner directly', () => {
    expect(buildNarrative(runOutputs()).whoPaid).toEqual([]);
    expect(narrativeText(buildNarrative(runOutputs()), 'meta', { width: 100, color: false })).not.toContain('Who paid whom');
  });
});
