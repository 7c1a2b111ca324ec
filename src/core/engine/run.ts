/** A whole run: the sequence of states (round 0 to the last) and the event log. */
import type { Scenario } from '../../scenario/schema';
import type { SimEvent } from '../events';
import { createRng } from '../rng';
import type { SimState } from '../state';
import { initialState } from './init';
import { compile, type Model } from './model';
import { step } from './step';

export interface RunResult {
  readonly scenario: Scenario;
  readonly seed: number;
  /** states[0] is before round 1; states[t] is the end of round t. */
  readonly states: readonly SimState[];
  readonly events: readonly SimEvent[];
}

export function runScenario(scenario: Scenario, seed: number): RunResult {
  const model: Model = compile(scenario);
  const rng = createRng(seed);
  let state = initialState(model, rng);
  const states: SimState[] = [state];
  const events: SimEvent[] = [];
  for (let t = 1; t <= model.lastRound; t++) {
    const result = step(model, state, rng);
    state = result.state;
    states.push(state);
    for (const e of result.events) events.push(e);
  }
  return { scenario, seed, states, events };
}
