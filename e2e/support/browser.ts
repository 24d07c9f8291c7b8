// Debian's Chromium through playwright-core. Never downloads a browser: without /usr/bin/chromium the journey is
// skipped with a message, except in CI where a missing browser must fail the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from './server.ts';

// scripts/test.mjs may point at another build of Debian's Chromium; /usr/bin/chromium is the default.
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SHOTS_DIR = path.join(ROOT, 'test-results', 'e2e');

export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const msg = `${CHROMIUM} not found: install it with \`apt-get install -y chromium\` to run the browser journeys.`;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`${msg} (CI=true, so this is a failure)`);
  console.warn(`[e2e] SKIPPED: ${msg}`);
  return false;
}

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> };

export async function launchBrowser(): Promise<Browser> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pistudio-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
    timezoneId: 'Europe/Amsterdam',
    locale: 'en-GB',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const shotCounts = new Map<string, number>();
/** Saves a numbered full-page screenshot as test-results/e2e/<journey>-NN-<name>.png (kept as a CI artifact). */
export async function screenshot(page: Page, journeyName: string, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const n = (shotCounts.get(journeyName) ?? 0) + 1;
  shotCounts.set(journeyName, n);
  const file = path.join(SHOTS_DIR, `${journeyName}-${String(n).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Records (and blocks) every request that leaves the test server, and every uncaught page error and CSP violation, so
 * a journey can assert that the UI works offline against its own origin and without crashing.
 */
export async function watchPage(browser: Browser, origin: string) {
  const outbound: string[] = [];
  const errors: string[] = [];
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    outbound.push(url);
    return route.abort();
  });
  browser.page.on('pageerror', (err) => errors.push(err.message));
  // The server sends a Content-Security-Policy (security-headers.ts): anything it blocks (a script, a style Mantine
  // or CodeMirror writes) is a broken page, so a violation fails the journey like an uncaught error.
  browser.page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) errors.push(`CSP: ${msg.text()}`);
  });
  return { outbound, errors };
}

export async function loginUi(page: Page, baseUrl: string, user: { email: string; password: string }) {
  await page.goto(baseUrl);
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user-menu').waitFor();
}
