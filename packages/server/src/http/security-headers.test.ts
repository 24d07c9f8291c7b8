// Security headers on every response (issue #9, defect 9), the Secure flag on the logout cookie behind TLS and the
// client address behind trusted proxies (defects 10 and 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../test/harness.ts';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';

let t: TestContext;
let user: TestUser;

beforeAll(async () => {
  t = await createTestContext();
  user = await t.user({ isAdmin: true });
});
afterAll(async () => t?.close());

/** The same database behind an app configured as if a reverse proxy stood in front of it. */
const behindProxy = (over: Partial<Config> = {}) =>
  buildApp({ ...t.deps, config: { ...t.deps.config, trustProxy: true, trustProxyHops: 1, ...over } });

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? '').split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('security headers', () => {
  it.each(['/api/v1/auth/me', '/api/v1/no-such-route', '/healthz', '/', '/products/EMX-X'])(
    '%s carries CSP without inline script, nosniff, a referrer policy and no HSTS over plain HTTP',
    async (path) => {
      const res = await t.app.request(path);
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('object-src')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'self'");
      expect(csp.get('default-src')).toBe("'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('marks API answers, errors included, as not cacheable, and leaves the web pages alone', async () => {
    for (const path of ['/api/v1/auth/me', '/api/v1/openapi.json', '/healthz']) {
      expect((await t.app.request(path)).headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await t.app.request('/')).headers.get('cache-control')).not.toBe('no-store');
  });

  it('sends HSTS over TLS: an https URL, or a trusted proxy saying X-Forwarded-Proto: https', async () => {
    const https = await t.app.request('https://studio.example/api/v1/auth/me');
    expect(https.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8}/);
    const proxied = await behindProxy().request('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=/);
    // Without a trusted proxy the header is the client's word and counts for nothing.
    const claimed = await t.app.request('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the logout cookie', () => {
  it('is Secure behind TLS, like the cookie it clears', async () => {
    const app = behindProxy();
    const headers = { 'content-type': 'application/json', 'x-forwarded-proto': 'https' };
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toContain('Secure');
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const out = await app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { ...headers, cookie, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0.*Secure/);
  });
});

describe('the sign-in rate limit behind a trusted proxy', () => {
  const attempt = (app: ReturnType<typeof buildApp>, forwardedFor: string) =>
    app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ email: 'nobody@test.local', password: 'wrong-password' }),
    });

  it('counts the address the proxy appended, so forged leftmost entries do not escape the limit', async () => {
    const app = behindProxy();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await attempt(app, `10.9.${i}.1, 198.51.100.7`)).status);
    expect(statuses).toContain(429);
  });

  it('with two trusted hops, takes the entry two from the right', async () => {
    const app = behindProxy({ trustProxyHops: 2 });
    const statuses: number[] = [];
    // The client forges the first entry; proxy 1 appends the client (203.0.113.9), proxy 2 appends proxy 1.
    for (let i = 0; i < 25; i++) statuses.push((await attempt(app, `10.8.${i}.1, 203.0.113.9, 10.0.0.2`)).status);
    expect(statuses).toContain(429);
    // Another real client behind the same proxies is not limited by the first one's attempts.
    expect((await attempt(app, '203.0.113.10, 10.0.0.2')).status).toBe(401);
  });
});
