// Second factor (TOTP) through the real app: enrolment, the sign-in steps, replay and wrong-code limits, recovery
// codes, the studio policy and the administrator's reset. Codes come from otplib at the app's injected clock.
import { ZEnrolment, ZRecoveryCodes, ZSession, ZSignInStep } from '@pi-studio/core/contract/auth';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../../test/harness.ts';
import { auditEvents } from '../../../db/schema/audit.ts';

let nowMs = Date.UTC(2026, 10, 2, 9, 0, 0);
let t: TestContext;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createTestContext({ now: () => new Date(nowMs) });
  admin = await signedIn(await t.user({ isAdmin: true }));
});
afterAll(async () => t?.close());
// Sign-ins are limited per client per minute, and a code is accepted once per 30 s step: each test starts later.
beforeEach(() => {
  nowMs += 61_000;
});

const code = (secret: string, atMs = nowMs) => generate({ secret, epoch: Math.floor(atMs / 1000) });

type Json = Record<string, unknown>;
const post = (path: string, body: unknown) =>
  t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A browser-like client on the session a sign-in response started (cookie + CSRF token). */
async function sessionOf(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^pis_session=.+/);
  // A sign-in answer: the session, plus the first recovery codes when it completed an enrolment.
  const body = ZSession.extend(ZRecoveryCodes.partial().shape).parse(await res.json());
  const call = (method: string, path: string, payload?: unknown) =>
    t.app.request(path, {
      method,
      headers: {
        cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': body.csrfToken }),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
  return {
    body,
    get: (path: string) => call('GET', path),
    post: (path: string, payload?: unknown) => call('POST', path, payload),
    put: (path: string, payload?: unknown) => call('PUT', path, payload),
    delete: (path: string, payload?: unknown) => call('DELETE', path, payload),
  };
}

const signedIn = async (u: TestUser) =>
  sessionOf(await post('/api/v1/auth/login', { email: u.email, password: u.password }));

async function passwordStep(u: TestUser, expected: 'totp' | 'totp_enrolment') {
  const res = await post('/api/v1/auth/login', { email: u.email, password: u.password });
  expect(res.status).toBe(200);
  expect(res.headers.get('set-cookie')).toBeNull();
  const body = ZSignInStep.parse(await res.json());
  expect(body.next).toBe(expected);
  return body.challenge;
}

/** A user with two-step sign-in turned on through the account routes; returns the secret and recovery codes. */
async function enrolled(opts: { isAdmin?: boolean } = {}) {
  const user = await t.user(opts);
  const s = await signedIn(user);
  const started = await s.post('/api/v1/auth/totp');
  expect(started.status).toBe(201);
  const { secret, otpauthUri } = ZEnrolment.parse(await started.json());
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/PI%20Studio:.+\?secret=/);
  const confirmed = await s.post('/api/v1/auth/totp/confirm', { code: await code(secret) });
  expect(confirmed.status).toBe(200);
  const { recoveryCodes } = ZRecoveryCodes.parse(await confirmed.json());
  nowMs += 30_000; // the confirming code's step is used up
  return { user, secret, recoveryCodes, session: s };
}

const setPolicy = async (requireTotp: 'off' | 'admins' | 'everyone') => {
  const res = await admin.put('/api/v1/admin/sign-in', { localPasswordSignIn: true, requireTotp });
  expect(res.status).toBe(200);
};

const problem = async (res: Response) => ({ status: res.status, code: ((await res.json()) as Json).code });

async function audited(userId: string, action: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, userId), eq(auditEvents.action, action)));
}

describe('without a second factor', () => {
  it('signs in exactly as before: cookie and { userId, csrfToken, expiresAt }', async () => {
    const u = await t.user();
    const s = await signedIn(u);
    expect(Object.keys(s.body).sort()).toEqual(['csrfToken', 'expiresAt', 'userId']);
    const me = (await (await s.get('/api/v1/auth/me')).json()) as Json;
    expect(me.totp).toEqual({ enabled: false, recoveryCodesLeft: 0, required: false });
  });
});

describe('enrolment in the account', () => {
  it('turns on with the first code and gives 10 recovery codes once', async () => {
    const u = await t.user();
    const s = await signedIn(u);
    const { secret } = (await (await s.post('/api/v1/auth/totp')).json()) as { secret: string };
    const wrong = await s.post('/api/v1/auth/totp/confirm', {
      code: '000000' === (await code(secret)) ? '111111' : '000000',
    });
    expect(await problem(wrong)).toEqual({ status: 422, code: 'validation_failed' });
    const ok = await s.post('/api/v1/auth/totp/confirm', { code: await code(secret) });
    const { recoveryCodes } = (await ok.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes[0]).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    const me = (await (await s.get('/api/v1/auth/me')).json()) as Json;
    expect(me.totp).toEqual({ enabled: true, recoveryCodesLeft: 10, required: false });
    expect(await problem(await s.post('/api/v1/auth/totp'))).toEqual({ status: 409, code: 'totp_already_enabled' });
    expect(await audited(u.id, 'auth.totp_enabled')).toHaveLength(1);
  });

  it('names the field when the code is not six digits', async () => {
    const s = await signedIn(await t.user());
    await s.post('/api/v1/auth/totp');
    const res = await s.post('/api/v1/auth/totp/confirm', { code: '12ab' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { invalid_params: { name: string }[] }).invalid_params[0]?.name).toBe('code');
  });
});

describe('sign-in with a second factor', () => {
  it('asks for a code after the password and starts the session only with it', async () => {
    const { user, secret } = await enrolled();
    const challenge = await passwordStep(user, 'totp');
    const s = await sessionOf(await post('/api/v1/auth/login/totp', { challenge, code: await code(secret) }));
    expect(Object.keys(s.body).sort()).toEqual(['csrfToken', 'expiresAt', 'userId']);
    expect((await s.get('/api/v1/auth/me')).status).toBe(200);
    const logins = await audited(user.id, 'auth.login');
    expect(logins.map((e) => (e.after as Json).method)).toContain('totp');
    // The challenge was used: it cannot start a second session.
    const again = await post('/api/v1/auth/login/totp', { challenge, code: await code(secret) });
    expect(await problem(again)).toEqual({ status: 401, code: 'challenge_expired' });
  });

  it('accepts a code once (no replay within its time step)', async () => {
    const { user, secret } = await enrolled();
    const used = await code(secret);
    await sessionOf(await post('/api/v1/auth/login/totp', { challenge: await passwordStep(user, 'totp'), code: used }));
    const replay = await post('/api/v1/auth/login/totp', { challenge: await passwordStep(user, 'totp'), code: used });
    expect(await problem(replay)).toEqual({ status: 401, code: 'wrong_code' });
    nowMs += 30_000;
    const next = await post('/api/v1/auth/login/totp', {
      challenge: await passwordStep(user, 'totp'),
      code: await code(secret),
    });
    expect(next.status).toBe(200);
  });

  it('accepts the previous step (clock drift) but not two steps back', async () => {
    const { user, secret } = await enrolled();
    nowMs += 60_000; // away from the step the enrolment used
    const stale = await code(secret, nowMs - 60_000);
    const tooOld = await post('/api/v1/auth/login/totp', { challenge: await passwordStep(user, 'totp'), code: stale });
    expect(await problem(tooOld)).toEqual({ status: 401, code: 'wrong_code' });
    const drift = await post('/api/v1/auth/login/totp', {
      challenge: await passwordStep(user, 'totp'),
      code: await code(secret, nowMs - 30_000),
    });
    expect(drift.status).toBe(200);
  });

  it('ends the challenge at the fifth wrong code, and wrong codes count toward the account lockout', async () => {
    const { user, secret } = await enrolled();
    const challenge = await passwordStep(user, 'totp');
    const right = await code(secret);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 1; i <= 4; i++) {
      expect(await problem(await post('/api/v1/auth/login/totp', { challenge, code: wrong }))).toEqual({
        status: 401,
        code: 'wrong_code',
      });
    }
    const fifth = await post('/api/v1/auth/login/totp', { challenge, code: wrong });
    expect(await problem(fifth)).toEqual({ status: 401, code: 'challenge_expired' });
    const late = await post('/api/v1/auth/login/totp', { challenge, code: right });
    expect(await problem(late)).toEqual({ status: 401, code: 'challenge_expired' });
    expect(await audited(user.id, 'auth.totp_failed')).toHaveLength(4);
    // Five failures in a row lock the account, whichever step they happened at.
    const locked = await post('/api/v1/auth/login', { email: user.email, password: user.password });
    expect(await problem(locked)).toEqual({ status: 429, code: 'account_locked' });
  });

  it('a right password does not wipe the count of wrong codes', async () => {
    const { user, secret } = await enrolled();
    const wrong = (await code(secret)) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 3; i++) {
      await post('/api/v1/auth/login/totp', { challenge: await passwordStep(user, 'totp'), code: wrong });
    }
    const challenge = await passwordStep(user, 'totp');
    await post('/api/v1/auth/login/totp', { challenge, code: wrong });
    await post('/api/v1/auth/login/totp', { challenge, code: wrong });
    const locked = await post('/api/v1/auth/login', { email: user.email, password: user.password });
    expect(await problem(locked)).toEqual({ status: 429, code: 'account_locked' });
  });

  it('expires the challenge after five minutes', async () => {
    const { user, secret } = await enrolled();
    const challenge = await passwordStep(user, 'totp');
    nowMs += 5 * 60_000 + 1_000;
    const res = await post('/api/v1/auth/login/totp', { challenge, code: await code(secret) });
    expect(await problem(res)).toEqual({ status: 401, code: 'challenge_expired' });
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const { user, recoveryCodes } = await enrolled();
    const first = recoveryCodes[0] ?? '';
    const typed = ` ${first.toUpperCase().replace('-', ' ')} `;
    const s = await sessionOf(
      await post('/api/v1/auth/login/totp', { challenge: await passwordStep(user, 'totp'), recoveryCode: typed }),
    );
    const me = (await (await s.get('/api/v1/auth/me')).json()) as { totp: Json };
    expect(me.totp.recoveryCodesLeft).toBe(9);
    expect(await audited(user.id, 'auth.recovery_code_used')).toHaveLength(1);
    const again = await post('/api/v1/auth/login/totp', {
      challenge: await passwordStep(user, 'totp'),
      recoveryCode: first,
    });
    expect(await problem(again)).toEqual({ status: 401, code: 'wrong_code' });
  });

  it('refuses a body with both or neither of code and recoveryCode, naming the field', async () => {
    const { user } = await enrolled();
    const challenge = await passwordStep(user, 'totp');
    const both = await post('/api/v1/auth/login/totp', { challenge, code: '123456', recoveryCode: 'abcde-fghij' });
    expect(both.status).toBe(422);
    expect(((await both.json()) as { invalid_params: { name: string }[] }).invalid_params[0]?.name).toBe('code');
    expect((await post('/api/v1/auth/login/totp', { challenge })).status).toBe(422);
  });

  it('a new set of recovery codes voids the old one', async () => {
    const { user, recoveryCodes, session } = await enrolled();
    const wrongPw = await session.post('/api/v1/auth/totp/recovery-codes', { currentPassword: 'not-my-password' });
    expect(await problem(wrongPw)).toEqual({ status: 422, code: 'validation_failed' });
    const res = await session.post('/api/v1/auth/totp/recovery-codes', { currentPassword: user.password });
    const fresh = ZRecoveryCodes.parse(await res.json()).recoveryCodes;
    expect(fresh).toHaveLength(10);
    const old = await post('/api/v1/auth/login/totp', {
      challenge: await passwordStep(user, 'totp'),
      recoveryCode: recoveryCodes[1],
    });
    expect(await problem(old)).toEqual({ status: 401, code: 'wrong_code' });
    const ok = await post('/api/v1/auth/login/totp', {
      challenge: await passwordStep(user, 'totp'),
      recoveryCode: fresh[1],
    });
    expect(ok.status).toBe(200);
  });

  it('turns off with the current password; sign-in is password-only again', async () => {
    const { user, session } = await enrolled();
    const wrongPw = await session.delete('/api/v1/auth/totp', { currentPassword: 'not-my-password' });
    expect(await problem(wrongPw)).toEqual({ status: 422, code: 'validation_failed' });
    expect((await session.delete('/api/v1/auth/totp', { currentPassword: user.password })).status).toBe(204);
    await signedIn(user);
    expect(await audited(user.id, 'auth.totp_disabled')).toHaveLength(1);
  });

  it('leaves API tokens working without a code (a token is a separate credential)', async () => {
    const { session } = await enrolled();
    const { token } = (await (await session.post('/api/v1/tokens', { name: 'ci', scopes: ['read'] })).json()) as {
      token: string;
    };
    const me = await t.app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  });
});

describe('studio policy', () => {
  beforeEach(async () => setPolicy('off'));
  afterAll(async () => setPolicy('off'));

  it('only administrators read and change the sign-in settings, and changes are audited', async () => {
    const other = await signedIn(await t.user());
    expect((await other.get('/api/v1/admin/sign-in')).status).toBe(403);
    expect(
      (await other.put('/api/v1/admin/sign-in', { localPasswordSignIn: true, requireTotp: 'everyone' })).status,
    ).toBe(403);
    await setPolicy('admins');
    expect(await (await admin.get('/api/v1/admin/sign-in')).json()).toEqual({
      localPasswordSignIn: true,
      requireTotp: 'admins',
    });
    const bad = await admin.put('/api/v1/admin/sign-in', { localPasswordSignIn: true, requireTotp: 'sometimes' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { invalid_params: { name: string }[] }).invalid_params[0]?.name).toBe('requireTotp');
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.sign_in_changed'));
    expect(events.length).toBeGreaterThan(0);
  });

  it('does not turn password sign-in off here while single sign-on is off', async () => {
    const res = await admin.put('/api/v1/admin/sign-in', { localPasswordSignIn: false, requireTotp: 'off' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { invalid_params: { name: string }[] }).invalid_params[0]?.name).toBe(
      'localPasswordSignIn',
    );
    expect(await (await admin.get('/api/v1/admin/sign-in')).json()).toMatchObject({ localPasswordSignIn: true });
  });

  it('makes an administrator without a factor set one up before any session starts', async () => {
    await setPolicy('admins');
    const u = await t.user({ isAdmin: true });
    const challenge = await passwordStep(u, 'totp_enrolment');
    // The enrolment challenge is not a code challenge.
    expect(await problem(await post('/api/v1/auth/login/totp', { challenge, code: '123456' }))).toEqual({
      status: 401,
      code: 'challenge_expired',
    });
    const started = await post('/api/v1/auth/login/totp-enrolment', { challenge });
    expect(started.status).toBe(200);
    const { secret, otpauthUri } = ZEnrolment.parse(await started.json());
    expect(otpauthUri).toContain(encodeURIComponent(u.email));
    const wrong = (await code(secret)) === '123456' ? '654321' : '123456';
    const bad = await post('/api/v1/auth/login/totp-enrolment/confirm', { challenge, code: wrong });
    expect(await problem(bad)).toEqual({ status: 401, code: 'wrong_code' });
    const s = await sessionOf(
      await post('/api/v1/auth/login/totp-enrolment/confirm', { challenge, code: await code(secret) }),
    );
    expect(s.body.recoveryCodes).toHaveLength(10);
    expect(s.body.userId).toBe(u.id);
    const me = (await (await s.get('/api/v1/auth/me')).json()) as Json;
    expect(me.totp).toEqual({ enabled: true, recoveryCodesLeft: 10, required: true });
    // From now on the administrator signs in with a code.
    nowMs += 30_000;
    await passwordStep(u, 'totp');
  });

  it('leaves people the policy does not cover signing in with a password only', async () => {
    await setPolicy('admins');
    await signedIn(await t.user());
    await setPolicy('everyone');
    await passwordStep(await t.user(), 'totp_enrolment');
  });

  it('refuses to turn off a required second factor', async () => {
    const { user, session } = await enrolled({ isAdmin: true });
    await setPolicy('admins');
    const res = await session.delete('/api/v1/auth/totp', { currentPassword: user.password });
    expect(await problem(res)).toEqual({ status: 409, code: 'totp_required' });
    await passwordStep(user, 'totp');
  });
});

describe('administrator reset', () => {
  it('removes a lost authenticator: the person signs in with the password (policy off) and may enrol again', async () => {
    const { user } = await enrolled();
    const other = await signedIn(await t.user());
    expect((await other.delete(`/api/v1/users/${user.id}/totp`)).status).toBe(403);
    expect((await admin.delete(`/api/v1/users/${user.id}/totp`)).status).toBe(204);
    expect(await audited(user.id, 'auth.totp_reset')).toHaveLength(1);
    const s = await signedIn(user);
    const me = (await (await s.get('/api/v1/auth/me')).json()) as Json;
    expect(me.totp).toEqual({ enabled: false, recoveryCodesLeft: 0, required: false });
    expect((await admin.delete('/api/v1/users/00000000-0000-4000-8000-000000000000/totp')).status).toBe(404);
  });

  it('ends a pending code challenge of the reset person', async () => {
    const { user, secret } = await enrolled();
    const challenge = await passwordStep(user, 'totp');
    await admin.delete(`/api/v1/users/${user.id}/totp`);
    const res = await post('/api/v1/auth/login/totp', { challenge, code: await code(secret) });
    expect(await problem(res)).toEqual({ status: 401, code: 'challenge_expired' });
  });
});
