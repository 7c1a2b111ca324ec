/** Reading scenario files (the only I/O in scenario/). */
import type { Result } from './issues';
import { readInputFile } from './readInput';

export const SCENARIO_FILE_FIX = 'give the path of a scenario .json file, or the id of a bundled one; `coalsim list` shows them';
import { checkScenario } from './crossChecks';
import { scenarioJsonSchema } from './jsonSchema';
import { migrateValue, migrationNotice } from './migrate';
import { ScenarioSchema, type Scenario } from './schema';
import { validateText, type DocumentKind } from './validate';
import { MAX_NESTING_DEPTH, MAX_STRING_CHARS } from './limits';

/** A file of an earlier format version loads, migrated in memory, with a notice (for every scenario reader's DocumentKind). */
export function migrateScenarioInMemory(value: unknown): { value: unknown; notices: readonly string[] } | null {
  const m = migrateValue(value);
  return m === null ? null : { value: m.value, notices: [migrationNotice(m.reports)] };
}

let kind: DocumentKind<Scenario> | undefined;
function scenarioKind(): DocumentKind<Scenario> {
  let jsonSchema: object | undefined;
  // The JSON Schema only names fields in messages about invalid files: built on first use
  // (about 20 ms, a tenth of `coalsim run --no-charts`).
  kind ??= {
    schema: ScenarioSchema,
    get jsonSchema(): object {
      return (jsonSchema ??= scenarioJsonSchema());
    },
    crossCheck: checkScenario,
    migrate: migrateScenarioInMemory,
  };
  return kind;
}

export function parseScenario(text: string): Result<Scenario> {
  return validateText(text, scenarioKind());
}

/**
 * A scenario built in memory (a sweep's or a fit's parameter point applied to a validated base):
 * the same result as parseScenario(JSON.stringify(value)), without printing it and scanning
 * the text again. A value within the input limits that the schema and the cross-checks accept
 * is returned as parsed; anything else goes the text way, for its messages. The text way
 * cost about 2 ms a point, once when the experiment is loaded and again in every worker
 * (test/experiment/pointFast.test.ts checks both ways agree).
 */
export function parseScenarioValue(value: unknown): Result<Scenario> {
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
  if (withinLimits(plain, 0)) {
    const k = scenarioKind();
    const parsed = k.schema.safeParse(plain);
    if (parsed.success && (k.crossCheck?.(parsed.data).length ?? 0) === 0) return { ok: true, value: parsed.data };
  }
  return parseScenario(JSON.stringify(value));
}

/** The nesting and string-length limits the text scan applies (validate.ts, scanLimits), on a parsed value. */
function withinLimits(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return v.length <= MAX_STRING_CHARS;
  if (v === null || typeof v !== 'object') return true;
  if (depth + 1 > MAX_NESTING_DEPTH) return false;
  if (Array.isArray(v)) return v.every((x) => withinLimits(x, depth + 1));
  for (const [key, x] of Object.entries(v)) if (key.length > MAX_STRING_CHARS || !withinLimits(x, depth + 1)) return false;
  return true;
}

export interface LoadedScenario {
  readonly file: string;
  readonly text: string;
  readonly result: Result<Scenario>;
}

export function loadScenarioFile(file: string): LoadedScenario {
  const read = readInputFile(file, 'a scenario file', SCENARIO_FILE_FIX);
  if (!read.ok) return { file, text: '', result: { ok: false, issues: [read.issue] } };
  return { file, text: read.text, result: parseScenario(read.text) };
}
