/**
 * Recipient typology after a run (BRIEF §1): who was a volunteer, under-resourced,
 * critical, an opportunist or a signaller, read from what drove its reservation and the
 * pivotal's, and from what it did and got, not from a label in the scenario. Each
 * classification carries the reasons, so a teacher can say why.
 */
import type { PivotalSpec, ThirdPartySpec } from '../../scenario/schema';
import { alliancePotential } from '../market/reservation';

export type RecipientType = 'volunteer' | 'under-resourced' | 'critical' | 'opportunist' | 'signaller' | 'contributor' | 'stayed-out';

export interface TypologyInput {
  readonly spec: ThirdPartySpec;
  readonly pivotal: PivotalSpec;
  /** Realised deployment cost per soldier-year. */
  readonly costPerYear: number;
  readonly reservation: number;
  readonly liquidityNeed: number;
  readonly joined: boolean;
  readonly volunteered: boolean;
  /** Value received per soldier-year in its latest deal (0 if none). */
  readonly price: number;
  /** Troops in its largest deal (for spreading flag and criticality value). */
  readonly troops: number;
  readonly sideDealValue: number;
  readonly subsidyPaid: number;
  /** Hold-up threats it made (0 until operation dynamics add them). */
  readonly holdUpThreats: number;
}

export interface Classification {
  readonly type: RecipientType;
  readonly reasons: readonly string[];
}

export function classify(x: TypologyInput): Classification {
  const { spec, pivotal } = x;
  const c = x.costPerYear;
  const signalling = spec.signallingValuePerYear * alliancePotential(spec);
  const markup = spec.opportunismMarkupPerYear;
  const k = Math.max(1, x.troops);
  const criticalPremium = (spec.criticality * pivotal.criticalPartnerValuePerYear) / k;
  const flagPremium = pivotal.flagValuePerYear / k;
  const ownSaving = spec.effectiveness * pivotal.ownSoldierCostPerYear;
  const liquidityBinds = x.liquidityNeed > 0 && x.liquidityNeed >= c - spec.intrinsicValuePerYear - signalling + markup;
  const fmt = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

  if (!x.joined) return { type: 'stayed-out', reasons: ['never deployed'] };
  if (x.volunteered) return { type: 'volunteer', reasons: [`its interest in the mission covers its costs: reservation ${fmt(x.reservation)}, joined unpaid`] };
  if (x.holdUpThreats > 0 || (markup > 0 && markup >= spec.intrinsicValuePerYear + signalling && x.reservation > c)) {
    const reasons = [];
    if (markup > 0) reasons.push(`asked ${fmt(markup)} per soldier-year above what its costs and interest justify`);
    if (x.holdUpThreats > 0) reasons.push(`threatened a hold-up ${x.holdUpThreats} time(s) after deploying`);
    return { type: 'opportunist', reasons };
  }
  if (criticalPremium > 0 && criticalPremium >= flagPremium && criticalPremium >= 0.1 * (ownSaving + flagPremium + criticalPremium) && (x.price > ownSaving || x.sideDealValue > 0)) {
    const reasons = [`the pivotal valued it as a partner in particular (${fmt(criticalPremium)} per soldier-year on top of the troops themselves)`];
    if (x.sideDealValue > 0) reasons.push(`received side deals worth ${fmt(x.sideDealValue)}`);
    return { type: 'critical', reasons };
  }
  if (signalling > 0 && signalling >= spec.intrinsicValuePerYear && alliancePotential(spec) >= 0.2) {
    return { type: 'signaller', reasons: [`unrealized alliance potential ${alliancePotential(spec).toFixed(2)}: deploying is worth ${fmt(signalling)} per soldier-year to it as a signal`] };
  }
  if (liquidityBinds) {
    return { type: 'under-resourced', reasons: [`cannot fund ${fmt(x.liquidityNeed)} of the ${fmt(c)} a soldier-year costs it`, x.sideDealValue > 0 ? 'paid partly in side deals under scarcity' : 'paid in deployment subsidies'] };
  }
  return { type: 'contributor', reasons: ['paid to cover its net cost; no single motive dominates'] };
}
