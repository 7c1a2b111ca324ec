/** A parameter point applied to the base scenario, and validated again as a whole scenario. */
import { formatPath, type InputIssue, type Result } from '../scenario/issues';
import { parseScenarioValue } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import type { Point } from './designs';
import { setAt, type ConcretePath } from './paths';

export interface ResolvedParameter {
  readonly name: string;
  /** As written in the experiment (the point key uses it). */
  readonly path: string;
  /** Resolved against the base scenario: keys and indices. */
  readonly at: ConcretePath;
}

export function applyPoint(base: Scenario, params: readonly ResolvedParameter[], point: Point): unknown {
  let doc: unknown = base;
  params.forEach((p, i) => (doc = setAt(doc, p.at, point[i])));
  return doc;
}

/**
 * The scenario of one point, with defaults filled, or its issues (paths into the scenario).
 * Goes through the same validation as a scenario file, so the messages are as good (without
 * re-scanning it as text when it is valid: parseScenarioValue).
 */
export function scenarioAt(base: Scenario, params: readonly ResolvedParameter[], point: Point): Result<Scenario> {
  const r = parseScenarioValue(applyPoint(base, params, point));
  if (r.ok) return r;
  // Line and column would point into generated text: drop them.
  return { ok: false, issues: r.issues.map(({ line: _l, column: _c, ...rest }) => rest) };
}

export function describePoint(params: readonly ResolvedParameter[], point: Point): string {
  return params.map((p, i) => `${p.name}=${JSON.stringify(point[i])}`).join(', ');
}

export function describeScenarioIssue(issue: InputIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}
