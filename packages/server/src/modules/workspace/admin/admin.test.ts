// Answers are parsed with their contract schemas (core/contract/workspace.ts): strict objects, so a field the
// contract does not name fails here as well as in the contract test.
import {
  ZCreatedUser,
  ZIdCheck,
  ZNaming,
  ZSubsidiary,
  ZSubsidiaryList,
  ZTaxonomyList,
  ZTaxonomyTerm,
  ZUser,
} from '@pi-studio/core/contract/workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

describe('subsidiaries, taxonomy, naming and users', () => {
  it('admins add subsidiaries; others may not', async () => {
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const created = await admin.post('/api/v1/subsidiaries', { code: 'EDC', name: 'Education' });
    expect(created.status).toBe(201);
    expect(ZSubsidiary.parse(await created.json())).toMatchObject({ code: 'EDC', name: 'Education' });
    expect((await admin.post('/api/v1/subsidiaries', { code: 'EDC', name: 'Again' })).status).toBe(409);
    expect((await admin.post('/api/v1/subsidiaries', { code: 'edc', name: 'x' })).status).toBe(422);
    const renamed = await admin.patch('/api/v1/subsidiaries/EDC', { name: 'EduCorp' });
    expect(renamed.status).toBe(200);
    expect(ZSubsidiary.parse(await renamed.json()).name).toBe('EduCorp');
    const po = await t.client(await t.user({ roles: { EDC: 'po' } })).login();
    expect((await po.post('/api/v1/subsidiaries', { code: 'ZZZ', name: 'Z' })).status).toBe(403);
    const mine = ZSubsidiaryList.parse(await (await po.get('/api/v1/subsidiaries')).json());
    expect(mine.items).toEqual([expect.objectContaining({ code: 'EDC', myRole: 'po' })]);
  });

  it('ProductOps manage the taxonomy; a PO cannot', async () => {
    const ops = await t.client(await t.user({ roles: { EDC: 'productops' } })).login();
    const created = await ops.post('/api/v1/taxonomy', { kind: 'tag', code: 'gov_tech', label: 'GovTech' });
    expect(created.status).toBe(201);
    const { id } = ZTaxonomyTerm.parse(await created.json());
    const archived = await ops.patch(`/api/v1/taxonomy/${id}`, { archived: true });
    expect(archived.status).toBe(200);
    expect(ZTaxonomyTerm.parse(await archived.json()).archived).toBe(true);
    const po = await t.client(await t.user({ roles: { EDC: 'po' } })).login();
    expect((await po.post('/api/v1/taxonomy', { kind: 'tag', code: 'nope', label: 'Nope' })).status).toBe(403);
    const types = ZTaxonomyList.parse(await (await po.get('/api/v1/taxonomy?kind=product_type')).json());
    expect(types.items.map((i) => i.code)).toContain('web_app');
  });

  it('validates ids against the naming convention and lets admins change it', async () => {
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const ok = ZIdCheck.parse(await (await admin.post('/api/v1/naming/validate', { id: 'FINTX-PAYOUTS-FR-4' })).json());
    expect(ok).toMatchObject({ valid: true, kind: 'artifact', parts: { artifact: 'FR', number: 4 } });
    const bad = ZIdCheck.parse(await (await admin.post('/api/v1/naming/validate', { id: 'fintx' })).json());
    expect(bad.valid).toBe(false);
    const current = ZNaming.parse(await (await admin.get('/api/v1/naming')).json());
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
    expect(ZNaming.parse(await saved.json()).version).toBe(current.version + 1);
  });

  it('creates users with a one-time password, sets memberships and disables', async () => {
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const res = await admin.post('/api/v1/users', {
      email: 'Sarah@Example.com',
      name: 'Sarah',
      memberships: [{ subsidiary: 'EDC', role: 'vb' }],
    });
    expect(res.status).toBe(201);
    const u = ZCreatedUser.parse(await res.json());
    expect(u.email).toBe('sarah@example.com');
    expect(u.initialPassword?.length).toBeGreaterThan(10);
    const c = t.client({ id: u.id, email: u.email, password: u.initialPassword ?? '' });
    await c.login();
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    const set = await admin.put(`/api/v1/users/${u.id}/memberships`, {
      memberships: [{ subsidiary: 'EDC', role: 'viewer' }],
    });
    expect(ZUser.parse(await set.json()).memberships).toEqual([{ subsidiary: 'EDC', role: 'viewer' }]);
    expect(
      (await admin.put(`/api/v1/users/${u.id}/memberships`, { memberships: [{ subsidiary: 'NOPE', role: 'viewer' }] }))
        .status,
    ).toBe(422);
    const disabled = await admin.patch(`/api/v1/users/${u.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(ZUser.parse(await disabled.json()).disabled).toBe(true);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });
});
