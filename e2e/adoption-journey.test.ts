// Adoption tracking in a real browser (issue #15). Seeded through the API: a product with a PRD whose "Analytics"
// section names report_exported (to be planned) and invoice_sent (never planned), and a viewer. In the browser: the PO
// opens the product → Adoption tracking → the empty state explains the plan → adds the first event (the name rule
// answers while typing), a second one with properties, a third removed after confirming → a property listed twice is
// refused by the server next to the field → saves version 1 (table, saved by, history) → the PRD check names
// invoice_sent with its line and payout_approved as never named → someone else saves in another tab: the editor says
// so and reloads their version → the help box's curl example, sent with an "events" token, is accepted → a viewer
// reads the plan without any editing (nor the help box: viewers send no events). Every state at 1440 and 390 px,
// nothing wider than the phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { loginApi } from './support/api-client.ts';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { PO, SUBSIDIARY, seedStudio } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const VIEWER = { email: 'viewer@e2e.test', password: 'quiet-look-12345', name: 'Vera Viewer' };
const PRD = [
  '# Reports PRD',
  '',
  '## Problem',
  '',
  'Teams rebuild the same report by hand every week.',
  '',
  '## Analytics',
  '',
  '- report_exported: a person downloads a report',
  '- invoice_sent: the invoice goes out with the report',
  '',
].join('\n');

let productCode = '';

async function seed(baseUrl: string) {
  const admin = await seedStudio(baseUrl);
  await admin.post('/users', {
    email: VIEWER.email,
    name: VIEWER.name,
    password: VIEWER.password,
    memberships: [{ subsidiary: SUBSIDIARY, role: 'viewer' }],
  });
  const po = await loginApi(baseUrl, PO.email, PO.password);
  const types = await admin.get<{ items: { code: string }[] }>('/taxonomy?kind=product_type');
  const me = await po.get<{ user: { id: string } }>('/auth/me');
  const product = await po.post<{ code: string }>('/products', {
    subsidiary: SUBSIDIARY,
    name: 'Reports Hub',
    productType: types.items[0]?.code,
    poId: me.user.id,
  });
  productCode = product.code;
  await po.post(`/products/${productCode}/documents`, { kind: 'prd', body: PRD });
}

describe.runIf(chromiumAvailable())('journey: adoption tracking', () => {
  let session: JourneySession | undefined;
  let page: Page;
  const { step, bothWidths } = journey('adoption-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(seed);
    page = session.page;
  });
  afterAll(() => closeJourney(session));

  const url = (path: string) => `${session?.url ?? ''}${path}`;
  const noSideScroll = async () => {
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  };
  const phone = (testId: string) => async () => {
    await noSideScroll();
    await page.getByTestId(testId).scrollIntoViewIfNeeded();
  };
  const eventCard = (i: number) => page.getByTestId('event-fields').nth(i);
  const fillEvent = async (i: number, name: string, description: string) => {
    await eventCard(i).getByTestId('event-name').fill(name);
    await eventCard(i).getByTestId('event-description').fill(description);
  };
  const addProperty = async (i: number, name: string, type: 'Text' | 'Number' | 'Yes/no', description = '') => {
    const card = eventCard(i);
    await card.getByTestId('property-add').click();
    const row = card.getByTestId('property-row').last();
    await row.getByTestId('property-name').fill(name);
    if (type !== 'Text') {
      await row.getByTestId('property-type').click();
      await page.getByRole('option', { name: type }).click();
    }
    if (description) await row.getByTestId('property-description').fill(description);
  };

  step('the PO opens the product and finds an empty tracking plan that explains itself', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await page.goto(url(`/products/${productCode}`));
    expect(await page.getByTestId('adoption-summary-line').textContent()).toBe('No tracking plan yet');
    await bothWidths(page, 'product-adoption-card', phone('adoption-summary'));
    await page.getByTestId('open-adoption').click();
    await page.getByTestId('adoption-page').waitFor();
    await page.getByRole('heading', { name: 'Adoption tracking' }).waitFor();
    const empty = page.getByTestId('plan-card').getByTestId('empty-state');
    expect(await empty.textContent()).toContain('A tracking plan lists the events the product sends');
    await page.getByTestId('prd-not-planned').getByText('invoice_sent').waitFor();
    expect(await page.getByTestId('send-events-help').count()).toBe(0);
    await bothWidths(page, 'adoption-empty', noSideScroll);
  });

  step('adds events with properties; the name rule answers while typing; removing asks first', async () => {
    await page.getByTestId('plan-add-first').click();
    await eventCard(0).getByTestId('event-name').fill('ReportExported');
    await page.getByText('Use object_action in lowercase snake_case, e.g. report_exported.').waitFor();
    await fillEvent(0, 'report_exported', 'A person downloads a report');
    expect(await page.getByText('Use object_action in lowercase snake_case').count()).toBe(0);
    expect(await eventCard(0).getByTestId('event-owner').inputValue()).toBe(PO.name);
    await addProperty(0, 'format', 'Text', 'pdf, csv or xlsx');
    await addProperty(0, 'format', 'Number');
    await page.getByTestId('event-add').click();
    await fillEvent(1, 'payout_approved', 'A payout is approved by finance');
    await addProperty(1, 'amount', 'Number', 'In cents');
    await addProperty(1, 'urgent', 'Yes/no');
    await page.getByTestId('event-add').click();
    await fillEvent(2, 'draft_discarded', 'Not needed after all');
    await eventCard(2).getByTestId('event-remove').click();
    await page.getByText('Remove this event?').waitFor();
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => page.getByTestId('event-fields').count()).toBe(2);
    await bothWidths(page, 'adoption-editor', phone('plan-save'));
  });

  step('a property listed twice is refused by the server, in words next to the field', async () => {
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-error').waitFor();
    expect(await page.getByTestId('plan-error').textContent()).toContain('one field needs a change');
    const second = eventCard(0).getByTestId('property-row').nth(1);
    await second.getByText('Property format is listed twice').waitFor();
    await bothWidths(page, 'adoption-editor-error', phone('plan-error'));
    await second.getByTestId('property-name').fill('row_count');
  });

  step('saves version 1: the table (cards on a phone), who saved it and the history', async () => {
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-table').waitFor();
    expect(await page.getByTestId('plan-version-badge').textContent()).toBe('Version 1');
    expect(await page.getByTestId('plan-saved-by').textContent()).toContain(`2 events · saved by ${PO.name}`);
    const rows = page.getByTestId('plan-event');
    expect(await rows.count()).toBe(2);
    const first = (await rows.first().textContent()) ?? '';
    for (const text of ['report_exported', 'A person downloads a report', 'Live', 'format', 'row_count', 'Number'])
      expect(first).toContain(text);
    expect(await rows.nth(1).textContent()).toContain('Yes/no');
    await expect.poll(() => page.getByTestId('plan-version').count()).toBe(1);
    expect(await page.getByTestId('plan-version').textContent()).toContain('Version 1 · 2 events (2 live)');
    await bothWidths(page, 'adoption-plan', async () => {
      // On a phone each event is a card instead of a five-column table.
      await page.getByTestId('plan-cards').waitFor();
      expect(await page.getByTestId('plan-table').isVisible()).toBe(false);
      expect(await page.getByTestId('plan-event-card').count()).toBe(2);
      await noSideScroll();
    });
  });

  step('the PRD check names what the plan lacks, with its line, and what the PRD never names', async () => {
    const notPlanned = page.getByTestId('prd-not-planned');
    await expect.poll(() => notPlanned.textContent()).not.toContain('report_exported');
    expect(await notPlanned.textContent()).toMatch(/invoice_sent\s*— PRD line 10/);
    expect(await page.getByTestId('prd-not-in-prd').textContent()).toContain('payout_approved');
    await bothWidths(page, 'adoption-prd-check', phone('prd-check'));
  });

  step('someone else saves meanwhile: the editor says so and reloads their version', async () => {
    await page.getByTestId('plan-edit').click();
    const other = await session?.browser.context.newPage();
    if (!other) throw new Error('no second tab');
    await other.goto(url(`/products/${productCode}/adoption`));
    await other.getByTestId('plan-edit').click();
    await other.getByTestId('event-description').first().fill('A person downloads a report as a file');
    await other.getByTestId('plan-save').click();
    await other.getByTestId('plan-table').waitFor();
    await other.close();

    await eventCard(1).getByTestId('event-status').getByText('Deprecated').click();
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-stale').waitFor();
    expect(await page.getByTestId('plan-stale').textContent()).toContain('Version 2 was saved while you were editing');
    expect(await page.getByTestId('plan-save').isDisabled()).toBe(true);
    await bothWidths(page, 'adoption-stale', phone('plan-stale'));
    await page.getByTestId('plan-reload').click();
    await expect.poll(() => page.getByTestId('plan-save').textContent()).toBe('Save as version 3');
    expect(await eventCard(0).getByTestId('event-description').inputValue()).toBe(
      'A person downloads a report as a file',
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByTestId('plan-version-badge').textContent()).toBe('Version 2');
  });

  step('the help box example, sent with an "events" token, is accepted', async () => {
    const curl = (await page.getByTestId('send-events-curl').textContent()) ?? '';
    expect(curl).toContain(`"product": "${productCode}"`);
    expect(curl).toContain('"event": "report_exported"');
    const body = /-d '([\s\S]+)'$/.exec(curl)?.[1] ?? '';
    const po = await loginApi(session?.url ?? '', PO.email, PO.password);
    const { token } = await po.post<{ token: string }>('/tokens', { name: 'adoption journey', scopes: ['events'] });
    const res = await fetch(url('/api/v1/events'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    await bothWidths(page, 'adoption-help', phone('send-events-help'));
  });

  step('a viewer reads the plan without any way to change it', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    await loginUi(page, session?.url ?? '', VIEWER);
    await page.goto(url(`/products/${productCode}`));
    await expect.poll(() => page.getByTestId('adoption-summary-line').textContent()).toBe('Version 2 · 2 live events');
    await page.getByTestId('open-adoption').click();
    await page.getByTestId('plan-table').waitFor();
    expect(await page.getByTestId('plan-event').count()).toBe(2);
    expect(await page.getByTestId('plan-edit').count()).toBe(0);
    expect(await page.getByTestId('plan-add-first').count()).toBe(0);
    // Viewers do not send events (events.send), so the help box is not offered to them.
    expect(await page.getByTestId('send-events-help').count()).toBe(0);
    await bothWidths(page, 'adoption-viewer', noSideScroll);
  });
});
