/**
 * Checks the claims of a told story (buildNarrative) against the event log it was told from:
 * every reversal, hold-up, deal share, urgency figure and ending count must match an event,
 * nothing may contradict what just happened, and names keep their capitals. Returns the
 * list of problems (empty when the story is true to the log).
 */
import type { EventOf, SimEvent } from '../../src/core/events';
import type { Narrative } from '../../src/report/narrative';
import { percent } from '../../src/report/format';
import type { Scenario } from '../../src/scenario/schema';

const of = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T, round?: number): EventOf<T>[] =>
  events.filter((e): e is EventOf<T> => e.type === type && (round === undefined || e.round === round));

function occurrences(text: string, re: RegExp): number {
  return (text.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')) ?? []).length;
}

export function storyProblems(n: Narrative, scenario: Scenario, events: readonly SimEvent[]): string[] {
  const problems: string[] = [];
  const say = (round: number | string, what: string): void => void problems.push(`round ${round}: ${what}`);
  if (n.rounds.length !== scenario.clock.rounds) problems.push(`${n.rounds.length} rounds told of ${scenario.clock.rounds}`);
  for (const r of n.rounds) {
    const text = r.sentences.join(' ');
    const reversals = of(events, 'reversal', r.round);
    if (occurrences(text, /A reversal: /) !== reversals.length) say(r.round, `tells ${occurrences(text, /A reversal: /)} reversals, the log has ${reversals.length}`);
    for (const e of reversals) if (!text.includes(`takes ${percent(e.share)} of the surplus. The much weaker side`)) say(r.round, `reversal share ${percent(e.share)} not told`);
    const threats = of(events, 'holdup-threat', r.round);
    if (occurrences(text, /A hold-up: /) !== threats.length) say(r.round, `tells ${occurrences(text, /A hold-up: /)} hold-up threats, the log has ${threats.length}`);
    const resolved = of(events, 'holdup-resolved', r.round);
    const told = occurrences(text, /gives in to .{1,80}? hold-up|refuses .{1,80}? demand/);
    if (told !== resolved.length) say(r.round, `tells ${told} hold-up outcomes, the log has ${resolved.length}`);
    for (const e of resolved.filter((x) => x.outcome === 'bluff-called')) if (!/calls its bluff/.test(text)) say(r.round, `bluff called for ${e.party} not told`);
    for (const d of of(events, 'deal-signed', r.round)) {
      if (d.share !== null && !text.includes(`takes ${percent(d.share)}.`)) say(r.round, `deal share ${percent(d.share)} for ${d.party} not told`);
    }
    for (const s of r.sentences) if (/ accepts[.;]/.test(s) && /now reckons/.test(s)) say(r.round, `a belief update after an acceptance: "${s.slice(0, 120)}"`);
    const urgency = /a deal a \w+ later is worth only (\d\.\d\d) of one now/.exec(text);
    const market = of(events, 'market', r.round)[0];
    if (urgency && market && urgency[1] !== market.pivotalDiscount.toFixed(2)) say(r.round, `urgency ${urgency[1]} but the log's discount is ${market.pivotalDiscount.toFixed(2)}`);
    if (urgency && of(events, 'negotiation-opened', r.round).length === 0) say(r.round, 'urgency told in a round without talks');
    for (const i of r.highlights) if (i < 0 || i >= r.sentences.length) say(r.round, `highlight ${i} out of range`);
  }
  // Names keep their capitals, wherever they appear.
  const all = [...n.scenario, ...n.rounds.flatMap((r) => r.sentences), ...n.ending, ...n.whoPaid].join(' ');
  for (const name of [scenario.pivotal.name, ...scenario.thirdParties.map((t) => t.name), ...scenario.donors.map((d) => d.name), ...(scenario.payers ?? []).map((p) => p.name)]) {
    const bare = name.replace(/^the /i, '');
    if (bare[0] !== bare[0]!.toUpperCase()) continue;
    const re = new RegExp(`(?<![A-Za-z])${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`, 'gi');
    for (const m of all.matchAll(re)) if (m[0] !== bare) problems.push(`"${m[0]}" written without the capitals of "${bare}"`);
  }
  // The ending's counts.
  const ending = n.ending.join(' ');
  const threats = of(events, 'holdup-threat');
  if (threats.length > 0) {
    if (!ending.includes(`${threats.length} hold-up`)) problems.push(`ending: ${threats.length} hold-ups not told`);
    const paid = of(events, 'holdup-resolved').filter((e) => e.outcome === 'paid').length;
    if (paid > 0 && !ending.includes(`${paid} ${paid === 1 ? 'was' : 'were'} paid`)) problems.push(`ending: ${paid} paid hold-ups not told`);
  } else if (/hold-up/.test(ending)) problems.push('ending tells a hold-up the log does not have');
  const released = of(events, 'contingent-released');
  if (released.length > 0 && !ending.includes('Troops withdrawn:')) problems.push('ending: withdrawals not told');
  // Once per state, from its first depth to its last, where that shows at 2 decimals.
  const span = new Map<string, { from: number; to: number }>();
  for (const d of of(events, 'alliance-deepened')) span.set(d.party, { from: span.get(d.party)?.from ?? d.from, to: d.to });
  for (const [party, d] of span) {
    const told = `depth ${d.from.toFixed(2)} to ${d.to.toFixed(2)}`;
    if (d.from.toFixed(2) !== d.to.toFixed(2) && !ending.includes(told)) problems.push(`ending: alliance with ${party} deepened not told`);
    if ((ending.match(new RegExp(`\\(${told.replace(/\./g, '\\.')}`, 'g')) ?? []).length > 1) problems.push(`ending: alliance with ${party} told more than once`);
  }
  return problems;
}
