/**
 * Calibration tables: plain text for a terminal and Markdown for docs/calibration.md. Pure:
 * strings from results, no colour, no clock.
 */
import type { ScenarioCalibration, TargetResult } from './calibrate';
import { closeCallBand, shownPercents, type Recorded } from './score';

export function formatValue(x: number, unit: string): string {
  if (!Number.isFinite(x)) return String(x);
  if (unit.startsWith('US$')) {
    const a = Math.abs(x);
    const sign = x < 0 ? '-' : '';
    if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}bn`;
    if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(1)}m`;
    return `${sign}$${Math.round(a).toLocaleString('en-US')}`;
  }
  if (unit === 'share' || unit === 'ratio') return x.toFixed(2);
  // Headcounts are whole: an interpolated quantile of troops (8.6 between runs of 0 and 1,270) is shown rounded.
  if (unit === 'troops' || Math.abs(x) >= 100 || Number.isInteger(x)) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(2);
}

export function formatRecorded(r: Recorded, unit: string): string {
  if ('value' in r) return formatValue(r.value, unit);
  if ('min' in r) return `${formatValue(r.min, unit)} - ${formatValue(r.max, unit)}`;
  return typeof r.equals === 'boolean' ? (r.equals ? 'yes' : 'no') : r.equals;
}

const show = (v: string | boolean): string => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v);

export function formatSimulated(t: TargetResult): string {
  const o = t.score.outcome;
  if (o === null) return t.score.n === 0 ? 'no value' : '-';
  if (o.kind === 'number') return `${formatValue(o.median, t.unit)} [${formatValue(o.low, t.unit)}, ${formatValue(o.high, t.unit)}]`;
  const other = 'equals' in t.recorded && o.modal !== t.recorded.equals;
  // Percentages that add up: "yes 53% (no 47%)", not each rounded on its own ("no 48%").
  const shown = shownPercents(o, !other);
  const modal = `${show(o.modal)} ${shown.modal}%`;
  return other && 'equals' in t.recorded ? `${modal} (${show(t.recorded.equals)} ${shown.recorded}%)` : modal;
}

export function formatRule(t: TargetResult): string {
  const tol = t.tolerance;
  if (tol.rule === 'interval') return `${Math.round(tol.coverage * 100)}% interval`;
  if (tol.rule === 'median-within') return `median +-${Math.round(tol.relative * 100)}%`;
  if (tol.rule === 'close-call') {
    const [lo, hi] = closeCallBand(tol);
    return `close call ${Math.round(lo * 100)}-${Math.round(hi * 100)}%`;
  }
  return `modal >= ${Math.round(tol.minShare * 100)}%`;
}

export interface Row {
  readonly scenario: string;
  readonly figure: string;
  readonly recorded: string;
  readonly simulated: string;
  readonly rule: string;
  readonly result: string;
}

export function rowsOf(c: ScenarioCalibration): Row[] {
  return c.targets.map((t) => ({
    scenario: c.scenario.id,
    figure: t.label,
    recorded: formatRecorded(t.recorded, t.unit),
    simulated: formatSimulated(t),
    rule: formatRule(t),
    result: t.score.pass ? 'pass' : 'MISS',
  }));
}

const HEAD: Row = { scenario: 'scenario', figure: 'figure', recorded: 'recorded', simulated: 'simulated median [5%, 95%] / modal', rule: 'rule', result: 'result' };

export function textTable(rows: readonly Row[], columns: readonly (keyof Row)[]): string {
  const all = [HEAD, ...rows];
  const width = (k: keyof Row): number => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row): string => columns.map((k) => r[k].padEnd(width(k))).join('  ').trimEnd();
  return [line(HEAD), columns.map((k) => '-'.repeat(width(k))).join('  '), ...rows.map(line)].join('\n');
}

export function renderCalibrationText(c: ScenarioCalibration): string {
  const head = `${c.scenario.title} (${c.scenario.id}): ${c.seeds} seeds, ${c.passed} of ${c.targets.length} figures pass${c.missed > 0 ? `, ${c.missed} miss` : ''}`;
  if (c.targets.length === 0) return `${head}\n  (no calibration targets in meta.calibration)`;
  return `${head}\n${textTable(rowsOf(c), ['figure', 'recorded', 'simulated', 'rule', 'result'])}`;
}

const md = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(rows: readonly Row[], columns: readonly (keyof Row)[]): string {
  return [
    `| ${columns.map((k) => HEAD[k]).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${columns.map((k) => md(k === 'result' ? (r.result === 'pass' ? 'pass' : '**miss**') : r[k])).join(' | ')} |`),
  ].join('\n');
}
