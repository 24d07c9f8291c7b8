// Playwright-style steps on top of Vitest: one `it` per step, in order; once a step fails the later ones are
// skipped (they would only fail for the same reason), and every step leaves a screenshot behind.
import type { Page } from 'playwright-core';
import { it } from 'vitest';
import { screenshot } from './browser.ts';

export function journey(journeyName: string, getPage: () => Page | undefined) {
  let broken: string | null = null;
  const step = (title: string, body: () => Promise<void>) => {
    it(title, async (ctx) => {
      if (broken) ctx.skip(`an earlier step failed: ${broken}`);
      const page = getPage();
      if (!page) return ctx.skip('no browser');
      const slug = title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      try {
        await body();
        await screenshot(page, journeyName, slug);
      } catch (err) {
        broken = title;
        await screenshot(page, journeyName, `${slug}-FAILED`).catch(() => undefined);
        throw err;
      }
    });
  };
  /** An extra screenshot in the middle of a step. */
  const shot = (page: Page, name: string) => screenshot(page, journeyName, name);
  /**
   * The current page at 1440 px and at 390 px wide (a phone; `onPhone` scrolls to what matters there), then back to
   * 1440. Each shot waits for Mantine's transitions (dialogs, drawers, the navbar folding away) to finish.
   */
  const bothWidths = async (page: Page, name: string, onPhone?: () => Promise<void>) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(500);
    await shot(page, `${name}-1440`);
    await page.setViewportSize({ width: 390, height: 844 });
    await onPhone?.();
    await page.waitForTimeout(500);
    await shot(page, `${name}-390`);
    await page.setViewportSize({ width: 1440, height: 900 });
  };
  return { step, shot, bothWidths };
}
