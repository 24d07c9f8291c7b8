import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('subsidiaries, taxonomy, naming and users', () => {
  it('admins add subsidiaries; others may not', async () => {
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    expect((await admin.post('/api/v1/subsidiaries', { code: 'EDC', name: 'Education' })).status).toBe(201);
    expect((await admin.post('/api/v1/subsidiaries', { code: 'EDC', name: 'Again' })).status).toBe(409);
    expect((await admin.post('/api/v1/subsidiaries', { code: 'edc', name: 'x' })).status).toBe(422);
    expect((await admin.patch('/api/v1/subsidiaries/EDC', { name: 'EduCorp' })).status).toBe(200);
    const po = await t.client(await t.user({ roles: { EDC: 'po' } })).login();
    expect((await po.post('/api/v1/subsidiaries', { code: 'ZZZ', name: 'Z' })).status).toBe(403);
    const mine = (await (await po.get('/api/v1/subsidiaries')).json()) as { items: { code: string; myRole: string }[] };
    expect(mine.items).toEqual([expect.objectContaining({ code: 'EDC', myRole: 'po' })]);
  });

  it('ProductOps manage the taxonomy; a PO cannot', async () => {
    const ops = await t.client(await t.user({ roles: { EDC: 'productops' } })).login();
    const created = await ops.post('/api/v1/taxonomy', { kind: 'tag', code: 'gov_tech', label: 'GovTech' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await ops.patch(`/api/v1/taxonomy/${id}`, { archived: true })).status).toBe(200);
    const po = await t.client(await t.user({ roles: { EDC: 'po' } })).login();
    expect((await po.post('/api/v1/taxonomy', { kind: 'tag', code: 'nope', label: 'Nope' })).status).toBe(403);
    const types = (await (await po.get('/api/v1/taxonomy?kind=product_type')).json()) as { items: { code: string }[] };
    expect(types.items.map((i) => i.code)).toContain('web_app');
  });

  it('validates ids against the naming convention and lets admins change it', async () => {
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const ok = (await (await admin.post('/api/v1/naming/validate', { id: 'FINTX-PAYOUTS-FR-4' })).json()) as {
      valid: boolean;
      kind: string;
    };
    expect(ok).toMatchObject({ valid: true, kind: 'artifact' });
    const bad = (await (await admin.post('/api/v1/naming/validate', { id: 'fintx' })).json()) as {
      valid: boolean;
      error: string;
    };
    expect(bad.valid).toBe(false);
    const current = (await (await admin.get('/api/v1/naming')).json()) as {
      version: number;
      convention: Record<string, unknown>;
    };
    const broken = await admin.put('/api/v1/naming', {
      convention: { ...current.convention, subsidiaryPattern: '[A-' },
    });
    expect(broken.status).toBe(422);
    const saved = await admin.put('/api/v1/naming', {
      convention: {
        ...current.convention,
        documentCodes: { prd: 'PRD', context: 'CTX', story: 'STORY', handover: 'HO' },
      },
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { version: number }).version).toBe(current.version + 1);
  });

  it('creates users with a one-time password, sets memberships and disables', async () => {
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const res = await admin.post('/api/v1/users', {
      email: 'Sarah@Example.com',
      name: 'Sarah',
      memberships: [{ subsidiary: 'EDC', role: 'vb' }],
    });
    expect(res.status).toBe(201);
    const u = (await res.json()) as { id: string; email: string; initialPassword: string };
    expect(u.email).toBe('sarah@example.com');
    expect(u.initialPassword.length).toBeGreaterThan(10);
    const c = t.client({ id: u.id, email: u.email, password: u.initialPassword });
    await c.login();
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    const set = await admin.put(`/api/v1/users/${u.id}/memberships`, {
      memberships: [{ subsidiary: 'EDC', role: 'viewer' }],
    });
    expect(((await set.json()) as { memberships: unknown[] }).memberships).toEqual([
      { subsidiary: 'EDC', role: 'viewer' },
    ]);
    expect(
      (await admin.put(`/api/v1/users/${u.id}/memberships`, { memberships: [{ subsidiary: 'NOPE', role: 'viewer' }] }))
        .status,
    ).toBe(422);
    expect((await admin.patch(`/api/v1/users/${u.id}`, { disabled: true })).status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });
});
