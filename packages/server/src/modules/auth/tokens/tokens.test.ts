// Defect 1 of issue #9: a token could mint a wider token (admin from read,write; read+write from write).
import { ZCreatedToken } from '@pi-studio/core/contract/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

type Problem = { code: string; invalid_params?: { name: string; reason: string }[] };

/** A bearer token with `scopes`, minted through a session of `u`. */
async function tokenFor(u: TestUser, scopes: string[]): Promise<Record<string, string>> {
  const c = await t.client(u).login();
  const res = await c.post('/api/v1/tokens', { name: `t-${scopes.join('-')}`, scopes });
  expect(res.status).toBe(201);
  return { authorization: `Bearer ${ZCreatedToken.parse(await res.json()).token}` };
}

const mint = (headers: Record<string, string>, scopes: string[]) =>
  t.client().post('/api/v1/tokens', { name: 'minted', scopes }, { headers });

async function expectRefused(res: Response, beyond: string) {
  expect(res.status).toBe(403);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as Problem;
  expect(body.code).toBe('scope_exceeds_caller');
  expect(body.invalid_params).toEqual([{ name: 'scopes', reason: expect.stringContaining(beyond) }]);
}

describe('POST /tokens: a token only mints tokens within its own scopes', () => {
  it("an administrator's read,write token cannot mint admin, so cannot create an administrator", async () => {
    const admin = await t.user({ isAdmin: true });
    const bearer = await tokenFor(admin, ['read', 'write']);
    await expectRefused(await mint(bearer, ['admin', 'read', 'write']), 'admin');
    // Nothing was silently narrowed either: no token was created by the refused call.
    const list = (await (await t.client().get('/api/v1/tokens', { headers: bearer })).json()) as {
      items: { name: string }[];
    };
    expect(list.items.map((i) => i.name)).not.toContain('minted');
    const createAdmin = await t
      .client()
      .post('/api/v1/users', { email: 'escalated@test.local', name: 'Escalated', isAdmin: true }, { headers: bearer });
    expect(createAdmin.status).toBe(403);
  });

  it("a non-administrator's write token cannot mint read,write, nor even read", async () => {
    const u = await t.user({ roles: { EMX: 'po' } });
    const bearer = await tokenFor(u, ['write']);
    await expectRefused(await mint(bearer, ['read', 'write']), 'read');
    await expectRefused(await mint(bearer, ['read']), 'read');
    expect((await mint(bearer, ['write'])).status).toBe(201);
  });

  it('a read,write token may mint a narrower token', async () => {
    const u = await t.user({ roles: { EMX: 'po' } });
    const bearer = await tokenFor(u, ['read', 'write']);
    const res = await mint(bearer, ['read']);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { scopes: string[] }).scopes).toEqual(['read']);
  });

  it("an administrator's admin token may mint admin while its user is an administrator", async () => {
    const admin = await t.user({ isAdmin: true });
    const bearer = await tokenFor(admin, ['read', 'write', 'admin']);
    expect((await mint(bearer, ['admin', 'read'])).status).toBe(201);
  });

  it('a session mints any scope its user may hold; a non-administrator is refused admin, not narrowed', async () => {
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const all = await admin.post('/api/v1/tokens', { name: 'all', scopes: ['read', 'write', 'admin'] });
    expect(all.status).toBe(201);
    expect(((await all.json()) as { scopes: string[] }).scopes).toEqual(['read', 'write', 'admin']);

    const member = await t.client(await t.user({ roles: { EMX: 'viewer' } })).login();
    expect((await member.post('/api/v1/tokens', { name: 'rw', scopes: ['read', 'write'] })).status).toBe(201);
    await expectRefused(await member.post('/api/v1/tokens', { name: 'adm', scopes: ['read', 'admin'] }), 'admin');
  });
});
