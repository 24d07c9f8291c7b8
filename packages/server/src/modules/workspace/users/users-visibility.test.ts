// Defect 7 of issue #9: GET /users showed a member of one subsidiary the roles other people hold in
// subsidiaries that member cannot see. People are listed with memberships only where the caller can look.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

type Listed = { id: string; email: string; memberships: { subsidiary: string; role: string }[] };

const list = async (c: ReturnType<TestContext['client']>, query = '') => {
  const res = await c.get(`/api/v1/users${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Listed[] }).items;
};

describe('GET /users presents only memberships in subsidiaries the caller can see', () => {
  it('a venture builder of one subsidiary does not learn roles elsewhere', async () => {
    const vb = await t.user({ roles: { VISA: 'vb' } });
    const colleague = await t.user({ roles: { VISA: 'po', HIDB: 'productops', HIDC: 'admin' } });
    const outsider = await t.user({ roles: { HIDB: 'po' } });
    const c = await t.client(vb).login();

    const items = await list(c);
    expect(items.map((u) => u.id)).not.toContain(outsider.id);
    expect(items.find((u) => u.id === colleague.id)?.memberships).toEqual([{ subsidiary: 'VISA', role: 'po' }]);
    expect(items.find((u) => u.id === vb.id)?.memberships).toEqual([{ subsidiary: 'VISA', role: 'vb' }]);
    for (const u of items) {
      for (const m of u.memberships) expect(m.subsidiary).toBe('VISA');
    }

    const filtered = await list(c, '?subsidiary=VISA');
    expect(filtered.find((u) => u.id === colleague.id)?.memberships).toEqual([{ subsidiary: 'VISA', role: 'po' }]);
    // Asking for a subsidiary out of sight shows nobody, not its members.
    expect(await list(c, '?subsidiary=HIDB')).toEqual([]);
  });

  it('someone in two subsidiaries sees both, and an administrator sees every membership', async () => {
    const both = await t.user({ roles: { VISA: 'viewer', HIDB: 'viewer' } });
    const colleague = await t.user({ roles: { VISA: 'builder', HIDB: 'it', HIDC: 'po' } });
    const seenByBoth = (await list(await t.client(both).login())).find((u) => u.id === colleague.id);
    expect(seenByBoth?.memberships).toEqual([
      { subsidiary: 'HIDB', role: 'it' },
      { subsidiary: 'VISA', role: 'builder' },
    ]);

    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const seenByAdmin = (await list(admin)).find((u) => u.id === colleague.id);
    expect(seenByAdmin?.memberships).toEqual([
      { subsidiary: 'HIDB', role: 'it' },
      { subsidiary: 'HIDC', role: 'po' },
      { subsidiary: 'VISA', role: 'builder' },
    ]);
  });
});
