/**
 * Recipient typology after a run (BRIEF §1): who was a volunteer, under-resourced,
 * critical, an opportunist or a signaller, read from what drove its reservation and the
 * pivotal's, and from what it did and got, not from a label in the scenario. Each
 * classification carries the reasons, so a teacher can say why.
 */
import { missionStance } from '../../scenario/mechanismInputs';
import { stanceCost } from '../politics/stance';
import type { PivotalSpec, ThirdPartySpec } from '../../scenario/schema';
import { alliancePotential, criticalPremium } from '../market/reservation';

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
  /** Access deals it signed (issue 16): the pivotal valued it in particular. Omitted: none. */
  readonly accessDeals?: readonly AccessDealSummary[];
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
  const access = x.accessDeals ?? [];
  if (access.length > 0) {
    const reasons = access.map((a) => `sold ${a.kind} access worth ${fmt(a.pivotalReservation)} a year to the pivotal, for ${fmt(a.pricePerYear)} a year`);
    if (x.sideDealValue > 0) reasons.push(`received side deals worth ${fmt(x.sideDealValue)}`);
    return { type: 'critical', reasons };
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

/**
 * Behavioural labels (issue 12, item 9): every type whose behaviour shows in the run, several
 * where several apply (the case literature's types overlap: Poland in Iraq was both subsidy
 * recipient and opportunist; BRIEF §1, Henke 2019). Each label carries its evidence: numbers
 * from the run and the rounds of the events it rests on.
 *
 *   volunteer        joined without any payment (a "volunteered" event, no subsidy or side deal);
 *   under-resourced  could not fund its deployment (liquidity need > 0) and deployment subsidies
 *                    paid for it: at least half of its package, or its whole need (liquidity need
 *                    x soldier-years) with side deals on top;
 *   opportunist      asked for more than its costs, interest and liquidity justify (its
 *                    reservation above max(c_i - u_i - signal, liquidity need)), or threatened
 *                    a hold-up asking more than its casualties justified (its gap r_i + z - p;
 *                    any demand, for a bluff);
 *   critical         the pivotal paid it more per soldier-year than its soldiers save the
 *                    pivotal plus its flag (e_i c_P + L / troops), or, valued in particular
 *                    (criticality > 0), more than the marginal substitute's troops would have
 *                    cost (its ceiling less its criticality premium): a premium for it in
 *                    particular;
 *   signaller        with a signalling motive (unrealized alliance potential), it
 *                    over-contributed: deployed a larger share of its forces than the leader
 *                    asked of every state (the alliance review's test); or the motive made a
 *                    deployment: without it, all else as it was that round, it would have
 *                    asked more per soldier-year than it got for the troops it sent
 *                    (engine/phases/contingents.ts reservationWithoutSignal); or its alliance
 *                    was deepened for over-contributing;
 *   access-seller    sold access (bases, transit, airspace, sanctions, other cooperation) in an
 *                    access deal (issue 16); such a seller is also critical: the access is
 *                    worth its value to the pivotal from this state in particular (BRIEF §1:
 *                    critical contributors are needed for "neighbours, bases, airspace");
 *   lead-nation      passed a payer's money to partners serving under its command (issue 16
 *                    item 2; BRIEF §1: Poland led a multinational division in Iraq and passed
 *                    US money to the partners in it): evidence names each partner, the amount
 *                    and the rounds.
 */
export const BEHAVIOUR_LABELS = ['volunteer', 'under-resourced', 'opportunist', 'critical', 'signaller', 'access-seller', 'lead-nation'] as const;
export type BehaviourLabel = (typeof BEHAVIOUR_LABELS)[number];

/** Money a lead nation passed through to one partner under its command (summary.ts builds these from payments `via` it). */
export interface PassThrough {
  readonly payer: string;
  readonly payerName: string;
  readonly recipient: string;
  readonly recipientName: string;
  /** US$ over the run, at cost to the payer. */
  readonly amount: number;
  readonly firstRound: number;
  readonly lastRound: number;
}

/** An access deal as the typology reads it (summary.ts builds these from `access-signed` events). */
export interface AccessDealSummary {
  readonly round: number;
  readonly kind: string;
  readonly label: string;
  readonly pricePerYear: number;
  /** The seller's access cost and the pivotal's value, per year. */
  readonly reservation: number;
  readonly pivotalReservation: number;
  readonly share: number | null;
}

export interface LabelEvidence {
  readonly label: BehaviourLabel;
  /** Why, in words with the run's numbers. */
  readonly evidence: readonly string[];
  /** The events it rests on: type and round. */
  readonly events: readonly { readonly type: string; readonly round: number }[];
}

export interface BehaviourInput {
  readonly spec: ThirdPartySpec;
  readonly pivotal: PivotalSpec;
  /** Realised deployment cost per soldier-year (c_i) and liquidity need per soldier-year. */
  readonly costPerYear: number;
  readonly liquidityNeed: number;
  /** Its reservation per soldier-year (what it asked at least). */
  readonly reservation: number;
  readonly volunteeredRound: number | null;
  /** Deals signed: round, troops and the value per soldier-year agreed. */
  /** Deals signed: round, troops, the value per soldier-year agreed, and the pivotal's ceiling for it (omitted: unknown). */
  /** `enlargement`: more troops from a partner already deployed (no new flag, no premium for it in particular: market/reservation.ts pivotalReservation). */
  readonly deals: readonly { readonly round: number; readonly troops: number; readonly pricePerSoldierYear: number; readonly ceiling?: number; readonly enlargement?: boolean }[];
  /** US$ received over the run, by kind. */
  readonly subsidyReceived: number;
  readonly sideDealValueReceived: number;
  readonly soldierYears: number;
  readonly holdUpThreatRounds: readonly number[];
  /** Each threat's demand and what its casualties justified (summary.ts); omitted: every threat counts as opportunist. */
  readonly holdUpThreats?: readonly ThreatEvidence[];
  readonly allianceDeepenedRound: number | null;
  readonly troopsMax: number;
  /** Access deals it signed (issue 16); omitted: none. */
  readonly accessDeals?: readonly AccessDealSummary[];
  /** What shows its signalling motive at work (summary.ts `signalEvidence`); omitted: none. */
  readonly signalEvidence?: readonly SignalEvidence[];
  /** Money it passed through as a lead nation (issue 16), largest first; omitted: none. */
  readonly passedThrough?: readonly PassThrough[];
  /** The scenario clock's name for a round ("month"), in which the evidence tells time; omitted: "round". */
  readonly roundLabel?: string;
  /**
   * What it would ask for the same contingent without an opportunist's markup (engine/phases/
   * contingents.ts reservationWithoutMarkup): with chosen contingents it includes the political
   * cost of the contingent's size. Omitted: its net cost and liquidity need alone are the benchmark.
   */
  readonly justifiedReservation?: number;
}

/**
 * What shows a signalling motive at work: a deployment (a deal, or a first unpaid one at price 0)
 * it would not have made at that price without the signal (`decisive`), or the first round it
 * deployed a larger share of its forces than the leader asked of every state while it had a
 * signalling motive (`over-contributed`, the alliance review's test; BRIEF §1 "acquaintances ...
 * who over-contribute").
 */
export type SignalEvidence =
  | { readonly kind: 'decisive'; readonly round: number; readonly troops: number; readonly price: number; readonly withoutSignal: number }
  | { readonly kind: 'over-contributed'; readonly round: number; readonly troops: number; readonly shareDeployed: number; readonly ask: number; readonly signal: number };

/**
 * A hold-up threat as the typology reads it: the demand per soldier-year, and what the partner's
 * casualties justified asking, its gap r_i + z - p before the threat (0 when it would have
 * stayed at its price: a bluff; Infinity when no money could make it bear its expected dead).
 */
export interface ThreatEvidence {
  readonly round: number;
  readonly demand: number;
  readonly justified: number;
}

const money = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;

export function behaviourLabels(x: BehaviourInput): LabelEvidence[] {
  const { spec, pivotal } = x;
  const unit = x.roundLabel ?? 'round';
  const out: LabelEvidence[] = [];
  const package_ = x.subsidyReceived + x.sideDealValueReceived;
  const dealEvents = x.deals.map((d) => ({ type: 'deal-signed', round: d.round }));
  const signal = spec.signallingValuePerYear * alliancePotential(spec);

  if (x.volunteeredRound !== null && package_ === 0) {
    const years = x.soldierYears >= 10 ? Math.round(x.soldierYears).toLocaleString('en-US') : x.soldierYears.toFixed(1);
    out.push({ label: 'volunteer', evidence: [`joined in ${unit} ${x.volunteeredRound} unpaid: ${years} soldier-years of service, no subsidy and no side deal`], events: [{ type: 'volunteered', round: x.volunteeredRound }] });
  }
  // A liquidity need is per soldier deployed: a state that only sold access has none to meet.
  // Under-resourced is what it needed and how that was met: it could not fund its deployment, and
  // deployment subsidies paid for it, either as most of its package or covering its whole need
  // (its liquidity need over its soldier-years). A partner whose need was met in cash and that
  // took a scarcity rent on top in side deals (Colombia in the default scenario once demand
  // doubles: $8.5 million of subsidies for a $7.7 million need, $180 million of side deals) is
  // still one: the side deals are its bargaining power, not what it asked for to deploy.
  const need = x.liquidityNeed * x.soldierYears;
  const mostlyCash = x.subsidyReceived >= 0.5 * package_;
  const needCovered = need > 0 && x.subsidyReceived >= need * 0.999;
  if (x.liquidityNeed > 0 && x.soldierYears > 0 && x.subsidyReceived > 0 && (mostlyCash || needCovered)) {
    out.push({
      label: 'under-resourced',
      evidence: [
        `could fund only ${money(x.costPerYear - x.liquidityNeed)} of the ${money(x.costPerYear)} a soldier-year costs it`,
        mostlyCash
          ? `paid ${money(x.subsidyReceived)} in deployment subsidies, ${Math.round((100 * x.subsidyReceived) / package_)}% of its package`
          : `paid ${money(x.subsidyReceived)} in deployment subsidies, covering the ${money(need)} it could not fund; the rest of its package (${money(package_ - x.subsidyReceived)}) came as side deals`,
      ],
      events: dealEvents,
    });
  }
  // What its costs, interest and liquidity justify asking: its net cost, or the part of its cost
  // it cannot fund itself, whichever is larger (an under-resourced state asking for its
  // liquidity need is not an opportunist).
  // Its stance cost on the mission (issue 12 item 4) is a real cost, not an opportunist's markup.
  // With chosen contingents, the political cost of the contingent's size is a cost too.
  const netOrLiquidity = Math.max(0, x.costPerYear - spec.intrinsicValuePerYear - signal + stanceCost(missionStance(spec), x.costPerYear), x.liquidityNeed);
  const justified = Math.max(netOrLiquidity, x.justifiedReservation ?? 0);
  const what = justified > netOrLiquidity + 0.5 ? "its costs (its contingent's political cost included), interest and liquidity" : 'its cost, interest and liquidity';
  const askedAbove = x.reservation - justified;
  const opp: string[] = [];
  if (askedAbove > 0.5 && x.volunteeredRound === null) opp.push(`asked at least ${money(x.reservation)} per soldier-year, ${money(askedAbove)} above what ${what} justify (${money(justified)})`);
  // A threat is opportunism when it asks more than the partner's casualties justify (a bluff
  // asks anything at all): a casualty-stricken government that asks only what would keep it
  // (its gap r_i + z - p, dynamics/credibility.ts) is not holding the pivotal up.
  const opportunistic = x.holdUpThreats ? x.holdUpThreats.filter((t) => t.demand > t.justified + 0.5).map((t) => t.round) : x.holdUpThreatRounds;
  if (opportunistic.length > 0) {
    const beyond = x.holdUpThreats ? ', more than its casualties justified,' : '';
    opp.push(`threatened to withdraw unless paid more${beyond} in ${unit}${opportunistic.length > 1 ? 's' : ''} ${opportunistic.join(', ')}`);
  }
  if (opp.length > 0) out.push({ label: 'opportunist', evidence: opp, events: [...dealEvents, ...opportunistic.map((round) => ({ type: 'holdup-threat', round }))] });

  // A premium for it in particular: paid more than the same troops were worth to the pivotal
  // from anyone (its soldiers saved and a flag, e_i c_P + L / k), or, for a partner the pivotal
  // valued in particular (criticality kappa_i > 0), more than its ceiling less that premium:
  // what the marginal substitute's troops would have cost (market/reservation.ts
  // competitiveCeiling), when substitutes were cheaper than the pivotal's own soldiers.
  // An enlargement brings no new flag and no premium for the partner in particular (its ceiling
  // has none, market/reservation.ts): its troops are worth e_i c_P alone.
  const critical = x.deals.flatMap((d) => {
    const troopValue = spec.effectiveness * pivotal.ownSoldierCostPerYear + (d.enlargement === true ? 0 : pivotal.flagValuePerYear / Math.max(1, d.troops));
    const particular = d.enlargement === true ? 0 : criticalPremium(pivotal, spec, d.troops);
    // The ceiling less the premium is the substitute's price only when the substitute set the
    // ceiling; bound by the budget or spread over a larger credible contingent it can fall below
    // the premium, and then says nothing about the market (a negative "substitute price").
    const market = particular > 0 && d.ceiling !== undefined && d.ceiling - particular > 0 ? Math.min(troopValue, d.ceiling - particular) : troopValue;
    return d.pricePerSoldierYear > market * 1.001 && d.pricePerSoldierYear > 0 ? [{ d, troopValue: market, byMarket: market < troopValue }] : [];
  });
  const access = x.accessDeals ?? [];
  if (critical.length > 0 || access.length > 0) {
    const ev: string[] = [];
    if (critical.length > 0) {
      const { d, troopValue, byMarket } = critical[critical.length - 1]!;
      const benchmark = byMarket ? 'the same troops would have cost from the marginal substitute' : d.enlargement === true ? 'more soldiers of a partner already deployed are worth to the pivotal (no new flag)' : 'its soldiers and flag are worth to the pivotal';
      ev.push(`paid ${money(d.pricePerSoldierYear)} per soldier-year in ${unit} ${d.round}, above the ${money(troopValue)} ${benchmark}: a premium of ${money(d.pricePerSoldierYear - troopValue)} for it in particular`);
    }
    for (const a of access) ev.push(`its ${a.kind} access${a.label ? ` (${a.label})` : ''} was worth ${money(a.pivotalReservation)} a year to the pivotal from it in particular; it was paid ${money(a.pricePerYear)} a year from ${unit} ${a.round}`);
    if (x.sideDealValueReceived > 0) ev.push(`received side deals worth ${money(x.sideDealValueReceived)}`);
    out.push({ label: 'critical', evidence: ev, events: [...critical.map((c) => ({ type: 'deal-signed', round: c.d.round })), ...access.map((a) => ({ type: 'access-signed', round: a.round }))] });
  }
  const sig: string[] = [];
  const sigEvents: { type: string; round: number }[] = [];
  // The counterfactual, not a share threshold: the same state without its signalling motive
  // would have asked more than it got for these troops (so it would not have sent them).
  for (const d of x.signalEvidence ?? []) {
    if (d.kind === 'decisive') {
      sig.push(`without its signalling motive it would have asked ${money(d.withoutSignal)} per soldier-year for the ${d.troops.toLocaleString('en-US')} troops it sent in ${unit} ${d.round}, above the ${money(d.price)} it got: the signal made the deployment`);
      sigEvents.push({ type: d.price > 0 ? 'deal-signed' : 'volunteered', round: d.round });
    } else {
      sig.push(`deployed ${(100 * d.shareDeployed).toFixed(2)}% of its forces in ${unit} ${d.round} (${d.troops.toLocaleString('en-US')} troops), above the ${(100 * d.ask).toFixed(2)}% the leader asked of every state, with a signal worth ${money(d.signal)} per soldier-year to it (unrealized alliance potential ${alliancePotential(spec).toFixed(2)})`);
      sigEvents.push({ type: 'round-started', round: d.round });
    }
  }
  if (x.allianceDeepenedRound !== null) {
    sig.push(`the pivotal deepened their alliance in ${unit} ${x.allianceDeepenedRound} for over-contributing`);
    sigEvents.push({ type: 'alliance-deepened', round: x.allianceDeepenedRound });
  }
  if (sig.length > 0) out.push({ label: 'signaller', evidence: sig, events: sigEvents });
  if (access.length > 0) {
    out.push({
      label: 'access-seller',
      evidence: access.map(
        (a) =>
          `sold ${a.kind} access${a.label ? ` (${a.label})` : ''} in ${unit} ${a.round} for ${money(a.pricePerYear)} a year: granting it cost it ${money(a.reservation)} a year, it was worth ${money(a.pivotalReservation)} a year to the pivotal${a.share === null ? '' : `; its share of the surplus ${(100 * a.share).toFixed(0)}%`}`,
      ),
      events: access.map((a) => ({ type: 'access-signed', round: a.round })),
    });
  }
  const through = (x.passedThrough ?? []).filter((f) => f.amount > 0);
  if (through.length > 0) {
    const whose = (id: string, name: string): string => (id === pivotal.id ? `the pivotal's` : `${name}'s`);
    const payers = [...new Map(through.map((f) => [f.payer, whose(f.payer, f.payerName)])).values()];
    const total = through.reduce((a, f) => a + f.amount, 0);
    const rounds = (f: PassThrough): string => (f.firstRound === f.lastRound ? `${unit} ${f.firstRound}` : `${unit}s ${f.firstRound}-${f.lastRound}`);
    out.push({
      label: 'lead-nation',
      evidence: [
        `passed ${money(total)} of ${payers.join(' and ')} money to ${through.length} partner${through.length === 1 ? '' : 's'} under its command (paid by ${[...new Set(through.map((f) => f.payerName))].join(' and ')})`,
        ...through.map((f) => `${money(f.amount)} to ${f.recipientName}${payers.length > 1 ? ` from ${f.payerName}` : ''} (${rounds(f)})`),
      ],
      events: through.map((f) => ({ type: 'payment', round: f.firstRound })),
    });
  }
  return out;
}

/** Access talks that ended without a deal, as the typology reads them (summary.ts builds these from `access-no-deal` events). */
export interface AccessRefusal {
  readonly round: number;
  readonly kind: string;
  /** The access's value to the pivotal per year, from this state in particular. */
  readonly pivotalReservation: number;
  readonly reason: string;
}

const NO_DEAL_WORDS: Readonly<Record<string, string>> = {
  'ratification-failed': 'its legislature refused to ratify the deal',
  'above-ceiling': 'it asked more than the pivotal would pay',
  budget: 'the money ran out',
  'negotiation-failed': 'the talks broke down',
  'rate-below-reservation': 'the posted rate did not cover its cost',
};

/**
 * Labels for a state that never joined, where its behaviour in the run still shows one: critical
 * when the pivotal bargained with it for something only it could give (access, or troops the
 * pivotal valued in particular: criticality > 0) and it refused or its legislature did. The case
 * literature classifies such states by their position, whatever came of the deal: Turkey in 2003,
 * critical for its bases and airspace, whose parliament refused the transit (BRIEF §4; Henke 2019).
 * `approachedRound`: the first round the pivotal opened troop talks with it (null: never).
 */
export function outsiderLabels(x: { readonly spec: ThirdPartySpec; readonly pivotal: PivotalSpec; readonly accessRefused: readonly AccessRefusal[]; readonly approachedRound: number | null; readonly roundLabel?: string }): LabelEvidence[] {
  const unit = x.roundLabel ?? 'round';
  const evidence: string[] = [];
  const events: { type: string; round: number }[] = [];
  const lastByKind = new Map<string, AccessRefusal>();
  for (const a of x.accessRefused) lastByKind.set(a.kind, a);
  for (const a of lastByKind.values()) {
    evidence.push(`its ${a.kind} access was worth ${money(a.pivotalReservation)} a year to the pivotal from it in particular; no deal in ${unit} ${a.round}: ${NO_DEAL_WORDS[a.reason] ?? a.reason}`);
    events.push({ type: 'access-no-deal', round: a.round });
  }
  const particular = x.spec.criticality * x.pivotal.criticalPartnerValuePerYear;
  if (particular > 0 && x.approachedRound !== null) {
    evidence.push(`the pivotal valued it as a partner in particular (${money(particular)} a year on top of its troops) and bargained with it from ${unit} ${x.approachedRound}, without a deal`);
    events.push({ type: 'negotiation-opened', round: x.approachedRound });
  }
  return evidence.length > 0 ? [{ label: 'critical', evidence, events }] : [];
}

