// The first-day journey of a product owner, in a real browser against a real server:
// log in → create a product → create a PRD from the template → edit → save a new version → view the diff → search.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { chromiumAvailable } from './support/browser.ts';
import { PO, seedStudio } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

// A word that exists nowhere else, so the search can only find it in the version saved by this journey.
const MARKER = 'quokkaflux';

const enabled = chromiumAvailable();

describe.runIf(enabled)('journey: from login to a searchable PRD version', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let documentUrl = '';
  const { step, shot } = journey('journey', () => page);

  beforeAll(async () => {
    // Seeded through the API: subsidiary E2E and a product owner who is a member of it.
    session = await openJourney(seedStudio);
    page = session.page;
  });

  afterAll(() => closeJourney(session));

  step('log in', async () => {
    if (!session) throw new Error('no server');
    await page.goto(session.url);
    await page.getByRole('textbox', { name: 'Email' }).fill(PO.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain(PO.name);
    await page.getByTestId('empty-state').waitFor();
  });

  step('create a product', async () => {
    await page.getByTestId('new-product').click();
    const form = page.getByTestId('new-product-form');
    await form.getByRole('textbox', { name: 'Name' }).fill('Refund Tracker');
    expect(await form.getByRole('textbox', { name: 'Key' }).inputValue()).toBe('REFUNDTRACKER');
    await page.getByTestId('new-product-type').click();
    await page.getByRole('option').first().click();
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL('**/products/E2E-REFUNDTRACKER');
    await expect.poll(() => page.getByTestId('product-name').textContent()).toBe('Refund Tracker');
    await page.getByTestId('documents-card').getByTestId('empty-state').waitFor();
  });

  step('create a PRD from the template', async () => {
    await page.getByTestId('new-document').click();
    const form = page.getByTestId('new-document-form');
    await form.getByText('PRD', { exact: true }).click();
    await form.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL('**/documents/*');
    documentUrl = page.url();
    await expect.poll(() => page.getByTestId('document-code').textContent()).toBe('E2E-REFUNDTRACKER-PRD v1.0');
    // The template's structure is rendered, not shown as raw Markdown.
    expect(await page.getByTestId('markdown-view').locator('h2').count()).toBeGreaterThan(0);
  });

  step('edit', async () => {
    await page.getByTestId('edit-document').click();
    await page.waitForURL('**/edit');
    const editor = page.locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(
      `\n\n## Refund tracking\n\nEvery refund is tracked until settled (${MARKER}).\n\n` +
        `| Step | Owner |\n|---|---|\n| ${MARKER} settlement | Finance |\n\n` +
        '- [ ] Confirm the payout window\n- [x] Agree the refund states\n',
    );
    await page.getByTestId('version-note').fill('Added refund tracking');
    expect(await editor.textContent()).toContain(MARKER);
  });

  step('preview the edit: task items are read-only checkboxes', async () => {
    await page.getByTestId('editor-mode').getByText('Preview').click();
    const boxes = page.getByTestId('editor-preview').locator('input[type="checkbox"]');
    await expect.poll(() => boxes.count()).toBe(2);
    expect(await boxes.nth(0).isChecked()).toBe(false);
    expect(await boxes.nth(1).isChecked()).toBe(true);
    expect(await boxes.nth(0).isDisabled()).toBe(true);
    expect(await page.locator('.cm-content').isVisible()).toBe(false);
    await page.getByTestId('editor-mode').getByText('Write').click();
    await page.locator('.cm-content').waitFor();
    expect(await page.locator('.cm-content').textContent()).toContain('Agree the refund states');
  });

  step('save a new version', async () => {
    await page.getByTestId('save-version').click();
    await page.waitForURL((url) => url.href === documentUrl);
    await expect.poll(() => page.getByTestId('document-code').textContent()).toBe('E2E-REFUNDTRACKER-PRD v1.1');
    await expect.poll(() => page.getByTestId('version-item').count()).toBe(2);
    expect(await page.getByTestId('markdown-view').textContent()).toContain(MARKER);
    expect(await page.getByTestId('markdown-view').locator('input[type="checkbox"][disabled]').count()).toBe(2);
  });

  step('view the diff', async () => {
    await page.getByTestId('compare-versions').click();
    await page.getByTestId('diff-table').waitFor();
    const added = page.getByTestId('diff-line-add');
    await expect.poll(() => added.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(MARKER)]));
    expect(await page.getByTestId('diff-line-del').count()).toBe(0);
    expect(await page.getByTestId('diff-stats').textContent()).toMatch(/\+[1-9]\d* added/);
  });

  step('find it through search (Ctrl-K)', async () => {
    await page.getByTestId('nav-portfolio').click();
    await page.getByTestId('board').waitFor();
    await page.keyboard.press('Control+K');
    await page.getByTestId('search-palette-input').fill(MARKER);
    const hit = page.getByTestId('search-result').first();
    await hit.waitFor();
    expect(await hit.textContent()).toContain('E2E-REFUNDTRACKER-PRD');
    expect(await hit.locator('mark').first().textContent()).toMatch(new RegExp(MARKER, 'i'));
    // The snippet is plain text: the table row around the hit reads as words, without Markdown pipes.
    const snippet = (await hit.getByTestId('search-snippet').textContent()) ?? '';
    expect(snippet).toContain('settlement · Finance');
    expect(snippet).not.toMatch(/[|]|---/);
    await shot(page, 'search-palette');
    await hit.click();
    await page.waitForURL((url) => url.href === documentUrl);
    await page.getByTestId('document-page').waitFor();
  });

  step('on a phone the header stays on one line and search is one tap away', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('document-page').waitFor();
    const header = page.locator('header');
    const box = await header.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(60);
    expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const logo = await page.getByRole('link', { name: 'PI Studio' }).boundingBox();
    expect(logo?.height).toBeLessThan(32);
    const search = page.getByTestId('open-search-compact');
    const searchBox = await search.boundingBox();
    expect((searchBox?.x ?? 999) + (searchBox?.width ?? 0)).toBeLessThanOrEqual(390);
    await shot(page, 'phone-header');
    await search.click();
    await page.getByTestId('search-palette-input').waitFor();
    await page.keyboard.press('Escape');
    // The subsidiary switcher moved into the navigation drawer.
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByTestId('subsidiary-switcher').waitFor();
    await shot(page, 'phone-navigation');
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  step('sign out', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    // The session is gone on the server too: a deep link shows the login page, not the document.
    await page.goto(documentUrl);
    await page.getByTestId('login-form').waitFor();
  });
});
