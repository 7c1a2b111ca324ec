/**
 * Signalling by acquaintances (BRIEF §1, the ISAF finding): a state whose alliance with
 * the pivotal is shallower than their shared interests would predict deploys a larger
 * share of its forces, as a costly signal to earn a closer relationship. Here a state
 * offers more of its forces the more a contingent is worth to it as a signal relative to
 * what a soldier costs it; each round the pivotal may deepen its alliance with those that
 * over-contribute, which lowers their signalling value from then on.
 */
import type { Scenario, ThirdPartySpec } from '../../scenario/schema';
import { alliancePotential, capacity, thirdPartyReservation } from '../market/reservation';
import { cents } from '../money';
import { leaderAsk, reviewedDepth } from '../politics/alliance';
import type { Model } from '../engine/model';
import type { RunState } from '../engine/runState';
import type { EventSink } from '../engine/sink';

type Operation = Scenario['engine']['operation'];

/** Troops a state offers: its usual capacity, or with signalling on, a share chosen by its signal value. */
export function chosenCapacity(spec: ThirdPartySpec, costPerYear: number, op: Operation): number {
  if (!op.signalling || spec.maxTroops !== undefined) return capacity(spec);
  const signal = spec.signallingValuePerYear * alliancePotential(spec);
  const pull = costPerYear > 0 ? Math.min(1, signal / costPerYear) : 1;
  const share = spec.deployableShare + Math.max(0, op.maxDeployableShare - spec.deployableShare) * pull;
  return Math.floor(spec.armedForces * share);
}

/**
 * The pivotal's alliance review, each round (issue 12 item 3; politics/alliance.ts
 * `reviewedDepth`): a deployed member whose share of forces deployed exceeds the share the
 * leader asks of everyone (a = demand / sum of third parties' armed forces) has its alliance
 * deepened by rate g min(1, share / a - 1) / roundsPerYear, rate = `allianceReward` (with
 * signalling on). A deeper alliance leaves less unrealized potential: its signalling value,
 * hence its reservation, is recomputed at once (a later enlargement or hold-up sees it), and it
 * offers no more of its forces than its new signal justifies (never fewer than it has deployed).
 */
export function reviewAlliances(s: RunState, model: Model, round: number, log: EventSink): void {
  const op = model.scenario.engine.operation;
  if (!op.signalling || op.allianceReward <= 0) return;
  const ask = leaderAsk(s.demand, model.coalitionForces);
  if (ask <= 0) return;
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    const spec = model.specs[i]!;
    if (p.troops <= 0 || spec.armedForces <= 0) continue;
    const share = p.troops / spec.armedForces;
    const to = reviewedDepth({ depth: p.allianceDepth, similarity: spec.preferenceSimilarity, shareDeployed: share, ask, rate: op.allianceReward, roundsPerYear: model.scenario.clock.roundsPerYear });
    if (to <= p.allianceDepth) continue;
    const from = p.allianceDepth;
    p.allianceDepth = to;
    const now = { ...spec, allianceDepth: to };
    const r = thirdPartyReservation(now, p.costPerYear);
    p.reservation = cents(r.reservation);
    // Less signal never means more troops on offer (nor undoes a cap a failed ratification set).
    p.capacity = Math.max(p.troops, Math.min(p.capacity, chosenCapacity(now, p.costPerYear, op)));
    log.push({ type: 'alliance-deepened', round, party: spec.id, from, to, shareOfForces: share });
  }
}
