/**
 * Phase: punishment after a hold-up threat (issue 16 item 4). Only when the scenario sets
 * `pivotal.punishment`; otherwise nothing here runs and runs are as before.
 *
 * The threats of the round are seen as they are logged (`watchThreats` wraps the event sink
 * around the hold-up phase, so dynamics/holdUp.ts needs no change to report them). Right after
 * the hold-ups, for each partner that threatened and is still deployed and paid, the pivotal
 * weighs withholding part of this round's payment (politics/punishment.ts `choosePunishment`):
 * the deterrence bought against the retaliation expected at this round's market (its troops
 * valued at their price plus hold-ups' Pi at today's market, dynamics/holdUp.ts
 * `replacementCostNow`). If it punishes, pay.ts pays that
 * much less this round (`withheldFrom`): the partner sees a payment cut and retaliates as for
 * any cut, and from then on expects to keep only the share `1 - min(1, W / G)` of a paid demand
 * (and trembles that much less)
 * (`threatDeterrence`, read by dynamics/holdUp.ts): a threat that cost it more than it could
 * gain is not made again.
 *
 * Shirking is not a trigger: effort in this engine is set by crowding out and retaliation
 * (dynamics/effort.ts), not chosen by the partner, so there is no gain from shirking to deter.
 */
import type { SimEvent } from '../../events';
import { cents } from '../../money';
import { replacementCostNow, substituteMarket } from '../../dynamics/holdUp';
import { paymentPerRound } from '../../payments/ledger';
import { splitDue } from '../../payments/payers';
import { choosePunishment } from '../../politics/punishment';
import type { Model } from '../model';
import type { RunState } from '../runState';
import type { EventSink } from '../sink';

/** What the pivotal knows and has done about a partner's threats. Mutable inside the engine only. */
export interface PunishmentRecord {
  /** The last threat seen: its round and what it demanded over the rest of the operation, US$. */
  threatRound: number;
  threatTotal: number;
  /** A sanction to apply in this round's payments: round and amount withheld. */
  withholdRound: number;
  withhold: number;
  /** Share of a paid hold-up demand it expects to keep (and factor on its tremble): the product of (1 - min(1, W / G)) over its sanctions. */
  deterrence: number;
}

function recordFor(s: RunState, i: number): PunishmentRecord {
  const records = (s.punishment ??= []);
  return (records[i] ??= { threatRound: 0, threatTotal: 0, withholdRound: 0, withhold: 0, deterrence: 1 });
}

/** The sink the hold-up phase logs to: the same sink, noting each threat when the pivotal may punish. */
export function watchThreats(s: RunState, model: Model, log: EventSink): EventSink {
  if (!model.scenario.pivotal.punishment) return log;
  return {
    detailed: log.detailed !== false,
    push(e: SimEvent): void {
      if (e.type === 'holdup-threat') {
        const r = recordFor(s, model.indexOf.get(e.party)!);
        r.threatRound = e.round;
        r.threatTotal = e.demandTotal;
      }
      log.push(e);
    },
  };
}

/** Share of a paid hold-up demand party i expects to keep after its sanctions, also the factor on its tremble (1: never punished; dynamics/holdUp.ts). */
export function threatDeterrence(s: RunState, i: number): number {
  return s.punishment?.[i]?.deterrence ?? 1;
}

/** What pay.ts withholds from party i this round (0 unless punished this round). */
export function withheldFrom(s: RunState, i: number, round: number): number {
  const r = s.punishment?.[i];
  return r && r.withholdRound === round ? r.withhold : 0;
}

/** Step 3b: right after the hold-ups, weigh punishing each partner that threatened this round. */
export function considerPunishment(s: RunState, model: Model, round: number, log: EventSink): void {
  const settings = model.scenario.pivotal.punishment;
  if (!settings || !s.punishment) return;
  const { scenario } = model;
  const rpy = scenario.clock.roundsPerYear;
  const op = scenario.engine.operation;
  let market: ReturnType<typeof substituteMarket> | null = null;
  for (let i = 0; i < s.punishment.length; i++) {
    const r = s.punishment[i];
    if (!r || r.threatRound !== round) continue;
    const p = s.parties[i]!;
    const deal = p.deal;
    // Gone home (a refused, resolute partner), or nothing paid in cash to withhold.
    if (p.troops <= 0 || !deal || deal.subsidyPerSoldierYear <= 0) continue;
    const due = paymentPerRound(deal.subsidyPerSoldierYear, p.troops, rpy);
    const ownDue = deal.lines?.length ? splitDue(due, deal.lines, p.troops, rpy).pivotal : due;
    market ??= substituteMarket(s, model, round);
    const premium = replacementCostNow(s, model, i, market, model.lastRound - round + 1);
    // A hold-up demand is a transfer: what the partner would gain by repeating it is what the pivotal would pay.
    const choice = choosePunishment({
      partnerGain: r.threatTotal, pivotalLoss: r.threatTotal, due, ownDue, maxShare: settings.maxWithheldShare,
      stake: {
        troops: p.troops, worthPerSoldierYear: deal.pricePerSoldierYear + premium, subsidyPerSoldierYear: deal.subsidyPerSoldierYear,
        roundsAfter: model.lastRound - round, roundsPerYear: rpy, retaliationRounds: op.retaliationRounds, retaliationEffortCut: op.retaliationEffortCut,
      },
    });
    log.push({
      type: 'punishment-weighed', round, party: p.id, trigger: 'hold-up', punished: choice.punish, withheld: choice.withheld,
      share: due > 0 ? Math.round((choice.withheld / due) * 10000) / 10000 : 0, deterrence: cents(choice.deterrence), retaliation: cents(choice.retaliation),
    });
    if (!choice.punish) continue;
    r.withholdRound = round;
    r.withhold = choice.withheld;
    r.deterrence *= 1 - Math.min(1, choice.withheld / r.threatTotal);
  }
}
