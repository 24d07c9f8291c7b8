// The API reference (/api/docs) in a real browser with every request outside the server blocked (issue #10): it must
// render every operation of the OpenAPI document from this server alone, with no Content-Security-Policy violation
// (the session fails on outbound requests, page errors and CSP reports). Captured at 1440 and 390 px wide.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { chromiumAvailable, SHOTS_DIR } from './support/browser.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const PRODUCT = '/api/v1/products/{code}';

// Swagger UI renders a long list of operations virtually (5.x: only those near the viewport are in the page), so
// the reference is read as a person reads it, by scrolling.
const atBottom = (page: Page) =>
  page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);

/** Scrolls from the top to the bottom; answers the ids of every operation rendered on the way. */
async function renderedWhileScrolling(page: Page): Promise<Set<string>> {
  const seen = new Set<string>();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 1000; i++) {
    for (const id of await page.locator('.opblock').evaluateAll((els) => els.map((e) => e.id))) seen.add(id);
    if (await atBottom(page)) break;
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(40);
  }
  return seen;
}

/** Scrolls down from the top until `target` is rendered. */
async function scrollUntilRendered(page: Page, target: Locator): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 1000 && (await target.count()) === 0 && !(await atBottom(page)); i++) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(40);
  }
  await target.scrollIntoViewIfNeeded();
}

describe.runIf(chromiumAvailable())('journey: the API reference works offline', () => {
  let session: JourneySession | undefined;
  let page: Page;
  const { step, shot } = journey('api-docs', () => page);

  beforeAll(async () => {
    session = await openJourney(async () => undefined);
    page = session.page;
  });

  afterAll(() => closeJourney(session));

  step('lists every operation of the OpenAPI document', async () => {
    if (!session) throw new Error('no server');
    const doc = (await (await fetch(`${session.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(doc.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(operations).toBeGreaterThan(50);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${session.url}/api/docs`);
    // Parsing 1.8 MB of Swagger UI takes a while on a busy machine.
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    expect((await renderedWhileScrolling(page)).size).toBe(operations);
    expect(await page.locator('.info .title').textContent()).toContain('PI Studio');
  });

  step('opens an operation with its parameters and response schema', async () => {
    const operation = page.locator('.opblock-get').filter({ has: page.locator(`[data-path="${PRODUCT}"]`) });
    await scrollUntilRendered(page, operation);
    await operation.locator('.opblock-summary-control').click();
    await operation.locator('.parameters').waitFor();
    expect(await operation.locator('.parameter__name').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('code')]),
    );
    await operation.locator('.responses-wrapper').waitFor();
    await shot(page, 'operation-1440');
  });

  step('tries it out against this server', async () => {
    const operation = page.locator('.opblock-get').filter({ has: page.locator(`[data-path="${PRODUCT}"]`) });
    // Under load Swagger UI may re-render the list between steps: bring the operation back and open it again.
    const tryIt = operation.getByRole('button', { name: 'Try it out' });
    if (!(await tryIt.isVisible())) {
      await scrollUntilRendered(page, operation);
      if (!(await operation.locator('.parameters').isVisible()))
        await operation.locator('.opblock-summary-control').click();
    }
    await tryIt.click({ timeout: 30_000 });
    await operation.locator('input[placeholder="code"]').fill('NOPE-X');
    await operation.getByRole('button', { name: 'Execute' }).click();
    // Not signed in: the server's own answer (401 problem+json) is shown, so the page reached the API and nothing else.
    await expect
      .poll(() => operation.locator('.live-responses-table tbody .response-col_status').first().textContent())
      .toContain('401');
    await operation.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS_DIR, 'api-docs-try-it-out-1440-viewport.png') });
  });

  step('reads at 390 px wide', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.opblock').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS_DIR, 'api-docs-390-viewport.png') });
    await shot(page, 'reference-390');
  });
});
