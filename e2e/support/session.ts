// One real server and one Chromium per journey file: started (and seeded) before the first step, closed after the
// last, and the page checked never to have reached outside the server or thrown.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Browser, launchBrowser, watchPage } from './browser.ts';
import { serverEnv } from './seed.ts';
import { ensureWebBuilt, startServer, type TestServer } from './server.ts';

export type JourneySession = {
  url: string;
  page: Page;
  server: TestServer;
  browser: Browser;
  watched: Awaited<ReturnType<typeof watchPage>>;
};

/** Call in `beforeAll`; `seed` runs against the started server before the browser opens. */
export async function openJourney(seed: (baseUrl: string) => Promise<unknown>): Promise<JourneySession> {
  ensureWebBuilt();
  const server = await startServer(serverEnv());
  let browser: Browser | undefined;
  try {
    await seed(server.url);
    browser = await launchBrowser();
    browser.page.setDefaultTimeout(15_000);
    const watched = await watchPage(browser, new URL(server.url).origin);
    return { url: server.url, page: browser.page, server, browser, watched };
  } catch (err) {
    // afterAll never sees a session that failed to open, so nothing may be left running.
    await browser?.close();
    await server.stop();
    throw err;
  }
}

/** Call in `afterAll`, also when `openJourney` failed. */
export async function closeJourney(session: JourneySession | undefined): Promise<void> {
  await session?.browser.close();
  await session?.server.stop();
  expect(session?.watched.outbound, 'requests outside the server').toEqual([]);
  expect(session?.watched.errors, 'uncaught errors in the page').toEqual([]);
}
