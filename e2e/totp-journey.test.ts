// Two-step sign-in in a real browser: a product owner turns it on in the account page (QR, first code, recovery
// codes shown once), signs out and back in with password + code, then with a recovery code; an administrator
// requires it for administrators and is made to set it up at the next sign-in before any session starts.
// Codes come from otplib at the real clock; each page is also captured at 1440 and 390 px wide.
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { chromiumAvailable, loginUi, screenshot } from './support/browser.ts';
import { ADMIN, PO, seedStudio } from './support/seed.ts';
import { closeJourney, type JourneySession, openJourney } from './support/session.ts';
import { journey } from './support/steps.ts';

const NAME = 'totp-journey';

describe.runIf(chromiumAvailable())('journey: two-step sign-in', () => {
  let session: JourneySession | undefined;
  let page: Page;
  let poSecret = '';
  let recoveryCodes: string[] = [];
  /** The server accepts a code once per 30 s step; the next code is taken from a later step (±1 step is allowed). */
  let lastStep = 0;
  const { step } = journey(NAME, () => page);

  beforeAll(async () => {
    session = await openJourney(seedStudio);
    page = session.page;
  });

  afterAll(() => closeJourney(session));

  const url = (path: string) => `${session?.url ?? ''}${path}`;

  async function nextCode(secret: string): Promise<string> {
    const nowStep = Math.floor(Date.now() / 30_000);
    const use = Math.max(nowStep, lastStep + 1);
    if (use > nowStep + 1) await new Promise((r) => setTimeout(r, (use - 1) * 30_000 - Date.now() + 500));
    lastStep = use;
    return generate({ secret, epoch: use * 30 });
  }

  /** The page at desktop and phone width (full page), back at desktop width afterwards. */
  async function shotBoth(name: string) {
    // The shell's navigation slides in or out when the width crosses its breakpoint: wait for it to settle.
    const settle = () => page.waitForTimeout(500);
    await page.setViewportSize({ width: 1440, height: 900 });
    await settle();
    await screenshot(page, NAME, `${name}-1440`);
    await page.setViewportSize({ width: 390, height: 844 });
    await settle();
    await screenshot(page, NAME, `${name}-390`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await settle();
  }

  async function passwordStep(user: { email: string; password: string }) {
    await page.context().clearCookies();
    await page.goto(url('/'));
    await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  const readSecret = async () => ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');

  step('the product owner turns on two-step sign-in in the account page', async () => {
    if (!session) throw new Error('no server');
    await page.context().clearCookies();
    await page.goto(url('/'));
    await page.getByTestId('login-form').waitFor();
    await shotBoth('login');
    await loginUi(page, session.url, PO);
    await page.goto(url('/account'));
    await page.getByTestId('two-step-section').waitFor();
    expect(await page.getByTestId('two-step-status').textContent()).toBe('Off');
    await shotBoth('account-off');
    await page.getByTestId('two-step-enable').click();
    await page.getByTestId('totp-secret').waitFor();
    poSecret = await readSecret();
    expect(poSecret).toMatch(/^[A-Z2-7]{16,}$/);
    await shotBoth('account-enable');
    await page.getByTestId('totp-code').fill(await nextCode(poSecret));
    await page.getByTestId('enable-totp-submit').click();
    await page.getByTestId('recovery-codes').waitFor();
    recoveryCodes = await page.getByTestId('recovery-code').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await shotBoth('account-recovery-codes');
    expect(await page.getByTestId('recovery-codes-done').isDisabled()).toBe(true);
    await page.getByTestId('recovery-codes-saved').check();
    await page.getByTestId('recovery-codes-done').click();
    await expect.poll(() => page.getByTestId('two-step-status').textContent()).toBe('On');
    expect(await page.getByTestId('recovery-codes-left').textContent()).toContain('10 of 10');
    await shotBoth('account-on');
  });

  step('signs out and back in with the password and a code from the app', async () => {
    await passwordStep(PO);
    await page.getByTestId('totp-form').waitFor();
    // No session yet: the API still says "signed out".
    expect((await page.request.get(url('/api/v1/auth/me'))).status()).toBe(401);
    await shotBoth('login-code');
    await page.getByTestId('totp-code').fill(await nextCode(poSecret));
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('user-menu').waitFor();
  });

  step('a wrong code is refused with words, then a recovery code signs in once', async () => {
    await passwordStep(PO);
    await page.getByTestId('totp-form').waitFor();
    await page.getByTestId('totp-code').fill('000000');
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('totp-error').waitFor();
    expect(await page.getByTestId('totp-error').textContent()).toContain('code is not right');
    await page.getByTestId('totp-toggle-recovery').click();
    await page.getByTestId('recovery-code-input').fill(recoveryCodes[0] ?? '');
    await shotBoth('login-recovery-code');
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('user-menu').waitFor();
    await page.goto(url('/account'));
    await expect.poll(() => page.getByTestId('recovery-codes-left').textContent()).toContain('9 of 10');
  });

  step('the administrator requires two-step sign-in for administrators', async () => {
    if (!session) throw new Error('no server');
    await page.context().clearCookies();
    await loginUi(page, session.url, ADMIN);
    await page.goto(url('/admin/sign-in'));
    await page.getByTestId('two-step-policy').waitFor();
    await shotBoth('admin-sign-in');
    await page.getByLabel('Required for administrators').check();
    await page.getByTestId('two-step-policy-save').click();
    // The button is also disabled while the save is on its way: wait for what the server holds, not for the button.
    const requireTotp = async () =>
      ((await (await page.request.get(url('/api/v1/admin/sign-in'))).json()) as { requireTotp: string }).requireTotp;
    await expect.poll(requireTotp).toBe('admins');
    await expect.poll(() => page.getByTestId('two-step-policy-save').isDisabled()).toBe(true);
  });

  step('at the next sign-in the administrator must set it up before entering the studio', async () => {
    await passwordStep(ADMIN);
    await page.getByTestId('totp-enrolment-form').waitFor();
    await page.getByTestId('totp-secret').waitFor();
    expect((await page.request.get(url('/api/v1/auth/me'))).status()).toBe(401);
    await shotBoth('login-enrolment');
    const secret = await readSecret();
    lastStep = 0; // another account: its own steps
    await page.getByTestId('totp-code').fill(await nextCode(secret));
    await page.getByTestId('totp-enrolment-submit').click();
    await page.getByTestId('recovery-codes').waitFor();
    await shotBoth('login-enrolment-codes');
    await page.getByTestId('recovery-codes-saved').check();
    await page.getByTestId('recovery-codes-done').click();
    await page.getByTestId('user-menu').waitFor();
    await page.goto(url('/account'));
    await expect.poll(() => page.getByTestId('two-step-status').textContent()).toBe('On');
    expect(await page.getByText('Required by your studio').count()).toBe(1);
    expect(await page.getByTestId('two-step-disable').count()).toBe(0);
    await shotBoth('account-required');
  });
  step(
    "the administrator resets the product owner's lost authenticator; the password alone signs in again",
    async () => {
      if (!session) throw new Error('no server');
      await page.goto(url('/admin/users'));
      const row = page.getByTestId(`user-row-${PO.email}`);
      await row.waitFor();
      await shotBoth('admin-users');
      await row.getByTestId('user-reset-totp').click();
      await page.getByTestId('confirm-action').click();
      await page.getByText(`Two-step sign-in reset for ${PO.name}`).waitFor();
      await page.context().clearCookies();
      await loginUi(page, session.url, PO);
      await page.goto(url('/account'));
      await expect.poll(() => page.getByTestId('two-step-status').textContent()).toBe('Off');
    },
  );
});
