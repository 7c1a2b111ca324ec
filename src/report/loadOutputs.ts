/**
 * A run's saved outputs, parsed: the one input that charts, the report and `explain` are
 * built from. `coalsim run` parses the files it is about to write (in memory) and
 * `coalsim report` parses the same files from disk, so both build from identical data and
 * produce identical bytes.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { restoreFormulaText } from '../output/csv';
import type { SimEvent } from '../core/events';
import type { RunSummary } from '../core/metrics/summary';
import type { OutputFiles } from '../output/atomic';
import type { PAYMENT_COLUMNS, RoundRow } from '../output/tidy';
import { formatIssues } from '../scenario/issues';
import { parseScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { dataRecord } from '../scenario/ownKeys';

export type PaymentRow = Record<(typeof PAYMENT_COLUMNS)[number], string | number>;

export interface RunOutputs {
  readonly scenario: Scenario;
  readonly summary: RunSummary;
  /** rounds.csv: one row per round x agent. */
  readonly rounds: readonly RoundRow[];
  /** payments.csv: the ledger (payments to partners and donations to the pivotal). */
  readonly payments: readonly PaymentRow[];
  /** events.ndjson. Files written by a newer engine may hold event types this build does not know. */
  readonly events: readonly SimEvent[];
}

/** The files the report is built from; everything else in an output directory is ignored. */
export const SOURCE_FILES = ['scenario.json', 'summary.json', 'rounds.csv', 'payments.csv', 'events.ndjson'] as const;

export class OutputsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputsError';
  }
}

/** Columns that hold text; every other non-empty cell is a number. */
const TEXT_COLUMNS = new Set(['agent_id', 'agent_name', 'role', 'status', 'payer', 'recipient', 'kind', 'cause', 'item', 'via']);

function text(files: OutputFiles, name: string): string {
  const content = files.get(name);
  if (content === undefined) {
    const hint = name === 'scenario.json' ? ' (coalsim run writes it since version 0.1; re-run the scenario to get it)' : '';
    throw new OutputsError(`${name} is missing${hint}`);
  }
  return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
}

function parseCsv(name: string, body: string): Record<string, string | number | null>[] {
  let records: Record<string, string>[];
  try {
    records = parse(body, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (err) {
    throw new OutputsError(`${name} is not valid CSV: ${(err as Error).message}`);
  }
  return records.map((r) => {
    const row = dataRecord<string | number | null>();
    for (const [k, v] of Object.entries(r)) row[k] = v === '' ? null : TEXT_COLUMNS.has(k) ? restoreFormulaText(v) : Number(v);
    return row;
  });
}

function parseJson<T>(name: string, body: string): T {
  try {
    return JSON.parse(body) as T;
  } catch (err) {
    throw new OutputsError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Parse a run's files (names as in the output directory). Throws OutputsError naming the file at fault. */
export function outputsFromFiles(files: OutputFiles): RunOutputs {
  const scenarioResult = parseScenario(text(files, 'scenario.json'));
  if (!scenarioResult.ok) throw new OutputsError(formatIssues('scenario.json', scenarioResult.issues));
  const events: SimEvent[] = [];
  const lines = text(files, 'events.ndjson').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    events.push(parseJson<SimEvent>(`events.ndjson line ${i + 1}`, line));
  }
  return {
    scenario: scenarioResult.value,
    summary: parseJson<RunSummary>('summary.json', text(files, 'summary.json')),
    rounds: parseCsv('rounds.csv', text(files, 'rounds.csv')) as RoundRow[],
    payments: parseCsv('payments.csv', text(files, 'payments.csv')) as PaymentRow[],
    events,
  };
}

/** The files of a run folder that explain, compare and the report read (outputsFromFiles). */
export const RUN_FILES = ['scenario.json', 'summary.json', 'rounds.csv', 'payments.csv', 'events.ndjson'] as const;

/**
 * The run's own files from dir (RUN_FILES), for commands that only read a run (explain, compare):
 * whatever else the folder holds (the user's notes, a link) is left unread. A folder with none of
 * them is not a run folder (OutputsError saying what to give); one of them that is a link or not a
 * regular file is refused, naming it, since coalsim never writes such.
 */
export function readRunFiles(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of RUN_FILES) {
    const path = join(dir, name);
    let st;
    try {
      st = lstatSync(path);
    } catch {
      continue;
    }
    if (!st.isFile()) throw new OutputsError(`${name} is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}, which coalsim never writes in a run folder; give the folder \`coalsim run --out\` wrote`);
    files.set(name, readFileSync(path));
  }
  if (files.size === 0) throw new OutputsError(`not a run folder: it has none of ${RUN_FILES.join(', ')}; give the folder \`coalsim run --out DIR\` wrote`);
  return files;
}

/**
 * Every file under dir, by path relative to it ("charts/x.png"), in a stable order. Never follows
 * a symlink nor opens a special file (a FIFO would block the read): coalsim writes neither, so one
 * is refused (OutputsError) naming it.
 */
export function readOutputDir(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const rel = relative(dir, path).split('\\').join('/');
      const st = lstatSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) files.set(rel, readFileSync(path));
      else throw new OutputsError(`${rel} is ${st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}, which coalsim never writes in a run folder; move it out of the folder, then run report again`);
    }
  };
  walk(dir);
  return files;
}
