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
 * position, filled once per call (one pass) into the run's scratch buffers (engine/scratch.ts).
 */
import { selectApproachesInto } from '../../market/recruitValue';
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

/** The exact price by candidate position, when the line carries one (complete information). */
function exactPrice(line: PriceLine, candidates: ArrayLike<number>): ((j: number, k: number) => number) | undefined {
  const exact = line.exact;
  return exact === undefined ? undefined : (j, k) => exact(candidates[j]!, k);
}

/**
 * `candidates[0..count)` party indices (in any order), `line` their expected price lines by
 * candidate position, `spare[j]` the most candidate j could add now, `gap` troops still sought
 * (may be <= 0: then only flag-only token contingents from new members are worth anything).
 * The chosen approaches, best first, are left in the run's scratch (`s.scratch.approaches`:
 * candidate position `index[q]`, `troops[q]`, ...); returns how many. They stay there until the
 * next call, so a caller reads them before it chooses again.
 */
export function chooseApproaches(s: RunState, model: Model, round: number, candidates: ArrayLike<number>, count: number, line: PriceLine, spare: Float64Array, gap: number): number {
  const { scenario } = model;
  const n = count;
  const sc = s.scratch;
  const out = sc.approaches;
  out.count = 0;
  if (n === 0) return 0;
  const { effectiveness, criticality, member, delayCost } = sc;
  // delayCost[j]: delta_j, the own-soldier cost of the rounds before a first contingent arrives (forceGeneration).
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
  selectApproachesInto(
    { count: n, effectiveness, criticality, member, delayCost, priceIntercept: line.intercept, priceSlope: line.slope, maxTroops: spare, price: exactPrice(line, candidates) },
    {
      ownSoldierCost: scenario.pivotal.ownSoldierCostPerYear,
      flagValue: scenario.pivotal.flagValuePerYear,
      criticalPartnerValue: scenario.pivotal.criticalPartnerValuePerYear,
      gap: Math.max(0, gap),
      minContingent: scenario.engine.minContingent,
      budget: Math.max(0, freeBudget(s.pivotal)),
      years: roundsLeft / scenario.clock.roundsPerYear,
    },
    out,
  );
  // Flag-only token contingents beyond the troop demand are not taken up: their size is the
  // minimum contingent, and a bargain over R = e c_P + L / k for k = 1 soldier is degenerate (prices
  // of millions per soldier-year). Flags count in whom the pivotal approaches to fill the gap.
  // They are dropped in place, keeping the order of the rest.
  let kept = 0;
  for (let q = 0; q < out.count; q++) {
    if (out.token[q] === 1) continue;
    out.index[kept] = out.index[q]!;
    out.troops[kept] = out.troops[q]!;
    out.netValue[kept] = out.netValue[q]!;
    out.expectedCost[kept] = out.expectedCost[q]!;
    out.token[kept] = 0;
    kept++;
  }
  out.count = kept;
  return kept;
}
