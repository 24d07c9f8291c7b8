// The backlog in a real browser (issue #12): a product whose PRD passed the gate (seeded through the API: the PO
// submits, ProductOps passes) → the product page's backlog card → the requirements synced from the baseline, with
// their PRD lines and gaps → draft stories generated for the gaps after a confirmation naming how many → a draft
// opened in the editor with a check showing, fixed, saved and checked again by the server → a field the server refuses
// shown at the field → someone else's save answered with "changed by someone else" and a reload → a bug written,
// filtered by type and deleted after a confirmation → a sprint planned, given a story and started on the baseline →
// the product page's summary. Every screen at 1440 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { patchAs, seedBacklog } from './support/backlog-seed.ts';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { ADMIN, PO } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const SCENARIO = `Scenario: a month of refunds exported
  Given a merchant with 12 refunds in November
  When the merchant exports November's refunds
  Then a CSV file with 12 rows is downloaded`;

describe.runIf(chromiumAvailable())('journey: the backlog', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let productCode = '';
  const { step, shot, bothWidths } = journey('backlog-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(async (base) => {
      ({ productCode } = await seedBacklog(base));
    });
    page = session.page;
  });

  afterAll(() => closeJourney(session));

  const url = (path: string) => `${session?.url ?? ''}${path}`;
  const text = (testId: string) => page.getByTestId(testId).first().textContent();
  const dialogText = () => page.getByRole('dialog').last().textContent();
  /** Lets Mantine's transitions (dialogs, drawers, the navbar folding away on a phone) finish before a screenshot. */
  const settle = () => page.waitForTimeout(500);
  const requirement = (key: string) => page.getByTestId('requirement').and(page.locator(`[data-key="${key}"]`));
  const storyRow = (title: RegExp) => page.getByTestId('story-row').filter({ hasText: title });
  const ruleIds = () =>
    page.getByTestId('story-finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule') ?? ''));
  const pick = async (testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).click();
  };

  step('the product page shows the backlog card, and its Backlog button opens the backlog', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await page.goto(url(`/products/${productCode}`));
    await page.getByTestId('backlog-summary').waitFor();
    await expect
      .poll(() => text('backlog-summary-coverage'))
      .toBe('PRD version 1.0 passed the gate; its requirements are not synced yet.');
    expect(await text('backlog-summary-total')).toBe('No stories or bugs yet.');
    await bothWidths(page, 'product-before', () => page.getByTestId('backlog-summary').scrollIntoViewIfNeeded());
    await page.getByTestId('open-backlog').click();
    await page.getByTestId('backlog-page').waitFor();
  });

  step('the requirements tab names the baseline and says to sync; the sync brings three requirements', async () => {
    expect(await text('baseline-version')).toBe('Baseline: PRD version 1.0');
    await page.getByTestId('requirements-empty').waitFor();
    await bothWidths(page, 'requirements-empty');
    await page.getByTestId('sync-requirements').click();
    await expect.poll(() => page.getByTestId('requirement').count()).toBe(3);
    expect(await requirement('FR-1').getByTestId('requirement-criteria').textContent()).toBe('1 acceptance criterion');
    expect(await requirement('FR-3').getByTestId('requirement-criteria').textContent()).toBe('No acceptance criteria');
    expect(await page.locator('[data-testid="requirement"][data-gap]').count()).toBe(3);
    const href = await requirement('FR-1').getByTestId('jump-to-line').getAttribute('href');
    expect(href).toMatch(/\/documents\/[0-9a-f-]+\/edit\?line=14&from=1\.0$/);
    expect(await text('coverage')).toBe('0 of 3 requirements have a story (0%); 3 gaps to fill.');
    await bothWidths(page, 'requirements-synced');
  });

  step('generating draft stories asks first, naming how many, then fills every gap', async () => {
    await page.getByTestId('generate-stories').click();
    await expect.poll(dialogText).toContain('3 draft stories will be created');
    await settle();
    await shot(page, 'generate-confirm');
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => text('coverage')).toBe('3 of 3 requirements have a story (100%).');
    expect(await page.locator('[data-testid="requirement"][data-gap]').count()).toBe(0);
    expect(await requirement('FR-1').getByTestId('requirement-stories').textContent()).toBe('Its 1 story');
    await requirement('FR-1').getByTestId('requirement-stories').click();
    const listed = requirement('FR-1').getByTestId('requirement-story-list');
    await expect.poll(() => listed.textContent()).toContain('See the status of every refund');
    expect(await listed.getByTestId('story-status').textContent()).toBe('Backlog');
    await bothWidths(page, 'requirements-covered');
  });

  step('the stories list shows the drafts with their status in words, and filters', async () => {
    await page.getByTestId('tab-stories').click();
    await expect.poll(() => page.getByTestId('story-row').count()).toBe(3);
    expect(await page.getByTestId('story-status').first().textContent()).toBe('Backlog');
    await bothWidths(page, 'stories');
    await pick('filter-status', 'Done');
    await page.getByTestId('stories-state').getByText('No stories match these filters').waitFor();
    // Picking the chosen option again clears the filter.
    await pick('filter-status', 'Done');
    await expect.poll(() => page.getByTestId('story-row').count()).toBe(3);
  });

  step(
    'a draft with no acceptance criteria shows the check; writing a scenario fixes it, live and on save',
    async () => {
      await storyRow(/export/i).click();
      await page.getByTestId('story-form').waitFor();
      await expect.poll(ruleIds).toContain('story.not-testable');
      expect(await page.getByTestId('story-finding').first().getByTestId('finding-rule').textContent()).toBe(
        'No acceptance scenario',
      );
      await bothWidths(page, 'editor-check');
      await page.getByTestId('story-acceptance-input').fill(SCENARIO);
      await expect.poll(ruleIds).not.toContain('story.not-testable');
      expect(await text('story-checks-source')).toBe('Checked as you type');
      await page.getByTestId('story-save').click();
      await expect.poll(() => text('story-checks-source')).toBe('Checked by the server (revision 2)');
      expect(await ruleIds()).not.toContain('story.not-testable');
      await bothWidths(page, 'editor-fixed');
    },
  );

  step('an estimate the server refuses is shown at the estimate field', async () => {
    await page.getByTestId('story-estimate-input').fill('5000');
    await page.getByTestId('story-save').click();
    await expect.poll(() => page.getByTestId('story-estimate-input').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('story-form-error').count()).toBe(0);
    await page.getByTestId('story-estimate-input').scrollIntoViewIfNeeded();
    await settle();
    await shot(page, 'editor-refused-field');
    await page.getByTestId('story-estimate-input').fill('3');
  });

  step('someone else saves the story first: "changed by someone else" and a reload', async () => {
    const key = (await text('story-editor-title')) ?? '';
    await patchAs(session?.url ?? '', ADMIN, `/products/${productCode}/stories/${key}`, { status: 'ready' });
    await page.getByTestId('story-save').click();
    await page.getByTestId('story-stale').waitFor();
    await page.getByTestId('story-stale').scrollIntoViewIfNeeded();
    await bothWidths(page, 'editor-stale', () => page.getByTestId('story-stale').scrollIntoViewIfNeeded());
    await page.getByTestId('story-reload').click();
    await page.getByTestId('story-stale').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('story-form').getByTestId('story-status').textContent()).toBe('Ready');
    await page.keyboard.press('Escape');
    await page.getByTestId('story-form').waitFor({ state: 'detached' });
  });

  step('a new bug is written in the same editor and listed with its type in words', async () => {
    await page.getByTestId('new-bug').click();
    await page.getByTestId('story-form').waitFor();
    expect(await text('story-editor-title')).toBe('New bug');
    await page.getByTestId('story-title-input').fill('Refund status stuck on "Pending" after a partial refund');
    await expect.poll(ruleIds).toContain('story.no-requirement');
    await bothWidths(page, 'editor-new-bug');
    await page.getByTestId('story-save').click();
    await expect.poll(() => text('story-editor-title')).toMatch(/^E2E-REFUNDTRACKER-BUG-\d+$/);
    await page.keyboard.press('Escape');
    await page.getByTestId('story-form').waitFor({ state: 'detached' });
    const bug = storyRow(/Pending/);
    expect(await bug.getByTestId('story-type').textContent()).toBe('Bug');
    await pick('filter-type', 'Bug');
    await expect.poll(() => page.getByTestId('story-row').count()).toBe(1);
    await pick('filter-type', 'Bug');
    await expect.poll(() => page.getByTestId('story-row').count()).toBe(4);
  });

  step('the bug is deleted after a confirmation', async () => {
    await storyRow(/Pending/).click();
    await page.getByTestId('story-form').waitFor();
    await page.getByTestId('story-delete').click();
    // The drawer is a dialog too: the confirmation is the one that asks.
    await page.getByRole('dialog').filter({ hasText: 'its key is not given again' }).waitFor();
    await settle();
    await shot(page, 'delete-confirm');
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('story-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('story-row').count()).toBe(3);
  });

  step('a sprint is planned, given a story, and started on the baseline after a confirmation', async () => {
    await page.getByTestId('tab-sprints').click();
    await page.getByTestId('sprints-state').getByText('No sprints yet').waitFor();
    await page.getByTestId('new-sprint-name').fill('Sprint 1');
    await page.getByTestId('new-sprint-save').click();
    await page.getByTestId('sprint').filter({ hasText: 'Sprint 1' }).waitFor();
    await page.getByTestId('tab-stories').click();
    await storyRow(/export/i).click();
    await page.getByTestId('story-form').waitFor();
    await pick('story-sprint-input', 'Sprint 1');
    await page.getByTestId('story-save').click();
    // Saved: the form starts again from the new revision, with nothing unsaved.
    await page.locator('[data-testid="story-form"][data-revision="4"]:not([data-unsaved])').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('story-form').waitFor({ state: 'detached' });
    await page.getByTestId('tab-sprints').click();
    await expect.poll(() => text('sprint-facts')).toMatch(/^1 story · planned /);
    await bothWidths(page, 'sprints-planned');
    await page.getByTestId('start-sprint').click();
    await expect.poll(dialogText).toContain('records the baseline, PRD version 1.0, and commits the 1 story');
    await settle();
    await shot(page, 'start-confirm');
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('active-sprint').waitFor();
    await expect.poll(() => text('sprint-facts')).toMatch(/started .* on PRD version 1\.0 · 1 committed$/);
    await page.getByTestId('active-sprint').getByTestId('story-row').waitFor();
    await bothWidths(page, 'sprint-active');
  });

  step('the product page sums the backlog up: coverage and stories by status, in words', async () => {
    await page.goto(url(`/products/${productCode}`));
    await expect.poll(() => text('backlog-summary-coverage')).toBe('3 of 3 requirements have a story (100%)');
    expect(await text('backlog-summary-total')).toBe('3 stories and bugs:');
    const statuses = await page
      .getByTestId('backlog-summary-statuses')
      .locator('[data-status]')
      .evaluateAll((els) => els.map((e) => e.textContent));
    expect(statuses).toEqual(['Backlog 2', 'Ready 1', 'In progress 0', 'Done 0']);
    await bothWidths(page, 'product-after', () => page.getByTestId('backlog-summary').scrollIntoViewIfNeeded());
  });
});
