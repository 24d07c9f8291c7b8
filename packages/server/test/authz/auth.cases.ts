import { randomUUID } from 'node:crypto';
import { TEST_PASSWORD } from '../harness.ts';
import type { Expectations } from './route-case.ts';

export const authCases: Expectations = {
  'POST /auth/login': {
    policy: 'public',
    build: async (f) => {
      const u = await f.spareUser();
      f.clock.beforeLogin();
      return { path: '/api/v1/auth/login', body: { email: u.email, password: u.password } };
    },
  },
  'POST /auth/logout': {
    policy: 'signed-in',
    freshCaller: true,
    build: () => ({ path: '/api/v1/auth/logout' }),
  },
  'GET /auth/me': { policy: 'signed-in', build: () => ({ path: '/api/v1/auth/me' }) },
  'POST /auth/password': {
    policy: 'signed-in',
    freshCaller: true,
    build: () => ({
      path: '/api/v1/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD}-2` },
    }),
  },
  'GET /tokens': { policy: 'signed-in', build: () => ({ path: '/api/v1/tokens' }) },
  'POST /tokens': {
    policy: 'signed-in',
    build: (f) => ({ path: '/api/v1/tokens', body: { name: f.unique('matrix-token-'), scopes: ['read'] } }),
  },
  'DELETE /tokens/:id': {
    policy: 'signed-in',
    build: async (f, _sub, caller) => {
      if (!caller.user) return { path: `/api/v1/tokens/${randomUUID()}` };
      const res = await caller.client.post('/api/v1/tokens', { name: f.unique('to-revoke-'), scopes: ['read'] });
      const { id } = (await res.json()) as { id: string };
      return { path: `/api/v1/tokens/${id}` };
    },
  },
  // Single sign-on: the login page and the two browser redirects are public; without a provider set up the
  // redirects lead to /login?error=… (302), which still proves access was not refused.
  'GET /auth/providers': { policy: 'public', build: () => ({ path: '/api/v1/auth/providers' }) },
  'GET /auth/oidc/start': {
    policy: 'public',
    // A start counts toward the per-client sign-in limit, like a password attempt.
    build: (f) => {
      f.clock.beforeLogin();
      return { path: '/api/v1/auth/oidc/start?returnTo=/' };
    },
  },
  'GET /auth/oidc/callback': {
    policy: 'public',
    build: () => ({ path: '/api/v1/auth/oidc/callback?code=x&state=y' }),
  },
  'GET /admin/sso': { policy: 'admin', build: () => ({ path: '/api/v1/admin/sso' }) },
  'PUT /admin/sso': {
    policy: 'admin',
    build: () => ({
      path: '/api/v1/admin/sso',
      body: {
        enabled: false,
        issuer: '',
        clientId: '',
        label: 'Company account',
        jit: false,
        allowedDomains: [],
        groupsClaim: 'groups',
        rules: [],
        localPasswordSignIn: true,
      },
    }),
  },
  // No issuer given and none saved: answers {ok:false} without any outbound request.
  'POST /admin/sso/test': { policy: 'admin', build: () => ({ path: '/api/v1/admin/sso/test', body: {} }) },
};
