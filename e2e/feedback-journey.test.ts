// The feedback inbox in a real browser (issue #13): a product with requirements → the product page's Feedback link
// → the empty inbox says how to add or import → feedback typed into the form, a near repeat explained → a WhatsApp
// export written here imported through the wizard (upload, preview with authors, dates and a near repeat unticked,
// commit, result) → the possible duplicate reviewed side by side and marked → the keyboard: j/k move, typing in a
// field fires nothing, b opens bug triage with the priority prefilled, the bug is created → x selects two items and
// the bulk bar declines them after a reason and a confirmation → ? lists the keys, r asks for a reason, d opens
// the duplicate choice → a look-alike called "not a duplicate" is not suggested again, after a reload too (the
// decision is kept on the server) → every status shows the decisions. Every screen at 1440 and 390 px, with no
// sideways scrolling on the phone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { loginApi } from './support/api-client.ts';
import { seedBacklog } from './support/backlog-seed.ts';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { PO } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

/** A small Android export: a system line, a near repeat (message 2 of message 1), a message over two lines. */
const WHATSAPP = [
  '05/11/2026, 09:02 - Ana Pilot: The payout report shows the wrong currency for Kenya',
  '05/11/2026, 09:03 - Messages and calls are end-to-end encrypted.',
  '05/11/2026, 09:05 - Ben Pilot: Payout report shows the wrong currency for Kenya again',
  '05/11/2026, 09:07 - Ana Pilot: Refund emails never arrive',
  'for customers in Ghana',
  '06/11/2026, 10:00 - Ben Pilot: Please add a dark mode to the merchant dashboard',
  '',
].join('\n');

describe.runIf(chromiumAvailable())('journey: the feedback inbox', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let code = '';
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pistudio-feedback-'));
  const exportFile = path.join(exportDir, 'pilot-chat.txt');
  const { step, shot, bothWidths } = journey('feedback-journey', () => page);

  beforeAll(async () => {
    fs.writeFileSync(exportFile, WHATSAPP);
    session = await openJourney(async (base) => {
      ({ productCode: code } = await seedBacklog(base));
      const po = await loginApi(base, PO.email, PO.password);
      await po.post(`/products/${code}/requirements/sync`, {});
    });
    page = session.page;
  });

  afterAll(async () => {
    fs.rmSync(exportDir, { recursive: true, force: true });
    await closeJourney(session);
  });

  const url = (p: string) => `${session?.url ?? ''}${p}`;
  const text = (testId: string) => page.getByTestId(testId).first().textContent();
  const settle = () => page.waitForTimeout(500);
  const rows = () => page.getByTestId('feedback-row');
  const row = (key: string) => page.locator(`[data-testid="feedback-row"][data-key="${key}"]`);
  const keys = () => rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
  const activeKey = () => page.locator('[data-testid="feedback-row"][data-active]').getAttribute('data-key');
  const focusedKey = () => page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);
  /** Nothing wider than the phone's screen: the page never scrolls sideways. */
  const noSidewaysScroll = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const phone = (then?: () => Promise<void>) => async () => {
    await settle();
    await noSidewaysScroll();
    await then?.();
  };
  const fb = (n: number) => `${code}-FB-${n}`;

  step('the product page links the inbox; with no feedback yet it says how to add or import', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await page.goto(url(`/products/${code}`));
    await page.getByTestId('open-feedback').click();
    await page.getByTestId('feedback-page').waitFor();
    await page.getByTestId('feedback-inbox').getByText('No feedback yet').waitFor();
    expect(await text('feedback-ageing')).toBe('Nothing waits for triage.');
    await page.getByTestId('empty-import').waitFor();
    await bothWidths(page, 'empty', phone());
  });

  step('feedback typed into the form is listed with its source and age; a near repeat is explained', async () => {
    await page.getByTestId('empty-add-feedback').click();
    await page.getByTestId('feedback-text-input').fill('The checkout declines my debit card every time');
    await page.getByTestId('feedback-author-input').fill('Caller 7');
    await settle();
    await shot(page, 'form');
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('feedback-form').waitFor({ state: 'detached' });
    await expect.poll(keys).toEqual([fb(1)]);
    expect(await row(fb(1)).getByTestId('feedback-source').textContent()).toBe('Form');
    expect(await row(fb(1)).getByTestId('feedback-age').textContent()).toBe('Untriaged, arrived today');

    await page.getByTestId('add-feedback').click();
    await page.getByTestId('feedback-text-input').fill('My card got declined at checkout, every time!!');
    await page.getByTestId('feedback-submit').click();
    const similar = page.getByTestId('feedback-submitted-similar');
    await expect.poll(() => similar.textContent()).toMatch(new RegExp(`^similar to ${fb(1)}: \\d+% — shared: `));
    await settle();
    await shot(page, 'form-similar');
    await page.getByTestId('feedback-submitted-close').click();
    await expect.poll(keys).toEqual([fb(2), fb(1)]);
    expect(await text('review-duplicates')).toBe('Review possible duplicates (1)');
    await expect.poll(() => text('feedback-ageing')).toBe('2 items waiting for triage; all arrived today.');
    await bothWidths(page, 'two-items', phone());
  });

  step('a WhatsApp export: uploaded, previewed with authors, dates and a near repeat unticked, imported', async () => {
    await page.getByTestId('import-feedback').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-file').click()]);
    await chooser.setFiles(exportFile);
    await page.getByTestId('import-upload').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await text('import-facts')).toBe('4 messages from 2 authors, 5 Nov 2026 – 6 Nov 2026');
    expect(await text('import-authors')).toBe('pilot-chat.txt · Authors: Ana Pilot (2), Ben Pilot (2)');
    expect(await page.getByTestId('import-message').count()).toBe(4);
    expect(await text('import-repeat-note')).toMatch(/^Repeats message 1: \d+% — shared: payout, report/);
    expect(await text('import-selected')).toBe('3 of 4 messages selected');
    expect(await page.getByTestId('import-message').nth(2).textContent()).toContain(
      'Refund emails never arrive\nfor customers in Ghana',
    );
    await bothWidths(page, 'import-preview', phone());
    await page.getByTestId('import-select-none').click();
    expect(await text('import-selected')).toBe('0 of 4 messages selected');
    await page.getByTestId('import-select-all').click();
    expect(await text('import-selected')).toBe('4 of 4 messages selected');
    // The near repeat stays out: its box, by keyboard.
    await page.locator('[data-testid="import-message"][data-index="1"] input[type="checkbox"]').focus();
    await page.keyboard.press('Space');
    expect(await text('import-selected')).toBe('3 of 4 messages selected');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor();
    expect(await text('import-result-line')).toBe('3 feedback items created.');
    await bothWidths(page, 'import-result', phone());
    await page.getByTestId('import-close').click();
    await expect.poll(keys).toEqual([fb(5), fb(4), fb(3), fb(2), fb(1)]);
    expect(await row(fb(4)).getByTestId('feedback-source').textContent()).toBe('WhatsApp');
    expect(await row(fb(4)).textContent()).toContain('Ana Pilot · via WhatsApp');
  });

  step('the possible duplicate is reviewed side by side, shared words marked, and marked a duplicate', async () => {
    await row(fb(2)).getByTestId('feedback-duplicate-hint').click();
    const review = page.getByTestId('duplicate-review');
    await review.waitFor();
    expect(await review.getAttribute('data-item')).toBe(fb(2));
    expect(await review.getAttribute('data-original')).toBe(fb(1));
    expect(await text('duplicate-explanation')).toMatch(
      new RegExp(`^${fb(2)} is similar to ${fb(1)}: \\d+% — shared: `),
    );
    const marked = await review.locator('mark').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['checkout', 'card']));
    await bothWidths(page, 'duplicate-review', phone());
    await page.getByTestId('duplicate-confirm').click();
    await review.waitFor({ state: 'detached' });
    await expect.poll(keys).toEqual([fb(5), fb(4), fb(3), fb(1)]);
  });

  step(
    'keyboard: j/k move the highlight with focus, typing in a field fires nothing, b triages into a bug',
    async () => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('j');
      expect(await activeKey()).toBe(fb(5));
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      expect(await activeKey()).toBe(fb(4));
      expect(await focusedKey()).toBe(fb(4));
      // In the source filter, letters are typing: no triage opens.
      await page.getByTestId('feedback-filter-source').focus();
      await page.keyboard.press('b');
      await settle();
      expect(await page.getByTestId('triage-form').count()).toBe(0);
      await page.keyboard.press('Escape');
      await row(fb(4)).focus();
      await page.keyboard.press('b');
      const form = page.getByTestId('triage-form');
      await form.waitFor();
      expect(await form.getAttribute('data-action')).toBe('bug');
      // The requirements use MoSCoW, so the middle is Should, as the server would pick.
      expect(await page.getByTestId('triage-priority').inputValue()).toBe('Should');
      expect(await page.getByTestId('triage-title').inputValue()).toMatch(/^Refund emails never arrive/);
      await bothWidths(page, 'triage-bug', phone());
      await page.getByTestId('triage-submit').click();
      await form.waitFor({ state: 'detached' });
      await expect.poll(keys).toEqual([fb(5), fb(3), fb(1)]);
    },
  );

  step('x selects two items; the bulk bar declines them after a reason and a confirmation', async () => {
    await row(fb(5)).focus();
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    expect(await activeKey()).toBe(fb(3));
    await page.keyboard.press('x');
    expect(await text('feedback-bulk-count')).toBe('2 items selected');
    await bothWidths(page, 'bulk-selected', phone());
    await page.getByTestId('feedback-bulk-decline').click();
    await page.getByTestId('feedback-bulk-reason').fill('Out of scope for the pilot');
    await page.getByTestId('feedback-bulk-submit').click();
    // The form is a dialog too: the confirmation is the one that asks.
    await page.getByRole('dialog').filter({ hasText: 'Decline 2 items?' }).waitFor();
    await settle();
    await shot(page, 'bulk-confirm');
    await page.getByTestId('confirm-action').click();
    await expect.poll(keys).toEqual([fb(1)]);
    await expect.poll(() => text('feedback-ageing')).toBe('1 item waiting for triage; all arrived today.');
  });

  step('? lists the shortcuts; r asks for a reason before declining', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    expect(await help.locator('kbd').allTextContents()).toEqual(['j', 'k', 'x', 's', 'b', 'd', 'c', 'r', '?']);
    await bothWidths(page, 'shortcut-help', phone());
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await page.keyboard.press('j');
    await page.keyboard.press('r');
    const form = page.getByTestId('triage-form');
    await form.waitFor();
    expect(await form.getAttribute('data-action')).toBe('decline');
    expect(await page.getByTestId('triage-submit').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await page.keyboard.press('d');
    await form.waitFor();
    expect(await form.getAttribute('data-action')).toBe('duplicate');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
  });

  step('a look-alike that is not a duplicate: "Not a duplicate" keeps both and stops suggesting the pair', async () => {
    await page.getByTestId('add-feedback').click();
    await page.getByTestId('feedback-text-input').fill('The checkout declines my debit card each time');
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('feedback-submitted-close').click();
    await expect.poll(keys).toEqual([fb(6), fb(1)]);
    await page.getByTestId('review-duplicates').click();
    const review = page.getByTestId('duplicate-review');
    await review.waitFor();
    expect(await review.getAttribute('data-item')).toBe(fb(6));
    await page.getByTestId('duplicate-dismiss').click();
    await review.waitFor({ state: 'detached' });
    expect(await page.getByTestId('review-duplicates').count()).toBe(0);
    expect(await row(fb(6)).getByTestId('feedback-duplicate-hint').count()).toBe(0);
    expect(await keys()).toEqual([fb(6), fb(1)]);

    // The decision is the team's, kept on the server: the API lists the pair, and a fresh load still leaves it out.
    const shared = await page.request.get(url(`/api/v1/products/${code}/feedback/distinct`));
    expect(shared.status()).toBe(200);
    const { items } = (await shared.json()) as { items: { pair: string[] }[] };
    expect(items.map((i) => i.pair)).toEqual([[fb(1), fb(6)]]);
    const pairsLoaded = page.waitForResponse((r) => r.url().endsWith('/feedback/distinct') && r.status() === 200);
    await page.reload();
    await pairsLoaded;
    await expect.poll(keys).toEqual([fb(6), fb(1)]);
    await settle();
    expect(await page.getByTestId('review-duplicates').count()).toBe(0);
    expect(await row(fb(6)).getByTestId('feedback-duplicate-hint').count()).toBe(0);
  });

  step('every status shows the decisions: the bug, the duplicate, the declined with their reason', async () => {
    await page.getByTestId('feedback-filter-status').click();
    await page.getByRole('option', { name: 'Every status' }).click();
    await expect.poll(keys).toEqual([fb(6), fb(5), fb(4), fb(3), fb(2), fb(1)]);
    expect(await row(fb(4)).getByTestId('feedback-outcome').textContent()).toMatch(/^Became bug .*-BUG-\d+$/);
    expect(await row(fb(2)).getByTestId('feedback-outcome').textContent()).toBe(`Duplicate of ${fb(1)}`);
    expect(await row(fb(5)).getByTestId('feedback-outcome').textContent()).toBe('Declined: Out of scope for the pilot');
    expect(page.url()).toContain('status=all');
    await bothWidths(page, 'every-status', phone());
  });
});
