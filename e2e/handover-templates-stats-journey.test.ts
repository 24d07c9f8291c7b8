// Checklist templates and handover statistics in a real browser (issue #14). Seeded through the API: two products
// IT accepted — PayFlow on the first handover, Ledger after a rejection — and three gaps IT logged after handover
// (PayFlow: a major on OPS-5 and a minor on SUP-3; Ledger: a critical on OPS-5). In the browser: ProductOps opens the
// templates from the checkpoint → reads the built-in v1 by product type → starts v2 from it, adds an item, is told what
// is missing, fixes it and publishes after confirming → v2 is what new packages use while PayFlow's package keeps v1 →
// the PO reads the templates without the publish button (and the server refuses a version from them) → the statistics
// page shows 50 % accepted on the first handover, both packages in early-life support, and the three gaps by
// severity and item → on the package page, evidence files (a wrong type refused), a required item made optional
// with a reason, the item's history, the early-life support in the header (ProductOps changes it) and its length at
// the review. Every page at 1440 and 390.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type ApiClient, loginApi } from './support/api-client.ts';
import { chromiumAvailable, loginUi, SHOTS_DIR } from './support/browser.ts';
import { PO, SUBSIDIARY, seedStudio } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const IT = { email: 'it@e2e.test', password: 'it-pass-12345', name: 'Ivy Itowner' };
const OPS = { email: 'ops@e2e.test', password: 'ops-pass-12345', name: 'Otto Productops' };

type Pkg = { readiness: { blocking: { itemId: string }[] } };

/** A product in handover with a package; `complete`: its required items all met, so IT can decide. */
async function readyPackage(admin: ApiClient, po: ApiClient, itId: string, name: string, complete = true) {
  const types = await admin.get<{ items: { code: string }[] }>('/taxonomy?kind=product_type');
  const me = await po.get<{ user: { id: string } }>('/auth/me');
  const { code } = await po.post<{ code: string }>('/products', {
    subsidiary: SUBSIDIARY,
    name,
    productType: types.items[0]?.code,
    poId: me.user.id,
    itOwnerId: itId,
  });
  await admin.post(`/products/${code}/stage`, { stage: 'handover', reason: 'Seeded for the statistics journey' });
  const base = `/products/${code}/handover/package`;
  await po.post(base, { type: 'INT', release: '1.0.0' });
  if (!complete) return code;
  for (const status of ['done', 'waived'] as const) {
    const pkg = await po.get<Pkg>(base);
    for (const { itemId } of pkg.readiness.blocking)
      await po.patch(
        `${base}/items/${itemId}`,
        status === 'done'
          ? { status, owner: PO.name, evidence: [{ kind: 'link', ref: `https://evidence.example.com/${itemId}` }] }
          : { status, reason: 'Checked together at the review', approver: IT.name },
      );
  }
  return code;
}

async function seed(baseUrl: string) {
  const admin = await seedStudio(baseUrl);
  const it = await admin.post<{ id: string }>('/users', {
    email: IT.email,
    name: IT.name,
    password: IT.password,
    memberships: [{ subsidiary: SUBSIDIARY, role: 'it' }],
  });
  await admin.post('/users', {
    email: OPS.email,
    name: OPS.name,
    password: OPS.password,
    memberships: [{ subsidiary: SUBSIDIARY, role: 'productops' }],
  });
  const po = await loginApi(baseUrl, PO.email, PO.password);
  const itApi = await loginApi(baseUrl, IT.email, IT.password);
  const review = (code: string, decision: 'accepted' | 'rejected') =>
    itApi.post(`/products/${code}/handover/package/reviews`, {
      reviewDate: '2026-12-01',
      decision,
      attendees: [{ name: IT.name, role: 'IT owner' }],
      notes: decision === 'rejected' ? 'Runbook missing' : '',
    });
  const gap = (code: string, title: string, severity: string, itemId: string) =>
    itApi.post(`/products/${code}/handover/gaps`, { title, severity, itemId });

  const payflow = await readyPackage(admin, po, it.id, 'PayFlow');
  await review(payflow, 'accepted');
  const ledger = await readyPackage(admin, po, it.id, 'Ledger');
  await review(ledger, 'rejected');
  await review(ledger, 'accepted');
  await gap(payflow, 'No alert on queue lag', 'major', 'OPS-5');
  await gap(payflow, 'Support did not know the retry job', 'minor', 'SUP-3');
  await gap(ledger, 'Month-end job ran twice', 'critical', 'OPS-5');
  const billing = await readyPackage(admin, po, it.id, 'Billing', false);
  return { payflow, billing, po };
}

/** The smallest PDF the server's sniffing takes: the magic bytes and the end marker. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.runIf(chromiumAvailable())('journey: checklist templates and handover statistics', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let payflow = '';
  let billing = '';
  let po: ApiClient | undefined;
  const { step, bothWidths } = journey('handover-templates-stats-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(async (base) => {
      ({ payflow, billing, po } = await seed(base));
    });
    page = session.page;
  });
  afterAll(() => closeJourney(session));

  const url = (path: string) => `${session?.url ?? ''}${path}`;
  const switchUser = async (user: { email: string; password: string }) => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    await loginUi(page, session?.url ?? '', user);
  };
  /** A dialog or drawer as seen (the viewport, not the full page, which shifts fixed layers) at 1440 and 390 px. */
  const viewShots = async (name: string, scrollTo?: () => Promise<void>) => {
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await scrollTo?.();
      await page.waitForTimeout(500);
      await page.screenshot({
        path: path.join(SHOTS_DIR, `handover-templates-stats-journey-view-${name}-${width}.png`),
      });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  };
  /** Nothing wider than a phone: no sideways scrolling at 390 px. */
  const noSideScroll = async () => {
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  };
  const item = (id: string) => page.getByTestId(`item-${id}`);
  const pickFile = (id: string, name: string, buffer: Buffer, mimeType = 'application/octet-stream') =>
    item(id).locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  const editItem = (index: number) => page.locator(`[data-testid="template-item-fields"][data-index="${index}"]`);

  step('ProductOps opens the checklist templates from the checkpoint: the built-in v1', async () => {
    await loginUi(page, session?.url ?? '', OPS);
    await page.goto(url('/handover/checkpoint'));
    await page.getByTestId('checkpoint-page').waitFor();
    await bothWidths(page, 'checkpoint-links', noSideScroll);
    await page.getByTestId('checkpoint-templates-link').click();
    await page.getByTestId('templates-page').waitFor();
    await page.getByTestId('template-view').waitFor();
    expect(await page.getByTestId('template-detail-title').textContent()).toMatch(/ v1$/);
    expect(await page.getByTestId('template-version-row').count()).toBe(1);
    expect(await page.getByTestId('template-item').count()).toBe(39);
    expect(await page.getByTestId('templates-read-only').count()).toBe(0);
    await bothWidths(page, 'templates-v1', noSideScroll);
  });

  step('the items a product type gets, with why and the evidence expected', async () => {
    await page.getByTestId('template-type-filter').click();
    await page.getByRole('option', { name: 'Internal/back-office tool' }).click();
    const counts = await page.locator('[data-testid="type-count"][data-type="INT"]').textContent();
    const [, required, recommended] = /(\d+) required · (\d+) recommended/.exec(counts ?? '') ?? [];
    expect(await page.getByTestId('template-item').count()).toBe(Number(required) + Number(recommended));
    const first = page.getByTestId('template-item').first();
    expect(await first.textContent()).toMatch(/Why:.+Evidence expected:/);
    await bothWidths(page, 'templates-by-type', noSideScroll);
  });

  step('a new version from v1: an item added with nothing filled in is refused, field by field', async () => {
    await page.getByTestId('template-new-version').click();
    await page.getByTestId('template-editor').waitFor();
    await page.getByTestId('template-new-item-group').click();
    await page.getByRole('option', { name: 'Operations' }).click();
    await page.getByTestId('template-add-item').click();
    await page.getByTestId('template-publish').click();
    await page.getByTestId('template-issues').waitFor();
    const problem = page.getByTestId('template-issues').locator('[data-field="items.39.text"]');
    expect(await problem.textContent()).toMatch(/^OPS-\d+ · What must be true: Text is required/);
    const fields = editItem(39);
    expect(await fields.getByTestId('template-item-id').inputValue()).toMatch(/^OPS-\d+$/);
    await fields.getByText('Text is required').first().waitFor();
    await bothWidths(page, 'template-editor-errors', async () => {
      await noSideScroll();
      await fields.scrollIntoViewIfNeeded();
    });
  });

  step('ProductOps fills the item in and publishes v2 after confirming', async () => {
    const fields = editItem(39);
    await fields.getByTestId('template-item-text').fill('Queue lag alerts reach the on-call engineer');
    await fields.getByTestId('template-item-why').fill('Two gaps after handover were lag nobody saw.');
    await fields.getByTestId('template-item-evidence').fill('Link to the alert rule and a test page received');
    await page.getByTestId('template-publish').click();
    await page.getByTestId('publish-summary').waitFor();
    const summary = await page.getByTestId('publish-summary').textContent();
    expect(summary).toContain('1 added');
    expect(summary).toContain('keep the template version they were built from');
    await viewShots('publish-confirm');
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('template-editor').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('template-detail-title').textContent()).toMatch(/ v2$/);
    expect(await page.getByTestId('template-version-row').count()).toBe(2);
    expect(await page.getByTestId('template-version-row').first().getAttribute('data-version')).toBe('2');
    expect(await page.getByTestId('template-version-row').first().textContent()).toContain('new packages');
    expect(await page.getByTestId('template-item').count()).toBe(40);
    await bothWidths(page, 'templates-v2', noSideScroll);
  });

  step('a package started before keeps v1', async () => {
    await page.goto(url(`/products/${payflow}/handover/package`));
    await page.getByTestId('package-facts').waitFor();
    expect(await page.getByTestId('package-facts').textContent()).toMatch(/ v1 ·/);
  });

  step(
    'the PO reads the templates without the publish button, and the server refuses a version from them',
    async () => {
      await switchUser(PO);
      await page.goto(url('/handover/templates'));
      await page.getByTestId('templates-read-only').waitFor();
      await page.getByTestId('template-view').waitFor();
      expect(await page.getByTestId('template-new-version').count()).toBe(0);
      const v2 = await po?.get<Record<string, unknown>>('/handover/templates/handover-readiness/2');
      await expect(po?.post('/handover/templates', { ...v2, version: 3 })).rejects.toThrow(/→ 403/);
      await bothWidths(page, 'templates-read-only', noSideScroll);
    },
  );

  step('the statistics page: half accepted on the first handover, the three gaps by severity and item', async () => {
    await page.goto(url('/handover/checkpoint'));
    await page.getByTestId('checkpoint-stats-link').click();
    await page.getByTestId('handover-stats-page').waitFor();
    await page.getByTestId('first-handover-rate').waitFor();
    expect(await page.getByTestId('first-handover-rate').textContent()).toBe('50%');
    expect(await page.getByTestId('acceptance-line').textContent()).toContain('1 of 2 accepted packages');
    expect(await page.getByTestId('gap-total').textContent()).toBe('3');
    for (const s of ['critical', 'major', 'minor'])
      expect(await page.getByTestId(`gap-total-${s}`).textContent()).toMatch(/: 1$/);
    // Both packages were accepted today, so they are in early-life support and the gaps came during it.
    expect(await page.getByTestId('els-active').textContent()).toBe('2');
    expect(await page.getByTestId('els-line').textContent()).toContain('3 gaps during it, 0 after');
    const rows = page.getByTestId('gap-stat-row');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-item')))).toEqual(['OPS-5', 'SUP-3']);
    const ops5 = rows.first();
    expect(await ops5.getByTestId('gap-stat-critical').textContent()).toBe('1');
    expect(await ops5.getByTestId('gap-stat-major').textContent()).toBe('1');
    expect(await ops5.getByTestId('gap-stat-total').textContent()).toBe('2');
    expect(await ops5.textContent()).not.toMatch(/^OPS-5$/);
    await page.getByTestId('gaps-chart').waitFor();
    // Accepted this month: the 30/60/90-day cells stay blank until those days have passed.
    const month = page.getByTestId(`gap-cohort-${new Date().toISOString().slice(0, 7)}`);
    expect(await month.textContent()).toContain('—');
    expect((await month.locator('td').nth(1).textContent())?.trim()).toBe('2');
    await bothWidths(page, 'stats', noSideScroll);
  });

  step(
    'the PO adds evidence files to SCP-1: a wrong type is named before sending, a fake PDF by the server',
    async () => {
      await page.goto(url(`/products/${billing}/handover/package`));
      await item('SCP-1').waitFor();
      await pickFile('SCP-1', 'setup.exe', Buffer.from('MZ'));
      await expect
        .poll(() => item('SCP-1').getByTestId('item-file-error').textContent())
        .toMatch(/setup\.exe is not a file type/);
      // Named .pdf but binary noise inside: only the server, reading the bytes, can tell.
      await pickFile('SCP-1', 'scope.pdf', Buffer.from([0x00, 0xff, 0xfe, 0x13, 0x37, 0x00, 0x8f, 0x90, 0x01, 0x02]));
      await expect.poll(() => item('SCP-1').getByTestId('item-file-error').textContent()).toMatch(/PDF/);
      expect(await item('SCP-1').getByTestId('item-file-error').textContent()).not.toMatch(/setup\.exe/);
      expect(await item('SCP-1').getByTestId('item-file').count()).toBe(0);
      await bothWidths(page, 'evidence-file-refused', () => item('SCP-1').scrollIntoViewIfNeeded());
      await pickFile('SCP-1', 'release-scope.pdf', PDF, 'application/pdf');
      await item('SCP-1').locator('[data-testid="item-file"][data-file="release-scope.pdf"]').waitFor();
      expect(await item('SCP-1').getByTestId('item-file-error').count()).toBe(0);
      expect(await item('SCP-1').getByTestId('item-file').textContent()).toContain('PDF');
      const href = await item('SCP-1').getByTestId('item-file').locator('a').getAttribute('href');
      const download = await page.request.get(url(href ?? ''));
      expect(download.status()).toBe(200);
      expect(download.headers()['content-disposition']).toContain('release-scope.pdf');
      expect(Buffer.compare(await download.body(), PDF)).toBe(0);
      await pickFile('SCP-1', 'notes.md', Buffer.from('# Scope notes\n\nIn: refunds.\n'), 'text/markdown');
      await expect.poll(() => item('SCP-1').getByTestId('item-file').count()).toBe(2);
      await bothWidths(page, 'evidence-files', async () => {
        await noSideScroll();
        await item('SCP-1').scrollIntoViewIfNeeded();
      });
    },
  );

  step('the PO removes a file after confirming', async () => {
    await item('SCP-1')
      .locator('[data-testid="item-file"][data-file="notes.md"]')
      .getByTestId('item-file-remove')
      .click();
    await page.getByTestId('confirm-action').waitFor();
    expect(await page.getByRole('dialog').last().textContent()).toContain('Remove notes.md?');
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => item('SCP-1').getByTestId('item-file').count()).toBe(1);
  });

  step('making a required item optional needs a reason and a confirmation; the readiness follows', async () => {
    const requiredTotal = async () =>
      Number(/of (\d+) met/.exec((await page.getByTestId('readiness-required').textContent()) ?? '')?.[1]);
    const before = await requiredTotal();
    await page.getByTestId('level-toggle-SCP-3').click();
    await page.getByTestId('make-optional-reason').waitFor();
    await page.getByTestId('make-optional-save').click();
    await page.getByText('Say why a required item can be left out.').waitFor();
    await viewShots('make-optional-reason-missing');
    await page.getByTestId('make-optional-reason').fill('Billing has no known issues: a first release');
    await page.getByTestId('make-optional-save').click();
    expect(await page.getByTestId('make-optional-confirm').textContent()).toContain('no longer block the handover');
    await viewShots('make-optional-confirm');
    await page.getByTestId('make-optional-save').click();
    await item('SCP-3').getByTestId('item-level-override').waitFor();
    expect(await item('SCP-3').getByTestId('item-level-override').textContent()).toContain(
      'Made optional for this package; the template says required',
    );
    expect(await item('SCP-3').textContent()).toContain('Billing has no known issues');
    await expect.poll(requiredTotal).toBe(before - 1);
    expect(await page.getByTestId('level-toggle-SCP-3').textContent()).toBe('Make required');
  });

  step("an item's history shows who changed what", async () => {
    await page.getByTestId('history-SCP-3').click();
    await page.getByTestId('history-entry').first().waitFor();
    expect(await page.getByTestId('item-history').textContent()).toContain('Required');
    await viewShots('item-history-scp-3');
    await page.keyboard.press('Escape');
    await page.getByTestId('history-SCP-1').click();
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(3);
    const text = await page.getByTestId('item-history').textContent();
    expect(text).toContain('release-scope.pdf');
    expect(text).toContain('notes.md');
    await page.keyboard.press('Escape');
  });

  step('an accepted package shows its early-life support in the header', async () => {
    await page.goto(url(`/products/${payflow}/handover/package`));
    await page.getByTestId('package-els').waitFor();
    expect(await page.getByTestId('package-els').getAttribute('data-status')).toBe('active');
    expect(await page.getByTestId('package-els').textContent()).toMatch(
      /^In early-life support until .+ · 2 gaps during it$/,
    );
    expect(await page.getByTestId('els-change').count()).toBe(0);
    await bothWidths(page, 'package-els', noSideScroll);
  });

  step('ProductOps shortens the early-life support to 10 days, with a reason', async () => {
    await switchUser(OPS);
    await page.goto(url(`/products/${payflow}/handover/package`));
    const before = await page.getByTestId('package-els').textContent();
    await page.getByTestId('els-change').click();
    await page.getByTestId('els-days').fill('400');
    await page.getByText('From 1 to 365 days.').waitFor();
    await page.getByTestId('els-days').fill('10');
    await page.getByTestId('els-reason').fill('Small change set: IT agreed to a shorter window');
    await viewShots('els-editor');
    await page.getByTestId('els-save').click();
    await expect.poll(() => page.getByTestId('package-els').getAttribute('title')).toMatch(/^10 days from /);
    expect(await page.getByTestId('package-els').textContent()).not.toBe(before);
  });

  step('the IT owner agrees the early-life support at the review of an acceptance', async () => {
    await switchUser(IT);
    await page.goto(url(`/products/${billing}/handover/package?tab=review`));
    await page.getByTestId('review-decision').click();
    await page.getByRole('option', { name: 'Accepted', exact: true }).click();
    await page.getByTestId('review-els-days').waitFor();
    expect(await page.getByTestId('review-els-days').inputValue()).toBe('30');
    await viewShots('review-els-days', () => page.getByTestId('review-els-days').scrollIntoViewIfNeeded());
  });
});
