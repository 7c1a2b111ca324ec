/**
 * The scenario fields for issue 12's coming mechanisms, with their defaults in one place.
 * The fields are optional without a schema default, so a parsed scenario that omits them is
 * byte-identical to before (outputs and golden snapshots do not move); mechanisms read them
 * only through these functions, whose defaults reproduce today's behaviour: a neutral stance,
 * no domestic opposition, no defence pact, no alliance duty, no deadline or casualty urgency.
 * Pure.
 */
import type { PivotalSpec, ThirdPartySpec } from './schema';

/** missionStance in [-1, 1]; 0 (neutral) when omitted. */
export function missionStance(t: ThirdPartySpec): number {
  return t.missionStance ?? 0;
}

/** domesticOpposition in [0, 1]; 0 (ratification never fails) when omitted. */
export function domesticOpposition(t: ThirdPartySpec): number {
  return t.domesticOpposition ?? 0;
}

/** engine.operation.dutyWeight, the multiple of the default duty value (politics/alliance `dutyValue`); 1 when omitted. */
export function dutyWeight(op: { readonly dutyWeight?: number | undefined }): number {
  return op.dutyWeight ?? 1;
}

/** defencePact (ATOP atop_milsup_us); false when omitted. */
export function defencePact(t: ThirdPartySpec): boolean {
  return t.defencePact ?? false;
}

export interface Urgency {
  /** Round the coalition should be in place by; null = no deadline. */
  readonly deadlineRound: number | null;
  /** How far patience falls by the deadline, 0-1. */
  readonly deadlineUrgency: number;
  /** How much its own casualties make it impatient, 0-1. */
  readonly casualtyUrgency: number;
}

/** The pivotal's urgency inputs (BRIEF §6), defaults filled in. */
export function urgencyOf(p: PivotalSpec): Urgency {
  return {
    deadlineRound: p.bargaining.deadlineRound ?? null,
    deadlineUrgency: p.bargaining.deadlineUrgency ?? 0,
    casualtyUrgency: p.bargaining.casualtyUrgency ?? 0,
  };
}
