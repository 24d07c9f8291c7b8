// Single sign-on against a real OpenID Connect provider (oidc-provider on 127.0.0.1), driven with plain HTTP like a
// browser: PI Studio's start redirect → the provider's login form → PI Studio's callback.
import { ZMe } from '@pi-studio/core/contract/auth';
import { ZSsoSettings, ZSsoTestResult } from '@pi-studio/core/contract/sign-in';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from '../../../../test/oidc-provider.ts';
import { users } from '../../../db/schema/accounts.ts';
import { auditEvents } from '../../../db/schema/audit.ts';
import { signInChallenges, userIdentities } from '../../../db/schema/sign-in.ts';
import { memberships } from '../../../db/schema/workspace.ts';
import { sha256 } from '../crypto.ts';

let t: TestContext;
let idp: TestProvider;
let admin: TestClient;

const rules = [
  { match: 'group', value: 'pi-builders', subsidiary: 'EMX', role: 'builder' },
  { match: 'group', value: 'pi-productops', subsidiary: 'EMX', role: 'productops' },
  { match: 'domain', value: 'studio.example', subsidiary: 'NXN', role: 'viewer' },
];

beforeAll(async () => {
  t = await createTestContext();
  await t.subsidiary('EMX');
  await t.subsidiary('NXN');
  await t.subsidiary('FINTX');
  idp = await startTestProvider({ redirectUris: ['http://localhost/api/v1/auth/oidc/callback'] });
  admin = await t.client(await t.user({ isAdmin: true })).login();
  // Each SSO start counts toward the per-client sign-in limit (20 a minute): every start here comes from its own
  // address, through a trusted proxy, except in the test of that limit.
  t.deps.config = { ...t.deps.config, trustProxy: true };
});
let clientNo = 0;
const nextClient = () => ({ 'x-forwarded-for': `10.9.${Math.floor(++clientNo / 250)}.${clientNo % 250}` });
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

type SsoOverrides = Partial<{
  jit: boolean;
  allowedDomains: string[];
  rules: typeof rules;
  localPasswordSignIn: boolean;
  clientSecret: string;
  issuer: string;
}>;

async function configure(over: SsoOverrides = {}) {
  const res = await admin.put('/api/v1/admin/sso', {
    enabled: true,
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    label: 'Studio IdP',
    jit: true,
    allowedDomains: [],
    groupsClaim: 'groups',
    rules,
    localPasswordSignIn: true,
    ...over,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ZSsoSettings.parse(await res.json());
}

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/** Start → provider login → the callback URL the provider sent the browser to (not yet visited). */
async function toCallback(login: string, returnTo = '/') {
  const start = await t.app.request(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`, {
    headers: nextClient(),
  });
  expect(start.status, await start.clone().text()).toBe(302);
  const handle = cookieOf(start, 'pis_sso');
  expect(handle).toBeTruthy();
  const callback = await signInAtProvider(start.headers.get('location') ?? '', login);
  expect(callback.pathname).toBe('/api/v1/auth/oidc/callback');
  return { callback, handle: handle as string };
}

const visit = (callback: URL, handle: string) =>
  t.app.request(`${callback.pathname}${callback.search}`, { headers: { cookie: `pis_sso=${handle}` } });

async function ssoSignIn(login: string, returnTo = '/') {
  const { callback, handle } = await toCallback(login, returnTo);
  return visit(callback, handle);
}

async function me(res: Response) {
  const session = cookieOf(res, 'pis_session');
  expect(session, `no session cookie; redirected to ${res.headers.get('location')}`).toBeTruthy();
  const r = await t.app.request('/api/v1/auth/me', { headers: { cookie: `pis_session=${session}` } });
  expect(r.status).toBe(200);
  return ZMe.parse(await r.json());
}

const roles = (m: { memberships: { subsidiary: string; role: string }[] }) =>
  Object.fromEntries(m.memberships.map((x) => [x.subsidiary, x.role]));

/** Changes what PI Studio remembered about a sign-in in progress, as if the callback belonged to another one. */
async function tamper(handle: string, data: Record<string, string>) {
  const id = sha256(handle);
  const [row] = await t.deps.db.select().from(signInChallenges).where(eq(signInChallenges.id, id));
  if (!row) throw new Error('no challenge stored');
  await t.deps.db
    .update(signInChallenges)
    .set({ data: { ...row.data, ...data } })
    .where(eq(signInChallenges.id, id));
}

function expectRefused(res: Response, code: string) {
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe(`/login?error=${code}`);
  expect(cookieOf(res, 'pis_session')).toBeUndefined();
}

describe('sign-in with the provider', () => {
  it('creates a just-in-time user with the mapped roles, links the identity and returns to returnTo', async () => {
    await configure({ jit: true });
    idp.setAccount({
      sub: 'ana-1',
      email: 'ana@studio.example',
      email_verified: true,
      name: 'Ana Ortiz',
      groups: ['pi-builders'],
    });
    const res = await ssoSignIn('ana-1', '/products?tab=all');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/products?tab=all');
    expect(res.headers.getSetCookie().join('\n')).toMatch(/pis_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const m = await me(res);
    expect(m.user).toMatchObject({ email: 'ana@studio.example', name: 'Ana Ortiz' });
    expect(roles(m)).toEqual({ EMX: 'builder', NXN: 'viewer' });

    const [identity] = await t.deps.db.select().from(userIdentities).where(eq(userIdentities.userId, m.user.id));
    expect(identity).toMatchObject({ issuer: idp.issuer, subject: 'ana-1', email: 'ana@studio.example' });
    const login = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, m.user.id), eq(auditEvents.action, 'auth.login')));
    expect(login.at(-1)?.after).toEqual({ method: 'oidc' });

    // A just-in-time user has no password anyone knows.
    const pw = await t.client().post('/api/v1/auth/login', { email: 'ana@studio.example', password: 'anything-12345' });
    expect(pw.status).toBe(401);
  });

  it('links an existing user by verified email when just-in-time users are off', async () => {
    await configure({ jit: false });
    const existing = await t.user({ email: 'ben@studio.example', roles: { FINTX: 'po' } });
    idp.setAccount({ sub: 'ben-1', email: 'Ben@Studio.example', email_verified: true, groups: ['pi-productops'] });
    const m = await me(await ssoSignIn('ben-1'));
    expect(m.user.id).toBe(existing.id);
    // FINTX is named by no rule: its hand-made membership stays.
    expect(roles(m)).toEqual({ EMX: 'productops', NXN: 'viewer', FINTX: 'po' });
    const links = await t.deps.db.select().from(userIdentities).where(eq(userIdentities.userId, existing.id));
    expect(links.map((l) => l.subject)).toEqual(['ben-1']);
  });

  it('refuses an unknown person when just-in-time users are off, and creates nobody', async () => {
    await configure({ jit: false });
    idp.setAccount({ sub: 'cat-1', email: 'cat@studio.example', email_verified: true });
    expectRefused(await ssoSignIn('cat-1'), 'sso_no_account');
    expect(await t.deps.db.select().from(users).where(eq(users.email, 'cat@studio.example'))).toEqual([]);
  });

  it('updates SSO-managed roles at each sign-in: changed, then removed, hand-made ones elsewhere kept', async () => {
    await configure({ jit: true });
    idp.setAccount({ sub: 'dan-1', email: 'dan@other.example', email_verified: true, groups: ['pi-builders'] });
    const first = await me(await ssoSignIn('dan-1'));
    expect(roles(first)).toEqual({ EMX: 'builder' });
    await t.deps.db.insert(memberships).values({
      userId: first.user.id,
      subsidiaryId: await t.subsidiary('FINTX'),
      role: 'viewer',
    });

    idp.setAccount({ sub: 'dan-1', email: 'dan@other.example', email_verified: true, groups: ['pi-productops'] });
    expect(roles(await me(await ssoSignIn('dan-1')))).toEqual({ EMX: 'productops', FINTX: 'viewer' });

    idp.setAccount({ sub: 'dan-1', email: 'dan@other.example', email_verified: true, groups: [] });
    expect(roles(await me(await ssoSignIn('dan-1')))).toEqual({ FINTX: 'viewer' });

    const synced = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, first.user.id), eq(auditEvents.action, 'user.memberships_synced')));
    expect(synced.map((e) => e.after)).toEqual([{ EMX: 'builder' }, { EMX: 'productops' }, { EMX: null }]);
  });

  it('refuses an email the provider does not vouch for', async () => {
    await configure({ jit: true });
    idp.setAccount({ sub: 'eve-1', email: 'eve@studio.example', email_verified: false });
    expectRefused(await ssoSignIn('eve-1'), 'sso_email_unverified');
  });

  it('refuses an email domain that is not allowed', async () => {
    await configure({ jit: true, allowedDomains: ['studio.example'] });
    idp.setAccount({ sub: 'fay-1', email: 'fay@elsewhere.example', email_verified: true });
    expectRefused(await ssoSignIn('fay-1'), 'sso_domain_not_allowed');
    idp.setAccount({ sub: 'fay-2', email: 'fay@studio.example', email_verified: true });
    expect((await me(await ssoSignIn('fay-2'))).user.email).toBe('fay@studio.example');
  });

  it('refuses a disabled account', async () => {
    await configure({ jit: false });
    await t.user({ email: 'gus@studio.example' });
    await t.deps.db.update(users).set({ disabled: true }).where(eq(users.email, 'gus@studio.example'));
    idp.setAccount({ sub: 'gus-1', email: 'gus@studio.example', email_verified: true });
    expectRefused(await ssoSignIn('gus-1'), 'sso_account_disabled');
  });
});

describe('the callback cannot be forged or replayed', () => {
  beforeAll(async () => {
    await configure({ jit: true });
    idp.setAccount({ sub: 'hal-1', email: 'hal@studio.example', email_verified: true });
  });

  it('refuses a wrong state', async () => {
    const { callback, handle } = await toCallback('hal-1');
    callback.searchParams.set('state', 'forged-state');
    expectRefused(await visit(callback, handle), 'sso_failed');
  });

  it('refuses a replayed callback', async () => {
    const { callback, handle } = await toCallback('hal-1');
    expect(cookieOf(await visit(callback, handle), 'pis_session')).toBeTruthy();
    expectRefused(await visit(callback, handle), 'sso_expired');
  });

  it('refuses a callback without the browser cookie of its start (login CSRF)', async () => {
    const { callback } = await toCallback('hal-1');
    expectRefused(await t.app.request(`${callback.pathname}${callback.search}`), 'sso_expired');
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const { callback, handle } = await toCallback('hal-1');
    await tamper(handle, { nonce: 'another-nonce' });
    expectRefused(await visit(callback, handle), 'sso_failed');
  });

  it('refuses an altered code, and a code without the PKCE verifier it was issued for', async () => {
    const a = await toCallback('hal-1');
    a.callback.searchParams.set('code', `${a.callback.searchParams.get('code')}x`);
    expectRefused(await visit(a.callback, a.handle), 'sso_failed');

    const b = await toCallback('hal-1');
    await tamper(b.handle, { codeVerifier: 'x'.repeat(43) });
    expectRefused(await visit(b.callback, b.handle), 'sso_failed');
  });

  it('refuses an ID token whose signature does not match the keys the provider publishes', async () => {
    const forged = await startTestProvider({
      redirectUris: ['http://localhost/api/v1/auth/oidc/callback'],
      accounts: [{ sub: 'mal-1', email: 'mal@studio.example', email_verified: true }],
      publishForeignKeys: true,
    });
    try {
      await configure({ issuer: forged.issuer, clientSecret: forged.clientSecret });
      expectRefused(await ssoSignIn('mal-1'), 'sso_failed');
      expect(await t.deps.db.select().from(users).where(eq(users.email, 'mal@studio.example'))).toEqual([]);
    } finally {
      await forged.close();
      await configure();
    }
  });

  it('refuses an expired sign-in', async () => {
    const { callback, handle } = await toCallback('hal-1');
    await t.deps.db
      .update(signInChallenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(signInChallenges.id, sha256(handle)));
    expectRefused(await visit(callback, handle), 'sso_expired');
  });

  it('reports a refusal at the provider as sso_denied', async () => {
    const { handle } = await toCallback('hal-1');
    const res = await t.app.request('/api/v1/auth/oidc/callback?error=access_denied&state=x', {
      headers: { cookie: `pis_sso=${handle}` },
    });
    expectRefused(res, 'sso_denied');
  });

  it('refuses a returnTo outside PI Studio (open redirect)', async () => {
    for (const bad of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await t.app.request(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(bad)}`, {
        headers: nextClient(),
      });
      expect(res.status, bad).toBe(422);
      const body = (await res.json()) as { invalid_params: { name: string }[] };
      expect(body.invalid_params[0]?.name).toBe('query.returnTo');
    }
  });
});

describe('password sign-in switched off', () => {
  it('refuses non-administrators with 403 and lets administrators in (emergency access)', async () => {
    const person = await t.user({ roles: { EMX: 'po' } });
    const root = await t.user({ isAdmin: true });
    await configure({ localPasswordSignIn: false });
    const providers = await (await t.app.request('/api/v1/auth/providers')).json();
    expect(providers).toEqual({ localPasswordSignIn: false, sso: { enabled: true, label: 'Studio IdP' } });

    const refused = await t.client().post('/api/v1/auth/login', { email: person.email, password: person.password });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('password_sign_in_disabled');
    // A wrong password answers as always, so the switch reveals nothing about the account.
    const wrong = await t.client().post('/api/v1/auth/login', { email: person.email, password: 'wrong-password-1' });
    expect(wrong.status).toBe(401);
    const ok = await t.client().post('/api/v1/auth/login', { email: root.email, password: root.password });
    expect(ok.status).toBe(200);

    await configure({ localPasswordSignIn: true });
    const back = await t.client().post('/api/v1/auth/login', { email: person.email, password: person.password });
    expect(back.status).toBe(200);
  });

  it('cannot be switched off while single sign-on is off', async () => {
    const ssoOff = (localPasswordSignIn: boolean) =>
      admin.put('/api/v1/admin/sso', {
        enabled: false,
        issuer: '',
        clientId: '',
        label: 'x',
        jit: false,
        allowedDomains: [],
        groupsClaim: 'groups',
        rules: [],
        localPasswordSignIn,
      });
    expect((await ssoOff(true)).status).toBe(200);
    const res = await ssoOff(false);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { invalid_params: { name: string }[] };
    expect(body.invalid_params.map((p) => p.name)).toEqual(['localPasswordSignIn']);
    // Nor through the sign-in settings of the two-step card.
    const viaSignIn = await admin.put('/api/v1/admin/sign-in', { localPasswordSignIn: false, requireTotp: 'off' });
    expect(viaSignIn.status).toBe(422);
    const providers = (await (await t.app.request('/api/v1/auth/providers')).json()) as {
      localPasswordSignIn: boolean;
    };
    expect(providers.localPasswordSignIn).toBe(true);
    await configure();
    const withSso = await admin.put('/api/v1/admin/sign-in', { localPasswordSignIn: false, requireTotp: 'off' });
    expect(withSso.status).toBe(200);
    await configure({ localPasswordSignIn: true });
  });
});

describe('administering single sign-on', () => {
  it('never returns the client secret and audits changes without it', async () => {
    await configure({ clientSecret: 'super-secret-value-1234' });
    const view = ZSsoSettings.parse(await (await admin.get('/api/v1/admin/sso')).json());
    expect(view).toMatchObject({
      source: 'settings',
      enabled: true,
      issuer: idp.issuer,
      clientSecretSet: true,
      redirectUri: 'http://localhost/api/v1/auth/oidc/callback',
      scopes: 'openid email profile',
    });
    expect(JSON.stringify(view)).not.toContain('super-secret-value');
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.sso_changed'));
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('super-secret-value');
    expect(events.at(-1)?.after).toMatchObject({ clientSecretSet: true, issuer: idp.issuer });
    // Saving without clientSecret keeps the saved one.
    await configure({ clientSecret: undefined });
    idp.setAccount({ sub: 'ida-1', email: 'ida@studio.example', email_verified: true });
    await configure();
  });

  it('validates the issuer, the rules and names the fields', async () => {
    const res = await admin.put('/api/v1/admin/sso', {
      enabled: true,
      issuer: 'http://idp.example.com',
      clientId: 'x',
      label: 'x',
      jit: false,
      allowedDomains: ['not a domain'],
      groupsClaim: 'groups',
      rules: [{ match: 'group', value: 'g', subsidiary: 'NOPE', role: 'po' }],
      localPasswordSignIn: true,
    });
    expect(res.status).toBe(422);
    const names = ((await res.json()) as { invalid_params: { name: string }[] }).invalid_params.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['issuer', 'allowedDomains.0']));
    const rule = await admin.put('/api/v1/admin/sso', {
      enabled: true,
      issuer: idp.issuer,
      clientId: 'x',
      label: 'x',
      jit: false,
      allowedDomains: [],
      groupsClaim: 'groups',
      rules: [{ match: 'group', value: 'g', subsidiary: 'NOPE', role: 'po' }],
      localPasswordSignIn: true,
    });
    expect(rule.status).toBe(422);
    const ruleBody = (await rule.json()) as { invalid_params: { name: string }[] };
    expect(ruleBody.invalid_params.map((p) => p.name)).toEqual(['rules.0.subsidiary']);
  });

  it('tests a connection by discovery and reports a dead issuer without failing', async () => {
    const ok = await admin.post('/api/v1/admin/sso/test', { issuer: idp.issuer });
    expect(ok.status).toBe(200);
    expect(ZSsoTestResult.parse(await ok.json())).toMatchObject({
      ok: true,
      provider: {
        issuer: idp.issuer,
        authorizationEndpoint: `${idp.issuer}/auth`,
        pkceS256: true,
        jwksUri: `${idp.issuer}/jwks`,
      },
    });
    const dead = await admin.post('/api/v1/admin/sso/test', { issuer: 'http://127.0.0.1:9/' });
    expect(dead.status).toBe(200);
    expect(ZSsoTestResult.parse(await dead.json())).toMatchObject({
      ok: false,
      error: expect.stringContaining('discovery'),
    });
  });

  it('lets the environment win: the provider comes from PISTUDIO_OIDC_* and the view says so', async () => {
    const saved = t.deps.config;
    t.deps.config = {
      ...saved,
      oidc: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, label: 'Microsoft' },
    };
    try {
      await admin.put('/api/v1/admin/sso', {
        enabled: false,
        issuer: '',
        clientId: '',
        label: 'ignored',
        jit: true,
        allowedDomains: [],
        groupsClaim: 'groups',
        rules,
        localPasswordSignIn: true,
      });
      const view = (await (await admin.get('/api/v1/admin/sso')).json()) as Record<string, unknown>;
      expect(view).toMatchObject({ source: 'environment', enabled: true, label: 'Microsoft', clientSecretSet: true });
      const providers = await (await t.app.request('/api/v1/auth/providers')).json();
      expect(providers).toMatchObject({ sso: { enabled: true, label: 'Microsoft' } });
      idp.setAccount({ sub: 'jon-1', email: 'jon@studio.example', email_verified: true });
      expect((await me(await ssoSignIn('jon-1'))).user.email).toBe('jon@studio.example');
    } finally {
      t.deps.config = saved;
    }
    // The saved provider was kept while the environment pinned it.
    const view = (await (await admin.get('/api/v1/admin/sso')).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ source: 'settings', issuer: idp.issuer, label: 'Studio IdP' });
  });

  it('limits sign-in starts per client like password attempts, answering with a redirect', async () => {
    await configure();
    const from = { 'x-forwarded-for': '10.99.0.1' };
    const codes: (string | null)[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await t.app.request('/api/v1/auth/oidc/start', { headers: from });
      codes.push(res.headers.get('location'));
    }
    expect(codes.slice(0, 20).every((l) => l?.startsWith(idp.issuer))).toBe(true);
    expect(codes[20]).toBe('/login?error=sso_rate_limited');
  });

  it('sends people to the login page when single sign-on is not set up', async () => {
    await configure();
    await admin.put('/api/v1/admin/sso', {
      enabled: false,
      issuer: idp.issuer,
      clientId: idp.clientId,
      label: 'Studio IdP',
      jit: false,
      allowedDomains: [],
      groupsClaim: 'groups',
      rules: [],
      localPasswordSignIn: true,
    });
    expectRefused(await t.app.request('/api/v1/auth/oidc/start', { headers: nextClient() }), 'sso_not_configured');
    expect(await (await t.app.request('/api/v1/auth/providers')).json()).toEqual({
      localPasswordSignIn: true,
      sso: { enabled: false, label: 'Studio IdP' },
    });
  });
});
