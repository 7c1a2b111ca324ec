/**
 * Signalling by acquaintances (BRIEF §1, the ISAF finding): a state whose alliance with
 * the pivotal is shallower than their shared interests would predict deploys a larger
 * share of its forces, as a costly signal to earn a closer relationship. Here a state
 * offers more of its forces the more a contingent is worth to it as a signal relative to
 * what a soldier costs it; at the end the pivotal may deepen its alliance with those that
 * over-contributed.
 */
import type { Scenario, ThirdPartySpec } from '../../scenario/schema';
import { alliancePotential, capacity } from '../market/reservation';
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

/** After the last round: deepen the alliance with members whose share of forces deployed beat the median. */
export function rewardOverContributors(s: RunState, model: Model, round: number, log: EventSink): void {
  const op = model.scenario.engine.operation;
  if (!op.signalling || op.allianceReward <= 0) return;
  const shares: { i: number; share: number }[] = [];
  for (let i = 0; i < s.parties.length; i++) {
    const spec = model.specs[i]!;
    if (s.parties[i]!.peakTroops > 0 && spec.armedForces > 0) shares.push({ i, share: s.parties[i]!.peakTroops / spec.armedForces });
  }
  if (shares.length === 0) return;
  const sorted = shares.map((x) => x.share).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  for (const { i, share } of shares) {
    if (share <= median) continue;
    const spec = model.specs[i]!;
    const p = s.parties[i]!;
    const gain = op.allianceReward * alliancePotential({ preferenceSimilarity: spec.preferenceSimilarity, allianceDepth: p.allianceDepth });
    if (gain <= 0) continue;
    const from = p.allianceDepth;
    p.allianceDepth = Math.min(1, from + gain);
    log.push({ type: 'alliance-deepened', round, party: spec.id, from, to: p.allianceDepth, shareOfForces: share });
  }
}
