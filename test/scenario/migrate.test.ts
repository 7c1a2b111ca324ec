import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/load';
import { describeMigration, migrateText, migrateValue } from '../../src/scenario/migrate';
import { SCENARIO_FORMAT_VERSION } from '../../src/scenario/schema';
import { parseDocument } from '../../src/scenario/validate';
import { ROOT, tinyScenario } from '../helpers/scenarios';

const BUNDLED = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json'));

/** A bundled scenario's text as the version-1 file it was before the bump. */
function asVersion1(text: string): string {
  expect(text).toContain('"formatVersion": 2,');
  return text.replace('"formatVersion": 2,', '"formatVersion": 1,');
}

describe('scenario format migration', () => {
  it('the current version is 2', () => {
    expect(SCENARIO_FORMAT_VERSION).toBe(2);
  });

  it('takes a version-1 document to version 2, saying why, and hints at parties that could never deal', () => {
    const v1 = { ...tinyScenario(), formatVersion: 1, thirdParties: [{ ...tinyScenario().thirdParties[0]!, maxTroops: 0 }] };
    const m = migrateValue(v1)!;
    expect(m).not.toBeNull();
    expect((m.value as { formatVersion: number }).formatVersion).toBe(2);
    expect(v1.formatVersion).toBe(1); // the input is not changed
    expect(m.reports).toHaveLength(1);
    expect(m.reports[0]).toMatchObject({ from: 1, to: 2, changes: [{ path: ['formatVersion'], value: 2 }] });
    const lines = describeMigration(m.reports);
    expect(lines[0]).toMatch(/^formatVersion: set to 2 \(version 1 -> 2\): format version 2 adds access deals/);
    expect(lines[1]).toMatch(/^hint: thirdParties\[0\] \(A\) has maxTroops 0, so it could never deal in version 1/);
  });

  it('leaves current, future and unversioned documents alone (the schema reports those)', () => {
    expect(migrateValue(tinyScenario())).toBeNull();
    expect(migrateValue({ ...tinyScenario(), formatVersion: 3 })).toBeNull();
    expect(migrateValue({ meta: {} })).toBeNull();
    expect(migrateValue([1])).toBeNull();
    const r = parseScenario(JSON.stringify({ ...tinyScenario(), formatVersion: 3 }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ path: ['formatVersion'], message: 'must be 2, got 3' });
  });

  it.each(BUNDLED)('%s: its version-1 form loads with a notice, to exactly the same scenario', (file) => {
    const text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
    const now = parseScenario(text);
    const old = parseScenario(asVersion1(text));
    expect(now.ok && old.ok).toBe(true);
    if (!now.ok || !old.ok) return;
    expect(now.notices).toBeUndefined();
    expect(old.notices).toEqual([expect.stringMatching(/^scenario format version 1 read as version 2 \(migrated in memory\); `coalsim validate --migrate <file>`/)]);
    expect(old.value).toEqual(now.value);
  });

  it.each(BUNDLED)('%s: rewriting its version-1 form gives back the committed file byte for byte', (file) => {
    const text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
    const old = asVersion1(text);
    const doc = parseDocument(old);
    expect(doc.ok).toBe(true);
    expect(migrateText(old, doc.ok ? doc.value : null)!.text).toBe(text);
  });

  it('keeps comments, layout and trailing commas of a JSONC file; only the version line changes', () => {
    const input = JSON.stringify({ ...tinyScenario(), formatVersion: 1 }, null, 4).replace('"meta": {', '// the case\n    "meta": { /* keep me */').replace(/\n}$/, ',\n}');
    const doc = parseDocument(input);
    expect(doc.ok).toBe(true);
    const out = migrateText(input, doc.ok ? doc.value : null)!.text;
    const a = input.split('\n');
    const b = out.split('\n');
    expect(b).toHaveLength(a.length);
    const differing = a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
    expect(differing).toEqual([['    "formatVersion": 1,', '    "formatVersion": 2,']]);
    expect(parseScenario(out).ok).toBe(true);
  });
});
