// The editor never loses text: leaving with unsaved changes asks first, and a save that lost a race with someone
// else's save (409 stale_version) keeps the person's text and lets them save on top of the newer version —
// in the document editor and in the template editor.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { type ApiClient, loginApi } from './support/api-client.ts';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { ADMIN, PO, SUBSIDIARY, seedStudio } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const MINE = 'My unsaved paragraph about wombatgrid.';
const THEIRS = 'A parallel edit saved by someone else.';

describe.runIf(chromiumAvailable())('journey: editing safely', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let po: ApiClient;
  let admin: ApiClient;
  let docId = '';
  const { step, shot } = journey('editor-safety', () => page);

  beforeAll(async () => {
    session = await openJourney(async (url) => {
      admin = await seedStudio(url);
      const types = await admin.get<{ items: { code: string }[] }>('/taxonomy?kind=product_type');
      po = await loginApi(url, PO.email, PO.password);
      const product = await po.post<{ code: string }>('/products', {
        subsidiary: SUBSIDIARY,
        name: 'Conflict Lab',
        productType: types.items[0]?.code,
      });
      const doc = await po.post<{ id: string }>(`/products/${product.code}/documents`, { kind: 'context' });
      docId = doc.id;
    });
    page = session.page;
  });

  afterAll(() => closeJourney(session));

  const editorText = () => page.locator('.cm-content').textContent();

  step('open the editor and type', async () => {
    if (!session) throw new Error('no server');
    await loginUi(page, session.url, PO);
    await page.goto(`${session.url}/documents/${docId}/edit`);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(`\n${MINE}\n`);
    expect(await editorText()).toContain(MINE);
  });

  step('leaving with unsaved text asks first', async () => {
    await page.getByRole('link', { name: 'E2E-CONFLICTLAB', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await shot(page, 'leave-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(page.url()).toMatch(/\/edit$/);
    expect(await editorText()).toContain(MINE);
  });

  step('a concurrent save is reported and the text is kept', async () => {
    const { data, etag } = await po.getWithEtag<{ currentVersion: { body: string } }>(`/documents/${docId}`);
    await po.post(
      `/documents/${docId}/versions`,
      { body: `${data.currentVersion.body}\n${THEIRS}\n`, bump: 'minor', note: 'parallel' },
      { 'if-match': etag },
    );
    await page.getByTestId('save-version').click();
    await page.getByTestId('conflict-alert').waitFor();
    expect(await page.getByTestId('conflict-alert').textContent()).toContain('v1.1');
    expect(page.url()).toMatch(/\/edit$/);
    expect(await editorText()).toContain(MINE);
  });

  step('reload the latest version, keep the text and save on top', async () => {
    await page.getByTestId('conflict-reload').click();
    await page.getByTestId('conflict-alert').waitFor({ state: 'hidden' });
    expect(await editorText()).toContain(MINE);
    await page.getByTestId('save-version').click();
    await page.waitForURL(`**/documents/${docId}`);
    await expect.poll(() => page.getByTestId('document-code').textContent()).toBe('E2E-CONFLICTLAB-CONTEXT v1.2');
    // Saved on top of theirs: v1.2 holds this person's text; their paragraph stays in v1.1's history.
    expect(await page.getByTestId('markdown-view').textContent()).toContain('wombatgrid');
    await expect.poll(() => page.getByTestId('version-item').count()).toBe(3);
  });

  step('a template save that lost a race keeps the text and can go on top', async () => {
    if (!session) throw new Error('no server');
    await page.context().clearCookies();
    await loginUi(page, session.url, ADMIN);
    await page.goto(`${session.url}/admin/templates`);
    await page.getByTestId('template-row-story').click();
    const body = page.getByTestId('template-body');
    await body.waitFor();
    await body.fill(`# Story\n\n${MINE}\n`);
    const { items } = await admin.get<{ items: { id: string }[] }>('/templates?kind=story');
    const id = items[0]?.id ?? '';
    const { etag } = await admin.getWithEtag(`/templates/${id}`);
    await admin.post(
      `/templates/${id}/versions`,
      { body: `# Story\n\n${THEIRS}\n`, bump: 'minor' },
      { 'if-match': etag },
    );

    await page.getByTestId('template-save').click();
    const conflict = page.getByTestId('template-conflict');
    await conflict.waitFor();
    await shot(page, 'template-conflict');
    expect(await conflict.textContent()).toContain('v1.1');
    expect(await body.inputValue()).toContain(MINE);

    await page.getByTestId('template-save-on-top').click();
    await conflict.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByText('Body of v1.2').count()).toBe(1);
    expect(await page.getByTestId('template-body').inputValue()).toContain(MINE);
    const saved = await admin.get<{ body: string; versions: unknown[] }>(`/templates/${id}`);
    expect(saved.body).toContain(MINE);
    expect(saved.versions).toHaveLength(3);
  });
});
