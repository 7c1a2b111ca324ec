/**
 * Loading a fit file: validated like a scenario (syntax with line and column, schema issues
 * with path and did-you-mean), then its scenario is loaded, every parameter path is resolved
 * against it (did-you-mean on a misspelt field or id), every figure is checked by the
 * calibration checks (measure, arguments, recorded form), and each prior's ends and middle
 * are applied to the scenario and validated, so a bad range is an input error before anything
 * runs. Issues carry paths into the fit file.
 */
import { dirname, resolve } from 'node:path';
import { checkCalibration } from '../calibration/checks';
import { overlappingPaths, parsePath, resolvePath } from '../experiment/paths';
import { blameParameter, describePoint, describeScenarioIssue, scenarioAt, unknownPathIssue } from '../experiment/point';
import { canonicalJson } from '../experiment/seeds';
import { sha256 } from '../output/manifest';
import type { InputIssue, Result } from '../scenario/issues';
import { missingScenarioIssue, scenarioReference } from '../scenario/bundled';
import { loadScenarioFile } from '../scenario/load';
import { readInputFile } from '../scenario/readInput';
import type { Scenario } from '../scenario/schema';
import { validateText, type DocumentKind } from '../scenario/validate';
import { withFigures, type FitParam, type FitSpec } from './evaluate';
import { priorRange } from './prior';
import { FitSchema, fitJsonSchema, type Fit } from './schema';

export interface LoadedFit {
  readonly file: string;
  readonly text: string;
  readonly fit: Fit;
  readonly scenarioFile: string;
  readonly scenarioText: string;
  readonly spec: FitSpec;
  /** Identity of what the fit computes (fit less file paths, title and date, plus the scenario): guards --resume. */
  readonly hash: string;
}

export interface FileIssues {
  readonly file: string;
  readonly issues: readonly InputIssue[];
}

export type FitLoadResult = { readonly ok: true; readonly value: LoadedFit } | { readonly ok: false; readonly problems: readonly FileIssues[] };

let kind: DocumentKind<Fit> | undefined;
function fitKind(): DocumentKind<Fit> {
  kind ??= { schema: FitSchema, jsonSchema: fitJsonSchema(), crossCheck: checkFit };
  return kind;
}

export function parseFit(text: string): Result<Fit> {
  return validateText(text, fitKind());
}

/** Checks of the fit alone: unique names and ids, ordered ranges, at least one target. */
export function checkFit(f: Fit): InputIssue[] {
  const issues: InputIssue[] = [];
  const names = new Set<string>();
  const paths = new Set<string>();
  f.parameters.forEach((p, i) => {
    if (names.has(p.name)) issues.push({ code: 'duplicate-id', path: ['parameters', i, 'name'], message: `parameter name "${p.name}" is used twice`, fix: 'give every parameter its own name' });
    names.add(p.name);
    if (paths.has(p.path)) issues.push({ code: 'duplicate-id', path: ['parameters', i, 'path'], message: `path "${p.path}" is estimated twice`, fix: 'remove one of the two parameters' });
    paths.add(p.path);
    const pr = p.prior;
    if (pr.type !== 'normal' && !(pr.min < pr.max)) issues.push({ code: 'invalid-value', path: ['parameters', i, 'prior'], message: `min ${pr.min} must be below max ${pr.max}`, fix: 'swap them, or widen the range' });
    if (pr.type === 'normal' && pr.min !== undefined && pr.max !== undefined && !(pr.min < pr.max)) issues.push({ code: 'invalid-value', path: ['parameters', i, 'prior'], message: `min ${pr.min} must be below max ${pr.max}`, fix: 'swap them, or drop the truncation' });
  });
  const ids = new Set<string>();
  f.figures.forEach((g, j) => {
    if (ids.has(g.id)) issues.push({ code: 'duplicate-id', path: ['figures', j, 'id'], message: `figure id "${g.id}" is used twice`, fix: 'give every figure its own id' });
    ids.add(g.id);
  });
  if (!f.figures.some((g) => g.role === 'target')) issues.push({ code: 'invalid-value', path: ['figures'], message: 'no figure has role "target", so nothing drives the fit', fix: 'mark the figures to fit with "role": "target" (keep the held-out ones as "check")' });
  return issues;
}

export function loadFitFile(file: string): FitLoadResult {
  const read = readInputFile(file, 'a fit file', 'give the path of a fit .fit.json file, e.g. scenarios/fits/korea-1950.fit.json');
  if (!read.ok) return { ok: false, problems: [{ file, issues: [read.issue] }] };
  const parsed = parseFit(read.text);
  if (!parsed.ok) return { ok: false, problems: [{ file, issues: parsed.issues }] };
  const fit = parsed.value;
  const scenarioFile = scenarioReference(dirname(resolve(file)), fit.scenario);
  const loaded = loadScenarioFile(scenarioFile);
  if (!loaded.result.ok) {
    const first = loaded.result.issues[0];
    // An unreadable scenario (a typo in the path or the id, a folder) is one problem of the fit file.
    if (loaded.text === '' && first?.code === 'unreadable') return { ok: false, problems: [{ file, issues: locate(read.text, [missingScenarioIssue(file, fit.scenario, scenarioFile, first.message, 'the scenario', 'fit file')]) }] };
    const where: InputIssue = { code: 'invalid-scenario', path: ['scenario'], message: `the scenario ${fit.scenario} is invalid or unreadable (its problems follow)`, fix: 'fix the scenario file, or point "scenario" at another one' };
    return { ok: false, problems: [{ file, issues: locate(read.text, [where]) }, { file: scenarioFile, issues: loaded.result.issues }] };
  }
  const compiled = compileFit(fit, loaded.result.value);
  if (!compiled.ok) return { ok: false, problems: [{ file, issues: locate(read.text, compiled.issues) }] };
  return { ok: true, value: { file, text: read.text, fit, scenarioFile, scenarioText: loaded.text, spec: compiled.value, hash: fitHash(fit, loaded.result.value) } };
}

/** Resolve the parameters against the scenario, check the figures and the priors' ranges. */
export function compileFit(fit: Fit, base: Scenario): { ok: true; value: FitSpec } | { ok: false; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const params: FitParam[] = [];
  fit.parameters.forEach((p, i) => {
    const parsed = parsePath(p.path);
    const resolved = parsed.ok ? resolvePath(base, parsed.value) : parsed;
    if (!resolved.ok) issues.push({ code: 'bad-path', path: ['parameters', i, 'path'], message: `parameter "${p.name}": ${resolved.message}`, ...(resolved.fix !== undefined ? { fix: resolved.fix } : {}) });
    else params.push({ name: p.name, path: p.path, at: resolved.value, prior: p.prior, integer: p.integer });
  });
  // Spelled differently, one place (or one inside the other): the literal check of the fit file does not see these.
  for (const o of overlappingPaths(params.map((p) => p.at), params.map((p) => p.name))) issues.push({ code: 'duplicate-path', path: ['parameters', o.index, 'path'], message: o.message, fix: o.fix });
  for (const issue of checkCalibration(withFigures(base, fit.figures))) {
    const [, , j, ...rest] = issue.path;
    issues.push({ ...issue, path: ['figures', j as number, ...rest] });
  }
  if (issues.length > 0) return { ok: false, issues };
  // Every parameter at its prior's middle first. An issue there belongs to the parameter whose
  // path it lies on (a misspelt last field of a path is a problem of that path alone), not to
  // every parameter: all of them are set at once.
  const mid = params.map((p) => middle(priorRange(p.prior), p));
  const atMid = scenarioAt(base, params, mid);
  if (!atMid.ok) {
    const seen = new Set<string>();
    for (const issue of atMid.issues) {
      const typo = unknownPathIssue(params, issue);
      const i = typo?.index ?? blameParameter(params, issue.path);
      const dedupe = `${i}|${typo !== undefined ? 'path' : describeScenarioIssue(issue)}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      if (typo !== undefined) issues.push(typo.issue);
      else if (i >= 0) issues.push({ code: 'invalid-prior', path: ['parameters', i, 'prior'], message: `parameter "${params[i]!.name}" = ${mid[i]} (its prior's middle) makes the scenario invalid: ${describeScenarioIssue(issue)}`, fix: 'narrow the prior to values the scenario allows' });
      else issues.push({ code: 'invalid-prior', path: ['parameters'], message: `the parameters at their priors' middles (${describePoint(params, mid)}) make the scenario invalid: ${describeScenarioIssue(issue)}`, fix: 'change the priors so that the scenario stays valid' });
    }
    return { ok: false, issues };
  }
  // Then each parameter at its prior's low and high ends, the others at their middles: the
  // scenario was valid at the middles, so a problem is the varied parameter's.
  params.forEach((p, i) => {
    const [lo, hi] = priorRange(p.prior);
    for (const x of [lo, hi]) {
      const point = mid.slice();
      point[i] = p.integer ? Math.round(x) : x;
      const r = scenarioAt(base, params, point);
      if (r.ok) continue;
      issues.push({ code: 'invalid-prior', path: ['parameters', i, 'prior'], message: `parameter "${p.name}" = ${point[i]} makes the scenario invalid: ${describeScenarioIssue(r.issues[0]!)}`, fix: 'narrow the prior to values the scenario allows' });
      break;
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { base, params, figures: fit.figures, seedsPerEvaluation: fit.seedsPerEvaluation } };
}

function middle([lo, hi]: [number, number], p: FitParam): number {
  const m = p.prior.type === 'log-uniform' ? Math.sqrt(lo * hi) : p.prior.type === 'normal' ? Math.min(hi, Math.max(lo, p.prior.mean)) : (lo + hi) / 2;
  return p.integer ? Math.round(m) : m;
}

/**
 * The fit file's own content (parameters, priors, figures, method), without its scenario: what a
 * result file is checked against. A refit applied with --apply changes the scenario (its fitted
 * values, a source), so the result of that very fit must still match.
 */
export function fitSpecHash(fit: Fit): string {
  const { scenario: _f, $schema: _s, date: _d, title: _t, ...rest } = fit;
  return sha256(canonicalJson({ fit: rest }));
}

export function fitHash(fit: Fit, base: Scenario): string {
  const { scenario: _f, $schema: _s, date: _d, title: _t, ...rest } = fit;
  const { $schema: _b, ...scenario } = base;
  return sha256(canonicalJson({ fit: rest, scenario }));
}

/** Give issues line and column in the fit text (valid JSON at this stage). */
function locate(text: string, issues: InputIssue[]): InputIssue[] {
  const r = validateText(text, { ...fitKind(), crossCheck: () => issues });
  return r.ok ? issues : [...r.issues];
}
