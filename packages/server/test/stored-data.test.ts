// The fingerprint the route-wide suites trust to prove "nothing stored changed": it must see every committed change
// and nothing else.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subsidiaries, users } from '../src/db/schema.ts';
import { createTestContext, type TestContext } from './harness.ts';
import { type StoredDigest, storedDataDigester } from './stored-data.ts';

let t: TestContext;
let digest: () => Promise<StoredDigest>;
let userId: string;

beforeAll(async () => {
  t = await createTestContext();
  userId = (await t.user()).id;
  digest = await storedDataDigester(t.deps.handle);
});
afterAll(async () => t?.close());

describe('stored data digest', () => {
  it('is the same while nothing is written', async () => {
    expect(await digest()).toEqual(await digest());
  });

  it('changes on an insert, a real update and a delete, naming the table', async () => {
    const before = await digest();
    const id = await t.subsidiary('DGST');
    const afterInsert = await digest();
    expect(afterInsert.subsidiaries).toBe((before.subsidiaries ?? 0) + 1);
    await t.deps.db.update(subsidiaries).set({ name: 'renamed' }).where(eq(subsidiaries.id, id));
    const afterUpdate = await digest();
    expect(afterUpdate).not.toEqual(afterInsert);
    await t.deps.db.delete(subsidiaries).where(eq(subsidiaries.id, id));
    expect(await digest()).not.toEqual(afterUpdate);
  });

  it('does not change when an update writes the same values or only bookkeeping columns', async () => {
    const before = await digest();
    await t.deps.db.update(users).set({ failedLogins: 3, lockedUntil: new Date() }).where(eq(users.id, userId));
    await t.deps.db.execute(sql`update users set name = name where id = ${userId}`);
    expect(await digest()).toEqual(before);
  });

  it('does not change when the writing transaction rolls back', async () => {
    const before = await digest();
    await expect(
      t.deps.db.transaction(async (tx) => {
        await tx.insert(subsidiaries).values({ code: 'ROLLBK', name: 'rolled back' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await digest()).toEqual(before);
  });
});
