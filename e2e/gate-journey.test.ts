// The PRD quality gate in a real browser: a PO watches the live score while writing, submits; ProductOps adds a
// condition, waives a finding and takes the waiver back, and records a conditional pass (the product moves to
// build); the PO fixes and resubmits; ProductOps passes it; the metrics page counts a first-time pass.
import { RULES } from '@pi-studio/core/gate/checks/registry';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type Browser, chromiumAvailable, launchBrowser, loginUi, watchPage } from './support/browser.ts';
import { OPS, seedGate } from './support/gate-seed.ts';
import { PO, serverEnv } from './support/seed.ts';
import { ensureWebBuilt, startServer, type TestServer } from './support/server.ts';
import { journey } from './support/steps.ts';

const METRICS_AND_CRITERIA = `
## Success metrics

- Cut refund status tickets from 38% to 10% of all tickets within 90 days of launch.

## Acceptance criteria

- FR-1: Given a refund was issued, when the merchant opens the refunds page, then its status is shown within 2 seconds.
`;
const FR2_CRITERIA =
  '- FR-2: Given a refund for order 1042, when an agent searches "1042", then the refund is listed first.\n';

describe.runIf(chromiumAvailable())('journey: the PRD quality gate', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let base = '';
  let documentId = '';
  let productCode = '';
  let firstReviewUrl = '';
  let watched: Awaited<ReturnType<typeof watchPage>> | undefined;
  const { step, shot } = journey('gate-journey', () => page);

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer(serverEnv());
    base = server.url;
    ({ documentId, productCode } = await seedGate(base));
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
    watched = await watchPage(browser, new URL(base).origin);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    expect(watched?.outbound, 'requests outside the server').toEqual([]);
    expect(watched?.errors, 'uncaught errors in the page').toEqual([]);
  });

  const liveScore = async () => Number(await page.getByTestId('live-gate-score').textContent());
  const switchUser = async (user: { email: string; password: string }) => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    await loginUi(page, base, user);
  };
  const appendInEditor = async (text: string) => {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(text);
  };
  const submitToGate = async () => {
    await page.getByTestId('submit-to-gate').click();
    await page.getByTestId('confirm-action').click();
    await page.waitForURL('**/gate/reviews/*');
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('Waiting for review');
  };
  const decide = async (verdict: 'Pass' | 'Conditional', note: string) => {
    await page.getByTestId('decision-verdict').getByText(verdict, { exact: true }).click();
    await page.getByTestId('decision-note-input').fill(note);
    await page.getByTestId('record-decision').click();
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('Decided');
    const badge = page.getByTestId('decision').getByTestId('verdict-badge');
    expect(await badge.getAttribute('data-verdict')).toBe(verdict.toLowerCase());
  };
  const openFromQueue = async () => {
    await page.getByTestId('nav-gate').click();
    const row = page.getByTestId('gate-queue-row').filter({ hasText: `${productCode}-PRD` });
    await row.waitFor();
    expect(await row.getByTestId('queue-age').textContent()).toBe('< 1 h');
    await row.getByTestId('queue-review-link').click();
    await page.getByTestId('review-page').waitFor();
  };

  /** The page at 390 px wide (a phone), scrolled by `show`, then back to 1440. */
  const atPhoneWidth = async (name: string, show: () => Promise<void>) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await show();
    await page.waitForTimeout(500);
    await shot(page, `${name}-390`);
    await page.setViewportSize({ width: 1440, height: 900 });
  };

  step('the PO sees the live score change while typing', async () => {
    await loginUi(page, base, PO);
    await page.goto(`${base}/documents/${documentId}/edit`);
    await page.getByTestId('live-gate-score').waitFor();
    const before = await liveScore();
    expect(await page.getByTestId('criterion-bar-metrics').getAttribute('data-score')).toBe('0');
    // Gutter markers come from the same engine run as the panel.
    await expect.poll(() => page.locator('.cm-gutter-lint .cm-lint-marker').count()).toBeGreaterThan(0);
    // The panel says in one sentence why the verdict is what it is, in the verdict's colour (never a green fail).
    const verdict = (await page.getByTestId('live-gate-verdict').getAttribute('data-verdict')) ?? '';
    const why = (await page.getByTestId('live-gate-why').textContent()) ?? '';
    expect(verdict).not.toBe('');
    expect(why.toLowerCase().startsWith(verdict)).toBe(true);
    await shot(page, 'live-gate-before');
    await appendInEditor(METRICS_AND_CRITERIA);
    await expect.poll(liveScore).toBeGreaterThan(before);
    await expect
      .poll(() => page.getByTestId('criterion-bar-metrics').getAttribute('data-score').then(Number))
      .toBeGreaterThan(0.5);
    await shot(page, 'live-gate-after-typing');
    await atPhoneWidth('live-gate', () => page.getByTestId('live-gate-score').scrollIntoViewIfNeeded());
    await page.getByTestId('version-note').fill('Added metrics and acceptance criteria');
    await page.getByTestId('save-version').click();
    await page.waitForURL(`**/documents/${documentId}`);
    await expect.poll(() => page.getByTestId('document-code').textContent()).toContain('v1.1');
  });

  step('the PO submits the PRD to the gate', async () => {
    await page.getByTestId('no-gate-reviews').waitFor();
    await submitToGate();
    firstReviewUrl = page.url();
    expect(await page.getByTestId('first-submission').isVisible()).toBe(true);
    expect(await page.getByTestId('finding').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('engine-why').textContent()).toMatch(/^(Pass|Conditional pass|Fail): /);
    await shot(page, 'review-header-1440');
    await atPhoneWidth('review-header', () => page.getByTestId('engine-why').scrollIntoViewIfNeeded());
  });

  step('ProductOps opens it from the queue and adds a condition', async () => {
    await switchUser(OPS);
    await openFromQueue();
    expect(page.url()).toBe(firstReviewUrl);
    await page.getByTestId('condition-text').fill('Add acceptance criteria for FR-2 (search by order id)');
    await page.getByTestId('condition-owner').click();
    await page.getByRole('option', { name: new RegExp(PO.name) }).click();
    await page.getByTestId('condition-due').fill('2026-12-31');
    await page.getByTestId('add-condition').click();
    await expect.poll(() => page.getByTestId('condition').count()).toBe(1);
    expect(await page.getByTestId('condition').textContent()).toContain(PO.name);
  });

  step('ProductOps waives a finding, then takes the waiver back', async () => {
    const open = page.getByTestId('finding').filter({ has: page.getByTestId('waive-finding') });
    const rule = await open.first().getAttribute('data-rule');
    // The rule is named in words; its id stays in the API (and in data-rule).
    expect(await open.first().getByTestId('finding-rule').textContent()).toBe(RULES.get(rule ?? '')?.summary);
    await open.first().getByTestId('waive-finding').click();
    await page.getByTestId('waive-reason').fill('Agreed with the bank for the pilot');
    await page.getByTestId('waive-save').click();
    await page.getByTestId('waive-form').waitFor({ state: 'hidden' });
    const waived = page.getByTestId('finding').filter({ has: page.getByTestId('finding-waiver') });
    await expect.poll(() => waived.count()).toBe(1);
    expect(await waived.first().getAttribute('data-rule')).toBe(rule);
    await waived.first().getByTestId('remove-waiver').click();
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => waived.count()).toBe(0);
  });

  step('ProductOps records a conditional pass', async () => {
    await decide('Conditional', 'Good to start building; add the FR-2 criteria.');
    expect(await page.getByTestId('first-time').isVisible()).toBe(true);
  });

  step('the product moves to build', async () => {
    await page.goto(`${base}/products/${productCode}`);
    await expect.poll(() => page.getByTestId('stage-badge').first().textContent()).toBe('Build');
  });

  step('the PO jumps from a finding to its line, fixes it and resubmits', async () => {
    await switchUser(PO);
    await page.goto(firstReviewUrl);
    const group = page.getByTestId('finding-group-acceptance');
    const finding = group.locator('[data-testid="finding"][data-rule="acceptance.missing"]');
    if (!(await finding.isVisible())) await group.getByRole('button').first().click();
    await finding.getByTestId('jump-to-line').click();
    await page.waitForURL(/\/edit\?line=\d+/);
    await expect.poll(() => page.locator('.cm-activeLine').textContent()).toContain('FR-2');
    // The reviewed version is the one being edited: no note about lines that may have moved.
    expect(await page.getByTestId('line-from-other-version').count()).toBe(0);
    await appendInEditor(FR2_CRITERIA);
    await page.getByTestId('version-note').fill('FR-2 acceptance criteria');
    await page.getByTestId('save-version').click();
    await page.waitForURL(`**/documents/${documentId}`);
    await submitToGate();
    expect(page.url()).not.toBe(firstReviewUrl);
    await page.getByTestId('changes-card').waitFor();
    expect(Number(await page.getByTestId('changes-fixed').textContent())).toBeGreaterThanOrEqual(1);
  });

  step('a finding of the older review says its line belongs to that version', async () => {
    await page.goto(firstReviewUrl);
    const group = page.getByTestId('finding-group-acceptance');
    const finding = group.locator('[data-testid="finding"]').first();
    if (!(await finding.isVisible())) await group.getByRole('button').first().click();
    await finding.getByTestId('jump-to-line').click();
    const note = page.getByTestId('line-from-other-version');
    await note.waitFor();
    expect(await note.textContent()).toContain('v1.1');
    expect(await note.textContent()).toContain('editing v1.2');
    await shot(page, 'line-from-older-version');
    await note.getByRole('link').click();
    await page.waitForURL(/\/diff\?from=1\.1&to=1\.2/);
  });

  step('ProductOps passes the resubmission', async () => {
    await switchUser(OPS);
    await openFromQueue();
    expect(await page.getByTestId('review-title').textContent()).toContain('v1.2');
    await decide('Pass', 'All fixed.');
  });

  step('the metrics count the first-time pass', async () => {
    await page.getByTestId('nav-gate').click();
    await page.getByTestId('gate-tab-metrics').click();
    await page.getByTestId('gate-metrics-page').waitFor();
    await expect.poll(() => page.getByTestId('first-time-pass-rate').textContent()).toBe('100%');
    expect(await page.getByTestId('metrics-counts').textContent()).toBe('2 reviews · 2 decided');
    expect(await page.getByTestId('metrics-by-author').textContent()).toContain(PO.name);
  });

  step('ProductOps drafts a rubric version in the form; problems show at their fields', async () => {
    await page.getByTestId('gate-tab-rubrics').click();
    await page.getByTestId('new-rubric-version').click();
    await page.getByTestId('rubric-form').waitFor();
    const weight = page.getByTestId('rubric-weight-0');
    await weight.fill('10');
    await expect.poll(() => page.getByTestId('rubric-weight-total').textContent()).toContain('102');
    // Sent anyway: the server's reason shows above the criteria, and its list names the field.
    await page.getByTestId('save-rubric').click();
    await page.getByTestId('rubric-server-error').waitFor();
    expect(await page.getByTestId('rubric-server-error').textContent()).toContain('definition.criteria');
    expect(await page.getByTestId('rubric-criteria-error').textContent()).toContain('sum to 102');
    await page.getByTestId('rubric-pass-score').fill('50');
    await page.getByTestId('rubric-conditional-score').fill('70');
    await page.getByText('conditionalScore must not exceed passScore').waitFor();
    await shot(page, 'rubric-form-errors');
    await page.getByTestId('rubric-conditional-score').fill('40');
    await weight.fill('6');
    await page.getByTestId('rubric-weight-1').fill('8');
    await expect.poll(() => page.getByTestId('rubric-local-check').textContent()).toBe('Valid rubric.');
    await page.getByLabel('Criterion title').first().fill('Problem, evidence and urgency');
    // The Advanced view holds the same draft (its first lines: the editor draws only what is on screen).
    await page.getByTestId('rubric-editor-mode').getByText('Advanced (JSON)').click();
    await expect
      .poll(() => page.getByTestId('rubric-json').textContent())
      .toContain('"name": "Problem, evidence and urgency"');
    await page.getByTestId('rubric-editor-mode').getByText('Form').click();
    await page.getByTestId('save-rubric').click();
    await page.getByTestId('rubric-editor').waitFor({ state: 'detached' });
    await page.getByText(/v\d+ created/).waitFor();
  });
});
