/**
 * The story each teaching scenario's description promises, as a checker over one seeded run:
 * which of its claims hold. Reusable across seeds (issue 14, item 7): a story holds when
 * every claim does. Each claim names the mechanism it relies on.
 */
import { runScenario } from '../../src/core/engine/run';
import type { EventOf, SimEvent } from '../../src/core/events';
import { summarize } from '../../src/core/metrics/summary';
import type { Scenario } from '../../src/scenario/schema';

export interface StoryCheck {
  readonly holds: boolean;
  /** The claims that failed, in words. */
  readonly failed: readonly string[];
}

const of = <T extends SimEvent['type']>(events: readonly SimEvent[], type: T): EventOf<T>[] => events.filter((e): e is EventOf<T> => e.type === type);

function check(claims: readonly [string, boolean][]): StoryCheck {
  const failed = claims.filter(([, ok]) => !ok).map(([what]) => what);
  return { holds: failed.length === 0, failed };
}

/** teaching-scarcity (mechanism: supply and demand set bargaining power through the outside option). */
export function scarcityStory(s: Scenario, seed: number, shock = 9): StoryCheck {
  const r = runScenario(s, seed);
  const markets = of(r.events, 'market');
  const deals = of(r.events, 'deal-signed').filter((d) => d.share !== null);
  const before = deals.filter((d) => d.round < shock);
  const after = deals.filter((d) => d.round >= shock);
  const mean = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);
  return check([
    ['tightness stays at or below 1 before the offensive', markets.filter((m) => m.round < shock).every((m) => m.tightness !== null && m.tightness <= 1)],
    ['tightness crosses 1 in the month of the offensive', (markets.find((m) => m.round === shock)?.tightness ?? Infinity) > 1],
    ['partners take under half the surplus before the offensive', before.length > 0 && mean(before.map((d) => d.share!)) < 0.5],
    ['deals signed after the offensive give partners most of the surplus', after.length > 0 && mean(after.map((d) => d.share!)) > 0.5],
    ['a reversal after the offensive', of(r.events, 'reversal').some((e) => e.round >= shock)],
  ]);
}

/**
 * teaching-holdup (mechanism: a threat is credible only when the partner would really leave, which
 * casualties make it, and paid only when replacing it is dear, i.e. partners are scarce).
 */
export function holdupStory(s: Scenario, seed: number, entry = 5): StoryCheck {
  const r = runScenario(s, seed);
  const threats = of(r.events, 'holdup-threat');
  const resolved = of(r.events, 'holdup-resolved');
  const early = resolved.filter((e) => e.round < entry);
  const late = resolved.filter((e) => e.round >= entry);
  const lateThreats = threats.filter((t) => t.round >= entry);
  return check([
    ['before the great power enters no hold-up is paid (the partner would stay at its price: no threat, or a called bluff)', early.every((e) => e.outcome !== 'paid')],
    ['from the entry a threat is made while partners are scarce', lateThreats.some((t) => t.tightness === null || t.tightness > 1)],
    ['the pivotal believes that threat genuine (the casualties it expects raise its reservation)', lateThreats.some((t) => t.leaveProbability > 0.5 && (t.casualtyPremium === null || t.casualtyPremium > 0))],
    ['from the entry a hold-up is paid', late.some((e) => e.outcome === 'paid')],
    ['the partner that held up ends with a reversal', of(r.events, 'reversal').some((v) => late.some((e) => e.outcome === 'paid' && e.party === v.party))],
  ]);
}

/** teaching-information pair (mechanism: openness reveals the pivotal's reservation, raising partners' beliefs and asks). */
export function informationStory(open: Scenario, discreet: Scenario, seed: number): StoryCheck {
  const a = summarize(runScenario(open, seed));
  const b = summarize(runScenario(discreet, seed));
  const ca = a.costs.costPerPaidSoldierYear;
  const cb = b.costs.costPerPaidSoldierYear;
  return check([
    ['both cases sign paid deals', ca !== null && cb !== null],
    ['open recruitment costs more per paid soldier-year than discreet', ca !== null && cb !== null && ca > cb],
    ['partners take a larger share of the surplus in the open case', (a.power.meanShare ?? 0) > (b.power.meanShare ?? 0)],
  ]);
}

/**
 * teaching-signalling (mechanism: states with unrealised alliance potential over-contribute to earn a
 * closer alliance; a state with little in common has nothing to signal and sends only what it is paid for).
 */
export function signallingStory(s: Scenario, seed: number, signaller = 'GEO', second = 'NZL', stranger = 'BRA'): StoryCheck {
  const r = runScenario(s, seed);
  const sum = summarize(r);
  const share = new Map(sum.coalition.members.map((m) => [m.id, m.troopsMax / (s.thirdParties.find((t) => t.id === m.id)?.armedForces ?? Infinity)]));
  const deepened = new Map<string, number>();
  for (const e of of(r.events, 'alliance-deepened')) deepened.set(e.party, (deepened.get(e.party) ?? 0) + (e.to - e.from));
  const ranked = [...share.entries()].sort((x, y) => y[1] - x[1]).map(([id]) => id);
  const mostDeepened = [...deepened.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
  const sh = (id: string): number => share.get(id) ?? 0;
  return check([
    [`${signaller} joins`, share.has(signaller)],
    [`${signaller} deploys the largest share of its forces`, ranked[0] === signaller],
    [`${second} joins and deploys the second largest share`, share.has(second) && ranked[1] === second],
    [`${second} deploys at least 1% of its forces`, sh(second) >= 0.01],
    [`${stranger} deploys a smaller share than ${signaller} and ${second}`, sh(stranger) < Math.min(sh(signaller), sh(second))],
    [`${signaller}'s alliance is deepened the most`, mostDeepened === signaller],
  ]);
}

/**
 * teaching-promises (mechanism: a promise is kept while reneging would cost the pivotal more than
 * delivering, i.e. while the partner's retaliation has months left to bite; a broken one is
 * reneging, and retaliation follows). Issue 16 item 3.
 */
export function promisesStory(s: Scenario, seed: number, partner = 'POL', early = 'contracts', late = 'visa'): StoryCheck {
  const r = runScenario(s, seed);
  const made = of(r.events, 'promise-made');
  const kept = of(r.events, 'promise-kept');
  const broken = of(r.events, 'promise-broken');
  const lateBroken = broken.find((e) => e.party === partner && e.item === late);
  const sameRound = (e: SimEvent): boolean => lateBroken !== undefined && e.round === lateBroken.round && 'party' in e && e.party === partner;
  const paidFor = (item: string): number => of(r.events, 'payment').filter((e) => e.recipient === partner && e.item === item).reduce((a, e) => a + e.amount, 0);
  const earlyItem = s.sideDeals.find((d) => d.id === early)!;
  return check([
    [`${partner} is promised ${early} and ${late} as part of its deal`, made.some((e) => e.party === partner && e.item === early) && made.some((e) => e.party === partner && e.item === late)],
    ['Turkey takes the loan it values more, not the grant', made.some((e) => e.party === 'TUR' && e.item === 'loan') && !r.events.some((e) => e.type === 'payment' && e.recipient === 'TUR' && e.item === 'grant')],
    [`the early promise (${early}) is kept, and costs what it costs`, kept.some((e) => e.party === partner && e.item === early) && paidFor(early) === earlyItem.costToGiver],
    [`the late promise (${late}) is broken, and the pivotal pays nothing for it`, lateBroken !== undefined && paidFor(late) === 0],
    [`${partner} sees reneging in that round and retaliates`, r.events.some((e) => e.type === 'reneging-perceived' && e.actual && sameRound(e)) && r.events.some((e) => ((e.type === 'contingent-released' && e.reason === 'retaliation') || (e.type === 'effort-changed' && e.reason === 'retaliation')) && sameRound(e))],
  ]);
}
