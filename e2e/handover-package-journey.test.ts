// The handover package in a real browser (issue #14), the issue's whole journey: UAT signed → package created →
// release notes generated → QA pack uploaded with a planted secret (blocked, masked) → fixed → review → IT accepts →
// product live → gap logged. Seeded through the API: a product with done stories and a bug, the PO's UAT sign-off of
// the release and an administrator's forced move to Handover. In the browser: the PO creates the package (it hands
// over the sign-off) → marks a checklist item done with a link as evidence → writes the release notes from the draft
// listing the done stories (and a save after a colleague's is explained, not lost) → uploads a QA pack with an AWS
// key: it fails, the key masked → QA-1 done with that pack as evidence still blocks → a fixed pack v2 as evidence
// unblocks it → the weekly checkpoint lists the product → the IT owner records a rejection → the team completes the
// required items (through the API, to save time) → the IT owner accepts after confirming, and the product is Live →
// the IT owner confirms who runs and supports it → the package downloads as zip, PDF and Word → IT logs a gap found
// after handover → the checkpoint is empty again → the PO reads the ownership IT confirmed. Every page at 1440 and
// 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type ApiClient, loginApi } from './support/api-client.ts';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { PO, SUBSIDIARY, seedStudio } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const IT = { email: 'it@e2e.test', password: 'it-pass-12345', name: 'Ivy Itowner' };

type Pkg = { readiness: { ready: boolean; blocking: { itemId: string }[] } };
type Seed = { code: string; po: ApiClient; storyKeys: string[]; signoffKey: string };

/** A QA pack (test completion report) the validator passes with conditions: no blocker. */
const QA_PACK = `# PayFlow 1.0.0 test completion report

## Summary

We ran 412 automated API tests and 38 manual UAT scripts against staging between 2026-11-10 and 2026-11-20.
Regression, integration, load and accessibility tests were included.

## Test results

| Planned | Executed | Passed | Failed | Blocked |
| --- | --- | --- | --- | --- |
| 450 | 450 | 444 | 6 | 0 |

## Defects

Six defects were found; all six are fixed and retested.

### Deferred defects

None.

## Recommendation

The release is recommended for handover.
`;
/** The same pack with the staging credentials pasted in by mistake. */
const AWS_KEY = 'AKIAQ7XZ4M2N5P8R3T6W';
const QA_PACK_WITH_SECRET = `${QA_PACK}\n## Environment\n\naws_access_key_id = ${AWS_KEY}\n`;

async function seedProductInHandover(baseUrl: string): Promise<Seed> {
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
  // What the release delivers: two stories and a bug fixed, all done; the release notes draft lists them.
  const done = (title: string, type: 'story' | 'bug' = 'story') =>
    po.post<{ key: string }>(`/products/${product.code}/stories`, { type, title, status: 'done' });
  const stories = [
    await done('See the status of every refund'),
    await done('Search refunds by order id'),
    await done('Refunds to a closed card show no status', 'bug'),
  ];
  // UAT signed: the PO/VB signs the release off, so the package hands that sign-off over.
  const signoff = await po.post<{ key: string }>(`/products/${product.code}/signoffs`, {
    scope: 'release',
    buildVersion: '1.0.0',
    decision: 'signed',
  });
  await admin.post(`/products/${product.code}/stage`, {
    stage: 'handover',
    reason: 'UAT signed off (seeded for the handover package journey)',
  });
  return { code: product.code, po, storyKeys: stories.map((s) => s.key), signoffKey: signoff.key };
}

describe.runIf(chromiumAvailable())('journey: the handover package, from checklist to Live', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let code = '';
  let po: ApiClient | undefined;
  let storyKeys: string[] = [];
  let signoffKey = '';
  const { step, shot, bothWidths } = journey('handover-package-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(async (base) => {
      ({ code, po, storyKeys, signoffKey } = await seedProductInHandover(base));
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
  const blockingIds = () =>
    page.getByTestId('blocking-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-item')));
  const qaCard = () => page.getByTestId('pack-qa');
  const uploadQaPack = (name: string, text: string) =>
    qaCard()
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
  /** Opens QA-1's editor, marks it done and makes `ref` its one piece of evidence, a record in PI Studio. */
  const qa1Evidence = async (ref: string) => {
    await page.getByTestId('edit-QA-1').click();
    await page.getByTestId('item-status-input').waitFor();
    await choose('item-status-input', 'Done');
    if ((await page.getByTestId('evidence-row').count()) === 0) await page.getByTestId('evidence-add').click();
    await choose('evidence-kind', 'PI Studio record');
    await page.getByTestId('evidence-ref').fill(ref);
    await page.getByTestId('item-save').click();
    await page.getByTestId('item-editor').waitFor({ state: 'detached' });
  };

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
    // The package hands over the release's UAT sign-off.
    expect(await page.getByTestId('package-facts').textContent()).toContain(`hands over sign-off ${signoffKey}`);
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

  step('the release notes start from the draft listing the done stories and bug, saved as version 1', async () => {
    await page.getByTestId('tab-artifacts').click();
    const panel = page.getByTestId('artifact-release_notes');
    await panel.getByTestId('artifact-start-draft').click();
    await expect.poll(() => panel.getByTestId('artifact-body').inputValue()).toContain('1.0.0');
    const draft = await panel.getByTestId('artifact-body').inputValue();
    for (const key of storyKeys) expect(draft).toContain(key);
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

  step('a QA pack with an AWS key pasted in fails on upload: the key is a blocker and masked', async () => {
    await page.getByTestId('open-packs').click();
    await page.getByTestId('handover-packs-page').waitFor();
    await uploadQaPack('qa-pack.md', QA_PACK_WITH_SECRET);
    await qaCard().getByTestId('pack-masked').waitFor();
    expect(await qaCard().getByTestId('verdict-badge').getAttribute('data-verdict')).toBe('fail');
    expect(await qaCard().getByTestId('pack-version-line').textContent()).toMatch(
      /^Version 1 · score \d+ · \d+ blockers?/,
    );
    await page.getByTestId('pack-findings').waitFor();
    // Blockers first: the pasted key. The findings list fills in once the stored version is read.
    await expect
      .poll(() => page.getByTestId('finding').first().getAttribute('data-rule'))
      .toMatch(/^pack\.secret\.aws/);
    expect(await page.getByTestId('handover-packs-page').textContent()).not.toContain(AWS_KEY);
    await bothWidths(page, 'qa-pack-secret', () => page.getByTestId('pack-findings').scrollIntoViewIfNeeded());
  });

  step('QA-1 done with that pack as evidence still blocks: its evidence failed validation', async () => {
    await packagePage('checklist');
    await qa1Evidence('pack:qa:1');
    await expect.poll(() => page.getByTestId('item-QA-1').getAttribute('data-status')).toBe('done');
    const blocker = page.getByTestId('blocking-item').and(page.locator('[data-item="QA-1"]'));
    await expect.poll(() => blocker.textContent()).toContain('its evidence failed validation');
    await bothWidths(page, 'qa-evidence-failed', () => blocker.scrollIntoViewIfNeeded());
  });

  step("the fixed pack, version 2, passes with conditions; as QA-1's evidence it no longer blocks", async () => {
    await page.getByTestId('open-packs').click();
    await page.getByTestId('handover-packs-page').waitFor();
    await uploadQaPack('qa-pack.md', QA_PACK);
    await expect.poll(() => qaCard().getByTestId('pack-version-line').textContent()).toMatch(/^Version 2 /);
    expect(await qaCard().getByTestId('verdict-badge').getAttribute('data-verdict')).toBe('conditional');
    await packagePage('checklist');
    await qa1Evidence('pack:qa:2');
    await expect.poll(blockingIds).not.toContain('QA-1');
    expect(await page.getByTestId('item-QA-1').getByTestId('item-evidence').textContent()).toContain('pack:qa:2');
  });

  step('the weekly checkpoint lists PayFlow with its readiness and blockers', async () => {
    await page.getByTestId('nav-handover').click();
    await page.getByTestId('checkpoint-page').waitFor();
    const row = page.getByTestId('checkpoint-row').and(page.locator(`[data-product="${code}"]`));
    await row.waitFor();
    expect(await row.textContent()).toContain('1.0.0');
    expect(await page.getByTestId('checkpoint-download').getAttribute('href')).toBe('/api/v1/handover/checkpoint.md');
    expect(await page.getByTestId('checkpoint-download-pdf').getAttribute('href')).toBe(
      '/api/v1/handover/checkpoint.pdf',
    );
    const pdf = await page.request.get(url('/api/v1/handover/checkpoint.pdf'));
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
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

  step('the IT owner confirms who runs and supports PayFlow, who is on call and what is still open', async () => {
    await packagePage('review');
    const form = page.getByTestId('ownership-form');
    await form.waitFor();
    expect(await form.getByTestId('ownership-submit').isDisabled()).toBe(true);
    await form.getByTestId('ownership-run-by-input').fill('IT Operations, payments team');
    await form.getByTestId('ownership-supported-by-input').fill('Service desk (L1), payments platform team (L2)');
    await form.getByTestId('ownership-on-call-input').fill('Payments on-call rota, 24/7');
    await form.getByTestId('open-item-add').click();
    await form.getByTestId('open-item-text').fill('Alert when a refund retry is stuck for an hour');
    await form.getByTestId('open-item-owner').fill(PO.name);
    await form.getByTestId('open-item-due').fill('2027-01-15');
    await bothWidths(page, 'ownership-form', () => form.scrollIntoViewIfNeeded());
    await form.getByTestId('ownership-submit').click();
    const card = page.getByTestId('ownership-card');
    await card.getByTestId('ownership-confirmed').waitFor();
    expect(await card.getByTestId('ownership-run-by').textContent()).toBe('IT Operations, payments team');
    expect(await card.getByTestId('ownership-on-call').textContent()).toBe('Payments on-call rota, 24/7');
    expect(await card.getByTestId('ownership-open-item').textContent()).toBe(
      `Alert when a refund retry is stuck for an hour — ${PO.name}, due 15 Jan 2027`,
    );
    expect(await card.getByTestId('ownership-confirmed-by').textContent()).toContain(`Confirmed by ${IT.name}`);
    await bothWidths(page, 'ownership-confirmed', () => card.scrollIntoViewIfNeeded());
    // Confirming again starts from what stands.
    await card.getByTestId('ownership-edit').click();
    expect(await page.getByTestId('ownership-run-by-input').inputValue()).toBe('IT Operations, payments team');
    expect(await page.getByTestId('open-item-row').count()).toBe(1);
    await page.getByTestId('ownership-cancel').click();
    await page.getByTestId('ownership-card').waitFor();
  });

  step('the package downloads as a zip, a PDF and a Word document', async () => {
    const links = page.getByTestId('package-exports');
    const base = `/api/v1/products/${code}/handover/package`;
    expect(await links.getByTestId('export-zip').textContent()).toBe('Download package (zip)');
    for (const [format, type] of [
      ['zip', 'application/zip'],
      ['pdf', 'application/pdf'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const link = links.getByTestId(`export-${format}`);
      expect(await link.getAttribute('href')).toBe(`${base}/export.${format}`);
      expect(await link.getAttribute('download')).not.toBeNull();
      const res = await page.request.get(url(`${base}/export.${format}`));
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
      expect(res.headers()['content-disposition']).toContain('attachment');
    }
    // From the top, so the sticky header of a full-page shot does not cover the links.
    await page.evaluate(() => window.scrollTo(0, 0));
    await bothWidths(page, 'package-exports', () => page.evaluate(() => window.scrollTo(0, 0)));
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

  step('the PO sees who runs and supports PayFlow now, and no form to change it', async () => {
    await switchUser(PO);
    await packagePage('review');
    const card = page.getByTestId('ownership-card');
    await card.getByTestId('ownership-confirmed').waitFor();
    expect(await card.getByTestId('ownership-supported-by').textContent()).toBe(
      'Service desk (L1), payments platform team (L2)',
    );
    expect(await page.getByTestId('ownership-edit').count()).toBe(0);
    expect(await page.getByTestId('ownership-form').count()).toBe(0);
  });
});
