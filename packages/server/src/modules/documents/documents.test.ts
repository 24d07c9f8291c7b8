import type { Problem } from '@pi-studio/core/contract/common';
import {
  type DocumentDetail,
  ZDiff,
  ZDocument,
  ZDocumentList,
  ZStaleDocument,
  ZVersion,
  ZVersionList,
  ZVersionWithBody,
} from '@pi-studio/core/contract/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { makeProduct } from './test-fixtures.ts';

let t: TestContext;
let po: TestClient;
let poId: string;
let product: string;

beforeAll(async () => {
  t = await createTestContext();
  const u = await t.user({ roles: { EMX: 'po' } });
  poId = u.id;
  po = await t.client(u).login();
  product = await makeProduct(t, 'EMX', 'PAY', 'Payouts');
});
afterAll(async () => t?.close());

const json = async <T>(res: Response) => (await res.json()) as T;

async function createPrd(code: string, body?: Record<string, unknown>): Promise<DocumentDetail> {
  const res = await po.post(`/api/v1/products/${code}/documents`, { kind: 'prd', ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return answer(res, ZDocument);
}

async function save(id: string, revision: number | null, body: Record<string, unknown>) {
  const headers: Record<string, string> = revision === null ? {} : { 'if-match': `"${revision}"` };
  return po.post(`/api/v1/documents/${id}/versions`, body, { headers });
}

describe('creating documents', () => {
  it('creates a PRD v1.0 from the seeded template with the product filled in, audited', async () => {
    const res = await po.post(`/api/v1/products/${product.toLowerCase()}/documents`, { kind: 'prd' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const doc = await answer(res, ZDocument);
    expect(doc).toMatchObject({ code: 'EMX-PAY-PRD', kind: 'prd', title: 'Payouts PRD', revision: 1 });
    expect(doc.currentVersion).toMatchObject({ version: '1.0', major: 1, minor: 0, author: { id: poId } });
    expect(doc.currentVersion?.body).toMatch(/^## Problem$/m);
    expect(doc.currentVersion?.body).toMatch(/^## Acceptance criteria$/m);
    expect(doc.currentVersion?.body).toContain('| Document | EMX-PAY-PRD |');
    expect(doc.currentVersion?.body).not.toContain('{{product.name}}');
    expect(doc.currentVersion?.metadata).toMatchObject({ product: 'EMX-PAY', subsidiary: 'EMX', title: 'Payouts PRD' });
    expect(doc.currentVersion?.contentHash).toMatch(/^[0-9a-f]{64}$/);

    const audit = await t.deps.handle.raw(`select action, target_label from audit_events where target_id = $1`, [
      doc.id,
    ]);
    expect(audit).toEqual([{ action: 'document.created', target_label: 'EMX-PAY-PRD v1.0' }]);

    const again = await po.post(`/api/v1/products/${product}/documents`, { kind: 'prd' });
    expect(again.status).toBe(409);
    expect(await json<Problem & { documentId: string }>(again)).toMatchObject({
      code: 'document_exists',
      documentId: doc.id,
    });
  });

  it('creates a context document from a given body, title from its front matter', async () => {
    const code = await makeProduct(t, 'EMX', 'CTXA', 'Context A');
    const res = await po.post(`/api/v1/products/${code}/documents`, {
      kind: 'context',
      body: '---\ntitle: Why merchants churn\n---\n# Context\r\n\r\nText\r\n',
    });
    expect(res.status).toBe(201);
    const doc = await answer(res, ZDocument);
    expect(doc).toMatchObject({ title: 'Why merchants churn', code: 'EMX-CTXA-CONTEXT' });
    expect(doc.currentVersion?.body).toBe('---\ntitle: Why merchants churn\n---\n# Context\n\nText\n');
    expect(doc.currentVersion?.metadata).toEqual({ title: 'Why merchants churn' });
  });

  it('lists a product’s documents with their current version', async () => {
    const res = await po.get(`/api/v1/products/${product}/documents`);
    expect(res.status).toBe(200);
    const { items } = await answer(res, ZDocumentList);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ code: 'EMX-PAY-PRD', versionCount: 1, currentVersion: { version: '1.0' } });
  });

  it('names each bad field and refuses unknown kinds, templates and NUL characters', async () => {
    const code = await makeProduct(t, 'EMX', 'BAD', 'Bad input');
    const res = await po.post(`/api/v1/products/${code}/documents`, { kind: 'invoice', extra: 1, body: 'a\u0000b' });
    expect(res.status).toBe(422);
    const names = (await json<Problem>(res)).invalid_params?.map((p) => p.name).sort();
    expect(names).toEqual(['body', 'extra', 'kind']);
    const wrongTemplate = await po.post(`/api/v1/products/${code}/documents`, {
      kind: 'prd',
      templateId: '00000000-0000-4000-8000-000000000000',
    });
    expect(wrongTemplate.status).toBe(422);
    expect((await json<Problem>(wrongTemplate)).invalid_params?.[0]?.name).toBe('templateId');
    const none = await po.get(`/api/v1/products/${code}/documents`);
    expect((await answer(none, ZDocumentList)).items).toEqual([]);
  });

  it('hides other subsidiaries (404) and refuses roles without document.write (403)', async () => {
    const nxnProduct = await makeProduct(t, 'NXN', 'SECRET', 'Secret');
    expect((await po.get(`/api/v1/products/${nxnProduct}/documents`)).status).toBe(404);
    expect((await po.get('/api/v1/products/NOPE-NOPE/documents')).status).toBe(404);
    const viewer = await t.client(await t.user({ roles: { EMX: 'viewer' } })).login();
    expect((await viewer.post(`/api/v1/products/${product}/documents`, { kind: 'context' })).status).toBe(403);
    expect((await viewer.get(`/api/v1/products/${product}/documents`)).status).toBe(200);
  });
});

describe('saving versions', () => {
  let doc: DocumentDetail;
  beforeAll(async () => {
    doc = await createPrd(await makeProduct(t, 'EMX', 'EDIT', 'Editing'), {
      body: '# Editing\n\nline one\nline two\n',
    });
  });

  it('saves a minor then a major version with If-Match, each with a new ETag', async () => {
    const r1 = await save(doc.id, 1, { body: '# Editing\n\nline one\nline 2\nline three\n', note: 'tighten' });
    expect(r1.status).toBe(201);
    expect(r1.headers.get('etag')).toBe('"2"');
    expect(await answer(r1, ZVersion)).toMatchObject({ version: '1.1', note: 'tighten', author: { id: poId } });
    const r2 = await save(doc.id, 2, {
      body: '# Editing v2\n\nline one\nline 2\nline three\n',
      bump: 'major',
      title: 'Editing v2',
    });
    expect(r2.status).toBe(201);
    expect(await answer(r2, ZVersion)).toMatchObject({ version: '2.0' });
    const current = await po.get(`/api/v1/documents/${doc.id}`);
    expect(current.headers.get('etag')).toBe('"3"');
    expect(await answer(current, ZDocument)).toMatchObject({
      title: 'Editing v2',
      revision: 3,
      currentVersion: { version: '2.0' },
    });
  });

  it('answers a stale If-Match with 409 and the current version, and changes nothing', async () => {
    const before = await answer(await po.get(`/api/v1/documents/${doc.id}/versions`), ZVersionList);
    const res = await save(doc.id, 1, { body: '# lost update?\n' });
    expect(res.status).toBe(409);
    expect(res.headers.get('etag')).toBe('"3"');
    const problem = await json<Problem>(res);
    expect(problem).toMatchObject({ code: 'stale_version', current: { revision: 3, version: '2.0' } });
    expect(ZStaleDocument.parse(problem.current).body).toContain('# Editing v2');
    const after = await answer(await po.get(`/api/v1/documents/${doc.id}/versions`), ZVersionList);
    expect(after.items).toEqual(before.items);
    expect(await answer(await po.get(`/api/v1/documents/${doc.id}`), ZDocument)).toMatchObject({ revision: 3 });
  });

  it('lets exactly one of two concurrent saves on the same revision win', async () => {
    const racer = await createPrd(await makeProduct(t, 'EMX', 'RACE', 'Race'), { body: '# Race\n' });
    const [a, b] = await Promise.all([
      save(racer.id, 1, { body: '# Race A\n' }),
      save(racer.id, 1, { body: '# Race B\n' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const { items } = await answer(await po.get(`/api/v1/documents/${racer.id}/versions`), ZVersionList);
    expect(items.map((v) => v.version)).toEqual(['1.1', '1.0']);
  });

  it('requires If-Match (428) and refuses an unchanged text (422 no_change)', async () => {
    const missing = await save(doc.id, null, { body: '# x\n' });
    expect(missing.status).toBe(428);
    expect((await json<Problem>(missing)).code).toBe('precondition_required');
    const garbage = await po.post(
      `/api/v1/documents/${doc.id}/versions`,
      { body: '# x\n' },
      { headers: { 'if-match': 'abc' } },
    );
    expect(garbage.status).toBe(428);
    const same = await save(doc.id, 3, { body: '# Editing v2\r\n\r\nline one\r\nline 2\r\nline three\r\n' });
    expect(same.status).toBe(422);
    expect(await json<Problem>(same)).toMatchObject({ code: 'no_change', invalid_params: [{ name: 'body' }] });
  });

  it('refuses invalid front matter naming the body', async () => {
    const res = await save(doc.id, 3, { body: '---\ntitle: [oops\n---\n# x\n' });
    expect(res.status).toBe(422);
    expect((await json<Problem>(res)).invalid_params?.[0]?.name).toBe('body');
  });

  it('lists versions newest first and returns one version with its body', async () => {
    const { items } = await answer(await po.get(`/api/v1/documents/${doc.id}/versions`), ZVersionList);
    expect(items.map((v) => v.version)).toEqual(['2.0', '1.1', '1.0']);
    const v10 = await po.get(`/api/v1/documents/${doc.id}/versions/1.0`);
    expect(v10.status).toBe(200);
    expect(await answer(v10, ZVersionWithBody)).toMatchObject({
      version: '1.0',
      body: '# Editing\n\nline one\nline two\n',
    });
    expect((await po.get(`/api/v1/documents/${doc.id}/versions/9.9`)).status).toBe(404);
    expect((await po.get(`/api/v1/documents/${doc.id}/versions/1.x`)).status).toBe(422);
  });

  it('diffs the previous version against the current one by default, or any two versions', async () => {
    const d = await answer(await po.get(`/api/v1/documents/${doc.id}/diff`), ZDiff);
    expect(d).toMatchObject({ from: '1.1', to: '2.0', stats: { added: 1, removed: 1 } });
    expect(d.lines[0]).toEqual({ type: 'del', text: '# Editing', oldLine: 1 });
    expect(d.lines[1]).toEqual({ type: 'add', text: '# Editing v2', newLine: 1 });
    const d2 = await answer(await po.get(`/api/v1/documents/${doc.id}/diff?from=1.0&to=1.1`), ZDiff);
    expect(d2).toMatchObject({ from: '1.0', to: '1.1', stats: { added: 2, removed: 1 } });
    expect(d2.lines.filter((l) => l.type === 'add').map((l) => l.text)).toEqual(['line 2', 'line three']);
    const first = await answer(await po.get(`/api/v1/documents/${doc.id}/diff?to=1.0`), ZDiff);
    expect(first).toMatchObject({ from: null, to: '1.0', stats: { added: 4, removed: 0 } });
    const missing = await po.get(`/api/v1/documents/${doc.id}/diff?from=7.0`);
    expect(missing.status).toBe(404);
    expect((await json<Problem>(missing)).invalid_params?.[0]?.name).toBe('query.from');
  });

  it('hides the document from other subsidiaries and stops viewers from saving', async () => {
    const nxn = await t.client(await t.user({ roles: { NXN: 'po' } })).login();
    expect((await nxn.get(`/api/v1/documents/${doc.id}`)).status).toBe(404);
    expect((await nxn.get(`/api/v1/documents/${doc.id}/diff`)).status).toBe(404);
    const viewer = await t.client(await t.user({ roles: { EMX: 'viewer' } })).login();
    expect((await viewer.get(`/api/v1/documents/${doc.id}`)).status).toBe(200);
    const denied = await viewer.post(
      `/api/v1/documents/${doc.id}/versions`,
      { body: '# no\n' },
      { headers: { 'if-match': '"3"' } },
    );
    expect(denied.status).toBe(403);
  });
});
