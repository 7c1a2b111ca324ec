/**
 * Loading an experiment: the file is validated like a scenario (syntax with line and column,
 * schema issues with path and did-you-mean, cross-field checks); then its base scenario is
 * loaded, every parameter path is resolved against it, and every point of the design is
 * applied and validated as a scenario, so a bad point is an input error naming the
 * parameter before anything runs.
 */
import { readInputFile } from '../scenario/readInput';
import { dirname, resolve } from 'node:path';
import { missingScenarioIssue, scenarioReference } from '../scenario/bundled';
import { sha256 } from '../output/manifest';
import type { InputIssue } from '../scenario/issues';
import { loadScenarioFile } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { validateText, type DocumentKind } from '../scenario/validate';
import { checkExperiment } from './checks';
import { designPoints, designSize, type Point } from './designs';
import { overlappingPaths, parsePath, resolvePath } from './paths';
import { blameParameter, describePoint, describeScenarioIssue, scenarioAt, unknownPathIssue, type ResolvedParameter } from './point';
import { ExperimentSchema, experimentJsonSchema, type Experiment } from './schema';
import { canonicalJson, pointKey } from './seeds';

export interface CompiledExperiment {
  readonly experiment: Experiment;
  readonly base: Scenario;
  readonly params: readonly ResolvedParameter[];
  /** Design points, in design order; point i has key keys[i]. */
  readonly points: readonly Point[];
  readonly keys: readonly string[];
  /**
   * Points the design asked for. Fewer are run when rounding to integers or list values makes
   * sampled (LHS, Sobol) points coincide: the sweep says so and the manifest records both.
   */
  readonly requestedPoints: number;
  /** Identity of what the sweep computes: experiment (less file paths) + base scenario. */
  readonly hash: string;
}

export interface LoadedExperiment extends CompiledExperiment {
  readonly file: string;
  readonly text: string;
  readonly scenarioFile: string;
  readonly scenarioText: string;
}

/** Issues belonging to one file (the experiment, or its base scenario). */
export interface FileIssues {
  readonly file: string;
  readonly issues: readonly InputIssue[];
}

export type LoadResult = { readonly ok: true; readonly value: LoadedExperiment } | { readonly ok: false; readonly problems: readonly FileIssues[] };

let kind: DocumentKind<Experiment> | undefined;
function experimentKind(): DocumentKind<Experiment> {
  kind ??= { schema: ExperimentSchema, jsonSchema: experimentJsonSchema(), crossCheck: checkExperiment };
  return kind;
}

/** Schema and cross-field checks of the experiment text alone (no scenario). */
export function parseExperiment(text: string): ReturnType<typeof validateText<Experiment>> {
  return validateText(text, experimentKind());
}

/** Most point problems repeat across points; report a few distinct ones. */
const MAX_POINT_ISSUES = 10;


export interface LoadOptions {
  /** Told every 1,000 design points checked (checking takes ~1 ms a point): progress for large designs. */
  readonly onPointsChecked?: (done: number, total: number) => void;
}

export function loadExperimentFile(file: string, options: LoadOptions = {}): LoadResult {
  const read = readInputFile(file, 'an experiment file', 'give the path of an experiment .json file, e.g. experiments/information-by-surge.json');
  if (!read.ok) return { ok: false, problems: [{ file, issues: [read.issue] }] };
  const text = read.text;
  const parsed = parseExperiment(text);
  if (!parsed.ok) return { ok: false, problems: [{ file, issues: parsed.issues }] };
  const experiment = parsed.value;

  const scenarioFile = scenarioReference(dirname(resolve(file)), experiment.scenario);
  const loaded = loadScenarioFile(scenarioFile);
  if (!loaded.result.ok) {
    const first = loaded.result.issues[0];
    // An unreadable base (a typo in the path, a directory) is one problem of the experiment file: name the file and a likely fix.
    if (loaded.text === '' && first?.code === 'unreadable') {
      const where = missingScenarioIssue(file, experiment.scenario, scenarioFile, first.message, 'the base scenario', 'experiment file');
      return { ok: false, problems: [{ file, issues: parseLocated(text, [where]) }] };
    }
    const where: InputIssue = { code: 'invalid-scenario', path: ['scenario'], message: `the base scenario ${experiment.scenario} is invalid (its problems follow, under ${scenarioFile})`, fix: 'fix the scenario file, or point "scenario" at another one' };
    return { ok: false, problems: [{ file, issues: parseLocated(text, [where]) }, { file: scenarioFile, issues: loaded.result.issues }] };
  }
  const compiled = compileExperiment(experiment, loaded.result.value, options.onPointsChecked !== undefined ? { onPointsChecked: options.onPointsChecked } : {});
  if (!compiled.ok) return { ok: false, problems: [{ file, issues: parseLocated(text, compiled.issues) }] };
  return { ok: true, value: { ...compiled.value, file, text, scenarioFile, scenarioText: loaded.text } };
}

/**
 * Resolve the parameters against the base scenario, make the design and check every point.
 * Also used by merge to rebuild an experiment from the copy kept in a sweep's store.
 */
export function compileExperiment(experiment: Experiment, base: Scenario, options: { checkPoints?: boolean; onPointsChecked?: (done: number, total: number) => void } = {}): { ok: true; value: CompiledExperiment } | { ok: false; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const params: ResolvedParameter[] = [];
  experiment.parameters.forEach((p, i) => {
    const parsed = parsePath(p.path);
    const resolved = parsed.ok ? resolvePath(base, parsed.value) : parsed;
    if (!resolved.ok) {
      issues.push({ code: 'bad-path', path: ['parameters', i, 'path'], message: `parameter "${p.name}": ${resolved.message}`, ...(resolved.fix !== undefined ? { fix: resolved.fix } : {}) });
    } else params.push({ name: p.name, path: p.path, at: resolved.value });
  });
  if (issues.length > 0) return { ok: false, issues };
  for (const o of overlappingPaths(params.map((p) => p.at), params.map((p) => p.name))) issues.push({ code: 'duplicate-path', path: ['parameters', o.index, 'path'], message: o.message, fix: o.fix });
  if (issues.length > 0) return { ok: false, issues };

  const points = designPoints(experiment.parameters, experiment.design, experiment.seed);
  if (options.checkPoints !== false) {
    const seen = new Set<string>();
    let bad = 0;
    let done = 0;
    for (const point of points) {
      if (++done % 1000 === 0) options.onPointsChecked?.(done, points.length);
      const r = scenarioAt(base, params, point);
      if (r.ok) continue;
      bad++;
      for (const issue of r.issues) {
        const typo = unknownPathIssue(params, issue);
        const i = typo?.index ?? blameParameter(params, issue.path);
        const message = describeScenarioIssue(issue);
        const dedupe = `${i}|${message}`;
        if (seen.has(dedupe) || seen.size >= MAX_POINT_ISSUES) continue;
        seen.add(dedupe);
        // The last key of the path is not a field of the scenario: a typo in the path, whatever the values.
        if (typo !== undefined) {
          issues.push(typo.issue);
          continue;
        }
        const who = i >= 0 ? `parameter "${params[i]!.name}"` : 'the point';
        issues.push({
          code: 'invalid-point',
          path: i >= 0 ? ['parameters', i] : ['parameters'],
          message: `${who} makes the scenario invalid at ${describePoint(params, point)}: ${message}`,
          fix: i >= 0 ? 'narrow its values or range to what the scenario allows' : 'change the values so the scenario stays valid',
        });
      }
    }
    if (bad > 0 && issues.length > 0) {
      issues.push({ code: 'invalid-point', path: ['parameters'], message: `${bad} of ${points.length} point(s) are invalid, so the sweep cannot run` });
    }
    if (issues.length > 0) return { ok: false, issues };
  }
  const keys = points.map((p) => pointKey(experiment.parameters.map((q) => q.path), p));
  return { ok: true, value: { experiment, base, params, points, keys, requestedPoints: designSize(experiment.parameters, experiment.design), hash: experimentHash(experiment, base) } };
}

/** File paths and the $schema hint do not change what is computed, so they stay out of the hash. */
export function experimentHash(experiment: Experiment, base: Scenario): string {
  const { scenario: _file, $schema: _s, ...rest } = experiment;
  const { $schema: _b, ...scenario } = base;
  return sha256(canonicalJson({ experiment: rest, scenario }));
}

/** Give issues line and column in the experiment text (valid JSON at this stage). */
function parseLocated(text: string, issues: InputIssue[]): InputIssue[] {
  const r = validateText(text, { ...experimentKind(), crossCheck: () => issues });
  return r.ok ? issues : [...r.issues];
}
