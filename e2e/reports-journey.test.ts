// The weekly intake-quality report in a real browser (issue #15): a PO opens Reports from the navigation → the last
// complete ISO week is shown with its six tiles and each section (an empty studio says so in words) → steps back a week
// (the URL names it, so the page can be shared) and forward again, not past the last complete week → the Markdown
// download is the same report. At 1440 and 390 px, nothing wider than the phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { PO, seedStudio } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

/** The ISO week an instant falls in (the journey computes what the page should show on its own). */
function isoWeek(ms: number): string {
  const d = new Date(ms);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const thursday = new Date(day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const n = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

describe.runIf(chromiumAvailable())('journey: the weekly intake report', () => {
  let session: JourneySession | undefined;
  let page: Page;
  const { step, bothWidths } = journey('reports-journey', () => page);
  const lastWeek = isoWeek(Date.now() - 7 * 86_400_000);
  const weekBefore = isoWeek(Date.now() - 14 * 86_400_000);

  beforeAll(async () => {
    session = await openJourney(seedStudio);
    page = session.page;
  });
  afterAll(() => closeJourney(session));

  const noSideScroll = async () => {
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  };

  step('the PO opens Reports and sees the last complete week', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByTestId('weekly-intake-page').waitFor();
    await expect.poll(() => page.getByTestId('report-tile').count()).toBe(6);
    expect(await page.getByTestId('report-week').textContent()).toContain(lastWeek);
    const firstTile = page.getByTestId('report-tile').first();
    expect(await firstTile.textContent()).toContain('First-time pass rate');
    expect(await firstTile.textContent()).toContain('no data');
    expect(await page.getByText('Nothing is waiting.').count()).toBe(1);
    expect(await page.getByText('No thresholds breached.').count()).toBe(1);
    await bothWidths(page, 'weekly-intake', noSideScroll);
  });

  step('steps back a week and forward again, never past the last complete week', async () => {
    await page.getByTestId('report-previous-week').click();
    await expect.poll(() => page.url()).toContain(`week=${weekBefore}`);
    await expect.poll(async () => page.getByTestId('report-week').textContent()).toContain(weekBefore);
    await page.getByTestId('report-next-week').click();
    await expect.poll(async () => page.getByTestId('report-week').textContent()).toContain(lastWeek);
    expect(await page.getByTestId('report-next-week').isDisabled()).toBe(true);
  });

  step('the Markdown download is the same report', async () => {
    const href = (await page.getByTestId('report-download-md').getAttribute('href')) ?? '';
    const text = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    expect(text).toContain(`# Weekly intake quality — ${lastWeek}`);
    expect(text).toContain('First-time pass rate: no data this period.');
  });
});
