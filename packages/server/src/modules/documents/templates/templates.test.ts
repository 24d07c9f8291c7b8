import type { Problem } from '@pi-studio/core/contract/common';
import { ZDocument } from '@pi-studio/core/contract/documents';
import { ZStaleTemplate, ZTemplateDetail, ZTemplateList } from '@pi-studio/core/contract/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';
import { makeProduct } from '../test-fixtures.ts';
import { seedTemplates } from './seed.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const json = async <T>(res: Response) => (await res.json()) as T;

describe('templates', () => {
  it('are seeded once as v1.0 for context, PRD, user story and handover', async () => {
    await seedTemplates(t.deps); // a second run (the harness already seeded) must add nothing
    const viewer = await t.client(await t.user({ roles: { EMX: 'viewer' } })).login();
    const { items } = await answer(await viewer.get('/api/v1/templates'), ZTemplateList);
    expect(items.map((i) => [i.kind, i.name, i.currentVersion?.version])).toEqual([
      ['context', 'Context', '1.0'],
      ['handover', 'Handover', '1.0'],
      ['prd', 'PRD', '1.0'],
      ['story', 'User Story', '1.0'],
    ]);
    const prds = await answer(await viewer.get('/api/v1/templates?kind=prd'), ZTemplateList);
    expect(prds.items.map((i) => i.name)).toEqual(['PRD']);
    expect((await viewer.get('/api/v1/templates?kind=poem')).status).toBe(422);
  });

  it('shows a template with its versions and current body', async () => {
    const viewer = await t.client(await t.user({ roles: { NXN: 'viewer' } })).login();
    const { items } = await answer(await viewer.get('/api/v1/templates?kind=handover'), ZTemplateList);
    const detail = await answer(await viewer.get(`/api/v1/templates/${items[0]?.id}`), ZTemplateDetail);
    expect(detail.versions.map((v) => v.version)).toEqual(['1.0']);
    expect(detail.body).toMatch(/^## 5\. Escalation matrix$/m);
    expect(detail.body).toContain('| OPS-3 |');
    expect((await viewer.get('/api/v1/templates/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('product ops save new versions (audited); new documents start from the newest one', async () => {
    const ops = await t.user({ roles: { NXN: 'productops' } });
    const c = await t.client(ops).login();
    const { items } = await answer(await c.get('/api/v1/templates?kind=context'), ZTemplateList);
    const id = items[0]?.id ?? '';
    const res = await c.post(`/api/v1/templates/${id}/versions`, {
      body: '# {{product.name}} context\n\n## Problem\n\nTBD\n',
    });
    expect(res.status).toBe(201);
    const detail = await answer(res, ZTemplateDetail);
    expect(detail.currentVersion?.version).toBe('1.1');
    expect(detail.versions.map((v) => v.version)).toEqual(['1.1', '1.0']);
    expect(detail.versions[0]?.author?.id).toBe(ops.id);
    const major = await c.post(`/api/v1/templates/${id}/versions`, {
      body: '# {{product.name}} context v2\n',
      bump: 'major',
    });
    expect((await answer(major, ZTemplateDetail)).currentVersion?.version).toBe('2.0');
    const same = await c.post(`/api/v1/templates/${id}/versions`, { body: '# {{product.name}} context v2\n' });
    expect(same.status).toBe(422);
    expect((await json<Problem>(same)).code).toBe('no_change');

    const audit = await t.deps.handle.raw(`select action from audit_events where target_id = $1 order by id`, [id]);
    expect(audit.map((a) => a.action)).toEqual([
      'template.created',
      'template.version_saved',
      'template.version_saved',
    ]);

    const code = await makeProduct(t, 'NXN', 'TPL', 'Templated');
    const po = await t.client(await t.user({ roles: { NXN: 'po' } })).login();
    const doc = await po.post(`/api/v1/products/${code}/documents`, { kind: 'context' });
    expect((await answer(doc, ZDocument)).currentVersion?.body).toBe('# Templated context v2\n');
  });

  it('refuses template edits from other roles and empty bodies', async () => {
    const po = await t.client(await t.user({ roles: { EMX: 'po', NXN: 'vb' } })).login();
    const { items } = await answer(await po.get('/api/v1/templates?kind=prd'), ZTemplateList);
    const id = items[0]?.id ?? '';
    const builder = await t.client(await t.user({ roles: { EMX: 'builder' } })).login();
    expect((await builder.post(`/api/v1/templates/${id}/versions`, { body: '# x\n' })).status).toBe(403);
    expect((await po.post(`/api/v1/templates/${id}/versions`, { body: '# x\n' })).status).toBe(403);
    // An admin role in any one subsidiary is enough: templates are studio-wide.
    const admin = await t.client(await t.user({ roles: { EMX: 'admin' } })).login();
    const empty = await admin.post(`/api/v1/templates/${id}/versions`, { body: '   \n' });
    expect(empty.status).toBe(422);
    expect((await json<Problem>(empty)).invalid_params?.[0]?.name).toBe('body');
    const detail = await answer(await admin.get(`/api/v1/templates/${id}`), ZTemplateDetail);
    expect(detail.currentVersion?.version).toBe('1.0');
  });

  it('refuses a save based on an older version (If-Match) and keeps what is stored', async () => {
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const { items } = await answer(await admin.get('/api/v1/templates?kind=story'), ZTemplateList);
    const id = items[0]?.id ?? '';
    const loaded = await admin.get(`/api/v1/templates/${id}`);
    const etag = loaded.headers.get('etag') ?? '';
    expect(etag).toBe(`"${(await answer(loaded, ZTemplateDetail)).currentVersion?.version}"`);

    const first = await admin.post(
      `/api/v1/templates/${id}/versions`,
      { body: '# Story A\n' },
      { headers: { 'if-match': etag } },
    );
    expect(first.status).toBe(201);
    const newEtag = first.headers.get('etag');
    expect(newEtag).not.toBe(etag);

    const stale = await admin.post(
      `/api/v1/templates/${id}/versions`,
      { body: '# Story B\n' },
      { headers: { 'if-match': etag } },
    );
    expect(stale.status).toBe(409);
    const problem = await json<Problem>(stale);
    expect(problem.code).toBe('stale_version');
    expect(`"${ZStaleTemplate.parse(problem.current).version}"`).toBe(newEtag);
    expect(problem.invalid_params?.[0]?.name).toBe('If-Match');

    const bad = await admin.post(
      `/api/v1/templates/${id}/versions`,
      { body: '# Story C\n' },
      { headers: { 'if-match': 'yesterday' } },
    );
    expect(bad.status).toBe(428);

    const detail = await answer(await admin.get(`/api/v1/templates/${id}`), ZTemplateDetail);
    expect(detail.body).toBe('# Story A\n');
    expect(`"${detail.currentVersion?.version}"`).toBe(newEtag);
  });
});
