/**
 * The fits' part of the validation report (`npm run validate`, docs/calibration.md): for each
 * calibrated scenario with a fit file (scenarios/fits/<id>.fit.json), the pass rates of its
 * target figures and of its held-out checks, apart, from the validation's own runs; and the
 * fitted parameters with their 90% intervals from the last refit (scenarios/fits/<id>.result.json,
 * written by `npm run refit`), and whether the scenario carries them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioCalibration } from '../calibration/calibrate';
import { fitSpecHash, loadFitFile } from './load';
import { reproductionHash, type FitResults } from './results';

export interface FitValidation {
  readonly scenario: string;
  readonly fit: string;
  readonly targets: { readonly passed: number; readonly total: number };
  readonly checks: { readonly passed: number; readonly total: number };
  readonly result: { readonly date: string; readonly parameters: FitResults['parameters']; readonly applied: boolean; readonly targets: FitResults['targets']; readonly checks: FitResults['checks']; readonly checkSeeds: number; readonly reproduces: boolean | null } | null;
  /** A result file exists but comes from another version of the fit file or scenario (its hash differs): not shown as the fit. */
  readonly stale: { readonly date: string; readonly parameters: readonly string[] } | null;
  /** Every figure with its role in the fit file and whether it passes in the validation's runs, in the scenario's order. */
  readonly figures: readonly { readonly id: string; readonly label: string; readonly role: 'target' | 'check'; readonly pass: boolean }[];
}

function valueAt(doc: unknown, at: readonly (string | number)[]): unknown {
  let cur = doc;
  for (const k of at) cur = cur === null || typeof cur !== 'object' ? undefined : (cur as Record<string | number, unknown>)[k];
  return cur;
}

export function fitValidations(calibrations: readonly ScenarioCalibration[], fitsDir: string): FitValidation[] {
  const out: FitValidation[] = [];
  for (const c of calibrations) {
    const file = join(fitsDir, `${c.scenario.id}.fit.json`);
    if (!existsSync(file)) continue;
    const loaded = loadFitFile(file);
    if (!loaded.ok) throw new Error(`${file} is invalid: run coalsim fit ${file} to see why`);
    const role = new Map(loaded.value.fit.figures.map((f) => [f.id, f.role]));
    const count = (r: 'target' | 'check') => {
      const ts = c.targets.filter((t) => role.get(t.id) === r);
      return { passed: ts.filter((t) => t.score.pass).length, total: ts.length };
    };
    const resultFile = join(fitsDir, `${c.scenario.id}.result.json`);
    let result: FitValidation['result'] = null;
    let stale: FitValidation['stale'] = null;
    if (existsSync(resultFile)) {
      const r = JSON.parse(readFileSync(resultFile, 'utf8')) as FitResults;
      // Against the fit file alone where the result records it: applying the fit changed the scenario.
      const current = r.fit.specHash !== undefined ? r.fit.specHash === fitSpecHash(loaded.value.fit) : r.fit.hash === loaded.value.hash;
      if (!current) stale = { date: r.date, parameters: r.parameters.map((p) => p.path) };
    }
    if (existsSync(resultFile) && stale === null) {
      const r = JSON.parse(readFileSync(resultFile, 'utf8')) as FitResults;
      const params = loaded.value.spec.params;
      const applied = r.parameters.every((p, k) => params[k] !== undefined && valueAt(loaded.value.spec.base, params[k]!.at) === p.median);
      // A run at the fitted values, now, against the one the refit recorded: null when it recorded none.
      const reproduces = r.reproduction === undefined ? null : reproductionHash(loaded.value.spec, r.parameters.map((p) => p.median), r.reproduction.seed) === r.reproduction.eventsSha256;
      result = { date: r.date, parameters: r.parameters, applied, targets: r.targets, checks: r.checks, checkSeeds: r.checkSeeds, reproduces };
    }
    const figures = c.targets.filter((t) => role.has(t.id)).map((t) => ({ id: t.id, label: t.label, role: role.get(t.id)!, pass: t.score.pass }));
    out.push({ scenario: c.scenario.id, fit: `scenarios/fits/${c.scenario.id}.fit.json`, targets: count('target'), checks: count('check'), result, stale, figures });
  }
  return out;
}

const rate = (x: { passed: number; total: number }): string => `${x.passed}/${x.total}`;

/** Whether the refit's numbers can still be made (FitResults.reproduction), in words. */
function reproductionNote(reproduces: boolean | null): string {
  if (reproduces === true) return '; reproduces (a run at the fitted values matches the refit\'s)';
  if (reproduces === false) return '; does not reproduce: the scenario or the engine changed since the refit (a run at the fitted values no longer matches the one it recorded), so its figures and intervals are of an earlier model: refit';
  return '; made before refits recorded a run to check against, so whether it reproduces is unknown: refit to check';
}
const num = (x: number): string => (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 1000) / 1000));

/** A table as Markdown or aligned plain text. */
function table(head: readonly string[], rows: readonly (readonly string[])[], markdown: boolean): string {
  if (markdown) {
    const md = (x: string): string => x.replace(/\|/g, '\\|');
    return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)].join('\n');
  }
  const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (r: readonly string[]): string => r.map((x, k) => x.padEnd(width[k]!)).join('  ').trimEnd();
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function renderFitSection(fits: readonly FitValidation[], seeds: number, markdown: boolean): string {
  if (fits.length === 0) return '';
  const intro = `Each historical scenario's figures are split, before fitting, into targets (used by \`coalsim fit\`) and held-out checks (never seen by the fit; which figure has which role is recorded in each fit file, chosen before fitting, and listed below). Pass rates over seeds 1..${seeds} of the scenario as it stands. Refit with \`npm run refit\` (add \`-- --apply\` to write the posterior medians into the scenarios); see docs/fit.md.`;
  const summary = fits.map((f) => [f.scenario, f.fit, rate(f.targets), rate(f.checks), f.result === null ? (f.stale ? `not refitted with this fit file (the last refit, ${f.stale.date}, estimated ${f.stale.parameters.join(', ')})` : 'not refitted yet') : `refit ${f.result.date} (fit: targets ${rate(f.result.targets)}, checks ${rate(f.result.checks)} at ${f.result.checkSeeds} seeds)${f.result.applied ? ', applied' : ', not applied to the scenario'}${reproductionNote(f.result.reproduces)}`]);
  const params = fits.flatMap((f) => (f.result?.parameters ?? []).map((p) => [f.scenario, p.path, typeof p.before === 'number' ? num(p.before) : JSON.stringify(p.before), num(p.median), `${num(p.q05)} to ${num(p.q95)}`, f.result!.applied ? 'in the scenario' : 'not applied']));
  const parts = [markdown ? '## Fits: targets and held-out checks' : 'Fits: targets and held-out checks', '', intro, '', table(['scenario', 'fit file', 'targets pass', 'checks pass', 'fitted parameters'], summary, markdown)];
  const roles = fits.flatMap((f) => f.figures.map((g) => [f.scenario, g.label, g.role, g.pass ? 'pass' : 'miss']));
  if (roles.length > 0) parts.push('', markdown ? '### Which figures are targets and which are checks' : 'Which figures are targets and which are checks', '', 'Roles as recorded in each fit file (scenarios/fits/<case>.fit.json), chosen before fitting; result over the validation\'s seeds.', '', table(['scenario', 'figure', 'role', 'result'], roles, markdown));
  if (params.length > 0) parts.push('', markdown ? '### Fitted parameters (posterior median and 90% interval)' : 'Fitted parameters (posterior median, 90% interval)', '', table(['scenario', 'parameter', 'before', 'median', '90% interval', 'status'], params, markdown));
  return parts.join('\n');
}
