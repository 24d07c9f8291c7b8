// Single sign-on in a real browser against a real OpenID Connect provider (oidc-provider, started here): the admin
// sets the provider up on the Sign-in page and tests the connection; a new person then clicks "Sign in with …",
// signs in on the provider's own login form and lands back in PI Studio with the role the group rule gives.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { startTestProvider, type TestProvider } from '../packages/server/test/oidc-provider.ts';
import { loginApi } from './support/api-client.ts';
import { type Browser, chromiumAvailable, launchBrowser, loginUi } from './support/browser.ts';
import { ADMIN, SUBSIDIARY, seedStudio, serverEnv } from './support/seed.ts';
import { ensureWebBuilt, startServer, type TestServer } from './support/server.ts';
import { journey } from './support/steps.ts';

const PERSON = { sub: 'nora-1', email: 'nora@studio.example', name: 'Nora Builder', groups: ['pi-builders'] };

describe.runIf(chromiumAvailable())('journey: single sign-on', () => {
  let server: TestServer | undefined;
  let idp: TestProvider | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const outbound: string[] = [];
  const errors: string[] = [];
  const { step, shot } = journey('sso-journey', () => page);
  const url = (path: string) => `${server?.url ?? ''}${path}`;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer(serverEnv());
    await seedStudio(server.url);
    idp = await startTestProvider({
      redirectUris: [`${server.url}/api/v1/auth/oidc/callback`],
      accounts: [{ ...PERSON, email_verified: true }],
    });
    browser = await launchBrowser();
    browser.page.setDefaultTimeout(15_000);
    page = browser.page;
    const allowed = [new URL(server.url).origin, new URL(idp.issuer).origin];
    await browser.context.route('**/*', (route) => {
      const req = route.request();
      if (allowed.some((o) => req.url().startsWith(o)) || req.url().startsWith('data:')) return route.continue();
      // The provider's development pages link a web font; PI Studio's own pages must reach nothing outside.
      if (
        !req
          .frame()
          .url()
          .startsWith(new URL(idp?.issuer ?? 'http://x').origin)
      )
        outbound.push(req.url());
      return route.abort();
    });
    page.on('pageerror', (err) => errors.push(err.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await idp?.close();
    expect(outbound, 'requests outside PI Studio and the provider').toEqual([]);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });

  const choose = async (testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  step('the admin sets up the provider on the Sign-in page and tests the connection', async () => {
    if (!server || !idp) throw new Error('no server');
    await loginUi(page, server.url, ADMIN);
    await page.goto(url('/admin/sign-in'));
    const card = page.getByTestId('sso-settings');
    await card.waitFor();
    expect(await page.getByTestId('sso-redirect-uri').textContent()).toBe(`${server.url}/api/v1/auth/oidc/callback`);
    await page.getByTestId('sso-enabled').check();
    await page.getByTestId('sso-issuer').fill(idp.issuer);
    await page.getByTestId('sso-client-id').fill(idp.clientId);
    await page.getByTestId('sso-client-secret').fill(idp.clientSecret);
    await page.getByTestId('sso-label').fill('Studio IdP');
    await page.getByTestId('sso-test-button').click();
    await page.getByTestId('sso-test-ok').waitFor();
    expect(await page.getByTestId('sso-test-ok').textContent()).toContain('PKCE (S256): supported');
    await page.getByTestId('sso-jit').check();
    await page.getByTestId('sso-add-rule').click();
    await page.getByTestId('sso-rule-value-0').fill('pi-builders');
    await choose('sso-rule-subsidiary-0', SUBSIDIARY);
    await choose('sso-rule-role-0', 'Builder');
    await page.getByTestId('sso-save').click();
    await page.getByText('Single sign-on settings saved').waitFor();
    await page.getByTestId('sso-client-secret').waitFor();
    expect(await page.getByTestId('sso-client-secret').inputValue()).toBe('');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'admin-sso-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'admin-sso-390');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  step('a signed-out visitor sees "Sign in with Studio IdP" on the login page', async () => {
    await page.context().clearCookies();
    await page.goto(url('/products'));
    await page.getByTestId('sso-button').waitFor();
    expect(await page.getByTestId('sso-button').textContent()).toBe('Sign in with Studio IdP');
    await shot(page, 'login-with-sso');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'login-with-sso-390');
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  step('clicks it, signs in on the provider and is back in PI Studio as the mapped user', async () => {
    await page.getByTestId('sso-button').click();
    await page.locator('input[name="login"]').waitFor();
    await shot(page, 'provider-login-form');
    await page.locator('input[name="login"]').fill(PERSON.sub);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/products');
    expect(await page.getByTestId('user-menu').textContent()).toContain(PERSON.name);
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me).toMatchObject({
      user: { email: PERSON.email },
      memberships: [{ subsidiary: SUBSIDIARY, role: 'builder' }],
    });
  });

  step('a refused sign-in comes back to the login page with a readable message', async () => {
    if (!idp) throw new Error('no provider');
    await page.context().clearCookies();
    idp.setAccount({ sub: 'out-1', email: 'out@studio.example', email_verified: false });
    await page.goto(url('/'));
    await page.getByTestId('sso-button').click();
    await page.locator('input[name="login"]').fill('out-1');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('sso-error').waitFor();
    expect(new URL(page.url()).search).toBe('?error=sso_email_unverified');
    expect(await page.getByTestId('sso-error').textContent()).toContain('did not confirm your email address');
  });

  step('with password sign-in off, the password form hides behind "Administrator sign-in"', async () => {
    if (!server || !idp) throw new Error('no server');
    // The same switch the admin page sets, through the API to keep this step short.
    const admin = await loginApi(server.url, ADMIN.email, ADMIN.password);
    const current = await admin.get<Record<string, unknown>>('/admin/sso');
    const { source: _s, clientSecretSet: _c, redirectUri: _r, scopes: _sc, ...body } = current;
    await admin.put('/admin/sso', { ...body, localPasswordSignIn: false });
    await page.context().clearCookies();
    await page.goto(url('/'));
    await page.getByTestId('admin-sign-in').waitFor();
    expect(await page.getByRole('textbox', { name: 'Email' }).count()).toBe(0);
    await shot(page, 'login-sso-only');
    await page.getByTestId('admin-sign-in').click();
    await loginUiFilled(page, ADMIN);
    expect(await page.getByTestId('user-menu').textContent()).toBeTruthy();
  });
});

async function loginUiFilled(page: Page, user: { email: string; password: string }) {
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByRole('textbox', { name: 'Password' }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('user-menu').waitFor();
}
