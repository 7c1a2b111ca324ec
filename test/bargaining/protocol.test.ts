/** The mechanism's guarantees, independent of any one strategy. */
import { playExchange, type ExchangeInput } from '../../src/core/bargaining/protocol';
import type { Strategy } from '../../src/core/bargaining/strategies/types';
import { equilibrium } from '../../src/core/bargaining/strategies/equilibrium';
import type { SimEvent } from '../../src/core/events';

const point = (x: number) => ({ shape: 'normal' as const, mu: x, sigma: 0, lo: 0, hi: Infinity });
function input(pivotal: Strategy, party: Strategy, exchange = 0, deadline = 4): ExchangeInput {
  return {
    round: 3, party: 'T', exchange, deadline, firstProposer: 'pivotal', horizon: 'open-ended',
    pivotal: { strategy: pivotal, reservation: 100, discount: 0.9, belief: point(20), lastOffer: null, otherEstimateOfMine: 100 },
    thirdParty: { strategy: party, reservation: 20, discount: 0.9, belief: point(100), lastOffer: null, otherEstimateOfMine: 20 },
  };
}

describe('the negotiation mechanism', () => {
  it('ends a negotiation whose strategy throws as a recorded error, not a crash', () => {
    const broken: Strategy = { name: 'broken', propose: () => { throw new Error('division by zero'); }, respond: () => 'accept' };
    const events: SimEvent[] = [];
    const r = playExchange(input(broken, equilibrium), events);
    expect(r.outcome).toBe('error');
    expect(r.detail).toContain('pivotal strategy "broken" failed: division by zero');
  });
  it('treats a nonsense offer (NaN, negative) as an error too', () => {
    const nan: Strategy = { name: 'nan', propose: () => Number.NaN, respond: () => 'reject' };
    expect(playExchange(input(nan, equilibrium), []).outcome).toBe('error');
    const responderThrows: Strategy = { name: 'bad-responder', propose: () => 50, respond: () => { throw new Error('oops'); } };
    expect(playExchange(input(equilibrium, responderThrows), []).outcome).toBe('error');
  });
  it('logs the offer, the belief update and the response; a proposer may walk away', () => {
    const events: SimEvent[] = [];
    const r = playExchange(input(equilibrium, equilibrium), events);
    expect(events.map((e) => e.type)).toEqual(['offer', 'belief-updated', 'response']);
    expect(r.outcome).toBe('agreement');
    const quitter: Strategy = { name: 'quit', propose: () => null, respond: () => 'reject' };
    expect(playExchange(input(quitter, equilibrium), []).outcome).toBe('breakdown');
  });
  it('ends at the deadline when the last offer is rejected, and only then learns from the rejection', () => {
    const stubborn: Strategy = { name: 'stubborn', propose: () => 99, respond: () => 'reject' };
    const lowball: Strategy = { name: 'lowball', propose: () => 10, respond: () => 'reject' };
    const early: SimEvent[] = [];
    expect(playExchange(input(lowball, stubborn, 0, 4), early).outcome).toBe('continue');
    expect(early.filter((e) => e.type === 'belief-updated' && e.cause === 'rejection')).toHaveLength(0);
    const last: SimEvent[] = [];
    const r = playExchange(input(lowball, stubborn, 2, 3), last);
    expect(r.outcome).toBe('deadline');
    expect(r.pivotalBelief.lo).toBe(10);
  });

  it('a party never asks less than the pivotal has already offered, nor the pivotal offers more than the party asked (a dominated proposal)', () => {
    // Georgia, isaf-surge seed 12 before the rule: refused the US's 93,987.82, then asked 92,211.40.
    const undercut: Strategy = { name: 'undercut', propose: () => 92_211.4, respond: () => 'reject' };
    const atParty = input(equilibrium, undercut, 1);
    const asked = playExchange({ ...atParty, pivotal: { ...atParty.pivotal, reservation: 150_000, lastOffer: 93_987.82 }, thirdParty: { ...atParty.thirdParty, reservation: 38_395.26 } }, []);
    expect(asked.partyOffer).toBe(93_987.82);
    // Its own standing offer comes back to the pivotal, which takes it.
    expect(asked.outcome).toBe('agreement');
    expect(asked.price).toBe(93_987.82);
    const overbid: Strategy = { name: 'overbid', propose: () => 70, respond: () => 'reject' };
    const atPivotal = input(overbid, equilibrium, 2);
    const offered = playExchange({ ...atPivotal, thirdParty: { ...atPivotal.thirdParty, lastOffer: 60 } }, []);
    expect(offered.pivotalOffer).toBe(60);
    // Once others have filled its demand (its ceiling fell to 0), the pivotal need not take back what it offered.
    const filled = playExchange({ ...atParty, pivotal: { ...atParty.pivotal, reservation: 0, lastOffer: 93_987.82 }, thirdParty: { ...atParty.thirdParty, reservation: 38_395.26 } }, []);
    expect(filled.outcome).not.toBe('agreement');
    // A proposal inside the standing offers is left as it is.
    const inside = playExchange({ ...atPivotal, thirdParty: { ...atPivotal.thirdParty, lastOffer: 80 } }, []);
    expect(inside.pivotalOffer).toBe(70);
  });

  it('a responder takes an offer at least as good as what it would itself propose next (one-shot deviation), and never one past its reservation', () => {
    // The party's strategy rejects everything, but would itself ask 60 next: an offer of 70 is better than that, so it is taken now.
    const asksSixty: Strategy = { name: 'asks-60', propose: () => 60, respond: () => 'reject' };
    const offersSeventy: Strategy = { name: 'offers-70', propose: () => 70, respond: () => 'reject' };
    const taken = playExchange(input(offersSeventy, asksSixty, 0), []);
    expect(taken.outcome).toBe('agreement');
    expect(taken.price).toBe(70);
    // Asking 80 next, it holds out against 70.
    const asksEighty: Strategy = { name: 'asks-80', propose: () => 80, respond: () => 'reject' };
    expect(playExchange(input(offersSeventy, asksEighty, 0), []).outcome).toBe('continue');
    // Its own counter never goes below its reservation (20 here, 75 below): an offer under it is refused whatever the strategy would ask.
    const atLoss = input(offersSeventy, asksSixty, 0);
    expect(playExchange({ ...atLoss, thirdParty: { ...atLoss.thirdParty, reservation: 75 } }, []).outcome).not.toBe('agreement');
    // At the last exchange there is no next proposal: the strategy's answer stands.
    expect(playExchange(input(offersSeventy, asksSixty, 3, 4), []).outcome).toBe('deadline');
  });
});
