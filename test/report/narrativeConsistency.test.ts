/**
 * The story never contradicts its own numbers (a teacher's audit, 2026-12-07): a deal struck above
 * the limit its talks opened at says why the limit rose (the ceiling is recomputed at every
 * exchange: here South Africa signed in the same round, and the partners still free could not
 * fill the month's gap without the Philippines; it said "no partner still free could replace the
 * Philippines", with Thailand free, until a second teacher's audit); a bluff called is said to
 * have kept the partner "then" when it left later.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventOf } from '../../src/core/events';
import { buildNarrative } from '../../src/report/narrative';
import { parseScenario } from '../../src/scenario/load';
import { ROOT } from '../helpers/scenarios';
import { runOutputs } from './helpers';

const holdup = (() => {
  const r = parseScenario(readFileSync(join(ROOT, 'scenarios', 'teaching-holdup.json'), 'utf8'));
  if (!r.ok) throw new Error('teaching-holdup is invalid');
  return r.value;
})();

it('a deal above the ceiling the talks opened at says the limit rose, with both figures from the log (teaching-holdup, seed 1)', () => {
  const o = runOutputs(holdup, 1);
  const opened = o.events.find((e): e is EventOf<'negotiation-opened'> => e.type === 'negotiation-opened' && e.party === 'PHL')!;
  const deal = o.events.find((e): e is EventOf<'deal-signed'> => e.type === 'deal-signed' && e.party === 'PHL')!;
  expect(deal.pricePerSoldierYear).toBeGreaterThan(opened.ceiling);
  const story = buildNarrative(o).rounds[deal.round - 1]!.sentences.join(' ');
  expect(story).toContain("The United States' limit had risen from $2,838 to $14,250 since the talks opened: the partners still free could no longer fill what it sought this month without the Philippines, so only what the troops are worth to it bounded it.");
  expect(story).not.toContain('no partner still free could replace');
});

it('a deal sentence says the limit rose exactly when the deal\'s ceiling is above the one its talks opened at', () => {
  const o = runOutputs(holdup, 1);
  const n = buildNarrative(o);
  const opened = new Map(o.events.filter((e): e is EventOf<'negotiation-opened'> => e.type === 'negotiation-opened').map((e) => [e.party, e.ceiling]));
  const names = new Map(o.scenario.thirdParties.map((t) => [t.id, t.name]));
  const deals = o.events.filter((e): e is EventOf<'deal-signed'> => e.type === 'deal-signed');
  expect(deals.length).toBeGreaterThan(1);
  for (const d of deals) {
    // The deal's own sentence: "... agrees to pay <name> ..." up to the next bullet.
    const sentence = n.rounds[d.round - 1]!.sentences.find((x) => x.includes(`agrees to pay the ${names.get(d.party)}`) || x.includes(`agrees to pay ${names.get(d.party)}`))!;
    expect(sentence).toBeDefined();
    const rose = d.ceiling > (opened.get(d.party) ?? Infinity) + 0.5;
    expect({ party: d.party, said: sentence.includes('limit had risen') }).toEqual({ party: d.party, said: rose });
  }
});

it('a bluff called is said to have kept the partner then, and its later withdrawal is said (teaching-holdup, seed 7)', () => {
  const o = runOutputs(holdup, 7);
  expect(o.events.some((e) => e.type === 'holdup-resolved' && e.outcome === 'bluff-called' && e.party === 'ZAF')).toBe(true);
  expect(o.events.some((e) => e.type === 'contingent-released' && e.party === 'ZAF' && e.remaining === 0)).toBe(true);
  expect(buildNarrative(o).ending.join(' ')).toContain('1 refused as a bluff that was called, the partner staying then (South Africa), though South Africa left later');
});
