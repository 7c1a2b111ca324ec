/**
 * Labels for the engine's recipient typology (src/core/metrics/typology.ts), for the
 * members table. The classification itself is the engine's; this only names it.
 */
import type { MemberSummary } from '../core/metrics/summary';
import type { BehaviourLabel, RecipientType } from '../core/metrics/typology';

const LABELS: Readonly<Record<RecipientType, string>> = {
  volunteer: 'Volunteer',
  critical: 'Critical contributor',
  opportunist: 'Opportunist',
  signaller: 'Signaller',
  'under-resourced': 'Willing but under-resourced',
  contributor: 'Paid contributor',
  'stayed-out': 'Stayed out',
};

export interface TypologyLabel {
  readonly label: string;
  /** Why the engine classified it so. */
  readonly reasons: readonly string[];
}

const BEHAVIOUR: Readonly<Record<BehaviourLabel, string>> = {
  volunteer: 'Volunteer',
  critical: 'Critical contributor',
  opportunist: 'Opportunist',
  signaller: 'Signaller',
  'under-resourced': 'Willing but under-resourced',
  'access-seller': 'Access seller',
  'lead-nation': 'Lead nation',
};

/**
 * The behavioural labels with their evidence when the run has them (several joined by " + "),
 * else the dominant-motive type (older outputs without `labels`, or no label applies).
 */
export function typologyOf(member: Pick<MemberSummary, 'type' | 'typeReasons'> & { readonly labels?: MemberSummary['labels'] }): TypologyLabel {
  const labels = member.labels ?? [];
  if (labels.length === 0) return { label: LABELS[member.type], reasons: member.typeReasons };
  return { label: labels.map((l) => BEHAVIOUR[l.label]).join(' + '), reasons: labels.flatMap((l) => l.evidence) };
}
