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

/**
 * Which parameter an issue in a point's scenario comes from: the one whose path is a prefix (or
 * an extension) of the issue's path, the longest such; -1 when none is (with one parameter, it).
 */
export function blameParameter(params: readonly ResolvedParameter[], path: readonly (string | number)[]): number {
  let best = -1;
  let bestLen = -1;
  params.forEach((p, i) => {
    const n = Math.min(p.at.length, path.length);
    let k = 0;
    while (k < n && p.at[k] === path[k]) k++;
    if (k === n && k > 0 && k > bestLen) {
      best = i;
      bestLen = k;
    }
  });
  // One parameter: whatever broke, it broke it.
  return best < 0 && params.length === 1 ? 0 : best;
}

/**
 * When an issue of a point's scenario is that a parameter's own path names no field (its last key,
 * which the base scenario may leave unset, is misspelt): a problem of that path whatever the values,
 * so an issue at parameters[i].path of the experiment or fit file, with the corrected path as fix.
 * Sweep and fit word it alike. undefined for any other issue.
 */
export function unknownPathIssue(params: readonly ResolvedParameter[], issue: InputIssue): { index: number; issue: InputIssue } | undefined {
  if (issue.code !== 'unknown-field') return undefined;
  const i = blameParameter(params, issue.path);
  if (i < 0) return undefined;
  const p = params[i]!;
  if (p.at.length !== issue.path.length || !p.at.every((x, k) => x === issue.path[k])) return undefined;
  const guess = /did you mean "([^"]+)"/.exec(issue.message)?.[1];
  const fixed = guess !== undefined ? p.path.replace(/[A-Za-z_$][\w$]*$/, guess) : undefined;
  return {
    index: i,
    issue: {
      code: 'bad-path',
      path: ['parameters', i, 'path'],
      message: `parameter "${p.name}": the scenario has no field at "${p.path}"${fixed !== undefined ? `; did you mean "${fixed}"?` : ''}`,
      fix: fixed !== undefined ? `write "path": "${fixed}"` : (issue.fix ?? 'check the path against the scenario format (docs/scenario-format.md)'),
    },
  };
}
