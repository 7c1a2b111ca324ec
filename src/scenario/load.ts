/** Reading scenario files (the only I/O in scenario/). */
import { readFileSync } from 'node:fs';
import type { Result } from './issues';
import { checkScenario } from './crossChecks';
import { scenarioJsonSchema } from './jsonSchema';
import { ScenarioSchema, type Scenario } from './schema';
import { validateText, type DocumentKind } from './validate';

let kind: DocumentKind<Scenario> | undefined;
function scenarioKind(): DocumentKind<Scenario> {
  kind ??= { schema: ScenarioSchema, jsonSchema: scenarioJsonSchema(), crossCheck: checkScenario };
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
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a scenario file' : `cannot read the file (${code ?? String(err)})`;
    return { file, text: '', result: { ok: false, issues: [{ code: 'unreadable', path: [], message, fix: 'give the path of a scenario .json file; `coalsim list` shows the bundled ones' }] } };
  }
  return { file, text, result: parseScenario(text) };
}
