/** Reading scenario files (the only I/O in scenario/). */
import type { Result } from './issues';
import { readInputFile } from './readInput';

export const SCENARIO_FILE_FIX = 'give the path of a scenario .json file, or the id of a bundled one; `coalsim list` shows them';
import { checkScenario } from './crossChecks';
import { scenarioJsonSchema } from './jsonSchema';
import { migrateValue, migrationNotice } from './migrate';
import { ScenarioSchema, type Scenario } from './schema';
import { validateText, type DocumentKind } from './validate';

/** A file of an earlier format version loads, migrated in memory, with a notice (for every scenario reader's DocumentKind). */
export function migrateScenarioInMemory(value: unknown): { value: unknown; notices: readonly string[] } | null {
  const m = migrateValue(value);
  return m === null ? null : { value: m.value, notices: [migrationNotice(m.reports)] };
}

let kind: DocumentKind<Scenario> | undefined;
function scenarioKind(): DocumentKind<Scenario> {
  kind ??= {
    schema: ScenarioSchema,
    jsonSchema: scenarioJsonSchema(),
    crossCheck: checkScenario,
    migrate: migrateScenarioInMemory,
  };
  return kind;
}

export function parseScenario(text: string): Result<Scenario> {
  return validateText(text, scenarioKind());
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
