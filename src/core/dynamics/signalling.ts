/**
 * Signalling by acquaintances (BRIEF §1, the ISAF finding): a state whose alliance with
 * the pivotal is shallower than their shared interests would predict deploys a larger
 * share of its forces, as a costly signal to earn a closer relationship. Here a state
 * offers more of its forces the more a contingent is worth to it as a signal relative to
 * what a soldier costs it; at the end the pivotal may deepen its alliance with those that
 * over-contributed.
 */
import type { Draft } from 'immer';
import type { Scenario, ThirdPartySpec } from '../../scenario/schema';
import type { SimEvent } from '../events';
import { alliancePotential, capacity } from '../market/reservation';
import type { SimState } from '../state';
import type { Model } from '../engine/model';

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
export function rewardOverContributors(draft: Draft<SimState>, model: Model, round: number, events: SimEvent[]): void {
  const { scenario } = model;
  const op = scenario.engine.operation;
  if (!op.signalling || op.allianceReward <= 0) return;
  const shares = scenario.thirdParties
    .filter((t) => draft.parties[t.id]!.peakTroops > 0 && t.armedForces > 0)
    .map((t) => ({ spec: t, share: draft.parties[t.id]!.peakTroops / t.armedForces }));
  if (shares.length === 0) return;
  const sorted = shares.map((s) => s.share).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  for (const { spec, share } of shares) {
    if (share <= median) continue;
    const p = draft.parties[spec.id]!;
    const gain = op.allianceReward * alliancePotential({ preferenceSimilarity: spec.preferenceSimilarity, allianceDepth: p.allianceDepth });
    if (gain <= 0) continue;
    const from = p.allianceDepth;
    p.allianceDepth = Math.min(1, from + gain);
    events.push({ type: 'alliance-deepened', round, party: spec.id, from, to: p.allianceDepth, shareOfForces: share });
  }
}
