/**
 * Punishment (issue 16 item 4): whether the pivotal sanctions a partner after a hold-up threat,
 * and how much. Pure functions over plain numbers; the engine phase is
 * engine/phases/punishment.ts.
 *
 * Sources: BRIEF §1 ("a pivotal state that reneges, or seems to, meets retaliation"; "a pivotal
 * state that depends on a partner can hardly punish it"); §6 (hold-ups: "P pays when the
 * concession costs less than replacement at today's market price plus the flag lost"); issue 16
 * item 4 ("Add a punishment instrument (withhold a payment, cut a promise) whose use the model
 * decides, and show that dependence makes it rare").
 *
 * The instrument: withhold W of the partner's payment this round (at most `maxWithheldShare` of
 * the pivotal's own part of it). The partner answers as it answers any payment cut (pay.ts): with
 * `x = W / due` the withheld share of all it was due this round, `x >= 1/2` sends `ceil(k x)` of
 * its troops home for good, a smaller cut costs effort for `retaliationRounds`. The pivotal prices
 * that retaliation with `renegingLoss` (payments/promises.ts), its troops valued at what replacing
 * them costs at this round's market, `R = p + Pi` per soldier-year (its price plus hold-ups'
 * replacement premium Pi, dynamics/threat.ts, the same the hold-up pay rule uses): where
 * substitutes abound `Pi` is near 0 and a partner sent home costs little beyond the subsidy saved; where the partner is critical or the market tight, `Pi`
 * carries the own-soldier cost, the flag and the criticality, and retaliation is dear.
 *
 * Deterrence. A threat is worth G to the partner (its demand over the rest of the operation,
 * `delta k H / Y`) and would cost the pivotal F if repeated. A sanction W learned by the partner
 * deters a repeat with probability `min(1, W / G)` (a threat that costs more than it can gain is
 * not made again), so the expected deterrence gain is
 *
 *     gain(W) = min(1, W / G) F
 *
 * The pivotal punishes iff `max_W [gain(W) - loss(W)] > 0`, over the sanctions just below half of
 * the due (effort retaliation only) and the largest it may impose (up to G). No coin: the
 * comparison decides.
 */
import { renegingLoss, TROOP_RETALIATION_SHARE, type RenegingStake } from '../payments/promises';

export interface PunishmentInputs {
  /** The partner's gain G from the behaviour, and the pivotal's loss F if it is repeated, US$. */
  readonly partnerGain: number;
  readonly pivotalLoss: number;
  /** All the partner is due this round (its subsidy, payers' lines included), and the pivotal's own part, US$. */
  readonly due: number;
  readonly ownDue: number;
  /** Largest share of its own part the pivotal may withhold (pivotal.punishment.maxWithheldShare). */
  readonly maxShare: number;
  /** The retaliation stake: troops, their worth R = p + Pi and subsidy per soldier-year, horizon, settings. */
  readonly stake: Omit<RenegingStake, 'withheldValue' | 'cashDue'>;
}

export interface PunishmentChoice {
  readonly punish: boolean;
  /** The sanction weighed (the best one; withheld iff punish), US$ (whole cents). */
  readonly withheld: number;
  readonly deterrence: number;
  readonly retaliation: number;
}

/** gain(W) = min(1, W / G) F: the expected loss from a repeat that the sanction deters. */
export function deterrenceGain(withheld: number, partnerGain: number, pivotalLoss: number): number {
  if (withheld <= 0 || partnerGain <= 0 || pivotalLoss <= 0) return 0;
  return Math.min(1, withheld / partnerGain) * pivotalLoss;
}

/** loss(W): the retaliation the pivotal expects for withholding W of `due` (renegingLoss). */
export function retaliationLoss(withheld: number, due: number, stake: PunishmentInputs['stake']): number {
  if (withheld <= 0) return 0;
  return renegingLoss({ ...stake, withheldValue: withheld, cashDue: Math.max(0, due - withheld) });
}

/** Punish iff the best sanction's deterrence gain exceeds the retaliation it provokes. */
export function choosePunishment(x: PunishmentInputs): PunishmentChoice {
  const cap = Math.floor(Math.min(x.partnerGain, Math.max(0, x.maxShare) * x.ownDue) * 100) / 100;
  // Just below the share that sends troops home: only effort is withheld in answer.
  const belowTroops = Math.min(cap, Math.ceil(TROOP_RETALIATION_SHARE * x.due * 100) / 100 - 0.01);
  let best: PunishmentChoice = { punish: false, withheld: 0, deterrence: 0, retaliation: 0 };
  let bestNet = 0;
  let weighed = false;
  for (const w of [belowTroops, cap]) {
    if (w <= 0) continue;
    const deterrence = deterrenceGain(w, x.partnerGain, x.pivotalLoss);
    const retaliation = retaliationLoss(w, x.due, x.stake);
    const net = deterrence - retaliation;
    if (!weighed || net > bestNet) {
      best = { punish: net > 0, withheld: Math.round(w * 100) / 100, deterrence, retaliation };
      bestNet = net;
      weighed = true;
    }
  }
  return best;
}
