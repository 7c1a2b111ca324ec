/**
 * Real headless Chromium (Debian's, driven by playwright-core) for page tests. Without
 * /usr/bin/chromium the tests skip locally and fail in CI (scripts/install.sh --dev installs it).
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const haveChromium = existsSync(CHROMIUM);

/** describe, or describe.skip without Chromium (a failing test in CI instead). */
export function describeInChromium(name: string, body: () => void): void {
  if (!haveChromium && process.env.CI) {
    test('chromium is installed (CI)', () => {
      throw new Error(`${CHROMIUM} is missing: CI must install it (scripts/install.sh --dev)`);
    });
    return;
  }
  (haveChromium ? describe : describe.skip)(name, body);
}

export async function launch(profileDir: string, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport });
}

export interface PageLog {
  readonly errors: string[];
  /** Every request that is not to a file: URL (the pages must fetch nothing). */
  readonly requests: string[];
}

/** Open a file and collect console errors, page errors and network requests. */
export async function openFile(ctx: BrowserContext, url: string): Promise<{ page: Page; log: PageLog }> {
  const page = await ctx.newPage();
  const log: PageLog = { errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) log.requests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, log };
}
