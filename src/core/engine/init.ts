/** The state before round 1: realised costs drawn, reservations computed, nobody deployed. */
import { cents } from '../money';
import { capacity, thirdPartyReservation } from '../market/reservation';
import { contingentChoice, initialCapacity } from './phases/contingents';
import { STREAM, type Rng } from '../rng';
import type { SimState } from '../state';
import type { Model } from './model';
import { snapshot, type PartyRecord, type RunState } from './runState';
import { runScratch } from './scratch';

/** The working state of a run before round 1. */
export function initialRunState(model: Model, rng: Rng): RunState {
  const { scenario } = model;
  const cv = scenario.engine.costUncertainty;
  // Mean-preserving lognormal: sigma^2 = ln(1 + cv^2).
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const parties: PartyRecord[] = [];
  for (let i = 0; i < model.specs.length; i++) {
    const spec = model.specs[i]!;
    // One stream per party: adding a party never changes another's draw.
    const z = rng.stream(STREAM.cost, model.partyKeys[i]).normal();
    const costPerYear = cents(spec.deploymentCostPerYear * Math.exp(sigma * z - (sigma * sigma) / 2));
    const r = thirdPartyReservation(spec, costPerYear);
    parties.push({
      id: spec.id,
      status: 'out',
      blocked: false,
      troops: 0,
      capacity: initialCapacity(spec, scenario, capacity(spec)),
      costPerYear,
      reservation: cents(r.reservation),
      liquidityNeed: cents(r.liquidityNeed),
      deal: null,
      joinedRound: null,
      paidTotal: 0,
      lastNoDeal: null,
      pivotalBelief: null,
      negotiation: null,
      reapproachFrom: 1,
      sideDealsReceived: [],
      effort: 1,
      deaths: 0,
      peakTroops: 0,
      holdUpThreats: 0,
      lastThreatRound: 0,
      grievanceUntil: 0,
      allianceDepth: spec.allianceDepth,
    });
  }
  return {
    round: 0,
    demand: 0,
    demandRoseRound: null,
    pivotal: { id: scenario.pivotal.id, budgetTotal: scenario.pivotal.budget, spent: 0, committed: 0 },
    parties,
    market: { supply: 0, tightness: null },
    risk: scenario.engine.operation.deathsPerThousandPerRound,
    shockedUntil: new Map(),
    promisedCents: new Float64Array(parties.length),
    committedCents: 0,
    ratification: new Map(),
    motives: contingentChoice(scenario) ? [] : null,
    scratch: runScratch(model.partyOrder),
  };
}

/** The state before round 1, as the immutable snapshot a run result starts with. */
export function initialState(model: Model, rng: Rng): SimState {
  return snapshot(initialRunState(model, rng));
}
