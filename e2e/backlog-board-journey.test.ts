// The stories as a board and as a list in a real browser (issue #12): a product whose PRD passed the gate (seeded
// through the API as the backlog journey does) → requirements synced and draft stories generated → the board, a
// column per status in words → a card moved to Ready through its "Move to…" menu → a card someone else changed
// meanwhile refused with the notification and the board refetched → back to the list, three stories selected and
// set to In progress in one bulk edit. Board and list with the bulk bar at 1440 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { patchAs, seedBacklog } from './support/backlog-seed.ts';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { ADMIN, PO } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

describe.runIf(chromiumAvailable())('journey: the backlog board and bulk edit', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let productCode = '';
  const { step, bothWidths } = journey('backlog-board-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(async (base) => {
      ({ productCode } = await seedBacklog(base));
    });
    page = session.page;
  });

  afterAll(() => closeJourney(session));

  const url = (path: string) => `${session?.url ?? ''}${path}`;
  const column = (status: string) => page.locator(`[data-testid="board-column"][data-status="${status}"]`);
  const cardsIn = (status: string) => column(status).getByTestId('board-card');
  const countOf = (status: string) => column(status).getByTestId('board-column-count').textContent();
  const notification = (text: string | RegExp) => page.getByRole('alert').filter({ hasText: text });
  const statuses = () =>
    page
      .getByTestId('story-row')
      .getByTestId('story-status')
      .evaluateAll((els) => els.map((e) => e.textContent));
  const switchTo = (view: 'List' | 'Board') => page.getByTestId('stories-view').getByText(view).click();

  step('the stories tab lists the drafts generated for the synced requirements', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await page.goto(url(`/products/${productCode}/backlog`));
    await page.getByTestId('sync-requirements').click();
    await expect.poll(() => page.getByTestId('requirement').count()).toBe(3);
    await page.getByTestId('tab-stories').click();
    await page.getByTestId('generate-stories').click();
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => page.getByTestId('story-row').count()).toBe(3);
    expect(await page.getByTestId('stories-page').textContent()).toBe('3 items');
    expect(await statuses()).toEqual(['Backlog', 'Backlog', 'Backlog']);
  });

  step('the board shows a column per status, in words, each with its count', async () => {
    await switchTo('Board');
    await page.getByTestId('story-board').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('board');
    const titles = await page
      .getByTestId('board-column')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(titles).toEqual(['Backlog column', 'Ready column', 'In progress column', 'Done column']);
    await expect.poll(() => cardsIn('backlog').count()).toBe(3);
    expect(await countOf('backlog')).toBe('3');
    expect(await countOf('ready')).toBe('0');
    // The board has no status filter: its columns are the statuses.
    expect(await page.getByTestId('filter-status').count()).toBe(0);
    await bothWidths(page, 'board');
  });

  step('a card moves to Ready through its "Move to…" menu', async () => {
    const card = cardsIn('backlog').first();
    const key = (await card.getAttribute('data-key')) ?? '';
    await card.getByTestId('move-story').click();
    await page.getByRole('menuitem', { name: 'Ready' }).click();
    await notification(`${key} moved to Ready.`).waitFor();
    await expect.poll(() => cardsIn('ready').count()).toBe(1);
    expect(await cardsIn('ready').first().getAttribute('data-key')).toBe(key);
    expect(await countOf('backlog')).toBe('2');
    expect(await countOf('ready')).toBe('1');
    await bothWidths(page, 'board-moved');
  });

  step('a card someone else changed meanwhile is not moved: the notification, and the board refetches', async () => {
    const card = cardsIn('backlog').first();
    const key = (await card.getAttribute('data-key')) ?? '';
    await patchAs(session?.url ?? '', ADMIN, `/products/${productCode}/stories/${key}`, { priority: 'P1' });
    await card.getByTestId('move-story').click();
    await page.getByRole('menuitem', { name: 'Done' }).click();
    const refused = notification(`Someone saved ${key} after the board showed it, so it was not moved.`);
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Changed by someone else');
    // Refetched: the card shows the other person's change and stays where it was.
    await expect.poll(() => column('backlog').locator(`[data-key="${key}"]`).textContent()).toContain('P1');
    expect(await cardsIn('done').count()).toBe(0);
  });

  step('a card opens the story in the editor', async () => {
    await cardsIn('ready').first().getByRole('button', { name: /: / }).click();
    await page.getByTestId('story-form').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('story-form').waitFor({ state: 'detached' });
  });

  step('in the list, three stories are selected and the bulk bar names how many', async () => {
    await switchTo('List');
    await expect.poll(() => page.getByTestId('story-row').count()).toBe(3);
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    const boxes = page.getByTestId('story-select');
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await expect.poll(() => page.getByTestId('bulk-count').textContent()).toBe('3 selected');
    expect(await page.getByTestId('select-all').isChecked()).toBe(true);
    await bothWidths(page, 'list-bulk-bar');
  });

  step('"Set status" → In progress changes all three in one go', async () => {
    await page.getByTestId('bulk-status').click();
    await page.getByRole('menuitem', { name: 'In progress' }).click();
    await notification('3 stories set to In progress.').waitFor();
    await expect.poll(statuses).toEqual(['In progress', 'In progress', 'In progress']);
    // The selection is cleared once saved; the bar shows the count again.
    expect(await page.getByTestId('bulk-count').count()).toBe(0);
    expect(await page.getByTestId('stories-page').textContent()).toBe('3 items');
    await bothWidths(page, 'list-updated');
    await switchTo('Board');
    await expect.poll(() => cardsIn('in_progress').count()).toBe(3);
    expect(await countOf('backlog')).toBe('0');
  });
});
