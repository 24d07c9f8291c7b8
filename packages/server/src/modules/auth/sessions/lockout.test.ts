// Defect 4 of issue #9: concurrent wrong passwords each read the same failure count, so 18 at once never locked
// the account and the right password signed in right after. Runs on PGlite and PostgreSQL (TEST_DATABASE_URL).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { users } from '../../../db/schema/accounts.ts';
import { clearFailedSignIns, countFailedSignIn } from './repo.ts';

// A clock the tests move: the per-client attempt limit (20 a minute) starts afresh for each test.
let clock = Date.parse('2026-06-01T09:00:00Z');
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ now: () => new Date(clock) });
});
afterAll(async () => t.close());
const nextMinutes = (minutes: number) => {
  clock += minutes * 60_000;
};

const signIn = (email: string, password: string) => t.client().post('/api/v1/auth/login', { email, password });
const stored = async (id: string) => (await t.deps.db.select().from(users).where(eq(users.id, id)))[0];

describe('account lockout under concurrency', () => {
  it('18 concurrent wrong passwords lock the account; the right password right after gets 429', async () => {
    nextMinutes(2);
    const u = await t.user();
    const answers = await Promise.all(Array.from({ length: 18 }, () => signIn(u.email, 'wrong-password-guess')));
    // Each is a wrong password (401), or was refused because the account is already locked (429).
    for (const res of answers) expect([401, 429]).toContain(res.status);
    const right = await signIn(u.email, u.password);
    expect(right.status).toBe(429);
    expect(((await right.json()) as { code: string }).code).toBe('account_locked');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await stored(u.id))?.lockedUntil?.getTime()).toBeGreaterThan(clock);
  });

  it('locks at the fifth failure, not before, and unlocks after the lock time', async () => {
    nextMinutes(2);
    const u = await t.user();
    for (let i = 0; i < 4; i++) expect((await signIn(u.email, 'wrong-password-guess')).status).toBe(401);
    expect((await stored(u.id))?.lockedUntil).toBeNull();
    expect((await signIn(u.email, 'wrong-password-guess')).status).toBe(401);
    expect((await signIn(u.email, u.password)).status).toBe(429);
    nextMinutes(16);
    expect((await signIn(u.email, u.password)).status).toBe(200);
    expect(await stored(u.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('counts concurrent failures in the database, one each, and locks in the same statement', async () => {
    const u = await t.user();
    const now = new Date(clock);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => t.deps.db.transaction((tx) => countFailedSignIn(tx, u.id, now))),
    );
    expect(results.every((r) => !r.locked)).toBe(true);
    expect((await stored(u.id))?.failedLogins).toBe(4);
    const fifth = await t.deps.db.transaction((tx) => countFailedSignIn(tx, u.id, now));
    expect(fifth.locked).toBe(true);
    expect(fifth.lockedUntil?.getTime()).toBe(clock + 15 * 60_000);
  });

  it('a sign-in that checked the password before the lock landed is still refused', async () => {
    const u = await t.user();
    const now = new Date(clock);
    for (let i = 0; i < 5; i++) await t.deps.db.transaction((tx) => countFailedSignIn(tx, u.id, now));
    // What startSession does for a right password that raced the wrong ones: clearing refuses while locked.
    expect(await t.deps.db.transaction((tx) => clearFailedSignIns(tx, u.id, now))).toBe(false);
    expect((await stored(u.id))?.lockedUntil).not.toBeNull();
    const later = new Date(clock + 16 * 60_000);
    expect(await t.deps.db.transaction((tx) => clearFailedSignIns(tx, u.id, later))).toBe(true);
    expect(await stored(u.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('single sign-on is not shut out by wrong passwords someone typed for the same email', async () => {
    const u = await t.user();
    const now = new Date(clock);
    for (let i = 0; i < 5; i++) await t.deps.db.transaction((tx) => countFailedSignIn(tx, u.id, now));
    const cleared = await t.deps.db.transaction((tx) => clearFailedSignIns(tx, u.id, now, { evenIfLocked: true }));
    expect(cleared).toBe(true);
    expect(await stored(u.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });
});
