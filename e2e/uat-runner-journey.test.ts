// UAT in a real browser (issue #13): a product with a sprint of stories whose acceptance criteria are Gherkin (seeded
// through the API) → the product page's UAT card → a session planned with its build, sprint and a participant →
// cases generated from the stories, with what was skipped and why → cases run one at a time on a laptop (pass,
// blocked with a note) → a guest link made and copied once → the link opened in a fresh browser at 390 px (no
// sign-in, no horizontal scroll, tap targets of at least 44 px): a file that is no image refused in the browser, a
// failing result recorded with a screenshot → the member sees the defect and its bug → the link revoked after a
// confirmation, and the guest's page refusing it → the bug fixed and retested → the PO's sign-off with evidence and
// the chain verified → a signed story changed afterwards, and verification failing on it; the UAT report. The bug a
// WhatsApp export of the pilot group was triaged into is in the sprint, so the chain runs end to end: chat →
// feedback → bug → case → result → defect → fix → retest → sign-off → verify → tamper seen. Every member screen at
// 1440 and 390 px.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { loginApi } from './support/api-client.ts';
import { patchAs } from './support/backlog-seed.ts';
import { type Browser, chromiumAvailable, launchBrowser, loginUi, watchPage } from './support/browser.ts';
import { PO, SUBSIDIARY, seedStudio } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const REFUND_STATUS = `Scenario: a refund shows its status
  Given a refund issued on Monday
  When the merchant opens Refunds
  Then the refund shows the status "Sent"

Scenario: a failed refund says why
  Given a refund the bank declined
  When the merchant opens Refunds
  Then the refund shows the status "Failed" and the bank's reason`;

const SEARCH = `Given an order with a refund
When the agent searches its order id
Then the refund is listed`;

/** The pilot group's chat, exported from an Android phone: one complaint worth a bug. */
const PILOT_CHAT = `05/11/2026, 10:02 - Ana Pilot: Refunds to a closed card show no status at all
05/11/2026, 10:04 - Ben Pilot: 👍
`;

type Seed = { productCode: string; sprintName: string; skippedKey: string; chatBugKey: string };

/**
 * A product with a sprint of three stories — two with Gherkin (three scenarios in all), one without any — and a bug
 * triaged from a WhatsApp export of the pilot group, whose one-step scenario is the complaint.
 */
async function seedUat(baseUrl: string): Promise<Seed> {
  await seedStudio(baseUrl);
  const po = await loginApi(baseUrl, PO.email, PO.password);
  const me = await po.get<{ user: { id: string } }>('/auth/me');
  const types = await po.get<{ items: { code: string }[] }>('/taxonomy?kind=product_type');
  // The PO is the product's PO/VB: the one who signs its UAT off.
  const product = await po.post<{ code: string }>('/products', {
    subsidiary: SUBSIDIARY,
    name: 'Refund Tracker',
    productType: types.items[0]?.code,
    poId: me.user.id,
  });
  const code = product.code;
  const sprint = await po.post<{ id: string; name: string }>(`/products/${code}/sprints`, { name: 'Sprint 4' });
  const story = (title: string, acceptance: string) =>
    po.post<{ key: string }>(`/products/${code}/stories`, { title, acceptance, sprintId: sprint.id, status: 'ready' });
  await story('See the status of every refund', REFUND_STATUS);
  await story('Search refunds by order id', SEARCH);
  const skipped = await story('Export a month of refunds', 'Merchants can download a CSV of a month.');
  // The chat goes into the feedback inbox; its complaint is triaged into a bug that joins the sprint under test.
  const preview = await po.postRaw<{ id: string }>(
    `/products/${code}/feedback/imports?fileName=pilot-chat.txt`,
    PILOT_CHAT,
    'text/plain',
  );
  const imported = await po.post<{ created: { key: string }[] }>(
    `/products/${code}/feedback/imports/${preview.id}/commit`,
    { indices: [0] },
  );
  const triaged = await po.post<{ story: { key: string } }>(
    `/products/${code}/feedback/${imported.created[0]?.key}/triage`,
    { action: 'bug', title: 'Refunds to a closed card show no status' },
  );
  await po.patch(`/products/${code}/stories/${triaged.story.key}`, { sprintId: sprint.id, status: 'ready' });
  return { productCode: code, sprintName: sprint.name, skippedKey: skipped.key, chatBugKey: triaged.story.key };
}

/** A real PNG, cut from the page itself (the runner's screenshot checks read the bytes, not the name). */
const pngOf = (page: Page) => page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 80 } });

describe.runIf(chromiumAvailable())('journey: a UAT session on a laptop and a guest on a phone', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let guest: Browser | undefined;
  let guestWatch: Awaited<ReturnType<typeof watchPage>> | undefined;
  let seed: Seed;
  let sessionKey = '';
  let guestUrl = '';
  let bugKey = '';
  const { step, shot, bothWidths } = journey('uat-runner-journey', () => page);

  beforeAll(async () => {
    session = await openJourney(async (base) => {
      seed = await seedUat(base);
    });
    page = session.page;
  });

  afterAll(async () => {
    await guest?.close();
    await closeJourney(session);
    expect(guestWatch?.outbound ?? [], 'guest requests outside the server').toEqual([]);
    expect(guestWatch?.errors ?? [], 'uncaught errors in the guest page').toEqual([]);
  });

  const url = (path: string) => `${session?.url ?? ''}${path}`;
  const text = (p: Page, testId: string) => p.getByTestId(testId).first().textContent();
  const caseRow = (p: Page, n: number) => p.getByTestId('case-row').nth(n);
  const statuses = (p: Page) =>
    p.getByTestId('case-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-status') ?? ''));
  const settle = (p: Page) => p.waitForTimeout(500);
  /** Width beyond the screen: a phone must never scroll sideways. */
  const overflow = (p: Page) =>
    p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  /** Buttons and links a finger must hit that are under 44 px high or wide. */
  const smallTargets = (p: Page) =>
    p.evaluate(() =>
      [...document.querySelectorAll('button, a[href]')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && (r.height < 44 || r.width < 44);
        })
        .map(
          (el) =>
            `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${el.getAttribute('aria-label') ?? ''}`,
        ),
    );

  step('the product page has a UAT card; it opens the empty list of sessions', async () => {
    await loginUi(page, session?.url ?? '', PO);
    await page.goto(url(`/products/${seed.productCode}`));
    await page.getByTestId('uat-summary').getByText('No UAT sessions yet.').waitFor();
    await page.getByTestId('open-uat').click();
    await page.getByTestId('uat-sessions-page').waitFor();
    await page.getByTestId('uat-sessions-state').getByText('No UAT sessions yet').waitFor();
    await bothWidths(page, 'sessions-empty');
  });

  step('a session is planned with its build, sprint and a participant, and opens', async () => {
    await page.getByTestId('new-session').click();
    await page.getByTestId('session-title').fill('Refunds, sprint 4');
    await page.getByTestId('session-build').fill('1.4.0-rc.2');
    await page.getByTestId('session-sprint').click();
    await page.getByRole('option', { name: `${seed.sprintName} (Planned)` }).click();
    await page.getByTestId('participant-name').fill('Sam Guest');
    await page.getByTestId('participant-add').click();
    expect(await page.getByTestId('participant').count()).toBe(1);
    await settle(page);
    await shot(page, 'new-session-form');
    await page.getByTestId('session-create').click();
    await page.getByTestId('uat-session-page').waitFor();
    sessionKey = (await page.getByTestId('session-facts').textContent())?.split(' · ')[0] ?? '';
    expect(sessionKey).toBe(`${seed.productCode}-UAT-1`);
    expect(await text(page, 'session-status')).toBe('Planned');
    expect(await text(page, 'session-facts')).toBe(`${sessionKey} · Build 1.4.0-rc.2 · ${seed.sprintName}`);
    expect(await text(page, 'session-participants')).toBe('1 participant: Sam Guest (Tester)');
    expect(await text(page, 'session-counts')).toBe('No test cases yet');
  });

  step(
    'cases are generated from the sprint: four created (one from the chat bug), the story without Gherkin skipped with why',
    async () => {
      await page.getByTestId('generate-cases').click();
      const result = page.getByTestId('generated-result');
      await expect.poll(() => result.textContent()).toMatch(/^4 created, 0 unchanged, skipped: /);
      expect(await result.textContent()).toContain(`${seed.skippedKey} because `);
      await expect.poll(() => page.getByTestId('case-row').count()).toBe(4);
      expect(await statuses(page)).toEqual(['untested', 'untested', 'untested', 'untested']);
      expect(await caseRow(page, 0).getByTestId('case-status').textContent()).toBe('Not run');
      await expect.poll(() => text(page, 'session-counts')).toBe('4 cases: 4 not run');
      await bothWidths(page, 'cases-generated');
      // Generating again duplicates nothing.
      await page.getByTestId('generate-cases').click();
      await expect.poll(() => result.textContent()).toMatch(/^0 created, 4 unchanged/);
      expect(await page.getByTestId('case-row').count()).toBe(4);
    },
  );

  step('the session is started after a confirmation, so results can be recorded', async () => {
    await page.getByTestId('session-start').click();
    await page.getByRole('dialog').getByText('Testers see the session as running.').waitFor();
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => text(page, 'session-status')).toBe('Running');
    expect(await page.getByTestId('session-start').count()).toBe(0);
  });

  step('at 1440 px the runner shows one case: its steps, Pass; then the next one, Blocked with a note', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('start-testing').click();
    const runner = page.getByTestId('case-runner');
    await runner.waitFor();
    expect(await text(page, 'runner-position')).toBe('Case 1 of 4');
    expect(await text(page, 'runner-title')).toContain('a refund shows its status');
    const steps = await page.getByTestId('runner-steps').textContent();
    expect(steps).toContain('Given a refund issued on Monday');
    expect(steps).toContain('Then the refund shows the status "Sent"');
    expect(await page.getByTestId('runner-prev').isDisabled()).toBe(true);
    await bothWidths(page, 'runner-case-1');
    await page.getByTestId('result-pass').click();
    await expect.poll(() => text(page, 'runner-recorded')).toBe('Recorded: Passed.');
    await expect.poll(() => page.getByTestId('run').count()).toBe(1);
    expect(await page.getByTestId('run').first().textContent()).toContain(`Run by ${PO.name}`);

    await page.getByTestId('runner-next').click();
    await expect.poll(() => text(page, 'runner-position')).toBe('Case 2 of 4');
    await page.getByTestId('no-runs').waitFor();
    await page.getByTestId('runner-notes').fill('The bank sandbox is down; cannot decline a refund.');
    await page.getByTestId('result-blocked').click();
    await expect.poll(() => text(page, 'runner-recorded')).toBe('Recorded: Blocked.');
    expect(await page.getByTestId('run').first().textContent()).toContain('The bank sandbox is down');
    expect(await page.getByTestId('runner-notes').inputValue()).toBe('');
    await shot(page, 'runner-blocked-1440');

    await page.getByTestId('runner-close').click();
    await expect.poll(() => statuses(page)).toEqual(['pass', 'blocked', 'untested', 'untested']);
    await expect.poll(() => text(page, 'session-counts')).toBe('4 cases: 1 passed, 1 blocked, 2 not run');
  });

  step('a guest link is made for Sam, shown once with a copy button, and listed as active', async () => {
    await page.getByTestId('tab-guests').click();
    await page.getByTestId('guest-links-state').getByText('No guest links').waitFor();
    await page.getByTestId('guest-name').fill('Sam Guest');
    await page.getByTestId('guest-link-create').click();
    const input = page.getByTestId('guest-link-url');
    await input.waitFor();
    guestUrl = await input.inputValue();
    expect(guestUrl).toMatch(new RegExp(`^${session?.url}/guest/uat/[A-Za-z0-9_-]{20,}$`));
    expect(await page.getByTestId('guest-link-copy').textContent()).toBe('Copy link');
    await settle(page);
    await shot(page, 'guest-link-shown-once');
    await page.getByTestId('guest-link-done').click();
    await expect.poll(() => page.getByTestId('guest-link').count()).toBe(1);
    expect(await text(page, 'guest-link-state')).toBe('Active');
    await bothWidths(page, 'guest-links');
  });

  step(
    'on a 390 px phone, without signing in, the guest sees the session: no sideways scroll, big targets',
    async () => {
      guest = await launchBrowser();
      guestWatch = await watchPage(guest, new URL(session?.url ?? '').origin);
      const g = guest.page;
      g.setDefaultTimeout(15_000);
      await g.setViewportSize({ width: 390, height: 844 });
      await g.goto(guestUrl);
      await g.getByTestId('guest-session').waitFor();
      expect(await g.getByTestId('user-menu').count()).toBe(0);
      expect(await text(g, 'guest-name-shown')).toBe('Testing as Sam Guest');
      await expect.poll(() => g.getByTestId('case-row').count()).toBe(4);
      // A guest sees their own results only: none yet, although the member ran two cases.
      expect(await statuses(g)).toEqual(['untested', 'untested', 'untested', 'untested']);
      expect(await overflow(g)).toBe(0);
      expect(await smallTargets(g)).toEqual([]);
      await settle(g);
      await shot(g, 'guest-session-390');
    },
  );

  step(
    'the guest opens the third case, is refused a file that is no image, and records a failure with a screenshot',
    async () => {
      const g = guest?.page as Page;
      await caseRow(g, 2).click();
      await g.getByTestId('case-runner').waitFor();
      expect(await text(g, 'runner-position')).toBe('Case 3 of 4');
      expect(await text(g, 'runner-steps')).toContain('When the agent searches its order id');
      expect(await overflow(g)).toBe(0);
      expect(await smallTargets(g)).toEqual([]);
      for (const id of ['result-pass', 'result-fail', 'result-blocked'])
        expect((await g.getByTestId(id).boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
      await settle(g);
      await shot(g, 'guest-runner-390');

      const chooser = async (files: { name: string; mimeType: string; buffer: Buffer }[]) => {
        const picked = g.waitForEvent('filechooser');
        await g.getByTestId('add-screenshot').click();
        await (await picked).setFiles(files);
      };
      await chooser([
        { name: 'page.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>1</script></html>') },
      ]);
      await expect.poll(() => text(g, 'screenshot-error')).toBe('page.png is not a PNG, JPEG or WebP image');
      expect(await g.getByTestId('chosen-screenshot').count()).toBe(0);
      await chooser([{ name: 'search-empty.png', mimeType: 'image/png', buffer: await pngOf(g) }]);
      await expect.poll(() => g.getByTestId('chosen-screenshot').count()).toBe(1);
      await g.getByTestId('runner-notes').fill('Searching the order id lists nothing.');
      await settle(g);
      await shot(g, 'guest-fail-ready-390');
      await g.getByTestId('result-fail').click();
      await expect.poll(() => text(g, 'runner-recorded')).toMatch(/^Recorded: Failed with 1 screenshot\./);
      expect(await text(g, 'runner-defect')).toMatch(/^Defect [A-Z0-9-]+-BUG-\d+: Open\.$/);
      const run = g.getByTestId('run').first();
      expect(await run.textContent()).toContain('Run by Sam Guest (guest)');
      await expect
        .poll(() => run.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBeGreaterThan(0);
      expect(await overflow(g)).toBe(0);
      await settle(g);
      await shot(g, 'guest-failed-390');
      await g.getByTestId('runner-close').click();
      await expect.poll(() => statuses(g)).toEqual(['untested', 'untested', 'fail', 'untested']);
      // What the guest says beside the cases goes to the same feedback inbox as the chat did.
      await g.getByTestId('guest-feedback-text').fill('The refund search could also take the card number.');
      await g.getByTestId('guest-feedback-send').click();
      await expect.poll(() => text(g, 'guest-feedback-sent')).toMatch(/^Thank you: sent as [A-Z0-9-]+-FB-2\.$/);
      expect(await overflow(g)).toBe(0);
      await settle(g);
      await shot(g, 'guest-feedback-390');
    },
  );

  step('the member sees the failure, the open defect and its bug key linking to the backlog', async () => {
    await page.goto(url(`/products/${seed.productCode}/uat/${sessionKey}`));
    await expect
      .poll(() => text(page, 'session-counts'))
      .toBe('4 cases: 1 passed, 1 failed, 1 blocked, 1 not run · 1 open defect');
    expect(await statuses(page)).toEqual(['pass', 'blocked', 'fail', 'untested']);
    await page.getByTestId('tab-defects').click();
    const defect = page.getByTestId('defect');
    await expect.poll(() => defect.count()).toBe(1);
    expect(await defect.getByTestId('defect-state').textContent()).toBe('Open');
    const bug = defect.getByTestId('bug-link');
    bugKey = (await bug.textContent()) ?? '';
    expect(bugKey).toMatch(/^[A-Z0-9-]+-BUG-\d+$/);
    expect(await bug.getAttribute('href')).toBe(`/products/${seed.productCode}/backlog?tab=stories&type=bug`);
    await bothWidths(page, 'defects');
    // The failed case's runner shows the guest's result and screenshot to the member too.
    await page.getByTestId('tab-cases').click();
    await caseRow(page, 2).getByTestId('run-case').click();
    await expect.poll(() => page.getByTestId('run').count()).toBe(1);
    expect(await page.getByTestId('run').textContent()).toContain('Searching the order id lists nothing.');
    await bothWidths(page, 'runner-guest-result');
  });

  step('revoking the link asks first; the guest page then refuses it in words', async () => {
    await page.goto(url(`/products/${seed.productCode}/uat/${sessionKey}?tab=guests`));
    await page.getByTestId('guest-link-revoke').click();
    await page.getByRole('dialog').getByText('Sam Guest can no longer open the session').waitFor();
    await settle(page);
    await shot(page, 'revoke-confirm');
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => text(page, 'guest-link-state')).toBe('Revoked');
    expect(await page.getByTestId('guest-link-revoke').count()).toBe(0);

    const g = guest?.page as Page;
    await g.reload();
    await g.getByTestId('guest-refused').waitFor();
    expect(await g.getByTestId('guest-refused').getAttribute('data-status')).toBe('401');
    expect(await text(g, 'guest-refused')).toContain('The link has expired or was revoked.');
    expect(await g.getByTestId('case-row').count()).toBe(0);
    expect(await overflow(g)).toBe(0);
    await settle(g);
    await shot(g, 'guest-refused-390');
  });

  step(
    'once its bug is done in the backlog the defect reads "Fixed, to retest"; a passing retest on a phone verifies it',
    async () => {
      await patchAs(session?.url ?? '', PO, `/products/${seed.productCode}/stories/${bugKey}`, { status: 'done' });
      await page.goto(url(`/products/${seed.productCode}/uat/${sessionKey}?tab=defects`));
      await expect.poll(() => text(page, 'defect-state')).toBe('Fixed, to retest');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('defect').getByRole('button').click();
      await page.getByTestId('retest-banner').waitFor();
      expect(await text(page, 'retest-banner')).toContain(
        `${bugKey} is fixed. Pass verifies the fix; Fail reopens the defect.`,
      );
      expect(await overflow(page)).toBe(0);
      await settle(page);
      await shot(page, 'retest-390');
      await page.getByTestId('runner-notes').fill('Fixed in 1.4.0-rc.3: the refund is listed.');
      await page.getByTestId('result-pass').click();
      await expect.poll(() => text(page, 'runner-defect')).toBe(`Defect ${bugKey}: Verified.`);
      expect(await page.getByTestId('run').first().textContent()).toContain(`Retest by ${PO.name}`);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByTestId('runner-close').click();
      await expect.poll(() => text(page, 'session-counts')).toBe('4 cases: 2 passed, 1 blocked, 1 not run');
    },
  );

  step(
    "the case of the bug triaged from the chat is run and passes; the guest's feedback waits in the inbox",
    async () => {
      await page.goto(url(`/products/${seed.productCode}/uat/${sessionKey}`));
      await caseRow(page, 3).getByTestId('run-case').click();
      await page.getByTestId('case-runner').waitFor();
      await expect.poll(() => text(page, 'case-runner')).toContain(`from ${seed.chatBugKey}`);
      expect(await text(page, 'runner-steps')).toContain('Then refunds to a closed card show no status at all');
      await page.getByTestId('result-pass').click();
      await expect.poll(() => text(page, 'runner-recorded')).toMatch(/^Recorded: Passed/);
      await page.getByTestId('runner-close').click();
      await expect.poll(() => text(page, 'session-counts')).toBe('4 cases: 3 passed, 1 blocked');
      await page.goto(url(`/products/${seed.productCode}/feedback`));
      const row = page.getByTestId('feedback-row').filter({ hasText: 'could also take the card number' });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.textContent()).toContain('Sam Guest');
      expect(await row.textContent()).toContain('Guest link');
    },
  );

  step('the PO signs the session off with conditions, seeing first exactly which stories are signed', async () => {
    await page.goto(url(`/products/${seed.productCode}/uat/${sessionKey}`));
    await page.getByTestId('session-signoff').click();
    await page.getByTestId('signoff-page').waitFor();
    await page.getByTestId('signoffs-state').getByText('No sign-offs yet').waitFor();
    await expect.poll(() => text(page, 'signoff-what')).toMatch(/3 stories at their current revision: /);
    expect(await page.getByTestId('signoff-conditions-input').count()).toBe(0);
    await page.getByTestId('decision-signed_with_conditions').click();
    expect(await page.getByTestId('signoff-submit').isDisabled()).toBe(true);
    await page.getByTestId('signoff-conditions-input').fill('The order search defect is fixed before go-live.');
    await bothWidths(page, 'signoff-form');
    await page.getByTestId('signoff-submit').click();
    await page.getByRole('dialog').getByText('Decision: Signed with conditions.').waitFor();
    await page.getByTestId('confirm-action').click();
    const card = page.getByTestId('signoff');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByTestId('signoff-decision').textContent()).toBe('Signed with conditions');
    expect(await card.getByTestId('signoff-conditions').textContent()).toBe(
      'Conditions: The order search defect is fixed before go-live.',
    );
    expect(await card.getByTestId('signoff-stories').textContent()).toMatch(/^Signed 3 stories: /);
    await expect
      .poll(() => text(page, 'signoff-verify-result'))
      .toBe('Chain intact: 1 sign-off record checked, nothing signed has changed since.');
  });

  step('evidence is checked in the browser, then attached; the report links are offered', async () => {
    const attach = async (name: string, buffer: Buffer) => {
      const picked = page.waitForEvent('filechooser');
      await page.getByTestId('evidence-add').click();
      await (await picked).setFiles([{ name, mimeType: 'application/octet-stream', buffer }]);
    };
    await attach('tool.pdf', Buffer.from([0x4d, 0x5a, 0, 1, 2, 3]));
    await expect.poll(() => text(page, 'evidence-error')).toBe('tool.pdf is not a PDF, PNG or JPEG file or plain text');
    await attach('minutes.txt', Buffer.from('UAT sign-off meeting, 7 December: signed with one condition.\n'));
    await expect.poll(() => page.getByTestId('evidence').count()).toBe(1);
    expect(await text(page, 'evidence')).toContain('minutes.txt');
    expect(await page.getByTestId('report-pdf').getAttribute('href')).toBe(
      `/api/v1/products/${seed.productCode}/uat/sessions/${sessionKey}/report?format=pdf`,
    );
    await page.getByTestId('signoff-verify-again').click();
    await expect.poll(() => page.getByTestId('signoff-verify-result').getAttribute('data-ok')).toBe('true');
    await bothWidths(page, 'signoff-recorded', () => page.getByTestId('signoff').scrollIntoViewIfNeeded());
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflow(page)).toBe(0);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  step(
    'a signed story changed afterwards fails verification, named; the report holds results, defects and sign-off',
    async () => {
      const signed = (await text(page, 'signoff-stories')) ?? '';
      const storyKey = /([A-Z0-9-]+-S-1)\b/.exec(signed)?.[1] ?? '';
      expect(storyKey).not.toBe('');
      await patchAs(session?.url ?? '', PO, `/products/${seed.productCode}/stories/${storyKey}`, {
        title: 'See the status of most refunds',
      });
      await page.getByTestId('signoff-verify-again').click();
      await expect.poll(() => page.getByTestId('signoff-verify-result').getAttribute('data-ok')).toBe('false');
      expect(await text(page, 'signoff-changed')).toContain(storyKey);
      await bothWidths(page, 'signoff-verify-failed', () =>
        page.getByTestId('signoff-verify').scrollIntoViewIfNeeded(),
      );
      const report = await page.request.get(
        url(`/api/v1/products/${seed.productCode}/uat/sessions/${sessionKey}/report?format=md`),
      );
      expect(report.status()).toBe(200);
      const md = await report.text();
      for (const part of [sessionKey, '1.4.0-rc.2', bugKey, seed.chatBugKey, 'Signed with conditions', 'Sam Guest'])
        expect(md, part).toContain(part);
      const pdf = await page.request.get(
        url(`/api/v1/products/${seed.productCode}/uat/sessions/${sessionKey}/report?format=pdf`),
      );
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
  );

  step("the product page's UAT card sums up the latest session", async () => {
    await page.goto(url(`/products/${seed.productCode}`));
    const card = page.getByTestId('uat-summary');
    await expect.poll(() => card.textContent()).toContain(`${sessionKey} · Refunds, sprint 4`);
    expect(await card.textContent()).toContain('4 cases: 3 passed, 1 blocked');
    await bothWidths(page, 'product-uat-card', () => card.scrollIntoViewIfNeeded());
  });
});
