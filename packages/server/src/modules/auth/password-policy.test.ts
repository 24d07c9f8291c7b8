// Defect 8 of issue #9: `1111111111` was accepted and a new password could equal the current one. Every path that
// sets a password now applies one policy (core/access/password-policy.ts) with the offline common-password list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { ensureAdmin } from '../../bootstrap/admin.ts';
import { ConfigError } from '../../config.ts';
import { users } from '../../db/schema/accounts.ts';
import { hashPassword } from './crypto.ts';
import { checkPassword } from './password-policy.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

type Problem = { status: number; code: string; invalid_params: { name: string; reason: string }[] };

async function expectRefused(res: Response, field: string, reason: RegExp) {
  expect(res.status).toBe(422);
  const body = (await res.json()) as Problem;
  expect(body.code).toBe('validation_failed');
  expect(body.invalid_params).toEqual([{ name: field, reason: expect.stringMatching(reason) }]);
}

describe('POST /auth/password applies the policy to the new password', () => {
  it('refuses short, common, personal and unchanged passwords with reasons, naming newPassword', async () => {
    const u = await t.user({ email: 'rosalind.franklin@test.local' });
    const c = await t.client(u).login();
    const change = (newPassword: string) =>
      c.post('/api/v1/auth/password', { currentPassword: u.password, newPassword });
    await expectRefused(await change('1111111111'), 'newPassword', /at least 12 characters/);
    await expectRefused(await change('111111111111'), 'newPassword', /too few different characters|common/);
    await expectRefused(await change('qwertyuiop123'), 'newPassword', /common or breached/);
    await expectRefused(await change('Rosalind-1920-helix'), 'newPassword', /“rosalind”/);
    await expectRefused(await change(u.password), 'newPassword', /is the current password/);
    // Nothing changed: the old password still signs in.
    expect((await t.client().post('/api/v1/auth/login', { email: u.email, password: u.password })).status).toBe(200);
    expect((await change('a-long-unusual-phrase')).status).toBe(204);
  });

  it('accepts 64 characters of any kind and up to 1024, refuses more', async () => {
    const u = await t.user();
    const c = await t.client(u).login();
    const sixtyFour = 'Ünïcödé пароль 密码 🙂 with spaces and "quotes" ok?!'.padEnd(64, '·');
    expect(
      (await c.post('/api/v1/auth/password', { currentPassword: u.password, newPassword: sixtyFour })).status,
    ).toBe(204);
    const tooLong = `${'abcd'.repeat(256)}e`;
    await expectRefused(
      await c.post('/api/v1/auth/password', { currentPassword: sixtyFour, newPassword: tooLong }),
      'newPassword',
      /at most 1024 characters/,
    );
  });

  it('a wrong current password is answered before the policy speaks', async () => {
    const u = await t.user();
    const c = await t.client(u).login();
    const res = await c.post('/api/v1/auth/password', { currentPassword: 'not-the-password', newPassword: 'short' });
    await expectRefused(res, 'currentPassword', /does not match/);
  });

  it('people whose old password breaks today’s policy still sign in', async () => {
    const [row] = await t.deps.db
      .insert(users)
      .values({ email: 'old-timer@test.local', name: 'Old Timer', passwordHash: await hashPassword('1111111111') })
      .returning();
    expect(row).toBeDefined();
    const res = await t.client().post('/api/v1/auth/login', { email: 'old-timer@test.local', password: '1111111111' });
    expect(res.status).toBe(200);
  });
});

describe('POST /users applies the policy to the password, and generated ones pass it', () => {
  it('refuses a weak password naming password; a generated one passes the policy', async () => {
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const create = (extra: Record<string, unknown>) =>
      admin.post('/api/v1/users', { email: 'grace.hopper@test.local', name: 'Grace Hopper', ...extra });
    await expectRefused(await create({ password: '1111111111' }), 'password', /at least 12 characters/);
    await expectRefused(await create({ password: 'password1234' }), 'password', /common or breached/);
    await expectRefused(await create({ password: 'hopper-cobol-1959' }), 'password', /“hopper”/);
    const generated = await create({});
    expect(generated.status).toBe(201);
    const { initialPassword } = (await generated.json()) as { initialPassword: string };
    expect(checkPassword(initialPassword, { email: 'grace.hopper@test.local', name: 'Grace Hopper' })).toEqual([]);
    const login = await t.client().post('/api/v1/auth/login', {
      email: 'grace.hopper@test.local',
      password: initialPassword,
    });
    expect(login.status).toBe(200);
  });
});

describe('PISTUDIO_ADMIN_PASSWORD at first start', () => {
  it('a weak one stops the first start with one line naming the variable; a good one creates the admin', async () => {
    const fresh = await createTestContext(); // no users yet: ensureAdmin would create the first administrator
    try {
      const withPassword = (adminPassword: string) => ({
        ...fresh.deps,
        config: { ...fresh.deps.config, adminEmail: 'root@studio.test', adminPassword },
      });
      for (const [weak, reason] of [
        ['1111111111', /at least 12 characters/],
        ['password1234', /common or breached/],
        ['administrator-2026', /“administrator”/],
      ] as const) {
        const refused = ensureAdmin(withPassword(weak));
        await expect(refused).rejects.toBeInstanceOf(ConfigError);
        await expect(refused).rejects.toThrow(
          new RegExp(`^invalid environment: PISTUDIO_ADMIN_PASSWORD .*${reason.source}`),
        );
      }
      expect(await fresh.deps.db.select().from(users)).toEqual([]);
      expect(await ensureAdmin(withPassword('a-long-unusual-phrase'))).toEqual({
        email: 'root@studio.test',
        generatedPassword: null,
      });
    } finally {
      await fresh.close();
    }
  });

  it('a studio that has its users keeps starting whatever the variable says (it is not used again)', async () => {
    await t.user();
    expect(await ensureAdmin({ ...t.deps, config: { ...t.deps.config, adminPassword: 'short' } })).toBeNull();
  });

  it('a generated first password passes the policy', async () => {
    const fresh = await createTestContext();
    try {
      const created = await ensureAdmin(fresh.deps);
      expect(created?.generatedPassword).toBeTruthy();
      const owner = { email: created?.email ?? '', name: 'Administrator' };
      expect(checkPassword(created?.generatedPassword ?? '', owner)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
