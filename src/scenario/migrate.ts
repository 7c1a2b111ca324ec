/**
 * Reading scenario files written for an earlier format version. Each step takes a document
 * one version forward and says what it changed and why, as data: the same list is applied
 * to the parsed value (so a version-1 file loads, migrated in memory, with a notice) and to
 * the text (so `coalsim validate --migrate` rewrites the file with the smallest edit, keeping
 * comments and layout). Pure: text and values in, text and values out.
 *
 * Version history:
 * - 1 -> 2 (issue 16): third parties may sell access (`thirdParties[].access`: bases, transit,
 *   airspace, sanctions). Every v2 addition is optional with a default that leaves a v1 file's
 *   runs unchanged, so the step only changes `formatVersion`; it also points at parties that
 *   v1 could not let deal at all (`maxTroops: 0`), which v2 lets sell access.
 */
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import type { IssuePath } from './issues';
import { formatPath } from './issues';
import { SCENARIO_FORMAT_VERSION } from './schema';

/** One edit a migration makes: the value at `path` becomes `value`, for the reason given. */
export interface MigrationChange {
  readonly path: IssuePath;
  readonly value: unknown;
  /** What changed and why, in one sentence. */
  readonly why: string;
}

/** What a migration did: the versions, its edits, and hints (things it did not change but the user may want to). */
export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly changes: readonly MigrationChange[];
  readonly hints: readonly string[];
}

interface Step {
  readonly from: number;
  /** The edits and hints for this document (a plain object with `formatVersion === from`). */
  plan(doc: Record<string, unknown>): { changes: MigrationChange[]; hints: string[] };
}

const STEPS: readonly Step[] = [
  {
    from: 1,
    plan(doc) {
      const changes: MigrationChange[] = [
        {
          path: ['formatVersion'],
          value: 2,
          why: 'format version 2 adds access deals (thirdParties[].access); every other field reads as in version 1, so runs are unchanged',
        },
      ];
      const hints: string[] = [];
      const parties = Array.isArray(doc.thirdParties) ? doc.thirdParties : [];
      parties.forEach((p: unknown, i) => {
        if (p === null || typeof p !== 'object') return;
        const party = p as Record<string, unknown>;
        if (party.maxTroops === 0 && party.access === undefined) {
          const who = typeof party.id === 'string' ? ` (${party.id})` : '';
          hints.push(`${formatPath(['thirdParties', i])}${who} has maxTroops 0, so it could never deal in version 1; in version 2 it can sell access: add "access": [{ "kind": ..., "valuePerYear": ..., "costPerYear": ... }] (docs/scenario-format.md)`);
        }
      });
      return { changes, hints };
    },
  },
];

/** The version a document declares, or null when it declares none this release can migrate from. */
export function declaredVersion(doc: unknown): number | null {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const v = (doc as Record<string, unknown>).formatVersion;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** True when the document is of an older version that the steps above take to the current one. */
export function needsMigration(doc: unknown): boolean {
  const v = declaredVersion(doc);
  return v !== null && v < SCENARIO_FORMAT_VERSION && STEPS.some((s) => s.from === v);
}

/**
 * The document taken to the current version (a deep copy; the input is not changed) with
 * the report of every step, or null when it needs no migration (current, unknown or
 * unversioned: the schema then reports what is wrong).
 */
export function migrateValue(doc: unknown): { value: unknown; reports: MigrationReport[] } | null {
  if (!needsMigration(doc)) return null;
  let current = structuredClone(doc) as Record<string, unknown>;
  const reports: MigrationReport[] = [];
  for (let v = declaredVersion(current)!; v < SCENARIO_FORMAT_VERSION; v++) {
    const step = STEPS.find((s) => s.from === v);
    if (!step) break;
    const { changes, hints } = step.plan(current);
    for (const c of changes) current = setAt(current, c.path, c.value);
    reports.push({ from: v, to: v + 1, changes, hints });
  }
  return { value: current, reports };
}

/**
 * The file's text taken to the current version: each change applied as a minimal edit
 * (jsonc-parser `modify`), so comments, key order and layout survive and only the changed
 * lines differ. Null when the text needs no migration. `doc` is the text's parsed value.
 */
export function migrateText(text: string, doc: unknown): { text: string; reports: MigrationReport[] } | null {
  const migrated = migrateValue(doc);
  if (migrated === null) return null;
  const fmt: FormattingOptions = { insertSpaces: !/^\t/m.test(text), tabSize: indentOf(text), eol: text.includes('\r\n') ? '\r\n' : '\n' };
  let out = text;
  for (const r of migrated.reports) for (const c of r.changes) out = applyEdits(out, modify(out, [...c.path], c.value, { formattingOptions: fmt }));
  return { text: out, reports: migrated.reports };
}

/** One line per change and hint, for the terminal: `formatVersion: 1 -> 2: why`. */
export function describeMigration(reports: readonly MigrationReport[]): string[] {
  const lines: string[] = [];
  for (const r of reports) {
    for (const c of r.changes) lines.push(`${formatPath(c.path)}: set to ${JSON.stringify(c.value)} (version ${r.from} -> ${r.to}): ${c.why}`);
    for (const h of r.hints) lines.push(`hint: ${h}`);
  }
  return lines;
}

/** A short notice for a file read through an in-memory migration. */
export function migrationNotice(reports: readonly MigrationReport[]): string {
  const first = reports[0];
  const last = reports[reports.length - 1];
  if (!first || !last) return '';
  return `scenario format version ${first.from} read as version ${last.to} (migrated in memory); \`coalsim validate --migrate <file>\` rewrites the file and explains each change`;
}

function indentOf(text: string): number {
  const m = /^( +)\S/m.exec(text);
  return m ? m[1]!.length : 2;
}

/** A copy of `doc` with the value at `path` replaced (objects and arrays copied along the path). */
function setAt(doc: Record<string, unknown>, path: IssuePath, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return doc;
  const copy: Record<string | number, unknown> = Array.isArray(doc) ? ([...doc] as unknown as Record<number, unknown>) : { ...doc };
  copy[head] = rest.length === 0 ? value : setAt((copy[head] ?? {}) as Record<string, unknown>, rest, value);
  return copy as Record<string, unknown>;
}
