/**
 * Why a state that never joined stayed out, from the event log: its last refusal of a troop or
 * an access deal (asked more than the pivotal would pay, the budget, failed talks, a failed
 * ratification, a posted rate below its reservation),
 * else a withdrawn offer of troops (unavailable), else never needed. Pure.
 */
import type { SimEvent } from '../core/events';

export type StayedOutReason = 'above-ceiling' | 'budget' | 'negotiation-failed' | 'ratification-failed' | 'rate-below-reservation' | 'unavailable' | 'not-needed';

export function stayedOutReason(party: string, events: readonly SimEvent[]): StayedOutReason {
  let reason: StayedOutReason = 'not-needed';
  let available = true;
  for (const e of events) {
    if (!('party' in e) || e.party !== party) continue;
    // An access offer refused counts as a troop deal refused (a state selling only access, e.g. Turkey's transit in 2003).
    if (e.type === 'no-deal' || e.type === 'access-no-deal') reason = e.reason;
    else if (e.type === 'negotiation-ended' && (e.outcome === 'breakdown' || e.outcome === 'deadline' || e.outcome === 'error')) reason = 'negotiation-failed';
    else if (e.type === 'availability-changed') available = e.available;
  }
  return reason === 'not-needed' && !available ? 'unavailable' : reason;
}

export const STAYED_OUT_WORDS: Readonly<Record<StayedOutReason, string>> = {
  'above-ceiling': 'asked more than the pivotal state would pay',
  budget: 'not affordable with the money left',
  'negotiation-failed': 'talks failed',
  'ratification-failed': 'its legislature refused to ratify the deal',
  'rate-below-reservation': 'the posted rate was below its cost',
  unavailable: 'no longer available',
  'not-needed': 'not needed',
};
