// The stage follows the gate (issue #11 §3) in a real browser: the product page has no stage dropdown; the PO's submit
// dialog announces the move to the gate and the product shows the review waiting; ProductOps' verdict dialog says the
// product moves to build; the product page and the portfolio card show the verdict and score; a studio administrator
// forces the move to UAT with a reason, which the product page shows; the submit dialog of a product in UAT says it
// stays there; the subsidiaries table shows the four-eyes rule. Every changed page is captured at 1440 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { OPS, seedGate } from './support/gate-seed.ts';
import { ADMIN, PO } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const REASON = 'UAT signed off on paper by the pilot merchants (ticket OPS-12)';

describe.runIf(chromiumAvailable())('journey: the stage follows the gate', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let productCode = '';
  let documentId = '';
  const { step, shot, bothWidths } = journey('stage-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(async (base) => {
      ({ productCode, documentId } = await seedGate(base));
    });
    page = session.page;
  });

  afterAll(() => closeJourney(session));

  const url = (path: string) => `${session?.url ?? ''}${path}`;
  const dialogText = () => page.getByRole('dialog').last().textContent();
  const switchUser = async (user: { email: string; password: string }) => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    await loginUi(page, session?.url ?? '', user);
  };
  const openProduct = async () => {
    await page.goto(url(`/products/${productCode}`));
    await page.getByTestId('product-page').waitFor();
  };
  const stageText = () => page.getByTestId('product-page').getByTestId('stage-badge').first().textContent();
  /** Lets Mantine's transitions (dialogs, the navbar folding away on a phone) finish before a screenshot. */
  const settle = () => page.waitForTimeout(500);

  step('the PO sees the product in Intake, no stage dropdown and no gate status yet', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await openProduct();
    expect(await stageText()).toBe('Intake');
    expect(await page.getByTestId('stage-select').count()).toBe(0);
    expect(await page.getByTestId('force-stage').count()).toBe(0);
    await page.getByTestId('gate-status-none').waitFor();
    await bothWidths(page, 'product-intake');
  });

  step('the PO submits the PRD: the dialog announces the move from Intake to Gate', async () => {
    await page.goto(url(`/documents/${documentId}`));
    // The dialog's sentence about the stage needs the product, which the card loads beside the document.
    await page.waitForLoadState('networkidle');
    await page.getByTestId('submit-to-gate').click();
    await expect.poll(dialogText).toContain('The product moves from Intake to Gate.');
    await settle();
    await shot(page, 'submit-dialog-intake');
    await page.getByTestId('confirm-action').click();
    await page.waitForURL('**/gate/reviews/*');
  });

  step('the product page shows the stage Gate and the review waiting', async () => {
    await openProduct();
    await expect.poll(stageText).toBe('Gate');
    expect(await page.getByTestId('gate-status-verdict').textContent()).toBe('None yet');
    expect(await page.getByTestId('gate-status-waiting').textContent()).toBe('less than a day');
    expect(await page.getByTestId('gate-status-score').textContent()).toMatch(/^\d+\/100$/);
    await bothWidths(page, 'product-waiting');
  });

  step('ProductOps records a pass: the dialogs say fail goes back to Intake, pass moves to Build', async () => {
    await switchUser(OPS);
    await openProduct();
    await page.getByTestId('gate-status-review').click();
    await page.getByTestId('review-page').waitFor();
    await page.getByTestId('decision-verdict').getByText('Fail', { exact: true }).click();
    expect(await page.getByTestId('decision-consequence').textContent()).toContain('moves from Gate to Intake');
    await page.getByTestId('decision-verdict').getByText('Pass', { exact: true }).click();
    expect(await page.getByTestId('decision-consequence').textContent()).toContain('moves from Gate to Build');
    await page.getByTestId('decision-note-input').fill('Metrics will follow in the build; the problem is clear.');
    await page.getByTestId('decision-card').scrollIntoViewIfNeeded();
    await bothWidths(page, 'review-decision', () => page.getByTestId('decision-card').scrollIntoViewIfNeeded());
    await page.getByTestId('record-decision').click();
    await expect.poll(dialogText).toContain('The product moves from Gate to Build.');
    await settle();
    await shot(page, 'decision-dialog');
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('Decided');
  });

  step('the product page and the portfolio card show Build, the verdict in words and the score', async () => {
    await openProduct();
    await expect.poll(stageText).toBe('Build');
    expect(await page.getByTestId('gate-status-verdict').textContent()).toBe('Pass');
    // The thin PRD scores 30 (a fail): the pass beside that number is explained as ProductOps' decision.
    expect(await page.getByTestId('gate-status-overruled').textContent()).toBe(
      'decided by ProductOps; the engine said Fail',
    );
    expect(await page.getByTestId('gate-status-waiting').count()).toBe(0);
    await bothWidths(page, 'product-passed');
    await page.goto(url('/'));
    const card = page.getByTestId('product-card').filter({ hasText: productCode });
    await card.getByTestId('card-gate-status').waitFor();
    expect(await card.getByTestId('card-gate-status').textContent()).toMatch(/^Pass\s*score \d+ · engine: Fail$/);
    await bothWidths(page, 'portfolio', () => card.scrollIntoViewIfNeeded());
  });

  step('a studio administrator forces the move to UAT with a reason, shown on the product page', async () => {
    await switchUser(ADMIN);
    await openProduct();
    await page.getByTestId('force-stage').click();
    await page.getByTestId('force-stage-form').waitFor();
    expect(await page.getByTestId('force-stage-save').isDisabled()).toBe(true);
    await page.getByTestId('force-stage-select').click();
    await page.getByRole('option', { name: 'UAT', exact: true }).click();
    expect(await page.getByTestId('force-stage-save').isDisabled()).toBe(true);
    await page.getByTestId('force-stage-reason').fill(REASON);
    await settle();
    await shot(page, 'force-stage-form');
    await page.getByTestId('force-stage-save').click();
    await expect.poll(stageText).toBe('UAT');
    await page.getByTestId('force-stage-form').waitFor({ state: 'detached' });
    const note = await page.getByTestId('stage-forced').textContent();
    expect(note).toContain('Moved by hand from Build to UAT');
    expect(note).toContain(REASON);
    await bothWidths(page, 'product-forced');
  });

  step('the audit log names the forced move in words', async () => {
    await page.goto(url('/audit'));
    await page.getByText('Forced product stage').first().waitFor();
  });

  step('the subsidiaries table shows the four-eyes rule, on', async () => {
    await page.goto(url('/admin/subsidiaries'));
    const row = page.getByTestId('subsidiary-row-E2E');
    await row.waitFor();
    expect(await row.getByRole('switch').isChecked()).toBe(true);
    await bothWidths(page, 'subsidiaries');
  });

  step('the submit dialog of a product in UAT says it stays there', async () => {
    await switchUser(PO);
    await page.goto(url(`/documents/${documentId}`));
    // The dialog's sentence about the stage needs the product, which the card loads beside the document.
    await page.waitForLoadState('networkidle');
    await page.getByTestId('submit-to-gate').click();
    await expect.poll(dialogText).toContain('The product stays in UAT.');
    expect(await dialogText()).not.toContain('moves');
    await settle();
    await shot(page, 'submit-dialog-uat');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });
});
