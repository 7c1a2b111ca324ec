/**
 * What a modeler reads first, derived from a run's states and events only: who joined and
 * for what, troops against demand, who was paid how much, what a foreign soldier-year cost
 * against the pivotal's own, how tight the market was, and who held the power.
 */
import { RetentionBook, reportsRetention, type RetentionSummary } from './retentionBook';
import type { RunResult } from '../engine/run';
import type { EventOf, PaymentKind, SimEvent } from '../events';
import { cents } from '../money';
import { alliancePotential } from '../market/reservation';
import { reservationWithoutMarkup, reservationWithoutSignal } from '../engine/phases/contingents';
import { leaderAsk, signallingValue } from '../politics/alliance';
import type { ThirdPartySpec } from '../../scenario/schema';
import type { SimState } from '../state';
import { behaviourLabels, classify, outsiderLabels, type AccessDealSummary, type AccessRefusal, type LabelEvidence, type PassThrough, type RecipientType, type SignalEvidence, type ThreatEvidence } from './typology';

export interface MemberSummary {
  readonly id: string;
  readonly name: string;
  readonly joinedRound: number;
  readonly paid: boolean;
  readonly troopsFinal: number;
  readonly troopsMax: number;
  readonly soldierYears: number;
  readonly reservationPerSoldierYear: number;
  /** Value per soldier-year of the contract in force at the end (enlargements merged), else of its last deal; 0 for volunteers. */
  readonly pricePerSoldierYear: number;
  readonly paymentsTotal: number;
  readonly paymentsByKind: Readonly<Record<PaymentKind, number>>;
  /** Worth to it of the side deals it received (their cost is in paymentsByKind). */
  readonly sideDealValue: number;
  readonly sideDealItems: readonly string[];
  /** Surplus share of that contract (null for volunteers). */
  readonly surplusShare: number | null;
  readonly alliancePotential: number;
  readonly type: RecipientType;
  readonly typeReasons: readonly string[];
  /** Behavioural labels with evidence, several where several apply (typology.ts behaviourLabels). */
  readonly labels: readonly LabelEvidence[];
  readonly deaths: number;
  readonly holdUpThreats: number;
  readonly effortFinal: number;
  /** Value received (subsidies, side deals) plus what deploying was worth to it (interest, signal), less its cost. */
  readonly netGain: number;
  readonly allianceDepthFinal: number;
  /** Access deals it signed (issue 16), present only for access sellers; their payments are in paymentsTotal. */
  readonly access?: readonly AccessDealSummary[];
}

/** One promised side deal (issue 16 item 3) and what became of it. */
export interface PromiseItemSummary {
  readonly party: string;
  readonly item: string;
  readonly round: number;
  /** Cost to the pivotal and worth to the recipient if every delivery were kept; the probability of delivery it believed. */
  readonly cost: number;
  readonly value: number;
  readonly believedProbability: number;
  readonly deliveries: number;
  /** Deliveries kept, and what they cost the pivotal. */
  readonly delivered: number;
  readonly deliveredCost: number;
  /** kept: every delivery made; broken: one was withheld (the rest cancelled); outstanding: deliveries still due at the end. */
  readonly status: 'kept' | 'broken' | 'outstanding';
  /** The round it was broken, if it was. */
  readonly brokenRound: number | null;
}

/** Promised side deals (issue 16 item 3): counts of items, and what keeping them cost. */
export interface PromisesSummary {
  readonly made: number;
  readonly kept: number;
  readonly broken: number;
  readonly outstanding: number;
  /** What the promises would have cost in full, what the kept deliveries cost, and what breaking them saved (cancelled deliveries). */
  readonly promisedCost: number;
  readonly deliveredCost: number;
  readonly cancelledCost: number;
  readonly items: readonly PromiseItemSummary[];
}

/**
 * Why a payer's line was funded at less than its posted rate, or not: payments/payers.ts
 * fundLines takes x = min(rate, subsidy left, value left, budget), and this names the bound
 * that held. `posted-rate`: the line at its full rate; `subsidy`: the negotiated subsidy was
 * used up (payers who value the troops more had funded the rest); `value`: the troops are
 * worth no more to the payer; `budget`: the payer's free money to the end of the operation.
 */
export type LineBound = 'posted-rate' | 'subsidy' | 'value' | 'budget';

/** One line a payer funded for one recipient (issue 16 item 2), as in the recipient's latest deal. */
export interface PayerFunding {
  readonly recipient: string;
  /** The line's label, as in the ledger. */
  readonly item: string;
  /** The line's posted rate and the part of the subsidy it funded, US$ per soldier-year. */
  readonly postedRatePerSoldierYear: number;
  readonly fundedPerSoldierYear: number;
  /** v_j: what one soldier-year of this recipient's troops is worth to the payer, US$ (its ranking among payers: highest funds first). */
  readonly valuePerSoldierYear: number;
  readonly bound: LineBound;
  /** US$ it paid on this line to this recipient over the run. */
  readonly paid: number;
}

/** A payer's account (issue 16 item 2): its budget and spending, and what it funded for whom, and why. */
export interface PayerSummary {
  readonly id: string;
  readonly name: string;
  readonly budget: number;
  readonly spent: number;
  readonly unspent: number;
  /** What a partner's soldier-year is worth to it unless a partner value overrides (US$). */
  readonly valuePerSoldierYear: number;
  /** Its lines funded, by recipient, largest payment first. */
  readonly funded: readonly PayerFunding[];
}

/** Money from one payer to one recipient, directly or via a lead nation, over the run (US$, at cost). */
export interface PaymentFlow {
  readonly payer: string;
  readonly via: string | null;
  readonly recipient: string;
  readonly amount: number;
}

export interface RunSummary {
  readonly scenario: { readonly id: string; readonly title: string };
  readonly seed: number;
  readonly rounds: number;
  readonly roundLabel: string;
  readonly coalition: {
    readonly flags: number;
    readonly members: readonly MemberSummary[];
    /**
     * States that never deployed, with why the last talks failed, and the labels their behaviour
     * still shows (present only when there are any: a critical partner that refused, typology.ts
     * outsiderLabels).
     */
    readonly neverJoined: readonly { readonly id: string; readonly name: string; readonly lastReason: string | null; readonly labels?: readonly LabelEvidence[] }[];
    readonly troopsFinal: number;
    readonly demandFinal: number;
    readonly peakTroops: number;
    readonly peakDemand: number;
    /** Mean over rounds with demand of min(1, deployed / demand). */
    readonly meanFillRate: number | null;
    /** Sum over rounds of the shortfall, in soldier-rounds. */
    readonly shortfallSoldierRounds: number;
  };
  readonly payments: {
    readonly total: number;
    readonly byKind: Readonly<Record<PaymentKind, number>>;
    readonly byRecipient: readonly { readonly id: string; readonly total: number }[];
    /**
     * Paid for access deals (issue 16; included in total, at cost), present only when some were
     * paid. The costs per soldier-year below leave it out: access buys no soldiers.
     */
    readonly access?: number;
  };
  readonly costs: {
    readonly foreignSoldierYears: number;
    readonly paidSoldierYears: number;
    /** Payments for troops per foreign soldier-year deployed (volunteers included): payments less those for access deals (docs/model.md, Accounting). */
    readonly costPerForeignSoldierYear: number | null;
    /** Payments for troops (access deals left out) per paid soldier-year. */
    readonly costPerPaidSoldierYear: number | null;
    readonly ownSoldierCostPerYear: number;
    /** costPerForeignSoldierYear / ownSoldierCostPerYear. */
    readonly ratioToOwnSoldier: number | null;
    /** Soldier-years weighted by effectiveness and effort, and payments per one of them. */
    readonly effectiveSoldierYears: number;
    readonly costPerEffectiveSoldierYear: number | null;
    /** Who bore the cost: earmarked donations first, then donors' money pro rata with the pivotal's own. */
    readonly byPayer: readonly { readonly id: string; readonly cost: number }[];
  };
  readonly operation: {
    readonly deaths: number;
    readonly withdrawals: Readonly<Record<string, number>>;
    /** `concessionCost`: the conceded terms' cost to the end of the run, as agreed when the pivotal gave in (US$); the ledger's hold-up payments (payments.csv, cause hold-up) are less when a partner leaves before the end. */
    readonly holdUps: { readonly threats: number; readonly paid: number; readonly refusedWithdrew: number; readonly bluffCalled: number; readonly concessionCost: number };
    readonly paymentCuts: number;
    readonly renegingPerceived: { readonly actual: number; readonly misperceived: number };
    readonly meanEffort: number | null;
    readonly alliancesDeepened: readonly string[];
  };
  readonly budget: {
    readonly initial: number;
    readonly donations: number;
    readonly otherChanges: number;
    readonly total: number;
    readonly spent: number;
    readonly unspent: number;
    /** The access budget (`pivotal.accessBudget`), present only when the scenario sets one: access is paid from it, not from `total`. */
    readonly access?: { readonly total: number; readonly spent: number; readonly unspent: number };
  };
  readonly market: {
    readonly meanTightness: number | null;
    readonly maxTightness: number | null;
    /** Rounds in which demand exceeded supply (tightness > 1 or nothing supplied). */
    readonly scarceRounds: number;
  };
  readonly power: {
    /** Deals signed (paid), including any with no surplus to share (R_i = r_i). */
    readonly deals: number;
    /** Mean surplus share over paid deals that have one (R_i > r_i). */
    readonly meanShare: number | null;
    /** Mean over rounds of the per-round power index (troop-weighted share of deployed paid contingents). */
    readonly meanPowerIndex: number | null;
    readonly reversals: number;
    readonly reversalsBy: readonly { readonly round: number; readonly party: string; readonly share: number; readonly capabilityRatio: number }[];
  };
  /** Present only when some side deal was promised rather than paid at signing. */
  readonly promises?: PromisesSummary;
  /** Retention payments and punishment (issue 16 item 4), present only when the scenario sets pivotal.retention or pivotal.punishment. */
  readonly retention?: RetentionSummary;
  /** Payers with their own lines (issue 16 item 2), present only when the scenario has some: each one's budget and spending. */
  readonly payers?: readonly PayerSummary[];
  /**
   * Who paid whom (issue 16 item 2), present only when the scenario has payers or lead nations:
   * one row per payer, lead nation passed through (null: paid directly) and recipient, at cost.
   */
  readonly flows?: readonly PaymentFlow[];
  readonly negotiations: {
    readonly opened: number;
    readonly outcomes: Readonly<Record<string, number>>;
    readonly meanExchangesToAgreement: number | null;
    readonly offers: number;
  };
}

/**
 * Evidence for the typology's `signaller` label, from the run's snapshots: each deployment (a
 * deal, or a first unpaid one at price 0) at which, without its signal, the party would have
 * asked more than it got (engine/phases/contingents.ts `reservationWithoutSignal`), and the
 * first round it over-contributed (its share of forces deployed above the leader's ask of every
 * state, politics/alliance.ts `leaderAsk`, the test of the alliance review) while it had a
 * signalling motive. Empty for a party with no signalling motive.
 */
function signalEvidence(result: RunResult, spec: ThirdPartySpec, deals: readonly { round: number; troops: number; pricePerSoldierYear: number }[], volunteeredRound: number | undefined, volunteeredTroops: number | undefined, coalitionForces: number): SignalEvidence[] {
  if (spec.signallingValuePerYear <= 0 || spec.preferenceSimilarity <= 0) return [];
  const { scenario, states } = result;
  const at = (round: number, troops: number, price: number): SignalEvidence[] => {
    const now = states[round];
    const before = states[round - 1];
    if (!now || !before || troops <= 0) return [];
    const p = now.parties[spec.id]!;
    const without = reservationWithoutSignal(spec, scenario, coalitionForces, {
      costPerYear: p.costPerYear, allianceDepth: p.allianceDepth, deployedBefore: before.parties[spec.id]!.troops, troops, demand: now.demand,
    });
    return without > price + 0.5 ? [{ kind: 'decisive', round, troops, price, withoutSignal: cents(without) }] : [];
  };
  const out = [...(volunteeredRound !== undefined && volunteeredTroops !== undefined ? at(volunteeredRound, volunteeredTroops, 0) : []), ...deals.flatMap((d) => at(d.round, d.troops, d.pricePerSoldierYear))];
  for (let t = 1; t < states.length && spec.armedForces > 0; t++) {
    const p = states[t]!.parties[spec.id]!;
    const share = p.troops / spec.armedForces;
    const ask = leaderAsk(states[t]!.demand, coalitionForces);
    const signal = signallingValue({ similarity: spec.preferenceSimilarity, depth: p.allianceDepth }, spec.signallingValuePerYear);
    if (p.troops > 0 && signal > 0 && share > ask) {
      out.push({ kind: 'over-contributed', round: t, troops: p.troops, shareDeployed: share, ask, signal: cents(signal) });
      break;
    }
  }
  return out;
}

export function summarize(result: RunResult): RunSummary {
  const { scenario, states, events } = result;
  const rpy = scenario.clock.roundsPerYear;
  const final = states[states.length - 1]!;
  const specs = new Map(scenario.thirdParties.map((p) => [p.id, p]));
  // The sum of third parties' armed forces (the leader's ask divides demand by it): once per summary, not per member.
  const coalitionForces = scenario.thirdParties.reduce((a, t) => a + t.armedForces, 0);

  const soldierRounds = new Map<string, number>();
  const paidSoldierRounds = new Map<string, number>();
  const troopsMax = new Map<string, number>();
  // The last contract each party held (hold-up concessions included): a partner that withdrew has none at the end.
  const lastContract = new Map<string, NonNullable<SimState['parties'][string]['deal']>>();
  for (let t = 1; t < states.length; t++) {
    for (const id in states[t]!.parties) {
      const p = states[t]!.parties[id]!;
      if (p.deal) lastContract.set(id, p.deal);
      if (p.troops <= 0) continue;
      soldierRounds.set(id, (soldierRounds.get(id) ?? 0) + p.troops);
      if (p.deal && p.deal.pricePerSoldierYear > 0) paidSoldierRounds.set(id, (paidSoldierRounds.get(id) ?? 0) + p.troops);
      troopsMax.set(id, Math.max(troopsMax.get(id) ?? 0, p.troops));
    }
  }

  const byKind: Record<PaymentKind, number> = { subsidy: 0, 'side-deal': 0 };
  const byRecipient = new Map<string, Record<PaymentKind, number>>();
  let donations = 0;
  let otherChanges = 0;
  const lastDeal = new Map<string, EventOf<'deal-signed'>>();
  const lastNoDeal = new Map<string, string>();
  const accessRefused = new Map<string, AccessRefusal[]>();
  const firstApproach = new Map<string, number>();
  const shares: number[] = [];
  // Every deal signed counts; one with no surplus to share (R_i = r_i) has no share, only.
  let deals = 0;
  const reversalsBy: { round: number; party: string; share: number; capabilityRatio: number }[] = [];
  const sideValue = new Map<string, number>();
  const sideItems = new Map<string, string[]>();
  const volunteered = new Set<string>();
  const volunteeredRound = new Map<string, number>();
  const volunteeredTroops = new Map<string, number>();
  const dealsBy = new Map<string, { round: number; troops: number; pricePerSoldierYear: number; ceiling: number; enlargement: boolean }[]>();
  const threatRounds = new Map<string, number[]>();
  const threats = new Map<string, ThreatEvidence[]>();
  const deepenedRound = new Map<string, number>();
  const maxDealTroops = new Map<string, number>();
  const outcomes: Record<string, number> = {};
  const agreementExchanges: number[] = [];
  let opened = 0;
  let offers = 0;
  let deaths = 0;
  const withdrawals: Record<string, number> = {};
  const holdUps = { threats: 0, paid: 0, refusedWithdrew: 0, bluffCalled: 0, concessionCost: 0 };
  let paymentCuts = 0;
  const reneging = { actual: 0, misperceived: 0 };
  const deepened: string[] = [];
  const donorMoney = new Map<string, number>();
  let accessPaid = 0;
  const accessSubsidy = new Map<string, number>();
  const accessDeals = new Map<string, AccessDealSummary[]>();
  const promises = new PromiseBook();
  const retention = new RetentionBook();
  const flows = new PayerBook(scenario);
  // Lead nations (issue 16 item 2): by lead, then payer|recipient, what passed through it.
  const passed = new Map<string, Map<string, { -readonly [K in keyof PassThrough]: PassThrough[K] }>>();
  const nameOf = new Map<string, string>([[scenario.pivotal.id, scenario.pivotal.name], ...scenario.thirdParties.map((t) => [t.id, t.name] as [string, string]), ...(scenario.payers ?? []).map((p) => [p.id, p.name] as [string, string])]);
  for (const e of events) {
    promises.read(e);
    retention.read(e);
    flows.read(e);
    if (e.type === 'payment' && e.via !== undefined) {
      const byKey = passed.get(e.via) ?? new Map<string, { -readonly [K in keyof PassThrough]: PassThrough[K] }>();
      passed.set(e.via, byKey);
      const k = `${e.payer}\u0000${e.recipient}`;
      const f = byKey.get(k);
      if (f) {
        f.amount = cents(f.amount + e.amount);
        f.lastRound = e.round;
      } else byKey.set(k, { payer: e.payer, payerName: nameOf.get(e.payer) ?? e.payer, recipient: e.recipient, recipientName: nameOf.get(e.recipient) ?? e.recipient, amount: e.amount, firstRound: e.round, lastRound: e.round });
    }
    if (e.type === 'payment') {
      if (e.cause === 'access') {
        accessPaid = cents(accessPaid + e.amount);
        if (e.kind === 'subsidy') accessSubsidy.set(e.recipient, cents((accessSubsidy.get(e.recipient) ?? 0) + e.amount));
      }
      byKind[e.kind] = cents(byKind[e.kind] + e.amount);
      const r = byRecipient.get(e.recipient) ?? { subsidy: 0, 'side-deal': 0 };
      r[e.kind] = cents(r[e.kind] + e.amount);
      byRecipient.set(e.recipient, r);
      if (e.kind === 'side-deal') {
        sideValue.set(e.recipient, cents((sideValue.get(e.recipient) ?? 0) + e.value));
        sideItems.set(e.recipient, [...(sideItems.get(e.recipient) ?? []), e.item]);
      }
    } else if (e.type === 'budget-changed') {
      if (e.source === 'scenario-event') otherChanges += e.amount;
      else {
        donations += e.amount;
        donorMoney.set(e.source, (donorMoney.get(e.source) ?? 0) + e.amount);
      }
    } else if (e.type === 'deal-signed') {
      lastDeal.set(e.party, e);
      dealsBy.set(e.party, [...(dealsBy.get(e.party) ?? []), { round: e.round, troops: e.troops, pricePerSoldierYear: e.pricePerSoldierYear, ceiling: e.ceiling, enlargement: (states[e.round - 1]?.parties[e.party]?.troops ?? 0) > 0 }]);
      maxDealTroops.set(e.party, Math.max(maxDealTroops.get(e.party) ?? 0, e.troops));
      deals++;
      if (e.share !== null) shares.push(e.share);
    } else if (e.type === 'access-signed') {
      accessDeals.set(e.party, [...(accessDeals.get(e.party) ?? []), { round: e.round, kind: e.kind, label: e.label, pricePerYear: e.pricePerYear, reservation: e.reservation, pivotalReservation: e.pivotalReservation, share: e.share }]);
      deals++;
      if (e.share !== null) shares.push(e.share);
    } else if (e.type === 'no-deal' || e.type === 'access-no-deal') {
      lastNoDeal.set(e.party, e.reason);
      if (e.type === 'access-no-deal') accessRefused.set(e.party, [...(accessRefused.get(e.party) ?? []), { round: e.round, kind: e.kind, pivotalReservation: e.pivotalReservation, reason: e.reason }]);
    }
    else if (e.type === 'reversal') reversalsBy.push({ round: e.round, party: e.party, share: round4(e.share), capabilityRatio: round4(e.capabilityRatio) });
    else if (e.type === 'volunteered') {
      volunteered.add(e.party);
      if (!volunteeredRound.has(e.party)) {
        volunteeredRound.set(e.party, e.round);
        volunteeredTroops.set(e.party, e.troops);
      }
    }
    else if (e.type === 'negotiation-opened') {
      opened++;
      if (!firstApproach.has(e.party)) firstApproach.set(e.party, e.round);
    }
    else if (e.type === 'offer') offers++;
    else if (e.type === 'casualties') deaths += e.deaths;
    else if (e.type === 'contingent-released' && e.reason !== 'demand-fell') withdrawals[e.reason] = (withdrawals[e.reason] ?? 0) + 1;
    else if (e.type === 'holdup-threat') {
      holdUps.threats++;
      threatRounds.set(e.party, [...(threatRounds.get(e.party) ?? []), e.round]);
      // What its casualties justified asking: the gap r_i + z - p before the threat (a genuine threat asks at least that).
      const before = states[e.round - 1]?.parties[e.party];
      const price = before?.deal?.pricePerSoldierYear ?? 0;
      const gap = e.casualtyPremium === null ? Infinity : Math.max(0, (before?.reservation ?? 0) + e.casualtyPremium - price);
      threats.set(e.party, [...(threats.get(e.party) ?? []), { round: e.round, demand: e.demandPerSoldierYear, justified: gap }]);
    }
    else if (e.type === 'holdup-resolved') {
      if (e.outcome === 'paid') holdUps.paid++;
      else if (e.outcome === 'refused-withdrew') holdUps.refusedWithdrew++;
      else holdUps.bluffCalled++;
      holdUps.concessionCost = cents(holdUps.concessionCost + e.concessionCost);
    } else if (e.type === 'payment-cut') paymentCuts++;
    else if (e.type === 'reneging-perceived') reneging[e.actual ? 'actual' : 'misperceived']++;
    else if (e.type === 'alliance-deepened') {
      // Reviewed every round: a party is listed once, from the first round it was deepened.
      if (!deepenedRound.has(e.party)) {
        deepened.push(e.party);
        deepenedRound.set(e.party, e.round);
      }
    }
    else if (e.type === 'negotiation-ended') {
      outcomes[e.outcome] = (outcomes[e.outcome] ?? 0) + 1;
      if (e.outcome === 'agreement') agreementExchanges.push(e.exchanges);
    }
  }

  const members: MemberSummary[] = [];
  const neverJoined: { id: string; name: string; lastReason: string | null; labels?: LabelEvidence[] }[] = [];
  for (const spec of scenario.thirdParties) {
    const p = final.parties[spec.id]!;
    const joined = states.find((s) => s.parties[spec.id]!.joinedRound !== null)?.parties[spec.id]!.joinedRound ?? null;
    if (joined === null) {
      const labels = outsiderLabels({ spec, pivotal: scenario.pivotal, accessRefused: accessRefused.get(spec.id) ?? [], approachedRound: firstApproach.get(spec.id) ?? null, roundLabel: scenario.clock.roundLabel });
      neverJoined.push({ id: spec.id, name: spec.name, lastReason: lastNoDeal.get(spec.id) ?? null, ...(labels.length > 0 ? { labels } : {}) });
      continue;
    }
    const kinds = byRecipient.get(spec.id) ?? { subsidy: 0, 'side-deal': 0 };
    const deal = lastDeal.get(spec.id);
    const access = accessDeals.get(spec.id);
    const through = passed.get(spec.id);
    const passedThrough = through ? [...through.values()].sort((a, b) => b.amount - a.amount || (a.recipient < b.recipient ? -1 : 1)) : undefined;
    // Deployment subsidies only: cash for access buys no soldiers.
    const troopSubsidy = cents(kinds.subsidy - (accessSubsidy.get(spec.id) ?? 0));
    const kind = classify({
      spec, pivotal: scenario.pivotal, costPerYear: p.costPerYear, reservation: p.reservation, liquidityNeed: p.liquidityNeed,
      joined: true, volunteered: volunteered.has(spec.id), price: deal?.pricePerSoldierYear ?? 0, troops: maxDealTroops.get(spec.id) ?? p.capacity,
      sideDealValue: sideValue.get(spec.id) ?? 0, subsidyPaid: troopSubsidy, holdUpThreats: p.holdUpThreats,
      ...(access ? { accessDeals: access } : {}),
    });
    const years = (soldierRounds.get(spec.id) ?? 0) / rpy;
    const subsidyReceived = kinds.subsidy;
    const signal = spec.signallingValuePerYear * alliancePotential(spec);
    members.push({
      id: spec.id,
      name: spec.name,
      joinedRound: joined,
      paid: (deal !== undefined && deal.pricePerSoldierYear > 0) || (access?.some((a) => a.pricePerYear > 0) ?? false),
      troopsFinal: p.troops,
      troopsMax: troopsMax.get(spec.id) ?? 0,
      soldierYears: round4((soldierRounds.get(spec.id) ?? 0) / rpy),
      // The reservation of the contract its price and share refer to (what it would have come
      // for when it signed, a casualty premium included), else its reservation at the end.
      reservationPerSoldierYear: p.deal?.reservation ?? lastContract.get(spec.id)?.reservation ?? deal?.reservation ?? p.reservation,
      // The contract in force at the end (enlargements merged), else its last deal.
      pricePerSoldierYear: p.deal?.pricePerSoldierYear ?? lastContract.get(spec.id)?.pricePerSoldierYear ?? deal?.pricePerSoldierYear ?? 0,
      paymentsTotal: cents(kinds.subsidy + kinds['side-deal']),
      paymentsByKind: kinds,
      sideDealValue: sideValue.get(spec.id) ?? 0,
      sideDealItems: sideItems.get(spec.id) ?? [],
      surplusShare: p.deal ? p.deal.share : lastContract.has(spec.id) ? lastContract.get(spec.id)!.share : (deal?.share ?? null),
      alliancePotential: round4(alliancePotential(specs.get(spec.id)!)),
      type: kind.type,
      typeReasons: kind.reasons,
      labels: behaviourLabels({
        spec, pivotal: scenario.pivotal, costPerYear: p.costPerYear, liquidityNeed: p.liquidityNeed, reservation: p.reservation,
        volunteeredRound: volunteeredRound.get(spec.id) ?? null, deals: dealsBy.get(spec.id) ?? [], subsidyReceived: troopSubsidy,
        sideDealValueReceived: sideValue.get(spec.id) ?? 0, soldierYears: years, holdUpThreatRounds: threatRounds.get(spec.id) ?? [], holdUpThreats: threats.get(spec.id) ?? [],
        allianceDeepenedRound: deepenedRound.get(spec.id) ?? null, troopsMax: troopsMax.get(spec.id) ?? 0,
        signalEvidence: signalEvidence(result, spec, dealsBy.get(spec.id) ?? [], volunteeredRound.get(spec.id), volunteeredTroops.get(spec.id), coalitionForces),
        // Its reservation p.reservation is r_i(k) of its contingent at the end: the benchmark is the same without a markup.
        justifiedReservation: cents(reservationWithoutMarkup(spec, scenario, coalitionForces, { costPerYear: p.costPerYear, allianceDepth: p.allianceDepth, troops: p.troops, demand: final.demand })),
        ...(access ? { accessDeals: access } : {}),
        ...(passedThrough ? { passedThrough } : {}),
        roundLabel: scenario.clock.roundLabel,
      }),
      deaths: p.deaths,
      holdUpThreats: p.holdUpThreats,
      effortFinal: round4(p.effort),
      netGain: cents(subsidyReceived + (sideValue.get(spec.id) ?? 0) + (spec.intrinsicValuePerYear + signal - p.costPerYear) * years),
      allianceDepthFinal: round4(p.allianceDepth),
      ...(access ? { access } : {}),
    });
  }

  const markets = events.filter((e): e is EventOf<'market'> => e.type === 'market');
  const fills = markets.filter((m) => m.demand > 0).map((m) => Math.min(1, m.deployed / m.demand));
  const tights = markets.filter((m) => m.demand > 0).map((m) => m.tightness);
  const finite = tights.filter((x): x is number => x !== null);
  const powerIndices = markets.map((m) => m.powerIndex).filter((x): x is number => x !== null);
  const total = cents(byKind.subsidy + byKind['side-deal']);
  let foreign = 0;
  for (const v of soldierRounds.values()) foreign += v;
  let paidRounds = 0;
  for (const v of paidSoldierRounds.values()) paidRounds += v;
  const foreignYears = foreign / rpy;
  let effectiveRounds = 0;
  let effortSum = 0;
  let effortN = 0;
  for (let t = 1; t < states.length; t++) {
    for (const id in states[t]!.parties) {
      const p = states[t]!.parties[id]!;
      if (p.troops <= 0) continue;
      effectiveRounds += p.troops * specs.get(id)!.effectiveness * p.effort;
      effortSum += p.effort * p.troops;
      effortN += p.troops;
    }
  }
  const effectiveYears = effectiveRounds / rpy;
  // Payers' own lines (issue 16) are theirs; the rest is the pivotal's pool, shared with its donors.
  // Access paid from an access budget (pivotal.accessBudget) is the pivotal's own money, not its pool shared with donors.
  const ownAccess = scenario.pivotal.accessBudget !== undefined ? accessPaid : 0;
  const byPayer = [...costByPayer(scenario, donorMoney, cents(total - flows.payersSpent() - ownAccess), final.pivotal.budgetTotal, ownAccess), ...flows.byPayer()];
  // What soldiers cost: every payment but those for access (issue 16), which buys none.
  const troopTotal = accessPaid > 0 ? cents(total - accessPaid) : total;
  const perForeign = foreignYears > 0 ? cents(troopTotal / foreignYears) : null;

  return {
    scenario: { id: scenario.meta.id, title: scenario.meta.title },
    seed: result.seed,
    rounds: scenario.clock.rounds,
    roundLabel: scenario.clock.roundLabel,
    coalition: {
      flags: members.length,
      members,
      neverJoined,
      troopsFinal: markets.at(-1)?.deployed ?? 0,
      demandFinal: markets.at(-1)?.demand ?? 0,
      peakTroops: Math.max(0, ...markets.map((m) => m.deployed)),
      peakDemand: Math.max(0, ...markets.map((m) => m.demand)),
      meanFillRate: fills.length > 0 ? round4(mean(fills)) : null,
      shortfallSoldierRounds: markets.reduce((a, m) => a + m.shortfall, 0),
    },
    payments: {
      total,
      byKind,
      byRecipient: [...byRecipient.entries()].map(([id, k]) => ({ id, total: cents(k.subsidy + k['side-deal']) })).sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1)),
      ...(accessPaid > 0 ? { access: accessPaid } : {}),
    },
    costs: {
      foreignSoldierYears: round4(foreignYears),
      paidSoldierYears: round4(paidRounds / rpy),
      costPerForeignSoldierYear: perForeign,
      costPerPaidSoldierYear: paidRounds > 0 ? cents(troopTotal / (paidRounds / rpy)) : null,
      ownSoldierCostPerYear: scenario.pivotal.ownSoldierCostPerYear,
      ratioToOwnSoldier: perForeign !== null && scenario.pivotal.ownSoldierCostPerYear > 0 ? round4(perForeign / scenario.pivotal.ownSoldierCostPerYear) : null,
      effectiveSoldierYears: round4(effectiveYears),
      costPerEffectiveSoldierYear: effectiveYears > 0 ? cents(troopTotal / effectiveYears) : null,
      byPayer,
    },
    operation: {
      deaths,
      withdrawals,
      holdUps,
      paymentCuts,
      renegingPerceived: reneging,
      meanEffort: effortN > 0 ? round4(effortSum / effortN) : null,
      alliancesDeepened: deepened,
    },
    budget: {
      initial: scenario.pivotal.budget,
      donations: cents(donations),
      otherChanges: cents(otherChanges),
      total: final.pivotal.budgetTotal,
      spent: final.pivotal.spent,
      unspent: cents(final.pivotal.budgetTotal - final.pivotal.spent),
      ...(scenario.pivotal.accessBudget !== undefined ? { access: { total: scenario.pivotal.accessBudget, spent: accessPaid, unspent: cents(scenario.pivotal.accessBudget - accessPaid) } } : {}),
    },
    market: {
      meanTightness: finite.length > 0 ? round4(mean(finite)) : null,
      maxTightness: finite.length > 0 ? round4(Math.max(...finite)) : null,
      scarceRounds: tights.filter((x) => x === null || x > 1).length,
    },
    power: {
      deals,
      meanShare: shares.length > 0 ? round4(mean(shares)) : null,
      meanPowerIndex: powerIndices.length > 0 ? round4(mean(powerIndices)) : null,
      reversals: reversalsBy.length,
      reversalsBy,
    },
    ...(promises.made > 0 ? { promises: promises.summary() } : {}),
    ...(reportsRetention(scenario.pivotal) ? { retention: retention.summary() } : {}),
    ...flows.summary(),
    negotiations: {
      opened,
      outcomes,
      meanExchangesToAgreement: agreementExchanges.length > 0 ? round4(mean(agreementExchanges)) : null,
      offers,
    },
  };
}

/**
 * Who bore the payments: earmarked donations are spent first (in scenario order); the rest is
 * spent pro rata from the pivotal's own money and the other donations. `ownAccess`, access paid
 * from the pivotal's access budget, is its own and added to its cost.
 */
function costByPayer(scenario: RunResult['scenario'], donorMoney: ReadonlyMap<string, number>, total: number, budgetTotal: number, ownAccess: number): { id: string; cost: number }[] {
  let left = total;
  let earmarkedMoney = 0;
  const costs = new Map<string, number>();
  for (const d of scenario.donors) {
    if (!d.earmarked) continue;
    const money = donorMoney.get(d.id) ?? 0;
    earmarkedMoney += money;
    const cost = Math.min(money, left);
    costs.set(d.id, cost);
    left -= cost;
  }
  const pool = budgetTotal - earmarkedMoney;
  const share = pool > 0 ? Math.min(1, left / pool) : 0;
  for (const d of scenario.donors) if (!d.earmarked) costs.set(d.id, (donorMoney.get(d.id) ?? 0) * share);
  const out = scenario.donors.filter((d) => donorMoney.has(d.id)).map((d) => ({ id: d.id, cost: cents(costs.get(d.id) ?? 0) }));
  out.unshift({ id: scenario.pivotal.id, cost: cents(total + ownAccess - out.reduce((a, p) => a + p.cost, 0)) });
  return out;
}

/**
 * Promises read from the event log, in order (shared by summarize and the sweep tally, so both
 * report the same counts): an item is kept once its last delivery is, broken at its first
 * withheld delivery, and outstanding while deliveries remain.
 */
export class PromiseBook {
  made = 0;
  private readonly open = new Map<string, { -readonly [K in keyof PromiseItemSummary]: PromiseItemSummary[K] }>();
  private readonly items: { -readonly [K in keyof PromiseItemSummary]: PromiseItemSummary[K] }[] = [];
  private promisedCost = 0;
  private deliveredCost = 0;
  private cancelledCost = 0;

  read(e: SimEvent): void {
    if (e.type === 'promise-made') {
      const rec = { party: e.party, item: e.item, round: e.round, cost: e.cost, value: e.value, believedProbability: e.believedProbability, deliveries: e.deliveries, delivered: 0, deliveredCost: 0, status: 'outstanding' as PromiseItemSummary['status'], brokenRound: null as number | null };
      this.made++;
      this.promisedCost = cents(this.promisedCost + e.cost);
      // An item is promised to a recipient at most once (deals.ts catalogFor), so party|item names it.
      this.open.set(`${e.party}|${e.item}`, rec);
      this.items.push(rec);
    } else if (e.type === 'promise-kept') {
      const rec = this.open.get(`${e.party}|${e.item}`)!;
      rec.delivered++;
      rec.deliveredCost = cents(rec.deliveredCost + e.cost);
      this.deliveredCost = cents(this.deliveredCost + e.cost);
      if (rec.delivered === rec.deliveries) rec.status = 'kept';
    } else if (e.type === 'promise-broken') {
      const rec = this.open.get(`${e.party}|${e.item}`)!;
      rec.status = 'broken';
      rec.brokenRound = e.round;
      this.cancelledCost = cents(this.cancelledCost + e.cancelledCost);
    }
  }

  counts(): Omit<PromisesSummary, 'items'> {
    let kept = 0;
    let broken = 0;
    for (const r of this.items) {
      if (r.status === 'kept') kept++;
      else if (r.status === 'broken') broken++;
    }
    return { made: this.made, kept, broken, outstanding: this.made - kept - broken, promisedCost: this.promisedCost, deliveredCost: this.deliveredCost, cancelledCost: this.cancelledCost };
  }

  summary(): PromisesSummary {
    return { ...this.counts(), items: this.items.map((r) => ({ ...r })) };
  }
}

/**
 * Payers' spending and who paid whom, read from the event log (shared by summarize and the sweep
 * tally). Active only when the scenario has payers or lead nations (issue 16 item 2), so other
 * summaries carry no such fields.
 */
export class PayerBook {
  private readonly active: boolean;
  private readonly payers: NonNullable<RunResult['scenario']['payers']>;
  private readonly spent = new Map<string, number>();
  private readonly flows = new Map<string, { payer: string; via: string | null; recipient: string; amount: number }>();
  private readonly rpy: number;
  /** By payer, then `recipient|item`: the line as funded in the recipient's latest deal, and what it paid. */
  private readonly funded = new Map<string, Map<string, { -readonly [K in keyof PayerFunding]: PayerFunding[K] }>>();

  constructor(scenario: Pick<RunResult['scenario'], 'payers' | 'thirdParties' | 'clock'>) {
    this.payers = scenario.payers ?? [];
    this.rpy = scenario.clock.roundsPerYear;
    this.active = this.payers.length > 0 || scenario.thirdParties.some((t) => t.leadNation !== undefined);
  }

  read(e: SimEvent): void {
    if (!this.active) return;
    if (e.type === 'deal-signed' && e.lines?.length) {
      this.readLines(e);
      return;
    }
    if (e.type !== 'payment') return;
    const line = this.funded.get(e.payer)?.get(`${e.recipient}\u0000${e.item}`);
    if (line) line.paid = cents(line.paid + e.amount);
    this.spent.set(e.payer, cents((this.spent.get(e.payer) ?? 0) + e.amount));
    const via = e.via ?? null;
    const key = `${e.payer}\u0000${via ?? ''}\u0000${e.recipient}`;
    const f = this.flows.get(key);
    if (f) f.amount = cents(f.amount + e.amount);
    else this.flows.set(key, { payer: e.payer, via, recipient: e.recipient, amount: e.amount });
  }

  /**
   * Replays fundLines (payments/payers.ts) over a deal's funded lines, in the order funded: the
   * subsidy left and each payer's value left before each line, so the bound that held is named.
   * A line is cut to the cent below its bound, so "held" means within a cent.
   */
  private readLines(e: EventOf<'deal-signed'>): void {
    let left = e.subsidyPerSoldierYear;
    const valueLeft = new Map<string, number>();
    for (const l of e.lines ?? []) {
      const spec = this.payers.find((p) => p.id === l.payer);
      if (!spec) continue;
      const value = spec.partnerValues?.[e.party] ?? spec.valuePerSoldierYear;
      const cap = valueLeft.get(l.payer) ?? value;
      const rateSpec = spec.lines.find((x) => (x.label ?? x.kind) === l.item);
      const rate = rateSpec ? rateSpec.ratePerSoldierPerRound * this.rpy : l.perSoldierYear;
      const x = l.perSoldierYear;
      const bound: LineBound = x >= rate - 0.01 ? 'posted-rate' : x >= left - 0.01 ? 'subsidy' : x >= cap - 0.01 ? 'value' : 'budget';
      left = cents(left - x);
      valueLeft.set(l.payer, cap - x);
      const byKey = this.funded.get(l.payer) ?? new Map<string, { -readonly [K in keyof PayerFunding]: PayerFunding[K] }>();
      this.funded.set(l.payer, byKey);
      const key = `${e.party}\u0000${l.item}`;
      const prev = byKey.get(key);
      byKey.set(key, { recipient: e.party, item: l.item, postedRatePerSoldierYear: cents(rate), fundedPerSoldierYear: x, valuePerSoldierYear: value, bound, paid: prev?.paid ?? 0 });
    }
  }

  /** What the payers with lines of their own spent, together. */
  payersSpent(): number {
    let t = 0;
    for (const p of this.payers) t = cents(t + (this.spent.get(p.id) ?? 0));
    return t;
  }

  /** Each payer's cost, in scenario order (for costs.byPayer). */
  byPayer(): { id: string; cost: number }[] {
    return this.payers.map((p) => ({ id: p.id, cost: this.spent.get(p.id) ?? 0 }));
  }

  /** Each payer's account, in scenario order. */
  accounts(): PayerSummary[] {
    return this.payers.map((p) => {
      const spent = this.spent.get(p.id) ?? 0;
      const funded = [...(this.funded.get(p.id)?.values() ?? [])].map((f) => ({ ...f })).sort((a, b) => b.paid - a.paid || cmp(a.recipient, b.recipient) || cmp(a.item, b.item));
      return { id: p.id, name: p.name, budget: p.budget, spent, unspent: cents(p.budget - spent), valuePerSoldierYear: p.valuePerSoldierYear, funded };
    });
  }

  /** `{ payers, flows }` (flows largest first), or nothing when inactive. */
  summary(): { payers?: PayerSummary[]; flows?: PaymentFlow[] } {
    if (!this.active) return {};
    const flows = [...this.flows.values()].sort((a, b) => b.amount - a.amount || cmp(a.payer, b.payer) || cmp(a.recipient, b.recipient) || cmp(a.via ?? '', b.via ?? ''));
    return { ...(this.payers.length > 0 ? { payers: this.accounts() } : {}), flows };
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
