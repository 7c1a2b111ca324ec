/**
 * Stored XSS: hostile markup in every string field of the scenario schema must show as text
 * in report.html and classroom.html and never run. Checked in real Chromium: a payload that
 * ran would push its field's number into window.__xss.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { engineBundle } from '../../src/classroom/bundle';
import { buildClassroomHtml } from '../../src/classroom/page';
import { buildReportFiles } from '../../src/report/build';
import { reportAssets } from '../../src/report/assets';
import { describeInChromium, launch, openFile } from '../helpers/browser';
import { htmlPayload, injectEveryString, shortHtmlPayload } from '../helpers/injection';
import { ROOT } from '../helpers/scenarios';
import { runOutputs } from './helpers';

/** Every free-text string field the scenario schema defines (no pattern, no enum), as a normalised path. */
function schemaStringFields(): string[] {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8')) as Record<string, unknown>;
  const defs = (schema.$defs ?? schema.definitions ?? {}) as Record<string, unknown>;
  const out = new Set<string>();
  const walk = (node: unknown, path: string, depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > 30) return;
    const n = node as Record<string, unknown>;
    if (typeof n.$ref === 'string') return walk(defs[n.$ref.split('/').pop()!], path, depth + 1);
    if (n.type === 'string' && n.enum === undefined && n.pattern === undefined && n.const === undefined) out.add(path);
    for (const k of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(n[k])) for (const x of n[k] as unknown[]) walk(x, path, depth + 1);
    if (n.properties) for (const [k, v] of Object.entries(n.properties as Record<string, unknown>)) walk(v, `${path}.${k}`, depth + 1);
    if (n.items) walk(n.items, `${path}[]`, depth + 1);
  };
  walk(schema, '', 0);
  out.delete('.$schema');
  return [...out].sort();
}

/** A scenario that uses every free-text field: the Gulf War case (donors, side deals, calibration) plus the few it leaves out. */
function everyFieldScenario(): unknown {
  const doc = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'gulf-war-1991.json'), 'utf8')) as {
    meta: { sources: Record<string, unknown>[]; calibration?: Record<string, unknown>[] };
    clock: Record<string, unknown>;
    payers?: Record<string, unknown>[];
  };
  doc.meta.sources.push({ id: 'extra', citation: 'A citation', url: 'https://example.org', note: 'A note' });
  doc.clock.start = doc.clock.start ?? '1990-08';
  // A payer with a line of its own (issue 16): its name and line label reach the report's flow table and the ledger.
  doc.payers = [{ id: 'PAYX', name: 'A payer', budget: 1e9, valuePerSoldierYear: 1000, lines: [{ kind: 'equipment', label: 'A line', ratePerSoldierPerRound: 10 }] }];
  doc.meta.calibration = [...(doc.meta.calibration ?? []), { id: 'cat', label: 'A category', measure: 'memberType:EGY', recorded: { equals: 'critical' }, unit: 'type', source: 'extra', note: 'A note' }];
  return doc;
}

describeInChromium('hostile markup in every string field (Chromium)', () => {
  let dir: string;
  let ctx: BrowserContext;
  const injected = injectEveryString(everyFieldScenario(), [htmlPayload, shortHtmlPayload]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coalsim-xss-'));
    ctx = await launch(join(dir, 'profile'));
  }, 60_000);
  afterAll(async () => {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reaches every free-text field of the schema', () => {
    const missing = schemaStringFields().filter((f) => !injected.fields.has(f));
    expect(missing).toEqual([]);
    expect(injected.fields.size).toBeGreaterThanOrEqual(15);
  });

  const pages: [string, () => string][] = [
    ['report.html', () => String(buildReportFiles(runOutputs(injected.scenario, 1), { charts: false }).files.get('report.html'))],
    ['classroom.html', () => buildClassroomHtml({ scenario: injected.scenario, seed: 1, engine: engineBundle(), assets: reportAssets() })],
  ];
  it.each(pages)('%s shows the markup as text and runs none of it', async (name, build) => {
    const file = join(dir, name);
    writeFileSync(file, build());
    const { page, log } = await openFile(ctx, pathToFileURL(file).href);
    await page.waitForTimeout(200);
    const ran = await page.evaluate(() => (globalThis as unknown as { __xss?: number[] }).__xss ?? []);
    const text = await page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
    const images = await page.evaluate(() => (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } }).document.querySelectorAll('img').length);
    await page.close();
    expect(ran).toEqual([]);
    expect(images).toBe(0);
    expect(log.errors).toEqual([]);
    expect(log.requests).toEqual([]);
    // The title and a partner's name are on the page, as text.
    expect(text).toContain(`onerror="(window.__xss=window.__xss||[]).push(${injected.fields.get('.meta.title')})"`);
  }, 120_000);
});
