// Second factor and sign-in settings. The sign-in steps are public: the challenge handle is the credential, so
// the fixtures store a challenge (and an authenticator) for a spare user and send its current code.
import { randomUUID } from 'node:crypto';
import { generate, generateSecret } from 'otplib';
import { signInChallenges, totpFactors } from '../../src/db/schema/sign-in.ts';
import { randomToken, sha256 } from '../../src/modules/auth/crypto.ts';
import { TEST_PASSWORD } from '../harness.ts';
import type { Fixtures } from './fixtures.ts';
import type { Expectations } from './route-case.ts';

/** A spare user with an authenticator (confirmed or not) and a live sign-in challenge for `step`. */
async function pendingSignIn(f: Fixtures, step: 'totp' | 'totp_enrolment') {
  const user = await f.spareUser();
  const secret = generateSecret();
  const now = f.clock.now();
  await f.t.deps.db.insert(totpFactors).values({ userId: user.id, secret, confirmedAt: step === 'totp' ? now : null });
  const challenge = randomToken();
  await f.t.deps.db.insert(signInChallenges).values({
    id: sha256(challenge),
    kind: 'totp',
    userId: user.id,
    data: { step },
    expiresAt: new Date(now.getTime() + 5 * 60_000),
  });
  f.clock.beforeLogin(); // the step counts toward the per-client sign-in limit
  const code = await generate({ secret, epoch: Math.floor(f.clock.now().getTime() / 1000) });
  return { challenge, code };
}

export const totpCases: Expectations = {
  'POST /auth/login/totp': {
    policy: 'public',
    build: async (f) => ({ path: '/api/v1/auth/login/totp', body: await pendingSignIn(f, 'totp') }),
  },
  'POST /auth/login/totp-enrolment': {
    policy: 'public',
    build: async (f) => {
      const { challenge } = await pendingSignIn(f, 'totp_enrolment');
      return { path: '/api/v1/auth/login/totp-enrolment', body: { challenge } };
    },
  },
  'POST /auth/login/totp-enrolment/confirm': {
    policy: 'public',
    build: async (f) => ({
      path: '/api/v1/auth/login/totp-enrolment/confirm',
      body: await pendingSignIn(f, 'totp_enrolment'),
    }),
  },
  'POST /auth/totp': { policy: 'signed-in', freshCaller: true, build: () => ({ path: '/api/v1/auth/totp' }) },
  'POST /auth/totp/confirm': {
    policy: 'signed-in',
    freshCaller: true,
    build: async (f, _sub, caller) => {
      if (!caller.user) return { path: '/api/v1/auth/totp/confirm', body: { code: '123456' } };
      const started = await caller.client.post('/api/v1/auth/totp');
      const { secret } = (await started.json()) as { secret: string };
      const code = await generate({ secret, epoch: Math.floor(f.clock.now().getTime() / 1000) });
      return { path: '/api/v1/auth/totp/confirm', body: { code } };
    },
  },
  'DELETE /auth/totp': {
    policy: 'signed-in',
    freshCaller: true,
    // Without a factor the answer is 409 totp_not_enabled: past access control, which is what the matrix checks.
    build: () => ({ path: '/api/v1/auth/totp', body: { currentPassword: TEST_PASSWORD } }),
  },
  'POST /auth/totp/recovery-codes': {
    policy: 'signed-in',
    freshCaller: true,
    build: () => ({ path: '/api/v1/auth/totp/recovery-codes', body: { currentPassword: TEST_PASSWORD } }),
  },
  'GET /admin/sign-in': { policy: 'admin', build: () => ({ path: '/api/v1/admin/sign-in' }) },
  'PUT /admin/sign-in': {
    policy: 'admin',
    build: () => ({ path: '/api/v1/admin/sign-in', body: { localPasswordSignIn: true, requireTotp: 'off' } }),
  },
  'DELETE /users/:id/totp': {
    policy: 'admin',
    build: async (f) => {
      const u = await f.spareUser();
      return { path: `/api/v1/users/${u?.id ?? randomUUID()}/totp` };
    },
  },
};
