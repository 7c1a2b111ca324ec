/**
 * report.html on a projector, on wide screens and on a phone (real Chromium): no horizontal
 * scroll at 1024x768, 1280, 1920 or 390 wide; the lesson ("What to look for" and the headline numbers) on
 * the first screen at 1024x768; the Members table's cells do not wrap into towers.
 * Screenshots go to $COALSIM_SCREENSHOTS (or a temp dir) for a person to look at.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { buildReportFiles } from '../../src/report/build';
import { loadScenarioFile } from '../../src/scenario/load';
import { describeInChromium, launch, openFile } from '../helpers/browser';
import { ROOT } from '../helpers/scenarios';
import { runOutputs } from './helpers';

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const SCENARIOS = ['teaching-holdup', 'iraq-2003', 'default'] as const;

interface Measured {
  scrollWidth: number;
  clientWidth: number;
  lessonBottom: number;
  headlineBottom: number;
  tallestMemberCell: number;
  lineHeight: number;
}

describeInChromium('report.html on a projector (Chromium)', () => {
  let dir: string;
  let shots: string;
  const contexts: BrowserContext[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coalsim-projector-'));
    shots = process.env.COALSIM_SCREENSHOTS ?? join(dir, 'shots');
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(SCENARIOS.flatMap((id) => VIEWPORTS.map((v) => [id, v.width, v.height] as const)))('%s at %dx%d: no sideways scroll, lesson first', async (id, width, height) => {
    const r = loadScenarioFile(join(ROOT, 'scenarios', `${id}.json`)).result;
    if (!r.ok) throw new Error('invalid');
    const file = join(dir, `${id}.html`);
    writeFileSync(file, String(buildReportFiles(runOutputs(r.value, 1), { charts: false }).files.get('report.html')));
    const ctx = await launch(join(dir, `profile-${id}-${width}`), { width, height });
    contexts.push(ctx);
    const { page, log } = await openFile(ctx, pathToFileURL(file).href);
    const m = await page.evaluate((): Measured => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelector(s: string): { getBoundingClientRect(): { bottom: number } } | null; querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { height: number } }> } }).document;
      const cells = Array.from(d.querySelectorAll('#members tbody td'));
      return {
        scrollWidth: d.documentElement.scrollWidth,
        clientWidth: d.documentElement.clientWidth,
        lessonBottom: d.querySelector('#lesson .look')!.getBoundingClientRect().bottom,
        headlineBottom: Math.max(...Array.from(d.querySelectorAll('#lesson .headline .card')).map((c) => (c as unknown as { getBoundingClientRect(): { bottom: number } }).getBoundingClientRect().bottom)),
        tallestMemberCell: Math.max(...cells.map((c) => c.getBoundingClientRect().height)),
        lineHeight: 0,
      };
    });
    await page.screenshot({ path: join(shots, `${id}-${width}.png`) });
    await page.close();
    expect(log.errors).toEqual([]);
    expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
    // The lesson and all three headline numbers are on the first screen.
    expect(m.headlineBottom).toBeLessThanOrEqual(height);
    expect(m.lessonBottom).toBeGreaterThan(0);
    // A member's row is a few lines at most (the old Type column ran to 8-10 lines).
    expect(m.tallestMemberCell).toBeLessThan(200);
  }, 120_000);

  // A student's phone: the page does not scroll sideways (a wide table scrolls in its own box),
  // and the Members table's words stay whole (the page's overflow-wrap had broken "State" into
  // a tower of one letter per line).
  it.each(SCENARIOS)('%s on a phone (390x844): no sideways page scroll, table words whole, a readable first column', async (id) => {
    const r = loadScenarioFile(join(ROOT, 'scenarios', `${id}.json`)).result;
    if (!r.ok) throw new Error('invalid');
    const file = join(dir, `${id}-phone.html`);
    writeFileSync(file, String(buildReportFiles(runOutputs(r.value, 1), { charts: false }).files.get('report.html')));
    const ctx = await launch(join(dir, `profile-${id}-phone`), { width: 390, height: 844 });
    contexts.push(ctx);
    const { page, log } = await openFile(ctx, pathToFileURL(file).href);
    const m = await page.evaluate(() => {
      type El = { textContent: string; getBoundingClientRect(): { width: number }; scrollWidth: number; clientWidth: number };
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): ArrayLike<El> } }).document;
      const cells = Array.from(d.querySelectorAll('#members th, #members td'));
      return {
        scrollWidth: d.documentElement.scrollWidth,
        clientWidth: d.documentElement.clientWidth,
        // A cell whose content is wider than the cell: a word that could only fit by breaking inside it.
        overflowing: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.slice(0, 40)),
        firstColumn: Math.min(...Array.from(d.querySelectorAll('#members tbody td:first-child')).map((c) => c.getBoundingClientRect().width)),
      };
    });
    await page.screenshot({ path: join(shots, `${id}-phone.png`) });
    await page.close();
    expect(log.errors).toEqual([]);
    expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
    expect(m.overflowing).toEqual([]);
    expect(m.firstColumn).toBeGreaterThanOrEqual(150);
  }, 120_000);
});
