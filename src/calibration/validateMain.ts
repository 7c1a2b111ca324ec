/**
 * `npm run validate [-- --fast] [-- --markdown | --json] [-- --strict]`: the validation suite.
 * Calibrates every bundled scenario that has recorded figures (meta.calibration), runs the
 * ISAF replication when the CLI offers it (`coalsim replicate isaf --json`), and prints one
 * combined table; then the stylized facts of issue 12 (stylizedFacts.ts; 100 seeds, 20 under
 * --fast, or --fact-seeds N) and the out-of-sample comparison with baselines (crossValidate.ts;
 * 100 seeds per fold, 20 under --fast, or --cv-seeds N). --no-facts / --no-cv skip them.
 * --fast uses fewer seeds (what CI runs). Exit 0 even with misses (they are information)
 * unless --strict, which exits 6 when any calibration figure misses.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrateAll, type CalibrationReport } from '../cli/commands/calibrate';
import { ExitCode } from '../cli/exitCodes';
import { BUNDLED_SCENARIOS, PACKAGE_ROOT } from '../cli/paths';
import { formatIssues } from '../scenario/issues';
import type { Scenario } from '../scenario/schema';
import { parseScenario } from '../scenario/load';
import { CV_SEEDS, isafCase, validateOutOfSample, type ValidationResult } from '../replication/crossValidate';
import { cvJson, cvMarkdown, cvText } from '../replication/cvRender';
import { fitCostRule, replicateIsaf, seedList } from '../replication/isaf';
import { parseIsafCsv, replicationSample } from '../replication/isafData';
import { parseCalibratedScenario } from './checks';
import { factsMarkdown, factsText } from './factsRender';
import { signallingFact, stylizedFacts, type FactResult } from './stylizedFacts';
import { markdownTable, rowsOf, textTable, type Row } from './render';
import { loosePasses } from './loose';
import { fitValidations, renderFitSection } from '../fit/validateSection';

export const FULL_SEEDS = 200;
export const FAST_SEEDS = 40;

interface Interval {
  coef: number;
  ciLow: number;
  ciHigh: number;
}

/** Rows for the ISAF replication, or a note when it is not available. */
export function replicationRows(json: unknown): Row[] {
  const r = json as { simulated?: Interval; observed?: Interval; spearman?: { rho: number; ciLow: number; ciHigh: number } } | null;
  const rows: Row[] = [];
  const f = (x: number): string => x.toFixed(4);
  if (r?.simulated && r.observed) {
    const overlap = r.simulated.ciLow <= r.observed.ciHigh && r.simulated.ciHigh >= r.observed.ciLow;
    rows.push({ scenario: 'isaf-2010 (replication)', figure: 'Slope of share of forces deployed on alliance potential (95% CI)', recorded: `${f(r.observed.coef)} [${f(r.observed.ciLow)}, ${f(r.observed.ciHigh)}]`, simulated: `${f(r.simulated.coef)} [${f(r.simulated.ciLow)}, ${f(r.simulated.ciHigh)}]`, rule: 'positive, CIs overlap', result: r.simulated.coef > 0 && r.simulated.ciLow > 0 && overlap ? 'pass' : 'MISS' });
  }
  if (r?.spearman) {
    rows.push({ scenario: 'isaf-2010 (replication)', figure: 'Rank correlation, simulated vs observed share (Spearman)', recorded: '> 0', simulated: `${r.spearman.rho.toFixed(2)} [${r.spearman.ciLow.toFixed(2)}, ${r.spearman.ciHigh.toFixed(2)}]`, rule: 'CI above 0', result: r.spearman.ciLow > 0 ? 'pass' : 'MISS' });
  }
  return rows;
}

function runReplication(fast: boolean): { rows: Row[]; note: string | null } {
  const bin = join(PACKAGE_ROOT, 'bin', 'coalsim.js');
  const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  if (!/\breplicate\b/.test(help.stdout)) return { rows: [], note: 'ISAF replication: `coalsim replicate` is not available in this build; skipped.' };
  const args = [bin, 'replicate', 'isaf', '--json', ...(fast ? ['--seeds', '5'] : [])];
  let r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status === ExitCode.usage && fast) r = spawnSync(process.execPath, [bin, 'replicate', 'isaf', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return { rows: [], note: `ISAF replication: \`coalsim replicate isaf --json\` exited ${r.status}: ${r.stderr.trim().split('\n')[0] ?? ''}` };
  try {
    const rows = replicationRows(JSON.parse(r.stdout));
    return { rows, note: rows.length === 0 ? 'ISAF replication ran but its JSON has no coefficient or rank correlation to compare.' : null };
  } catch {
    return { rows: [], note: 'ISAF replication: output was not JSON; skipped.' };
  }
}

export function calibratedScenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (const f of readdirSync(BUNDLED_SCENARIOS).filter((n) => n.endsWith('.json')).sort()) {
    const result = parseCalibratedScenario(readFileSync(join(BUNDLED_SCENARIOS, f), 'utf8'));
    if (!result.ok) throw new Error(formatIssues(`scenarios/${f}`, result.issues));
    if ((result.value.meta.calibration ?? []).length > 0) out.push(result.value);
  }
  return out;
}

function bundled(id: string): Scenario {
  const r = parseScenario(readFileSync(join(BUNDLED_SCENARIOS, `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(formatIssues(`scenarios/${id}.json`, r.issues));
  return r.value;
}

/** The stylized facts, the signalling slope from an in-process ISAF replication included. */
export function factsReport(seeds: number, isafSeeds: number): FactResult[] {
  const facts = stylizedFacts({ base: bundled('default'), holdup: bundled('teaching-holdup') }, seedList(seeds));
  const rows = parseIsafCsv(readFileSync(join(PACKAGE_ROOT, 'data', 'isaf_2010_crosssection.csv'), 'utf8'));
  const rep = replicateIsaf(rows, seedList(isafSeeds));
  return [...facts, signallingFact(rep.controls.simulated, rep.controls.observed.coef)];
}

export function cvReport(seeds: number): ValidationResult {
  const rows = parseIsafCsv(readFileSync(join(PACKAGE_ROOT, 'data', 'isaf_2010_crosssection.csv'), 'utf8'));
  return validateOutOfSample(isafCase(replicationSample(rows)), { seeds: seedList(seeds), costRule: fitCostRule(rows) });
}

function numberArg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

function main(argv: string[]): number {
  const fast = argv.includes('--fast');
  const markdown = argv.includes('--markdown');
  const json = argv.includes('--json');
  const strict = argv.includes('--strict');
  const seedsArg = argv.indexOf('--seeds');
  const seeds = seedsArg >= 0 ? Number(argv[seedsArg + 1]) : fast ? FAST_SEEDS : FULL_SEEDS;
  if (!Number.isInteger(seeds) || seeds < 1) {
    process.stderr.write('validate: --seeds needs a whole number >= 1\n');
    return ExitCode.usage;
  }
  const factSeeds = numberArg(argv, '--fact-seeds', fast ? 20 : 100);
  const cvSeeds = numberArg(argv, '--cv-seeds', fast ? 20 : CV_SEEDS);
  if (![factSeeds, cvSeeds].every((x) => Number.isInteger(x) && x >= 1)) {
    process.stderr.write('validate: --fact-seeds and --cv-seeds need a whole number >= 1\n');
    return ExitCode.usage;
  }
  const report: CalibrationReport = calibrateAll(calibratedScenarios(), seeds, { progress: !json && !markdown });
  const replication = argv.includes('--no-replication') ? { rows: [], note: 'ISAF replication skipped (--no-replication).' } : runReplication(fast);
  const rows = [...report.scenarios.flatMap(rowsOf), ...replication.rows];
  const facts = argv.includes('--no-facts') ? null : factsReport(factSeeds, fast ? 5 : 20);
  const cv = argv.includes('--no-cv') ? null : cvReport(cvSeeds);
  const passed = rows.filter((r) => r.result === 'pass').length;
  const missed = rows.length - passed;
  // Fits: targets and held-out checks apart (scenarios/fits/, docs/fit.md).
  const fits = fitValidations(report.scenarios, join(BUNDLED_SCENARIOS, 'fits'));
  if (json) {
    process.stdout.write(JSON.stringify({ seeds, calibration: report, replication: replication.rows, note: replication.note, passed, missed, stylizedFacts: facts, outOfSample: cv ? cvJson(cv) : null, fits }, null, 2) + '\n');
  } else {
    const cols: (keyof Row)[] = ['scenario', 'figure', 'recorded', 'simulated', 'rule', 'result'];
    const perScenario = report.scenarios.map((s) => `${s.scenario.id} ${s.passed}/${s.targets.length}`).join(', ');
    const loose = loosePasses(report.scenarios);
    const head = `Validation: ${passed} of ${rows.length} figures pass, ${missed} miss. Calibration over seeds 1..${seeds} per scenario (${perScenario}).${loose.length > 0 ? ` ${loose.length} of the passes are loose (listed after the table).` : ''}`;
    const loosePart = loose.length === 0 ? [] : ['', markdown ? '### Loose passes' : 'Loose passes', '', 'Figures that pass under a rule they can hardly miss, or only in part (src/calibration/loose.ts):', '', ...loose.map((l) => `${markdown ? '- ' : '  '}${l.scenario}, ${l.figure}: ${l.why}.`)];
    const table = markdown ? markdownTable(rows, cols) : textTable(rows, cols);
    const factsPart = facts ? ['', markdown ? factsMarkdown(facts, factSeeds) : factsText(facts, factSeeds)] : [];
    const cvPart = cv ? ['', markdown ? cvMarkdown(cv, `npm run validate (--cv-seeds ${cvSeeds})`) : cvText(cv)] : [];
    const fitSection = renderFitSection(fits, seeds, markdown);
    const regen = markdown ? ['', 'This report is generated: regenerate it with `npm run --silent validate -- --markdown > docs/calibration.md` (do not edit by hand). Which figures are fit targets and which are held-out checks is in the fits section below, from scenarios/fits/*.fit.json.'] : [];
    process.stdout.write([head, ...regen, '', table, ...loosePart, ...(replication.note ? ['', replication.note] : []), ...(fitSection ? ['', fitSection] : []), ...factsPart, ...cvPart].join('\n') + '\n');
  }
  return strict && missed > 0 ? ExitCode.calibrationMiss : ExitCode.ok;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
