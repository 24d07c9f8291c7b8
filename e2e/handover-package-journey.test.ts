// The handover package in a real browser (issue #14): a product in the Handover stage (seeded through the API: an
// administrator's forced move) → the PO creates its package → marks a checklist item done with a link as evidence →
// writes the release notes from the generated draft and saves them (and a save after a colleague's is explained, not
// lost) → the weekly checkpoint lists the product → the IT
// owner records a rejection → the team completes the required items (through the API, to save time) → the IT owner
// accepts after confirming, and the product is Live → IT logs a gap found after handover → the checkpoint is empty
// again. Every page at 1440 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type ApiClient, loginApi } from './support/api-client.ts';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { PO, SUBSIDIARY, seedStudio } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const IT = { email: 'it@e2e.test', password: 'it-pass-12345', name: 'Ivy Itowner' };

type Pkg = { readiness: { ready: boolean; blocking: { itemId: string }[] } };

async function seedProductInHandover(baseUrl: string): Promise<{ code: string; po: ApiClient }> {
  const admin = await seedStudio(baseUrl);
  const it = await admin.post<{ id: string }>('/users', {
    email: IT.email,
    name: IT.name,
    password: IT.password,
    memberships: [{ subsidiary: SUBSIDIARY, role: 'it' }],
  });
  const types = await admin.get<{ items: { code: string }[] }>('/taxonomy?kind=product_type');
  const po = await loginApi(baseUrl, PO.email, PO.password);
  const me = await po.get<{ user: { id: string } }>('/auth/me');
  const product = await po.post<{ code: string }>('/products', {
    subsidiary: SUBSIDIARY,
    name: 'PayFlow',
    productType: types.items[0]?.code,
    poId: me.user.id,
    itOwnerId: it.id,
  });
  await admin.post(`/products/${product.code}/stage`, {
    stage: 'handover',
    reason: 'UAT signed off on paper (seeded for the handover package journey)',
  });
  return { code: product.code, po };
}

describe.runIf(chromiumAvailable())('journey: the handover package, from checklist to Live', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let code = '';
  let po: ApiClient | undefined;
  const { step, shot, bothWidths } = journey('handover-package-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(async (base) => {
      ({ code, po } = await seedProductInHandover(base));
    });
    page = session.page;
  });
  afterAll(() => closeJourney(session));

  const url = (path: string) => `${session?.url ?? ''}${path}`;
  const packagePage = async (tab?: string) => {
    await page.goto(url(`/products/${code}/handover/package${tab ? `?tab=${tab}` : ''}`));
    await page.getByTestId('package-page').waitFor();
  };
  /** Picks `option` in the Mantine Select with this test id. */
  const choose = async (testId: string, option: string | RegExp, scope = page.locator('body')) => {
    await scope.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  };
  const switchUser = async (user: { email: string; password: string }) => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    await loginUi(page, session?.url ?? '', user);
  };
  const dialogText = () => page.getByRole('dialog').last().textContent();
  const settle = () => page.waitForTimeout(500);
  const required = () => page.getByTestId('readiness-required').textContent();

  step('the PO opens the package page: no package yet, so the form that creates one', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await page.goto(url(`/products/${code}`));
    await page.getByTestId('open-handover-package').click();
    await page.getByTestId('create-package-form').waitFor();
    await bothWidths(page, 'create-form');
  });

  step('the PO creates the package of an internet-facing web app, release 1.0.0', async () => {
    await choose('package-type', /user-facing web\/mobile app/i);
    await page.getByLabel('Internet-facing').check();
    await page.getByTestId('package-release-input').fill('1.0.0');
    await page.getByTestId('package-target-date').fill('2026-12-21');
    await page.getByTestId('create-package').click();
    await page.getByTestId('readiness-card').waitFor();
    expect(await page.getByTestId('package-release').textContent()).toBe('PayFlow 1.0.0');
    expect(await page.getByTestId('readiness-ready').getAttribute('data-ready')).toBe('false');
    expect(await required()).toMatch(/^0 of \d+ met \(0%\)$/);
    // The level says why an item applies: the type and flags picked above.
    expect(await page.getByTestId('item-QA-5').textContent()).toContain('Required');
    await bothWidths(page, 'package-created');
  });

  step('the PO marks SCP-1 done with a link as evidence: the required share moves', async () => {
    await page.getByTestId('edit-SCP-1').click();
    await page.getByTestId('item-status-input').waitFor();
    await choose('item-status-input', 'Done');
    await page.getByTestId('evidence-add').click();
    await page.getByTestId('evidence-ref').fill('https://wiki.example.com/payflow/release-1.0-scope');
    await settle();
    await shot(page, 'item-editor');
    await page.getByTestId('item-save').click();
    await expect.poll(() => page.getByTestId('item-SCP-1').getAttribute('data-status')).toBe('done');
    expect(await required()).toMatch(/^1 of \d+ met/);
    expect(await page.getByTestId('item-SCP-1').getByTestId('item-evidence').textContent()).toContain(
      'https://wiki.example.com/payflow/release-1.0-scope',
    );
  });

  step('the release notes start from the generated draft and are saved as version 1, checked', async () => {
    await page.getByTestId('tab-artifacts').click();
    const panel = page.getByTestId('artifact-release_notes');
    await panel.getByTestId('artifact-start-draft').click();
    await expect.poll(() => panel.getByTestId('artifact-body').inputValue()).toContain('1.0.0');
    await panel.getByTestId('artifact-note').fill('First draft from the done stories');
    await panel.getByTestId('artifact-save').click();
    await panel.getByTestId('artifact-version-view').getByText('version 1').first().waitFor();
    await panel.getByTestId('artifact-findings').waitFor();
    await expect.poll(() => panel.getByTestId('artifact-version').count()).toBe(1);
    await bothWidths(page, 'release-notes', () => panel.getByTestId('artifact-version-view').scrollIntoViewIfNeeded());
  });

  step('a save on top of a version someone else replaced meanwhile is explained, and the text kept', async () => {
    const panel = page.getByTestId('artifact-release_notes');
    const mine = `${await panel.getByTestId('artifact-body').inputValue()}\n### Known issues\n\n- None known.\n`;
    await panel.getByTestId('artifact-body').fill(mine);
    // A colleague saves version 2 from another browser before this one saves.
    await po?.post(`/products/${code}/handover/package/artifacts/release_notes`, {
      body: '# Release notes\n\n## [1.0.0] - 2026-12-21\n\n### Added\n\n- Refund status page\n',
      baseVersion: 1,
      note: 'Added the refund status page',
    });
    await panel.getByTestId('artifact-save').click();
    await panel.getByTestId('artifact-stale').waitFor();
    expect(await panel.getByTestId('artifact-body').inputValue()).toBe(mine);
    await bothWidths(page, 'artifact-stale', () => panel.getByTestId('artifact-stale').scrollIntoViewIfNeeded());
    await panel.getByTestId('artifact-stale-keep').click();
    await panel.getByTestId('artifact-save').click();
    await expect.poll(() => panel.getByTestId('artifact-version').count()).toBe(3);
    expect(await panel.getByTestId('artifact-version-view').textContent()).toContain('version 3');
  });

  step('the weekly checkpoint lists PayFlow with its readiness and blockers', async () => {
    await page.getByTestId('nav-handover').click();
    await page.getByTestId('checkpoint-page').waitFor();
    const row = page.getByTestId('checkpoint-row').and(page.locator(`[data-product="${code}"]`));
    await row.waitFor();
    expect(await row.textContent()).toContain('1.0.0');
    expect(await page.getByTestId('checkpoint-download').getAttribute('href')).toBe('/api/v1/handover/checkpoint.md');
    await bothWidths(page, 'checkpoint');
  });

  step('the IT owner reads the agenda and records a rejection naming the blockers', async () => {
    await switchUser(IT);
    await packagePage('review');
    await page.getByTestId('review-agenda').getByText('1. Scope').waitFor();
    await choose('review-decision', 'Rejected');
    await page.getByTestId('attendee-name').fill(IT.name);
    await page.getByTestId('attendee-role').fill('IT owner');
    await page.getByTestId('review-notes').fill('Come back when the runbook and the support flow are in.');
    await bothWidths(page, 'review-rejection', () => page.getByTestId('review-form').scrollIntoViewIfNeeded());
    await page.getByTestId('review-submit').click();
    await page.getByTestId('past-review').and(page.locator('[data-decision="rejected"]')).waitFor();
    expect(await page.getByTestId('package-page').getByTestId('stage-badge').first().textContent()).toBe('Handover');
  });

  step('the team completes the required items (through the API, to save time)', async () => {
    if (!po) throw new Error('no PO client');
    const api = po;
    const base = `/products/${code}/handover/package`;
    let pkg = await api.get<Pkg>(base);
    for (const { itemId } of pkg.readiness.blocking)
      await api.patch(`${base}/items/${itemId}`, {
        status: 'done',
        owner: PO.name,
        evidence: [{ kind: 'link', ref: `https://evidence.example.com/payflow/${itemId}` }],
      });
    // Whatever a link cannot prove (a pack's verdict, the review itself), IT waives with a reason.
    pkg = await api.get<Pkg>(base);
    for (const { itemId } of pkg.readiness.blocking)
      await api.patch(`${base}/items/${itemId}`, {
        status: 'waived',
        reason: 'Checked together at the review',
        approver: IT.name,
      });
    pkg = await api.get<Pkg>(base);
    expect(pkg.readiness.blocking).toEqual([]);
    await packagePage('review');
    expect(await page.getByTestId('readiness-ready').getAttribute('data-ready')).toBe('true');
  });

  step('the IT owner accepts after confirming that it makes the product Live', async () => {
    await choose('review-decision', 'Accepted');
    await page.getByTestId('attendee-name').fill(IT.name);
    await page.getByTestId('attendee-role').fill('IT owner');
    await page.getByTestId('attendee-add').click();
    await page.getByTestId('attendee-name').nth(1).fill(PO.name);
    await page.getByTestId('attendee-role').nth(1).fill('PO/VB');
    await page.getByTestId('review-submit').click();
    await expect.poll(dialogText).toContain('moves to Live');
    await settle();
    await shot(page, 'accept-dialog');
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('package-accepted').waitFor();
    await expect
      .poll(() => page.getByTestId('package-page').getByTestId('stage-badge').first().textContent())
      .toBe('Live');
    expect(await page.getByTestId('past-review').count()).toBe(2);
    await bothWidths(page, 'accepted');
    await page.goto(url(`/products/${code}`));
    await page.getByTestId('product-page').waitFor();
    await expect
      .poll(() => page.getByTestId('product-page').getByTestId('stage-badge').first().textContent())
      .toBe('Live');
  });

  step('IT logs a gap found after handover, naming the item that should have caught it', async () => {
    await packagePage('gaps');
    await page.getByTestId('gap-log').waitFor();
    await page.getByTestId('report-gap-title').fill('Support did not know the refund retry job');
    await page.getByTestId('report-gap-description').fill('L1 escalated a stuck refund to the builders.');
    await choose('report-gap-severity', 'Minor');
    await page.getByTestId('report-gap-item').click();
    await page.getByRole('option', { name: /^SUP-3 / }).click();
    await page.getByTestId('report-gap-submit').click();
    await page.getByTestId('gap-entry').filter({ hasText: 'refund retry job' }).waitFor();
    expect(await page.getByTestId('gap-entry').textContent()).toContain('SUP-3');
    await bothWidths(page, 'gap-log');
  });

  step('once live, PayFlow leaves the checkpoint, which says no product is nearing handover', async () => {
    await page.getByTestId('nav-handover').click();
    await page.getByTestId('checkpoint-page').getByTestId('empty-state').waitFor();
    await bothWidths(page, 'checkpoint-empty');
  });
});
