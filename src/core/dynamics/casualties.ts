/**
 * Casualties and the withdrawals they force. Deaths each round are Poisson with a rate
 * set by the operation's risk, the contingent's size and exposure, and its effort
 * (caveats keep troops out of harm's way). A casualty-sensitive government withdraws
 * once its dead pass its tolerance; the gap it leaves is demand for the rest.
 */
import { STREAM, type RandomStream, type Rng } from '../rng';
import type { Model } from '../engine/model';
import type { RunState } from '../engine/runState';
import type { EventSink } from '../engine/sink';
import { withdraw } from '../engine/phases/release';
import { retainedTolerance } from '../engine/phases/retention';

/** Poisson draw: Knuth's method for small means, a rounded normal for large ones. */
export function poisson(mean: number, rng: RandomStream): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Deaths a government accepts before it withdraws (null: it never withdraws for casualties). */
export function casualtyTolerance(sensitivity: number, maxTolerance: number): number | null {
  return sensitivity <= 0 ? null : Math.max(1, Math.round((1 - sensitivity) * maxTolerance));
}

export function applyCasualties(s: RunState, model: Model, round: number, rng: Rng, log: EventSink): void {
  if (s.risk <= 0) return;
  const maxTolerance = model.scenario.engine.operation.maxCasualtyTolerance;
  for (let i = 0; i < s.parties.length; i++) {
    const p = s.parties[i]!;
    if (p.troops <= 0) continue;
    const spec = model.specs[i]!;
    const mean = (s.risk / 1000) * p.troops * spec.exposure * (0.5 + 0.5 * p.effort);
    const deaths = Math.min(p.troops, poisson(mean, rng.stream(STREAM.casualties, model.partyKeys[i], round)));
    if (deaths === 0) continue;
    p.deaths += deaths;
    // Raised by any retention payment it receives (issue 16 item 4, phases/retention.ts).
    const tolerance = retainedTolerance(s, model, i, casualtyTolerance(spec.casualtySensitivity, maxTolerance));
    log.push({ type: 'casualties', round, party: p.id, deaths, cumulative: p.deaths, tolerance: tolerance === null ? null : Math.round(tolerance * 100) / 100 });
    if (tolerance !== null && p.deaths >= tolerance) {
      // The government falls or gives in: the contingent comes home and will not return.
      p.blocked = true;
      withdraw(s, model, i, p.troops, round, 'casualties', log);
    }
  }
}
