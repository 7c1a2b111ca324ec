/**
 * Signalling by acquaintances (BRIEF §1, the ISAF finding): a state whose alliance with
 * the pivotal is shallower than their shared interests would predict deploys a larger
 * share of its forces, as a costly signal to earn a closer relationship. The size it offers
 * is chosen from its motives (engine/phases/contingents.ts, market/contingent.ts); here, each
 * round the pivotal may deepen its alliance with those that over-contribute, which lowers their
 * signalling value and raises their duty from then on.
 */
import { leaderAsk, reviewedDepth } from '../politics/alliance';
import type { Model } from '../engine/model';
import type { RunState } from '../engine/runState';
import type { EventSink } from '../engine/sink';

/**
 * The pivotal's alliance review, each round (issue 12 item 3; politics/alliance.ts
 * `reviewedDepth`): a deployed member whose share of forces deployed exceeds the share the
 * leader asks of everyone (a = demand / sum of third parties' armed forces) has its alliance
 * deepened by rate g min(1, share / a - 1) / roundsPerYear, rate = `allianceReward` (with
 * signalling on). A deeper alliance leaves less unrealized potential and binds more: its
 * motives (less signal, more duty) and reservation are recomputed right after the review.
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
    // Its motives (more duty, less signal) and reservation are recomputed from the new depth
    // right after the review (phases/contingents.ts refreshMotives).
    log.push({ type: 'alliance-deepened', round, party: spec.id, from, to, shareOfForces: share });
  }
}
