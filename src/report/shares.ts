/** Surplus shares read from a run's summary, shared by the report, its story and the classroom page. */
import type { RunSummary } from '../core/metrics/summary';

/**
 * The partners' mean share of the surplus in their contracts at the end (each member's
 * `surplusShare`: enlargements merged, hold-up concessions included), or null without any: what a
 * hold-up took, which the mean over deals as signed (power.meanShare) does not show.
 */
export function meanShareAtEnd(sum: RunSummary): number | null {
  const shares = sum.coalition.members.map((m) => m.surplusShare).filter((x): x is number => x !== null);
  return shares.length > 0 ? shares.reduce((a, b) => a + b, 0) / shares.length : null;
}
