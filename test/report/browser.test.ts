/**
 * report.html in a real headless browser (Debian's chromium driven by playwright-core):
 * no console errors, no network requests at all, and every chart canvas drawn.
 * Chromium comes from `scripts/install.sh --dev`; without it the test skips locally and
 * fails in CI.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { buildReportFiles } from '../../src/report/build';
import { ROOT, valid } from '../helpers/scenarios';
import { HOLDUP_EVENTS, runOutputs, withExtraEvents } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) {
  test('chromium is installed (CI)', () => {
    throw new Error(`${CHROMIUM} is missing: CI must install it (scripts/install.sh --dev)`);
  });
} else if (!haveChromium) {
  console.warn(`report.html browser test skipped: ${CHROMIUM} not found (install it with scripts/install.sh --dev)`);
}

interface PageCanvas {
  id: string;
  width: number;
  height: number;
  getContext(type: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

interface PageReport {
  errors: string[];
  requests: string[];
  failed: string[];
  canvases: { id: string; width: number; height: number; inked: number }[];
  /** Per canvas: the tooltip label of its first data point, as Chart.js would show it. */
  tooltips: { id: string; label: string }[];
}

async function openReport(ctx: BrowserContext, file: string): Promise<PageReport> {
  const page = await ctx.newPage();
  const report: PageReport = { errors: [], requests: [], failed: [], canvases: [], tooltips: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') report.errors.push(m.text());
  });
  page.on('pageerror', (e) => report.errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) report.requests.push(r.url());
  });
  page.on('requestfailed', (r) => report.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  report.canvases = await page.evaluate(() =>
    // Runs in the page; typed by hand because the project compiles without the DOM library.
    Array.from((globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<PageCanvas> } }).document.querySelectorAll('canvas')).map((c) => {
      // Count pixels that are not transparent: a drawn chart has many, a blank canvas none.
      const ctx = c.getContext('2d')!;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
      return { id: c.id, width: c.width, height: c.height, inked: inked / (c.width * c.height) };
    }),
  );
  report.tooltips = await page.evaluate(() => {
    type Ctx = { dataset: { label?: string }; formattedValue: string };
    type ChartLike = { data: { datasets: { label?: string; xAxisID?: string; yAxisID?: string }[] }; options: { plugins: { tooltip: { callbacks: { label(ctx: Ctx): string } } } } };
    const g = globalThis as unknown as { Chart: { getChart(c: unknown): ChartLike | undefined }; document: { querySelectorAll(s: string): ArrayLike<{ id: string }> } };
    return Array.from(g.document.querySelectorAll('canvas')).flatMap((c) => {
      const chart = g.Chart.getChart(c);
      const dataset = chart?.data.datasets[0];
      if (!chart || !dataset) return [];
      return [{ id: c.id, label: chart.options.plugins.tooltip.callbacks.label({ dataset, formattedValue: '1,234' }) }];
    });
  });
  await page.close();
  return report;
}

(haveChromium ? describe : describe.skip)('report.html in headless chromium', () => {
  let dir: string;
  let ctx: BrowserContext;
  let pages = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coalsim-browser-'));
    ctx = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['the default run', () => runOutputs(), [] as string[]],
    ['a run with hold-ups', () => withExtraEvents(runOutputs(), HOLDUP_EVENTS), ['chart-holdups']],
    // Several payers (issue 16 item 6): the who-paid-whom chart is drawn with the others.
    ['amisom-2012 (several payers)', () => runOutputs(valid(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'amisom-2012.json'), 'utf8')))), ['chart-payment-flows']],
  ])('%s: loads offline with no errors and draws every chart', async (_, outputs, expected) => {
    const file = join(dir, `report-${++pages}.html`);
    const build = buildReportFiles(outputs(), { charts: false });
    writeFileSync(file, build.files.get('report.html')!);
    const page = await openReport(ctx, file);
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.failed).toEqual([]);
    expect(page.canvases.length).toBeGreaterThanOrEqual(6);
    expect(page.canvases.map((c) => c.id)).toEqual(expect.arrayContaining(expected));
    if (!expected.includes('chart-payment-flows')) expect(page.canvases.map((c) => c.id)).not.toContain('chart-payment-flows');
    for (const c of page.canvases) {
      expect(c.width).toBeGreaterThan(300);
      expect([c.id, c.inked > 0.02]).toEqual([c.id, true]);
    }
    // Tooltips carry units, from the value axis's title.
    const troops = page.tooltips.find((t) => t.id === 'chart-troops');
    expect(troops?.label).toMatch(/1,234 \u2014 .*\(headcount\)/);
    for (const t of page.tooltips) expect([t.id, t.label.includes('1,234 \u2014 ')]).toEqual([t.id, true]);
  }, 60_000);
});
