import { ZApiToken, ZCreatedToken, ZLoginResponse, ZMe, ZTokenList } from '@pi-studio/core/contract/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('auth', () => {
  it('logs in, reads /me, and logout invalidates the session', async () => {
    const u = await t.user({ roles: { EMX: 'po' } });
    const c = await t.client(u).login();
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    const body = ZMe.parse(await me.json());
    expect(body.user.email).toBe(u.email);
    expect(body.memberships).toEqual([expect.objectContaining({ subsidiary: 'EMX', role: 'po' })]);
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('rejects a cookie-authenticated change without the CSRF header', async () => {
    const u = await t.user();
    const c = await t.client(u).login();
    const res = await c.request('POST', '/api/v1/tokens', { body: { name: 'x' }, headers: { 'x-csrf-token': 'nope' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('csrf_failed');
  });

  it('locks the account after five wrong passwords', async () => {
    const u = await t.user();
    for (let i = 0; i < 5; i++) {
      const r = await t.client({ ...u, password: 'wrong-password' }).request('POST', '/api/v1/auth/login', {
        body: { email: u.email, password: 'wrong-password' },
      });
      expect(r.status).toBe(401);
    }
    const locked = await t.client().post('/api/v1/auth/login', { email: u.email, password: u.password });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { code: string }).code).toBe('account_locked');
  });

  it('API tokens are shown once, work as Bearer, respect scopes and can be revoked', async () => {
    const u = await t.user({ roles: { EMX: 'viewer' } });
    const c = await t.client(u).login();
    const created = await c.post('/api/v1/tokens', { name: 'ci', scopes: ['read'] });
    expect(created.status).toBe(201);
    const { token, id } = ZCreatedToken.parse(await created.json());
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.client().get('/api/v1/auth/me', { headers: bearer })).status).toBe(200);
    const list = ZTokenList.parse(await (await c.get('/api/v1/tokens')).json());
    expect(list.items[0]).not.toHaveProperty('token');
    const write = await t.client().post('/api/v1/tokens', { name: 'y' }, { headers: bearer });
    expect(write.status).toBe(403);
    const revoked = await c.delete(`/api/v1/tokens/${id}`);
    expect(revoked.status).toBe(200);
    expect(ZApiToken.parse(await revoked.json()).revokedAt).not.toBeNull();
    expect((await t.client().get('/api/v1/auth/me', { headers: bearer })).status).toBe(401);
  });

  it('changes the password and rejects the old one', async () => {
    const u = await t.user();
    const c = await t.client(u).login();
    const bad = await c.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'a-new-password-1' });
    expect(bad.status).toBe(422);
    expect(
      (await c.post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'a-new-password-1' })).status,
    ).toBe(204);
    expect((await t.client().post('/api/v1/auth/login', { email: u.email, password: u.password })).status).toBe(401);
    const again = await t.client().post('/api/v1/auth/login', { email: u.email, password: 'a-new-password-1' });
    expect(again.status).toBe(200);
    expect(ZLoginResponse.parse(await again.json())).toMatchObject({ userId: u.id });
  });
});
