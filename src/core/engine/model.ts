/**
 * A scenario compiled for fast stepping: parties by integer index, lookups by id and by
 * round, built once per run. Read-only; shared by every step of a run.
 */
import type { PayerSpec, Pricing, Scenario, ScheduledEvent, ThirdPartySpec } from '../../scenario/schema';
import { mechanismFor } from '../bargaining/pricing';
import type { Mechanism } from '../bargaining/mechanism';
import { strategyFor } from '../bargaining/strategies';
import type { Strategy } from '../bargaining/strategies/types';
import { partyKey, type PartyKey } from '../rng';

export type NegotiationSettings = Extract<Pricing, { rule: 'negotiation' }>;

/** How deals are made: an instant complete-information rule, or negotiation over rounds. */
export type DealMaking = { readonly kind: 'instant'; readonly mechanism: Mechanism } | { readonly kind: 'negotiation'; readonly settings: NegotiationSettings };

export interface Model {
  readonly scenario: Scenario;
  /** Third parties in scenario order; a party's index here is its integer id in the engine. */
  readonly partyOrder: readonly string[];
  readonly specs: readonly ThirdPartySpec[];
  /** Party id -> integer index (scenario order). */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Each party's random-stream key, hashed from its id once per run (by party index). */
  readonly partyKeys: readonly PartyKey[];
  readonly partySpecs: ReadonlyMap<string, ThirdPartySpec>;
  /** Demand level that starts at a round (scheduled steps). */
  readonly demandSteps: ReadonlyMap<number, number>;
  readonly eventsByRound: ReadonlyMap<number, readonly ScheduledEvent[]>;
  readonly donationsByRound: ReadonlyMap<number, readonly { donor: string; amount: number }[]>;
  readonly dealMaking: DealMaking;
  /** Each party's pair of negotiators (the pivotal's and its own), built once per run, by party index. */
  readonly negotiators: readonly { readonly pivotal: Strategy; readonly party: Strategy }[];
  readonly lastRound: number;
  /** Sum of the third parties' armed forces: what the leader's ask is a share of (politics/alliance `leaderAsk`). */
  readonly coalitionForces: number;
  /** Payers with their own lines (issue 16 item 2, phases/payers.ts), in scenario order; empty when none. */
  readonly payers: readonly PayerSpec[];
  /** Payer id -> index in `payers`. */
  readonly payerIndex: ReadonlyMap<string, number>;
}

export function compile(scenario: Scenario): Model {
  const eventsByRound = new Map<number, ScheduledEvent[]>();
  for (const e of scenario.events) push(eventsByRound, e.round, e);
  const donationsByRound = new Map<number, { donor: string; amount: number }[]>();
  for (const d of scenario.donors) for (const c of d.contributions) push(donationsByRound, c.round, { donor: d.id, amount: c.amount });
  return {
    scenario,
    partyOrder: scenario.thirdParties.map((p) => p.id),
    specs: scenario.thirdParties,
    indexOf: new Map(scenario.thirdParties.map((p, i) => [p.id, i])),
    partyKeys: scenario.thirdParties.map((p) => partyKey(p.id)),
    partySpecs: new Map(scenario.thirdParties.map((p) => [p.id, p])),
    demandSteps: new Map(scenario.pivotal.demand.map((d) => [d.fromRound, d.troops])),
    eventsByRound,
    donationsByRound,
    dealMaking: scenario.engine.pricing.rule === 'negotiation' ? { kind: 'negotiation', settings: scenario.engine.pricing } : { kind: 'instant', mechanism: mechanismFor(scenario.engine.pricing) },
    lastRound: scenario.clock.rounds,
    coalitionForces: scenario.thirdParties.reduce((a, t) => a + t.armedForces, 0),
    negotiators: scenario.thirdParties.map((t) => negotiatorsFor(scenario, t)),
    payers: scenario.payers ?? [],
    payerIndex: new Map((scenario.payers ?? []).map((p, j) => [p.id, j])),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function negotiatorsFor(scenario: Scenario, party: ThirdPartySpec): { pivotal: Strategy; party: Strategy } {
  const pb = scenario.pivotal.bargaining;
  const rate = pb.fixedRatePerSoldierPerRound === undefined ? undefined : pb.fixedRatePerSoldierPerRound * scenario.clock.roundsPerYear;
  return {
    pivotal: strategyFor(pb.strategy, { concessionExponent: pb.concessionExponent, fixedRatePerSoldierYear: rate }),
    party: strategyFor(party.bargaining.strategy, { concessionExponent: party.bargaining.concessionExponent }),
  };
}
