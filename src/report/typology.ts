/**
 * Who is who, for the members table: each recipient labelled as volunteer, critical
 * contributor, opportunist, signaller or willing-but-under-resourced, from its scenario
 * attributes and what it did. If the summary carries the engine's own typology, that wins.
 */
import type { MemberSummary } from '../core/metrics/summary';
import type { ThirdPartySpec } from '../scenario/schema';

export type Typology = 'volunteer' | 'critical' | 'opportunist' | 'signaller' | 'under-resourced' | 'paid';

const LABELS: Readonly<Record<string, string>> = {
  volunteer: 'Volunteer',
  critical: 'Critical contributor',
  opportunist: 'Opportunist',
  signaller: 'Signaller',
  'under-resourced': 'Willing but under-resourced',
  paid: 'Paid contributor',
  contributor: 'Paid contributor',
  'stayed-out': 'Stayed out',
};

export interface TypologyLabel {
  readonly label: string;
  /** Why, when the engine says (empty when derived here). */
  readonly reasons: readonly string[];
}

/** Unrealized alliance potential above which deploying reads as a costly signal. */
const SIGNAL_THRESHOLD = 0.2;

export function typologyOf(spec: ThirdPartySpec, member: MemberSummary): TypologyLabel {
  // The engine's classification, as a plain type or { type, reasons }, under either name.
  const loose = member as unknown as { typology?: unknown; classification?: unknown };
  const given = loose.typology ?? loose.classification;
  const type = typeof given === 'string' ? given : typeof given === 'object' && given !== null ? (given as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && type !== '') {
    const reasons = typeof given === 'object' && given !== null ? (given as { reasons?: unknown }).reasons : undefined;
    return { label: LABELS[type] ?? type, reasons: Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string') : [] };
  }
  return { label: LABELS[derive(spec, member)]!, reasons: [] };
}

function derive(spec: ThirdPartySpec, member: MemberSummary): Typology {
  if (!member.paid) return 'volunteer';
  if (spec.criticality >= 0.5) return 'critical';
  if (spec.opportunismMarkupPerYear > 0) return 'opportunist';
  if (spec.signallingValuePerYear > 0 && spec.preferenceSimilarity - spec.allianceDepth >= SIGNAL_THRESHOLD) return 'signaller';
  if (spec.selfFundedShare < 1) return 'under-resourced';
  return 'paid';
}
