/**
 * Whom the pivotal approaches this round, and for how many troops (issue 12 item 1, wired):
 * recruitment by value (market/recruitValue.ts `selectApproaches`; BRIEF §1 "legitimacy (more
 * flags), and cost", §3, §6 R_i). Shared by both recruit paths; they differ only in the price
 * line the pivotal expects from each candidate:
 *   - complete information (nash, fixed-rate, reservation): the true reservation's intercept;
 *   - negotiation: the mean of its belief about the party's reservation.
 * A first contingent is worth its fill-in delta_i less to the pivotal than an enlargement
 * (phases/forceGeneration). The slope of that line is public (market/motives `priceSlope`: it follows from the size of the
 * party's forces) and is 0 with fixed contingents (`engine.operation.signalling` off).
 *
 * Candidates arrive as party indices; the arrays handed to `selectApproaches` are by candidate
 * position, built once per round (one pass, typed arrays).
 */
import { selectApproaches, type Approach } from '../../market/recruitValue';
import { freeBudget } from '../../state';
import type { Model } from '../model';
import type { RunState } from '../runState';
import { delayCostOf, firstContingentFillIn } from './forceGeneration';

export interface PriceLine {
  /** a_i per soldier-year: expected price of a small contingent (or of the next soldier for a member). */
  readonly intercept: Float64Array;
  /** b_i >= 0 per soldier-year per extra soldier. */
  readonly slope: Float64Array;
  /** The exact expected price of k troops from party `party` (complete information), else the line. */
  readonly exact?: (party: number, k: number) => number;
}

/** An approach to party `party` (its index in the engine). */
export interface PartyApproach extends Approach {
  readonly party: number;
}

/**
 * `candidates` party indices (in any order), `line` their expected price lines by candidate
 * position, `spare[j]` the most candidate j could add now, `gap` troops still sought (may be <= 0:
 * then only flag-only token contingents from new members are worth anything).
 */
export function chooseApproaches(s: RunState, model: Model, round: number, candidates: readonly number[], line: PriceLine, spare: Float64Array, gap: number): PartyApproach[] {
  const { scenario } = model;
  const n = candidates.length;
  if (n === 0) return [];
  const effectiveness = new Float64Array(n);
  const criticality = new Float64Array(n);
  const member = new Uint8Array(n);
  // delta_j: the own-soldier cost of the rounds before a first contingent arrives (forceGeneration).
  const delayCost = new Float64Array(n);
  const fillIn = firstContingentFillIn(s, model, round);
  for (let j = 0; j < n; j++) {
    const i = candidates[j]!;
    const spec = model.specs[i]!;
    effectiveness[j] = spec.effectiveness;
    criticality[j] = spec.criticality;
    member[j] = s.parties[i]!.troops > 0 ? 1 : 0;
    delayCost[j] = delayCostOf(s, model, i, fillIn);
  }
  const roundsLeft = model.lastRound - round + 1;
  const chosen = selectApproaches(
    { effectiveness, criticality, member, delayCost, priceIntercept: line.intercept, priceSlope: line.slope, maxTroops: spare, ...(line.exact ? { price: (j: number, k: number) => line.exact!(candidates[j]!, k) } : {}) },
    {
      ownSoldierCost: scenario.pivotal.ownSoldierCostPerYear,
      flagValue: scenario.pivotal.flagValuePerYear,
      criticalPartnerValue: scenario.pivotal.criticalPartnerValuePerYear,
      gap: Math.max(0, gap),
      minContingent: scenario.engine.minContingent,
      budget: Math.max(0, freeBudget(s.pivotal)),
      years: roundsLeft / scenario.clock.roundsPerYear,
    },
  );
  // Flag-only token contingents beyond the troop demand are not taken up: their size is the
  // minimum contingent, and a bargain over R = e c_P + L / k for k = 1 soldier is degenerate (prices
  // of millions per soldier-year). Flags count in whom the pivotal approaches to fill the gap.
  const out: PartyApproach[] = [];
  for (const a of chosen) if (!a.token) out.push({ ...a, party: candidates[a.index]! });
  return out;
}
