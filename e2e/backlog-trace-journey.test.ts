// Scope control in a real browser (issue #12): a product whose PRD passed the gate, requirements synced, draft
// stories generated and a sprint started on the baseline (seeded through the API) → a story with no requirement is
// added to the running sprint → the product page's drift card and the backlog's traceability tab show it (coverage,
// gaps, drift) → a change request is raised from the drift item with the new PRD text → the product's PO approves it
// → the drift is gone and the PRD has a new minor version → statuses come back from a Jira CSV export (checked, then
// applied, with a progress bar) → the sprint's figures and its clarification log (a question asked and answered) →
// the last committed story done, the sprint ended → the product page says the product is ready for UAT, and it moves
// → a UAT session (seeded through the API) fails a case: the matrix runs on to the case, its result, the defect and
// its retest, with the UAT figures and filters; the case opens its session's runner → the bug is fixed and a retest
// verifies it. Every screen at 1440 and 390 px, and the page never scrolls sideways on a phone.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { loginApi } from './support/api-client.ts';
import { BACKLOG_PRD, patchAs, seedBacklog } from './support/backlog-seed.ts';
import { chromiumAvailable, loginUi } from './support/browser.ts';
import { ADMIN, PO } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

type Story = { key: string; title: string; status: string };
type UatCase = { key: string; storyKey: string | null };

/** A UAT session on the sprint's first two stories (their PRD acceptance criteria are Gherkin), started. */
async function seedUatSession(base: string, code: string, storyKeys: string[]) {
  const po = await loginApi(base, PO.email, PO.password);
  const uat = await po.post<{ key: string }>(`/products/${code}/uat/sessions`, {
    title: 'Refunds, first build',
    buildVersion: '1.0.0-rc.1',
  });
  const generated = await po.post<{ created: UatCase[] }>(`/products/${code}/uat/sessions/${uat.key}/cases/generate`, {
    storyKeys,
  });
  await po.post(`/products/${code}/uat/sessions/${uat.key}/start`, {});
  return { po, sessionKey: uat.key, cases: generated.created };
}

async function seedScope(base: string) {
  const { productCode: code } = await seedBacklog(base);
  const po = await loginApi(base, PO.email, PO.password);
  const me = await po.get<{ user: { id: string } }>('/auth/me');
  await patchAs(base, ADMIN, `/products/${code}`, { poId: me.user.id });
  await po.post(`/products/${code}/requirements/sync`, {});
  const drafts = await po.post<{ items: Story[] }>(`/products/${code}/stories/generate`, {});
  const sprint = await po.post<{ id: string }>(`/products/${code}/sprints`, { name: 'Sprint 1' });
  for (const s of drafts.items.slice(0, 2)) {
    await patchAs(base, PO, `/products/${code}/stories/${s.key}`, { sprintId: sprint.id });
  }
  await po.post(`/products/${code}/sprints/${sprint.id}/start`, {});
  // Added after the start, and linked to nothing: scope creep twice over.
  const extra = await po.post<Story>(`/products/${code}/stories`, {
    type: 'story',
    title: 'Refund reminders by SMS',
    narrative: 'As a merchant, I want SMS reminders of pending refunds, so that I do not forget them.',
    sprintId: sprint.id,
  });
  return {
    code,
    extraKey: extra.key,
    firstKey: drafts.items[0]?.key ?? '',
    secondKey: drafts.items[1]?.key ?? '',
  };
}

describe.runIf(chromiumAvailable())('journey: traceability and change requests', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let seed = { code: '', extraKey: '', firstKey: '', secondKey: '' };
  const { step, bothWidths } = journey('backlog-trace-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(async (base) => {
      seed = await seedScope(base);
    });
    page = session.page;
  });

  afterAll(() => closeJourney(session));

  const url = (path: string) => `${session?.url ?? ''}${path}`;
  const text = (testId: string) => page.getByTestId(testId).first().textContent();
  const driftKinds = () =>
    page.getByTestId('drift-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));

  step('the product page shows the drift since the baseline', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await page.goto(url(`/products/${seed.code}`));
    await page.getByTestId('drift-card').waitFor();
    await expect.poll(() => text('drift-count')).toBe('2');
    expect(await text('drift-summary')).toBe('2 items drifted from PRD version 1.0, the version that passed the gate.');
    await bothWidths(page, 'product-drift', () => page.getByTestId('drift-card').scrollIntoViewIfNeeded());
  });

  step('the traceability tab shows coverage, the matrix and the drift, each item in words', async () => {
    await page.getByTestId('open-trace').click();
    await page.getByTestId('trace-panel').waitFor();
    await expect
      .poll(() => text('matrix-coverage'))
      .toBe('3 of 3 requirements have a story (100%) · 0 gaps · 1 story with no requirement');
    expect(await page.getByTestId('matrix-row').count()).toBe(3);
    expect(await text('matrix-orphans')).toContain(seed.extraKey);
    expect(await driftKinds()).toEqual(['story-without-requirement', 'story-added-after-sprint-start']);
    expect(await page.getByTestId('drift-what').first().textContent()).toBe(
      `Story ${seed.extraKey} is linked to no requirement.`,
    );
    const csv = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      `/api/v1/products/${seed.code}/trace/matrix.csv`,
    );
    expect(csv.split('\n')[0]).toContain('Requirement');
    // No UAT yet: no UAT columns, a pointer to the UAT page instead.
    expect(await text('matrix-uat-empty')).toContain('No UAT cases yet — plan a session');
    expect(await page.getByTestId('matrix-case').count()).toBe(0);
    await bothWidths(page, 'trace', () => page.getByTestId('drift-panel').scrollIntoViewIfNeeded());
  });

  step('a change request is raised from the drift item, with the PRD text that adds the requirement', async () => {
    await page.getByTestId('drift-raise-change').first().click();
    await page.getByTestId('raise-change-form').waitFor();
    expect(await page.getByTestId('change-title').inputValue()).toBe(`Story with no requirement: ${seed.extraKey}`);
    await page.getByTestId('change-why').fill('Pilot merchants asked for it; it replaces the e-mail reminder.');
    await page.getByTestId('change-requirements').fill('FR-4');
    await page.keyboard.press('Enter');
    await page.getByTestId('change-with-text').click();
    const prd = page.getByTestId('change-prd-text');
    await expect.poll(() => prd.inputValue()).toBe(BACKLOG_PRD);
    await prd.fill(
      `${BACKLOG_PRD}- **FR-4** (Could) Merchants get an SMS reminder of refunds pending for more than 3 days.\n`,
    );
    await bothWidths(page, 'raise-change');
    await page.getByTestId('change-submit').click();
    await page.getByTestId('raise-change-form').waitFor({ state: 'detached' });
  });

  step("the product's PO approves it: the drift it named is resolved and the PRD has version 1.1", async () => {
    await page.getByTestId('tab-changes').click();
    const card = page.getByTestId('change-request').first();
    await expect.poll(() => card.getAttribute('data-status')).toBe('pending');
    await card.getByTestId('decide-change').click();
    await page.getByTestId('decide-rationale').fill('Cheap, and the pilots need it.');
    await bothWidths(page, 'decide-change');
    await page.getByTestId('decide-submit').click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('approved');
    expect(await card.getByTestId('change-decision').textContent()).toContain('PRD version 1.1 saved');
    await page.getByTestId('tab-trace').click();
    await page.getByTestId('drift-panel').waitFor();
    await expect.poll(driftKinds).toEqual([]);
    expect(await text('drift-state')).toContain('PRD version 1.1 differs from version 1.0');
    await bothWidths(page, 'after-approval', () => page.getByTestId('drift-panel').scrollIntoViewIfNeeded());
  });

  step('statuses come back from a Jira CSV export: checked first, then applied', async () => {
    const exported = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      `/api/v1/products/${seed.code}/stories/export.csv?format=jira`,
    );
    const header = exported.split('\n')[0] ?? '';
    expect(header).toContain('Summary');
    // Jira's export: the issue key and status columns, and our key carried over.
    const jira = `Issue key,Summary,Status,PI Studio key\nREF-1,First,Done,${seed.firstKey}\n`;
    await page.getByTestId('exchange-menu').click();
    await page.getByTestId('import-jira').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('jira-file').click();
    await (await chooser).setFiles({ name: 'jira.csv', mimeType: 'text/csv', buffer: Buffer.from(jira) });
    await page.getByTestId('jira-check').click();
    await expect.poll(() => text('jira-plan-summary')).toBe('1 status change, 0 unchanged.');
    await bothWidths(page, 'jira-plan');
    await page.getByTestId('jira-apply').click();
    await page.getByTestId('jira-import').waitFor({ state: 'detached' });
    const story = await (await loginApi(session?.url ?? '', PO.email, PO.password)).get<Story>(
      `/products/${seed.code}/stories/${seed.firstKey}`,
    );
    expect(story.status).toBe('done');
  });

  const metric = (label: string) =>
    page.locator(`[data-testid="sprint-metric"][data-label="${label}"]`).first().locator('p').last().textContent();

  step('the sprint shows its figures, and a clarification is asked and answered in its log', async () => {
    await page.getByTestId('tab-sprints').click();
    await page.getByTestId('active-sprint').waitFor();
    await expect.poll(() => metric('Committed done')).toBe('1 of 2');
    expect(await metric('Added after start')).toBe('1');
    expect(await metric('Scope surprises')).toBe('1');
    await page.getByTestId('sprint-toggle-clarifications').click();
    await page.getByTestId('clarification-question').fill('Does "pending" include refunds the bank has not confirmed?');
    await page.getByTestId('clarification-ask').click();
    await page.getByTestId('clarification').first().waitFor();
    await expect.poll(() => metric('Mid-sprint clarifications')).toBe('1 (1 open question)');
    await page.getByTestId('clarification-answer-input').fill('Yes: pending until the bank confirms.');
    await page.getByTestId('clarification-answer-save').click();
    await expect.poll(() => text('clarification-answer')).toMatch(/answered after .*: Yes: pending until the bank/);
    await expect.poll(() => metric('Mid-sprint clarifications')).toBe('1');
    await bothWidths(page, 'sprint-clarifications', () => page.getByTestId('clarifications').scrollIntoViewIfNeeded());
  });

  step('the last committed story is done and the sprint ends: the product is ready for UAT and moves', async () => {
    await page.goto(url(`/products/${seed.code}`));
    await expect.poll(() => page.getByTestId('uat-readiness').getAttribute('data-ready')).toBe('false');
    await patchAs(session?.url ?? '', PO, `/products/${seed.code}/stories/${seed.secondKey}`, { status: 'done' });
    await page.goto(url(`/products/${seed.code}/backlog?tab=sprints`));
    await page.getByTestId('end-sprint').click();
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('sprint').first().waitFor();
    await page.goto(url(`/products/${seed.code}`));
    await expect.poll(() => page.getByTestId('uat-readiness').getAttribute('data-ready')).toBe('true');
    await bothWidths(page, 'ready-for-uat', () => page.getByTestId('backlog-summary').scrollIntoViewIfNeeded());
    await page.getByTestId('move-to-uat').click();
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => text('stage-badge')).toBe('UAT');
  });

  const figure = (label: string) =>
    page
      .locator(`[data-testid="matrix-uat-figure"][data-label="${label}"] [data-testid="matrix-uat-value"]`)
      .textContent();
  const rowOf = (requirement: string) => page.locator(`[data-testid="matrix-row"][data-key="${requirement}"]`);
  const shownRows = () =>
    page.getByTestId('matrix-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
  /** Width beyond the screen: a phone scrolls the matrix inside its container, never the page. */
  const pageOverflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  let uatSeed: Awaited<ReturnType<typeof seedUatSession>> | undefined;
  let failedCase = '';
  let bugKey = '';

  step('a UAT case fails: the matrix runs on to the case, its result, the defect and its retest', async () => {
    uatSeed = await seedUatSession(session?.url ?? '', seed.code, [seed.firstKey, seed.secondKey]);
    const first = uatSeed.cases.find((c) => c.storyKey === seed.firstKey);
    failedCase = first?.key ?? '';
    const failed = await uatSeed.po.post<{ defect: { bugKey: string } | null }>(
      `/products/${seed.code}/uat/cases/${failedCase}/runs`,
      { result: 'fail', notes: 'The refund shows "Pending", not "Sent".' },
    );
    bugKey = failed.defect?.bugKey ?? '';
    expect(bugKey).not.toBe('');

    await page.goto(url(`/products/${seed.code}/backlog?tab=trace`));
    await page.getByTestId('matrix-uat-figures').waitFor();
    expect(await page.getByTestId('matrix-uat-empty').count()).toBe(0);
    expect(await figure('Open defects')).toBe('1');
    expect(await figure('Test cases never run')).toBe(String(uatSeed.cases.length - 1));
    const row = rowOf('FR-1');
    const testCase = row.locator(`[data-testid="matrix-case"][data-key="${failedCase}"]`);
    expect(await testCase.getAttribute('data-result')).toBe('fail');
    expect(await testCase.getByTestId('case-status').textContent()).toBe('Failed');
    const defect = row.locator(`[data-testid="matrix-defect"][data-key="${bugKey}"]`);
    expect(await defect.getByTestId('defect-state').textContent()).toBe('Open');
    expect(await defect.getByTestId('matrix-retest').textContent()).toBe('Not retested yet');
    expect(await row.getByTestId('matrix-open-defects').textContent()).toBe('1 open defect');
    // FR-3 has no acceptance criteria, so no case was generated for it.
    expect(await rowOf('FR-3').getByText('No test case').count()).toBe(1);
    await bothWidths(page, 'matrix-uat', async () => {
      await page.getByTestId('matrix-table').scrollIntoViewIfNeeded();
      expect(await pageOverflow()).toBe(0);
    });
  });

  step('the UAT filters list the requirements with no test case and those with open defects', async () => {
    await page.getByTestId('matrix-show-open-defects').click();
    await expect.poll(shownRows).toEqual(['FR-1']);
    await page.getByTestId('matrix-show-no-case').click();
    await expect.poll(shownRows).not.toContain('FR-1');
    expect(await shownRows()).toContain('FR-3');
    await bothWidths(page, 'matrix-no-case', () => page.getByTestId('matrix-show').scrollIntoViewIfNeeded());
    await page.getByTestId('matrix-show-all').click();
    await expect.poll(() => page.getByTestId('matrix-row').count()).toBeGreaterThan(1);
  });

  step("a test case in the matrix opens its session's runner on that case", async () => {
    await page.locator(`[data-testid="matrix-case"][data-key="${failedCase}"] button`).click();
    await page.waitForURL((u) => u.pathname.endsWith(`/uat/${uatSeed?.sessionKey}`));
    expect(new URL(page.url()).searchParams.get('case')).toBe(failedCase);
  });

  step('the bug is fixed and a retest passes: the defect is verified and no defect is open', async () => {
    const base = session?.url ?? '';
    await patchAs(base, PO, `/products/${seed.code}/stories/${bugKey}`, { status: 'done' });
    await page.goto(url(`/products/${seed.code}/backlog?tab=trace`));
    const defect = () => rowOf('FR-1').locator(`[data-testid="matrix-defect"][data-key="${bugKey}"]`);
    await expect.poll(() => defect().getByTestId('defect-state').textContent()).toBe('Fixed, to retest');
    await uatSeed?.po.post(`/products/${seed.code}/uat/cases/${failedCase}/runs`, { result: 'pass', kind: 'retest' });
    await page.reload();
    await expect.poll(() => defect().getByTestId('defect-state').textContent()).toBe('Verified');
    expect(await defect().getByTestId('matrix-retest').textContent()).toBe('Retest passed');
    expect(await figure('Open defects')).toBe('0');
    expect(await rowOf('FR-1').getByTestId('matrix-open-defects').textContent()).toBe('None');
    await bothWidths(page, 'matrix-verified', async () => {
      // On a phone the UAT columns are reached by scrolling the matrix itself, sideways; the page stays put.
      await page.getByTestId('matrix-table').scrollIntoViewIfNeeded();
      const scrollRight = () =>
        page.getByTestId('matrix-table').evaluate((table) => {
          let box = table.parentElement;
          const scrolls = (el: HTMLElement) => /auto|scroll/.test(getComputedStyle(el).overflowX);
          while (box && !(scrolls(box) && box.scrollWidth > box.clientWidth)) box = box.parentElement;
          if (box) box.scrollLeft = box.scrollWidth;
          return box?.scrollLeft ?? 0;
        });
      await expect.poll(scrollRight).toBeGreaterThan(0);
      expect(await pageOverflow()).toBe(0);
    });
  });
});
