/**
 * Who is who, for the members table: each recipient labelled as volunteer, critical
 * contributor, opportunist, signaller or willing-but-under-resourced, from its scenario
 * attributes and what it did. If the summary carries the engine's own typology, that wins.
 */
import type { MemberSummary } from '../core/metrics/summary';
import type { ThirdPartySpec } from '../scenario/schema';

export type Typology = 'volunteer' | 'critical' | 'opportunist' | 'signaller' | 'under-resourced' | 'paid';

export const TYPOLOGY_LABELS: Readonly<Record<Typology, string>> = {
  volunteer: 'Volunteer',
  critical: 'Critical contributor',
  opportunist: 'Opportunist',
  signaller: 'Signaller',
  'under-resourced': 'Willing but under-resourced',
  paid: 'Paid contributor',
};

/** Unrealized alliance potential above which deploying reads as a costly signal. */
const SIGNAL_THRESHOLD = 0.2;

export function typologyOf(spec: ThirdPartySpec, member: MemberSummary): string {
  const fromEngine = (member as { typology?: unknown }).typology;
  if (typeof fromEngine === 'string' && fromEngine !== '') {
    return (TYPOLOGY_LABELS as Record<string, string>)[fromEngine] ?? fromEngine;
  }
  return TYPOLOGY_LABELS[derive(spec, member)];
}

function derive(spec: ThirdPartySpec, member: MemberSummary): Typology {
  if (!member.paid) return 'volunteer';
  if (spec.criticality >= 0.5) return 'critical';
  if (spec.opportunismMarkupPerYear > 0) return 'opportunist';
  if (spec.signallingValuePerYear > 0 && spec.preferenceSimilarity - spec.allianceDepth >= SIGNAL_THRESHOLD) return 'signaller';
  if (spec.selfFundedShare < 1) return 'under-resourced';
  return 'paid';
}
