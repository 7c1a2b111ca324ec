/**
 * `coalsim calibrate <scenario...>`: run each scenario for seeds 1..N and compare, per
 * recorded figure in its meta.calibration, the simulated median and interval (or modal
 * category) with the record: pass or miss. Misses are information: the exit code is 0
 * unless --strict, which exits 6 when any figure misses.
 */
import { readInputFile } from '../../scenario/readInput';
import { SCENARIO_FILE_FIX } from '../../scenario/load';
import { SingleBar } from 'cli-progress';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { calibrate, type ScenarioCalibration } from '../../calibration/calibrate';
import { parseCalibratedScenario } from '../../calibration/checks';
import { MEASURES } from '../../calibration/measures';
import { markdownTable, renderCalibrationText, rowsOf } from '../../calibration/render';
import { formatIssues } from '../../scenario/issues';
import type { Scenario } from '../../scenario/schema';
import { CliError, ExitCode } from '../exitCodes';
import { numberOption, wholeNumberOption } from '../numberOptions';
import { displayPath, resolveScenarioPath } from '../scenarioInput';

interface CalibrateArgs {
  scenarios?: string[];
  seeds: string;
  json: boolean;
  markdown: boolean;
  quiet: boolean;
  strict: boolean;
  listMeasures: boolean;
}

export interface CalibrationReport {
  readonly seeds: number;
  readonly scenarios: readonly ScenarioCalibration[];
  readonly passed: number;
  readonly missed: number;
}

export function loadForCalibration(arg: string): Scenario {
  const path = resolveScenarioPath(arg);
  const read = readInputFile(path, 'a scenario file', SCENARIO_FILE_FIX);
  if (!read.ok) throw new CliError(formatIssues(displayPath(path), [read.issue]), ExitCode.invalidInput);
  const result = parseCalibratedScenario(read.text);
  if (!result.ok) throw new CliError(formatIssues(displayPath(path), result.issues), ExitCode.invalidInput);
  return result.value;
}

export function parseSeedCount(value: unknown): number {
  return wholeNumberOption('--seeds', value, { min: 1, max: 1_000_000, example: '--seeds 200' });
}

export function calibrateAll(scenarios: readonly Scenario[], seeds: number, options: { progress: boolean }): CalibrationReport {
  const total = scenarios.length * seeds;
  const bar = options.progress && process.stderr.isTTY ? new SingleBar({ stream: process.stderr, format: 'calibrate {bar} {percentage}% | {value}/{total} runs | {scenario}', hideCursor: true, fps: 5, barCompleteChar: '█', barIncompleteChar: '░' }) : null;
  bar?.start(total, 0, { scenario: '' });
  const results = scenarios.map((s, i) => calibrate(s, seeds, (done) => bar?.update(i * seeds + done, { scenario: s.meta.id })));
  bar?.stop();
  const passed = results.reduce((a, r) => a + r.passed, 0);
  return { seeds, scenarios: results, passed, missed: results.reduce((a, r) => a + r.missed, 0) };
}

export function renderReportText(report: CalibrationReport): string {
  const parts = report.scenarios.map(renderCalibrationText);
  const n = report.passed + report.missed;
  parts.push(`Overall: ${report.passed} of ${n} recorded figures pass, ${report.missed} miss (${report.seeds} seeds per scenario). Misses are listed, not hidden; see docs/calibration.md.`);
  return parts.join('\n\n');
}

export function renderReportMarkdown(report: CalibrationReport): string {
  const rows = report.scenarios.flatMap(rowsOf);
  return markdownTable(rows, ['scenario', 'figure', 'recorded', 'simulated', 'rule', 'result']);
}

export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate [scenarios..]',
  describe: 'Run scenarios over many seeds and compare each recorded figure in meta.calibration with the simulated median and interval',
  builder: (y: Argv) =>
    y
      .positional('scenarios', { type: 'string', array: true, describe: 'Scenario files, or ids of bundled scenarios (e.g. korea-1950)' })
      .option('seeds', numberOption('Runs per scenario, seeds 1..N', '200'))
      .option('json', { type: 'boolean', default: false, describe: 'Print the results as JSON' })
      .option('markdown', { type: 'boolean', default: false, describe: 'Print one Markdown table (for docs)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar' })
      .option('strict', { type: 'boolean', default: false, describe: `Exit ${ExitCode.calibrationMiss} when any recorded figure misses` })
      .option('list-measures', { type: 'boolean', default: false, describe: 'List the measures a calibration target can name, and exit' })
      .example('$0 calibrate korea-1950 gulf-war-1991', 'Calibration tables of two bundled scenarios, 200 seeds each')
      .example('$0 calibrate scenarios/iraq-2003.json --seeds 50 --json', 'Fewer seeds, JSON out') as unknown as Argv<CalibrateArgs>,
  handler: (args: ArgumentsCamelCase<CalibrateArgs>) => {
    if (args.listMeasures) {
      for (const m of MEASURES) process.stdout.write(`${[m.name, ...m.args.map((a) => `<${a}>`)].join(':').padEnd(36)} ${m.kind.padEnd(8)} ${m.describe}\n`);
      return;
    }
    const files = args.scenarios ?? [];
    if (files.length === 0) throw new CliError('name at least one scenario. Example: coalsim calibrate korea-1950', ExitCode.usage);
    const seeds = parseSeedCount(args.seeds);
    const scenarios = files.map(loadForCalibration);
    const report = calibrateAll(scenarios, seeds, { progress: !args.quiet && !args.json });
    if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else if (args.markdown) process.stdout.write(renderReportMarkdown(report) + '\n');
    else process.stdout.write(renderReportText(report) + '\n');
    if (args.strict && report.missed > 0) process.exitCode = ExitCode.calibrationMiss;
  },
};
