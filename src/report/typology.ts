/**
 * Labels for the engine's recipient typology (src/core/metrics/typology.ts), for the
 * members table. The classification itself is the engine's; this only names it.
 */
import type { MemberSummary } from '../core/metrics/summary';
import type { RecipientType } from '../core/metrics/typology';

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

export function typologyOf(member: Pick<MemberSummary, 'type' | 'typeReasons'>): TypologyLabel {
  return { label: LABELS[member.type], reasons: member.typeReasons };
}
