/**
 * Each hold-up as one story: the threat (what the partner demanded, over how much of the
 * operation), the market's tightness when it was made, and how it ended (paid, refused and
 * withdrawn, or bluff called) with the amount conceded. Read from the event log; pure.
 */
import type { EventOf, SimEvent } from '../core/events';

export interface HoldupStory {
  readonly round: number;
  readonly party: string;
  /** Extra asked, US$ per soldier-year. */
  readonly demandPerSoldierYear: number;
  /** The same over the rest of the operation, US$. */
  readonly demandTotal: number;
  /** Supply-demand tightness in the round of the threat (> 1: partners scarce); null when nothing was on offer. */
  readonly tightness: number | null;
  /** How much more replacing the partner would have cost, US$ per soldier-year. */
  readonly replacementPremium: number;
  /** null while unresolved at the end of the run. */
  readonly outcome: EventOf<'holdup-resolved'>['outcome'] | null;
  readonly resolvedRound: number | null;
  /** Conceded when paid, US$ (0 otherwise). */
  readonly amount: number;
}

export function holdupStories(events: readonly SimEvent[]): HoldupStory[] {
  const open = new Map<string, { threat: EventOf<'holdup-threat'>; index: number }>();
  const out: HoldupStory[] = [];
  for (const e of events) {
    if (e.type === 'holdup-threat') {
      const story: HoldupStory = { round: e.round, party: e.party, demandPerSoldierYear: e.demandPerSoldierYear, demandTotal: e.demandTotal, tightness: e.tightness, replacementPremium: e.replacementPremium, outcome: null, resolvedRound: null, amount: 0 };
      open.set(e.party, { threat: e, index: out.length });
      out.push(story);
    } else if (e.type === 'holdup-resolved') {
      const o = open.get(e.party);
      if (!o) continue;
      out[o.index] = { ...out[o.index]!, outcome: e.outcome, resolvedRound: e.round, amount: e.outcome === 'paid' ? e.concessionCost : 0 };
      open.delete(e.party);
    }
  }
  return out;
}

export const OUTCOME_WORDS: Readonly<Record<NonNullable<HoldupStory['outcome']>, string>> = {
  paid: 'paid',
  'refused-withdrew': 'refused; forces withdrew',
  'bluff-called': 'refused; bluff called, forces stayed',
};
