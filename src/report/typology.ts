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
  /** Why the engine classified it so: every piece of evidence. */
  readonly reasons: readonly string[];
  /** The first piece of evidence of the first HEADLINE_LABELS labels: what a table row has room for (the rest on hover). */
  readonly headline: readonly string[];
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
  if (labels.length === 0) return { label: LABELS[member.type], reasons: member.typeReasons, headline: member.typeReasons.slice(0, 1) };
  return { label: labels.map((l) => BEHAVIOUR[l.label]).join(' + '), reasons: labels.flatMap((l) => l.evidence), headline: labels.slice(0, HEADLINE_LABELS).flatMap((l) => l.evidence.slice(0, 1)) };
}

/**
 * Labels whose first evidence a members-table row shows: 2. Poland in iraq-2003 has four
 * (under-resourced, opportunist, signaller, lead nation), and four sentences made a row taller
 * than a projector screen's share; every label still names itself, and all the evidence is on
 * hover and in summary.json.
 */
export const HEADLINE_LABELS = 2;
