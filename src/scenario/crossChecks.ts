/** Checks that need the whole scenario: references, uniqueness, ordering, feasibility. */
import { closest } from 'fastest-levenshtein';
import { formatPath, type InputIssue } from './issues';
import { MAX_PARTY_ROUNDS } from './limits';
import type { Scenario } from './schema';

export function checkScenario(s: Scenario): InputIssue[] {
  const issues: InputIssue[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: (string | number)[]): void => {
    const first = seen.get(id);
    if (first !== undefined) {
      issues.push({ code: 'duplicate-id', path, message: `id "${id}" is already used at ${first}`, fix: 'give every pivotal state, donor, third party and side deal its own id' });
    } else seen.set(id, formatPath(path));
  };
  claim(s.pivotal.id, ['pivotal', 'id']);
  s.donors.forEach((d, i) => claim(d.id, ['donors', i, 'id']));
  s.thirdParties.forEach((t, i) => claim(t.id, ['thirdParties', i, 'id']));
  (s.payers ?? []).forEach((p, i) => claim(p.id, ['payers', i, 'id']));
  s.sideDeals.forEach((d, i) => claim(d.id, ['sideDeals', i, 'id']));

  const parties = new Set(s.thirdParties.map((t) => t.id));
  const sorted = [...parties].sort();
  // Name the likeliest id, then a short list (scenarios can have hundreds of parties).
  const knownFix = (bad: string): string => {
    const guess = closest(bad, sorted);
    const list = sorted.length <= 12 ? sorted.join(', ') : `${sorted.slice(0, 10).join(', ')}, ... (${sorted.length} in all)`;
    return `did you mean "${guess}"? Third-party ids: ${list}`;
  };
  const lastRound = s.clock.rounds;
  const partyRounds = s.thirdParties.length * s.clock.rounds;
  if (partyRounds > MAX_PARTY_ROUNDS) {
    issues.push({
      code: 'too-big',
      path: ['clock', 'rounds'],
      message: `${s.thirdParties.length.toLocaleString('en-US')} third parties x ${s.clock.rounds.toLocaleString('en-US')} rounds = ${partyRounds.toLocaleString('en-US')} party-rounds, over the limit of ${MAX_PARTY_ROUNDS.toLocaleString('en-US')} for one run (memory grows with it)`,
      fix: 'use fewer rounds (e.g. quarters instead of months: clock.roundsPerYear 4) or fewer third parties; see "Limits" in the README',
    });
  }
  const beyond = (r: number, path: (string | number)[]): void => {
    if (r > lastRound) issues.push({ code: 'round-out-of-range', path, message: `round ${r} is after the last round (${lastRound})`, fix: `use a round from 1 to ${lastRound}, or raise clock.rounds` });
  };

  const b = s.pivotal.bargaining;
  if (b.deadlineRound !== undefined) beyond(b.deadlineRound, ['pivotal', 'bargaining', 'deadlineRound']);
  if ((b.deadlineUrgency ?? 0) > 0 && b.deadlineRound === undefined) {
    issues.push({ code: 'missing-field', path: ['pivotal', 'bargaining', 'deadlineUrgency'], message: 'deadlineUrgency is set but there is no deadlineRound for it to count down to', fix: 'add pivotal.bargaining.deadlineRound (a round from 1 to clock.rounds), or remove deadlineUrgency' });
  }

  // The fixed-rate strategy posts this rate and never haggles: without it the pivotal offered 0, so
  // no partner that asks anything ever signed, and nothing said why (docs audit, 2026-12-07).
  if (s.engine.pricing.rule === 'negotiation' && b.strategy === 'fixed-rate' && b.fixedRatePerSoldierPerRound === undefined) {
    issues.push({ code: 'missing-field', path: ['pivotal', 'bargaining', 'fixedRatePerSoldierPerRound'], message: 'the fixed-rate strategy posts this rate, and it is missing, so the pivotal would offer nothing and only partners asking nothing would join', fix: 'add pivotal.bargaining.fixedRatePerSoldierPerRound (US$ per soldier per round; the UN reimbursed 1410 a month), or choose another strategy' });
  }

  let previous = 0;
  s.pivotal.demand.forEach((step, i) => {
    beyond(step.fromRound, ['pivotal', 'demand', i, 'fromRound']);
    if (step.fromRound <= previous) {
      issues.push({ code: 'unordered', path: ['pivotal', 'demand', i, 'fromRound'], message: `steps must be in increasing fromRound order, but ${step.fromRound} follows ${previous}`, fix: 'sort the demand steps by fromRound' });
    }
    previous = step.fromRound;
  });

  s.donors.forEach((d, i) => d.contributions.forEach((c, j) => beyond(c.round, ['donors', i, 'contributions', j, 'round'])));
  s.thirdParties.forEach((t, i) => {
    beyond(t.availableFromRound, ['thirdParties', i, 'availableFromRound']);
    if (t.capability && t.capability.armedForces !== t.armedForces) {
      issues.push({ code: 'inconsistent', path: ['thirdParties', i, 'capability', 'armedForces'], message: `differs from armedForces (${t.capability.armedForces} vs ${t.armedForces})`, fix: 'give one figure, or drop capability.armedForces' });
    }
  });
  s.sideDeals.forEach((d, i) =>
    (d.recipients ?? []).forEach((r, j) => {
      if (!parties.has(r)) issues.push({ code: 'unknown-id', path: ['sideDeals', i, 'recipients', j], message: `no third party has id "${r}"`, fix: knownFix(r) });
    }),
  );
  // Payers (issue 16 item 2): their lines and values name third parties.
  (s.payers ?? []).forEach((p, i) => {
    p.lines.forEach((l, j) =>
      (l.recipients ?? []).forEach((r, k) => {
        if (!parties.has(r)) issues.push({ code: 'unknown-id', path: ['payers', i, 'lines', j, 'recipients', k], message: `no third party has id "${r}"`, fix: knownFix(r) });
      }),
    );
    for (const r of Object.keys(p.partnerValues ?? {})) {
      if (!parties.has(r)) issues.push({ code: 'unknown-id', path: ['payers', i, 'partnerValues', r], message: `no third party has id "${r}"`, fix: knownFix(r) });
    }
  });
  const leads = new Map(s.thirdParties.map((t) => [t.id, t.leadNation]));
  s.thirdParties.forEach((t, i) => {
    if (t.leadNation === undefined) return;
    const path = ['thirdParties', i, 'leadNation'];
    if (!parties.has(t.leadNation)) issues.push({ code: 'unknown-id', path, message: `no third party has id "${t.leadNation}"`, fix: knownFix(t.leadNation) });
    else if (t.leadNation === t.id) issues.push({ code: 'invalid-value', path, message: 'a party cannot serve under its own command', fix: 'name another third party, or remove leadNation' });
    else if (leads.get(t.leadNation) !== undefined) issues.push({ code: 'invalid-value', path, message: `its lead "${t.leadNation}" itself serves under "${leads.get(t.leadNation)}": funds pass through one lead nation only`, fix: `name "${leads.get(t.leadNation)}" as the lead, or remove leadNation from "${t.leadNation}"` });
  });
  s.events.forEach((e, i) => {
    beyond(e.round, ['events', i, 'round']);
    if (e.type === 'availability' && !parties.has(e.party)) {
      issues.push({ code: 'unknown-id', path: ['events', i, 'party'], message: `no third party has id "${e.party}"`, fix: knownFix(e.party) });
    }
    if (e.type === 'demand' && (e.troops === undefined) === (e.delta === undefined)) {
      issues.push({ code: 'invalid-value', path: ['events', i], message: 'a demand event needs exactly one of "troops" (set) or "delta" (add)', fix: 'e.g. { "round": 6, "type": "demand", "delta": 5000 }' });
    }
  });

  // A delta that would take the demand below zero (the engine floors it at 0): say so, as a
  // typo of sign or size is likelier than a wish to end the demand, which "troops": 0 states.
  walkDemand(s, (i, round, before) => {
    if (i === null) return;
    const e = s.events[i]!;
    if (e.type === 'demand' && e.troops === undefined && e.delta !== undefined && before + e.delta < 0) {
      issues.push({ code: 'invalid-value', path: ['events', i, 'delta'], message: `takes the demand from ${before} to ${before + e.delta} troops in round ${round}; demand cannot go below 0`, fix: `give a delta of at least ${-before}, or "troops": 0 to end the demand` });
    }
  });

  const demands = s.pivotal.demand.some((d) => d.troops > 0) || s.events.some((e) => e.type === 'demand' && ((e.troops ?? 0) > 0 || (e.delta ?? 0) > 0));
  const money = s.pivotal.budget + s.donors.reduce((a, d) => a + d.contributions.reduce((b, c) => b + c.amount, 0), 0) + s.events.reduce((a, e) => a + (e.type === 'budget' ? Math.max(0, e.amount) : 0), 0);
  if (demands && money <= 0) {
    issues.push({ code: 'no-budget', path: ['pivotal', 'budget'], message: 'the pivotal state seeks troops but has no money to pay for any (budget 0, no donors, no budget events)', fix: 'set pivotal.budget, or add donors with contributions' });
  }
  return issues;
}

type DemandScenario = Pick<Scenario, 'clock' | 'events'> & { readonly pivotal: Pick<Scenario['pivotal'], 'demand'> };

/**
 * The demand path as the engine walks it (engine/phases/scheduled.ts): each round its step of
 * pivotal.demand, then its demand events in file order. `visit` sees each step (eventIndex
 * null) and each demand event (its index in events), with the demand just before and after it.
 * Troops, >= 0 (a delta below the level floors at 0).
 */
function walkDemand(s: DemandScenario, visit: (eventIndex: number | null, round: number, before: number, after: number) => void): void {
  const steps = new Map(s.pivotal.demand.map((d) => [d.fromRound, d.troops]));
  // Demand events by round, in file order: one pass over the events, not one per round.
  const byRound = new Map<number, number[]>();
  s.events.forEach((e, i) => {
    if (e.type === 'demand') byRound.set(e.round, [...(byRound.get(e.round) ?? []), i]);
  });
  let level = 0;
  for (let round = 1; round <= s.clock.rounds; round++) {
    const step = steps.get(round);
    if (step !== undefined) {
      visit(null, round, level, step);
      level = step;
    }
    for (const i of byRound.get(round) ?? []) {
      const e = s.events[i]!;
      if (e.type !== 'demand') continue;
      const after = e.troops ?? Math.max(0, level + (e.delta ?? 0));
      visit(i, round, level, after);
      level = after;
    }
  }
}

/** A change of the demand level: a step of pivotal.demand (eventIndex null), or a demand event (its index in events). */
export interface DemandChange {
  readonly round: number;
  readonly troops: number;
  readonly before: number;
  readonly eventIndex: number | null;
}

/**
 * Every change of the demand level over the run, in order, as the engine walks it (walkDemand):
 * a later step of pivotal.demand sets the level anew, whatever demand events did before it.
 */
export function demandPath(s: DemandScenario): DemandChange[] {
  const out: DemandChange[] = [];
  walkDemand(s, (eventIndex, round, before, after) => {
    if (after !== before) out.push({ round, troops: after, before, eventIndex });
  });
  return out;
}

/** The demand just before demand event `eventIndex` applies (troops; 0 for an event after the last round). */
export function demandBeforeEvent(s: DemandScenario, eventIndex: number): number {
  let found = 0;
  walkDemand(s, (i, _round, before) => {
    if (i === eventIndex) found = before;
  });
  return found;
}
