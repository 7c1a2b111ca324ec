/**
 * Which passing figures pass only loosely (a researcher's review, 2026-12-07: "72 of 72" rested
 * partly on rules that a figure can hardly miss). A pass is called loose, with the reason, when:
 *   - its recorded range spans a factor of 100 or more: it only checks that the figure is there;
 *   - it passes by its simulated interval though that interval reaches 0 while the record is
 *     positive (the figure is absent, a partner that never came, in at least the interval's tail
 *     of runs);
 *   - it passes by its interval though the simulated median lies outside the recorded range
 *     (or more than 25% from a recorded value);
 *   - it is a close call (the recorded outcome is not required to be the modal one).
 * Pure.
 */
import type { ScenarioCalibration, TargetResult } from './calibrate';

export interface LoosePass {
  readonly scenario: string;
  readonly figure: string;
  readonly why: string;
}

function recordedBounds(t: TargetResult): [number, number] | null {
  const r = t.recorded;
  if ('value' in r) return [r.value, r.value];
  if ('min' in r) return [r.min, r.max];
  return null;
}

/** Why a passing figure passes loosely, or null when it does not (or does not pass). */
export function looseReason(t: TargetResult): string | null {
  if (!t.score.pass) return null;
  if (t.tolerance.rule === 'close-call') return 'a close call: the recorded outcome need not be the most frequent one';
  const bounds = recordedBounds(t);
  const o = t.score.outcome;
  if (bounds === null || o === null || o.kind !== 'number') return null;
  const [lo, hi] = bounds;
  if (lo > 0 && hi / lo >= 100) return `the recorded range spans a factor of ${Math.round(hi / lo).toLocaleString('en-US')}: it checks only that the figure is there`;
  if (t.tolerance.rule !== 'interval') return null;
  if (lo > 0 && o.low <= 0) return 'passes by an interval that reaches 0: in some runs the figure is absent';
  const off = lo === hi ? Math.abs(o.median - lo) > 0.25 * Math.abs(lo) : o.median < lo || o.median > hi;
  if (off) return 'passes by its interval, though the simulated median is outside the record';
  return null;
}

export function loosePasses(scenarios: readonly ScenarioCalibration[]): LoosePass[] {
  return scenarios.flatMap((s) =>
    s.targets.flatMap((t) => {
      const why = looseReason(t);
      return why === null ? [] : [{ scenario: s.scenario.id, figure: t.label, why }];
    }),
  );
}
