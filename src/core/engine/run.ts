/**
 * A whole run, in one of two modes from the same engine:
 * - full (the default): the sequence of immutable states (round 0 to the last) and the event
 *   log, for run, explain, report and charts;
 * - sweep: no snapshots and no event log; the metrics a sweep collects are tallied as the
 *   run goes (see metrics/tally.ts), equal to what `summarize` would report.
 */
import type { Scenario } from '../../scenario/schema';
import type { SimEvent } from '../events';
import { Tally, type RunMetrics } from '../metrics/tally';
import { createRng } from '../rng';
import type { SimState } from '../state';
import { initialRunState } from './init';
import { compile, type Model } from './model';
import { snapshot } from './runState';
import { step } from './step';

export interface RunResult {
  readonly scenario: Scenario;
  readonly seed: number;
  /** states[0] is before round 1; states[t] is the end of round t. */
  readonly states: readonly SimState[];
  readonly events: readonly SimEvent[];
}

/** Full mode: every round's state and every event. */
export function runScenario(scenario: Scenario, seed: number): RunResult {
  const model: Model = compile(scenario);
  const rng = createRng(seed);
  const s = initialRunState(model, rng);
  const states: SimState[] = [snapshot(s)];
  const events: SimEvent[] = [];
  for (let t = 1; t <= model.lastRound; t++) {
    step(model, s, rng, events);
    states.push(snapshot(s));
  }
  return { scenario, seed, states, events };
}

/** Sweep mode: the run's metrics only, tallied in the loop. */
export function runForMetrics(scenario: Scenario, seed: number): RunMetrics {
  const model: Model = compile(scenario);
  const rng = createRng(seed);
  const s = initialRunState(model, rng);
  const tally = new Tally(model);
  for (let t = 1; t <= model.lastRound; t++) {
    step(model, s, rng, tally);
    tally.endRound(s);
  }
  return tally.finish(s);
}
