/**
 * The run function of a sweep: one task (point, replicate, seed) in, one outcome out. The
 * same function runs in-process and in every worker thread. A run that throws becomes a
 * `failed` outcome carrying its error, so the sweep goes on.
 *
 * Test hook: COALSIM_TEST_FAIL_REPLICATE=<r> makes every run of replicate r throw, so tests
 * can check that failures are recorded (no real scenario makes the engine throw on purpose).
 */
import { runForMetrics } from '../core/engine/run';
import type { Scenario } from '../scenario/schema';
import type { Point } from './designs';
import { metric, type MetricName } from './metrics';
import { scenarioAt, type ResolvedParameter } from './point';

/** What a runner needs; plain data, so it can be sent to a worker thread. */
export interface RunnerSpec {
  readonly base: Scenario;
  readonly params: readonly ResolvedParameter[];
  readonly metrics: readonly MetricName[];
}

export interface RunTask {
  readonly run: number;
  readonly point: number;
  readonly replicate: number;
  readonly seed: number;
  readonly values: Point;
}

export type RunOutcome =
  | { readonly run: number; readonly status: 'ok'; readonly metrics: readonly (number | null)[] }
  | { readonly run: number; readonly status: 'failed'; readonly error: string };

export type Runner = (task: RunTask) => RunOutcome;

export function createRunner(spec: RunnerSpec): Runner {
  const reporters = spec.metrics.map((name) => {
    const m = metric(name);
    if (!m) throw new Error(`unknown metric "${name}"`);
    return m;
  });
  const failReplicate = process.env.COALSIM_TEST_FAIL_REPLICATE;
  // Tasks come point by point, so one cached scenario saves re-validating it per replicate.
  let cachedPoint = -1;
  let cached: Scenario | string = '';
  return (task) => {
    try {
      if (task.point !== cachedPoint) {
        const r = scenarioAt(spec.base, spec.params, task.values);
        cached = r.ok ? r.value : `invalid scenario at this point: ${r.issues.map((i) => i.message).join('; ')}`;
        cachedPoint = task.point;
      }
      if (typeof cached === 'string') throw new Error(cached);
      if (failReplicate !== undefined && String(task.replicate) === failReplicate) throw new Error(`injected failure (COALSIM_TEST_FAIL_REPLICATE=${failReplicate})`);
      // Sweep mode: metrics tallied in the loop, no states, events or summary built.
      const view = { summary: runForMetrics(cached, task.seed) };
      return { run: task.run, status: 'ok', metrics: reporters.map((m) => finite(m.compute(view))) };
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      return { run: task.run, status: 'failed', error: message.slice(0, 2000) };
    }
  };
}

/** NaN and infinities have no CSV or SQL form that round-trips; treat them as undefined. */
function finite(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : x;
}
