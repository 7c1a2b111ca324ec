/**
 * Learning from every refusal (issue 12, item 7) and openness only through beliefs (item 8),
 * at the protocol level: pure negotiations played exchange by exchange.
 */
import { playExchange } from '../../src/core/bargaining/protocol';
import { expectedPartyView, partyPriorFor, pivotalPriorFor } from '../../src/core/bargaining/priors';
import { mean, type Belief } from '../../src/core/bargaining/beliefs';
import type { Role } from '../../src/core/bargaining/strategies/types';
import { strategyFor, type StrategyName } from '../../src/core/bargaining/strategies';
import type { SimEvent } from '../../src/core/events';

interface Talks {
  readonly pivotal: StrategyName;
  readonly party: StrategyName;
  readonly r: number;
  readonly C: number;
  readonly deadline: number;
  readonly firstProposer: Role;
  readonly pivotalBelief: Belief;
  readonly partyBelief: Belief;
  /** The pivotal's second-order belief (what it expects the party believes C is); C by default. */
  readonly pivotalView?: number;
}

/** One negotiation to its end; returns the outcome, the price and the pivotal's belief after it. */
function negotiate(t: Talks): { outcome: string; price: number | null; pivotalBelief: Belief; pivotalOffers: number[] } {
  const sP = strategyFor(t.pivotal, {});
  const sT = strategyFor(t.party, {});
  let pivotalBelief = t.pivotalBelief;
  let partyBelief = t.partyBelief;
  let lastP: number | null = null;
  let lastT: number | null = null;
  const pivotalOffers: number[] = [];
  for (let x = 0; x < t.deadline; x++) {
    const events: SimEvent[] = [];
    const res = playExchange({
      round: x + 1, party: 'T', exchange: x, deadline: t.deadline, firstProposer: t.firstProposer, horizon: 'open-ended',
      pivotal: { strategy: sP, reservation: t.C, discount: 0.95, belief: pivotalBelief, lastOffer: lastP, otherEstimateOfMine: t.pivotalView ?? t.C },
      thirdParty: { strategy: sT, reservation: t.r, discount: 0.95, belief: partyBelief, lastOffer: lastT, otherEstimateOfMine: t.r },
    }, events);
    for (const e of events) if (e.type === 'offer' && e.by === 'pivotal') pivotalOffers.push(e.price);
    pivotalBelief = res.pivotalBelief;
    partyBelief = res.partyBelief;
    lastP = res.pivotalOffer;
    lastT = res.partyOffer;
    if (res.outcome !== 'continue') return { outcome: res.outcome, price: res.price, pivotalBelief, pivotalOffers };
  }
  return { outcome: 'deadline', price: null, pivotalBelief, pivotalOffers };
}

describe('learning from every refusal', () => {
  it('minimal case: r = 14,000, R = 20,000, conceder partner, take-it-or-leave-it, intelligence 0: offers rise after each refusal and a deal follows', () => {
    let pivotalBelief = pivotalPriorFor({ visibleCost: 14_000, reservation: 14_000, intelligence: 0, priorWidth: 1, z: -0.8, shape: 'normal' });
    const offers: number[] = [];
    let deal: number | null = null;
    for (let approach = 0; approach < 6 && deal === null; approach++) {
      const partyBelief = partyPriorFor({ anchor: 14_000, ceiling: 20_000, openness: 0.5, priorWidth: 1, z: 0, shape: 'normal' });
      const res = negotiate({ pivotal: 'equilibrium', party: 'conceder', r: 14_000, C: 20_000, deadline: 1, firstProposer: 'pivotal', pivotalBelief, partyBelief });
      offers.push(...res.pivotalOffers);
      pivotalBelief = res.pivotalBelief;
      if (res.outcome === 'agreement') deal = res.price;
      // A walk-away ends the talks: the pivotal learns r_i > its offer.
      else expect(pivotalBelief.lo).toBe(res.pivotalOffers[0]);
    }
    expect(offers[0]!).toBeLessThan(14_000);
    for (let i = 1; i < offers.length; i++) expect(offers[i]!).toBeGreaterThan(offers[i - 1]!);
    expect(deal).not.toBeNull();
    expect(deal!).toBeGreaterThanOrEqual(14_000);
    expect(deal!).toBeLessThanOrEqual(20_000);
  });

  it('no proposer repeats an offer the same party refused: it concedes what a round of delay would cost it, (1 - d) of the gap to its reservation, or walks away when even a cent passes its reservation', () => {
    const fixed = { name: 'fixed', propose: () => 10_000, respond: () => 'reject' as const };
    const sT = strategyFor('boulware', {});
    const belief: Belief = { shape: 'normal', mu: 15_000, sigma: 1_000, lo: 0, hi: Infinity };
    const side = { strategy: fixed, reservation: 20_000, discount: 0.95, belief, lastOffer: 10_000, otherEstimateOfMine: 20_000 };
    const party = { strategy: sT, reservation: 14_000, discount: 0.95, belief: { ...belief, mu: 18_000 }, lastOffer: null, otherEstimateOfMine: 14_000 };
    const events: SimEvent[] = [];
    playExchange({ round: 1, party: 'T', exchange: 2, deadline: 6, firstProposer: 'pivotal', horizon: 'open-ended', pivotal: side, thirdParty: party }, events);
    const offer = events.find((e) => e.type === 'offer');
    // Refused at 10,000, reservation 20,000, d = 0.95: it concedes 0.05 x 10,000 = 500.
    expect(offer && offer.type === 'offer' ? offer.price : null).toBe(10_500);
    // A patient proposer concedes little: d = 0.99 gives 100.
    const patient: SimEvent[] = [];
    playExchange({ round: 1, party: 'T', exchange: 2, deadline: 6, firstProposer: 'pivotal', horizon: 'open-ended', pivotal: { ...side, discount: 0.99 }, thirdParty: party }, patient);
    const slow = patient.find((e) => e.type === 'offer');
    expect(slow && slow.type === 'offer' ? slow.price : null).toBe(10_100);
    // A cent short of its reservation it still concedes, to its reservation at most.
    const near = playExchange({ round: 1, party: 'T', exchange: 2, deadline: 6, firstProposer: 'pivotal', horizon: 'open-ended', pivotal: { ...side, reservation: 10_000.01 }, thirdParty: party }, []);
    expect(near.pivotalOffer).toBe(10_000.01);
    const atCeiling = playExchange({ round: 1, party: 'T', exchange: 2, deadline: 6, firstProposer: 'pivotal', horizon: 'open-ended', pivotal: { ...side, reservation: 10_000 }, thirdParty: party }, []);
    expect(atCeiling.outcome).toBe('breakdown');
    expect(atCeiling.detail).toContain('already refused');
  });
});

describe('openness acts only through the third party\'s belief', () => {
  const r = 20_000;
  const C = 60_000;
  const pivotalBelief = pivotalPriorFor({ visibleCost: 30_000, reservation: r, intelligence: 0.5, priorWidth: 0.5, z: 0, shape: 'normal' });
  // The party's prior from openness; the pivotal's second-order belief from the same prior, anchored at its estimate of r.
  const price = (pivotal: StrategyName, party: StrategyName, openness: number, deadline: number, firstProposer: Role) =>
    negotiate({
      pivotal, party, r, C, deadline, firstProposer, pivotalBelief,
      partyBelief: partyPriorFor({ anchor: r, ceiling: C, openness, priorWidth: 0.5, z: 0, shape: 'normal' }),
      pivotalView: expectedPartyView({ anchor: Math.min(mean(pivotalBelief), C), ceiling: C, openness, priorWidth: 0.5 }),
    });

  it.each([
    ['equilibrium', 'equilibrium', 6, 'pivotal'],
    ['equilibrium', 'equilibrium', 6, 'third-party'],
    ['screening', 'screening', 6, 'pivotal'],
    ['boulware', 'boulware', 6, 'pivotal'],
    ['screening', 'screening', 1, 'third-party'],
    ['equilibrium', 'screening', 1, 'third-party'],
  ] as const)('pivotal %s, party %s, deadline %p, %s first: recruiting openly raises the agreed price', (p, t, deadline, first) => {
    const closed = price(p, t, 0.1, deadline, first);
    const open = price(p, t, 0.9, deadline, first);
    expect(closed.outcome).toBe('agreement');
    expect(open.outcome).toBe('agreement');
    expect(open.price!).toBeGreaterThan(closed.price!);
  });
});

describe('where openness cannot matter (theory)', () => {
  it('take-it-or-leave-it with the pivotal proposing: the responder accepts iff the offer covers r, whatever it believes', () => {
    const r = 20_000;
    const C = 60_000;
    const pivotalBelief = pivotalPriorFor({ visibleCost: 30_000, reservation: r, intelligence: 0.5, priorWidth: 0.5, z: 0, shape: 'normal' });
    const at = (openness: number) => negotiate({ pivotal: 'screening', party: 'screening', r, C, deadline: 1, firstProposer: 'pivotal', pivotalBelief, partyBelief: partyPriorFor({ anchor: r, ceiling: C, openness, priorWidth: 0.5, z: 0, shape: 'normal' }) });
    expect(at(0.9).price).toBe(at(0.1).price);
  });
});
