/**
 * Which kind of coalsim input a file is (scenario, experiment or fit), from its content: used by
 * `validate` to check each file with the right schema, and by `run`, `sweep` and `fit` to say
 * "this is an experiment file: use coalsim sweep" instead of listing a schema's worth of
 * problems when a file is given to the wrong command.
 */
import { readInputFile } from '../scenario/readInput';
import { parseDocument } from '../scenario/validate';
import { invocation } from './invocation';

export type FileKind = 'scenario' | 'experiment' | 'fit';

/** Top-level fields only an experiment has, and only a scenario has (both have formatVersion and $schema). */
const EXPERIMENT_FIELDS = ['scenario', 'parameters', 'design', 'replicates', 'metrics', 'id', 'title', 'seed'];
const SCENARIO_FIELDS = ['meta', 'clock', 'pivotal', 'thirdParties', 'donors', 'sideDeals', 'events', 'engine'];

/**
 * An experiment file says so in its $schema, or has more of an experiment's own top-level
 * fields than of a scenario's (so an experiment without "design", which defaults to a grid,
 * is still an experiment; its "scenario" counts only as a string, a file path or id). A fit file
 * says so in its $schema, its name (`.fit.json`) or its `figures` beside `parameters`. Null when
 * the file says neither: unreadable, not JSON, not an object, or fewer than two fields of either
 * kind (a run's summary.json or manifest.json, `{}`).
 */
export function kindOf(file: string): FileKind | null {
  const read = readInputFile(file, 'a file', '');
  return read.ok ? kindOfText(file, read.text) : null;
}

/** kindOf for text already read (a pipe can be read only once). */
export function kindOfText(file: string, text: string): FileKind | null {
  const doc = parseDocument(text);
  if (!doc.ok || doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) return null;
  const fields = doc.value as Record<string, unknown>;
  const schema = typeof fields.$schema === 'string' ? fields.$schema : '';
  if (schema.includes('fit.schema') || file.endsWith('.fit.json') || ('figures' in fields && 'parameters' in fields)) return 'fit';
  if (schema.includes('experiment')) return 'experiment';
  if (schema.includes('scenario')) return 'scenario';
  const own = (names: string[]): number => names.filter((n) => Object.prototype.hasOwnProperty.call(fields, n) && (n !== 'scenario' || typeof fields[n] === 'string')).length;
  const experiment = own(EXPERIMENT_FIELDS);
  const scenario = own(SCENARIO_FIELDS);
  if (Math.max(experiment, scenario) < 2 || experiment === scenario) return null;
  return experiment > scenario ? 'experiment' : 'scenario';
}

/** The command that takes a file of each kind, and what to call it in a sentence. */
export const KIND_COMMAND: Readonly<Record<FileKind, { readonly command: string; readonly noun: string }>> = {
  scenario: { command: 'run', noun: 'a scenario file' },
  experiment: { command: 'sweep', noun: 'an experiment file' },
  fit: { command: 'fit', noun: 'a fit file' },
};

/**
 * When a file that failed to load as `expected` is another kind of coalsim file: one line that
 * says which and the command to use (null: it is the expected kind, so its own problems stand).
 */
export function wrongKindMessage(file: string, shown: string, expected: FileKind): string | null {
  const kind = kindOf(file);
  // Not recognisably another kind: its own problems, listed by the expected kind's loader, say more.
  if (kind === null || kind === expected) return null;
  const want = KIND_COMMAND[expected];
  const have = KIND_COMMAND[kind];
  return `${shown} is ${have.noun}, not ${want.noun}: run it with \`${invocation()} ${have.command} ${shown}\`${expected === 'scenario' ? '' : ` (coalsim ${want.command} takes ${want.noun}${expected === 'experiment' ? ', which names its scenario in "scenario"' : ''})`}`;
}
