// Regression tests for the HTTP boundary (issue #9, defects 5, 9 and 10): hostile text is refused with a 422 naming
// the field wherever it enters (body, keys, query, path), cursors are range-checked, media types are parsed exactly,
// and every response carries the security headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let admin: TestClient;
let productCode: string;
let productType: string;

beforeAll(async () => {
  t = await createTestContext();
  await t.subsidiary('EMX');
  admin = await t.client(await t.user({ isAdmin: true })).login();
  const types = (await (await admin.get('/api/v1/taxonomy?kind=product_type')).json()) as {
    items: { code: string }[];
  };
  productType = types.items[0]?.code ?? 'missing';
  const res = await admin.post('/api/v1/products', { subsidiary: 'EMX', name: 'Boundary product', productType });
  productCode = ((await res.json()) as { code: string }).code;
});
afterAll(async () => t?.close());

type Problem = { code: string; invalid_params?: { name: string; reason: string }[] };

async function expectRefused(res: Response, field: string): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBe(422);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = JSON.parse(text) as Problem;
  expect(problem.code).toBe('validation_failed');
  expect(problem.invalid_params?.map((p) => p.name)).toContain(field);
}

const NUL = 'a\u0000b';
const LONE = 'Name \uD800 here';

describe('hostile text in bodies', () => {
  it.each([
    ['/api/v1/subsidiaries', { code: 'NULS', name: NUL }, 'name'],
    ['/api/v1/users', { email: 'nul@test.local', name: NUL }, 'name'],
    ['/api/v1/taxonomy', { kind: 'tag', code: 'nul_tag', label: NUL }, 'label'],
    ['/api/v1/tokens', { name: NUL, scopes: ['read'] }, 'name'],
  ])('POST %s with NUL → 422', async (path, body, field) => {
    await expectRefused(await admin.post(path, body), field);
  });

  it('refuses NUL and lone surrogates in a product name with 422 (the audit JSON used to be rejected)', async () => {
    for (const name of [NUL, LONE, '\uDC00 trailing half']) {
      await expectRefused(await admin.post('/api/v1/products', { subsidiary: 'EMX', name, productType }), 'name');
    }
  });

  it('looks into nested values and keys', async () => {
    await expectRefused(
      await admin.post('/api/v1/users', {
        email: 'nested@test.local',
        name: 'Nested',
        memberships: [{ subsidiary: 'EMX', role: `po${NUL}` }],
      }),
      'memberships.0.role',
    );
    await expectRefused(await admin.post('/api/v1/subsidiaries', { code: 'KEYS', name: 'k', [NUL]: 1 }), 'body');
  });

  it('accepts a well-formed surrogate pair (emoji) and RTL text', async () => {
    const res = await admin.post('/api/v1/subsidiaries', { code: 'EMOJI', name: 'שלום 🚀 e\u0301' });
    expect(res.status, await res.text()).toBe(201);
  });
});

describe('hostile text in query and path', () => {
  it.each([
    ['/api/v1/search?q=a%00b', 'query.q'],
    ['/api/v1/products?q=a%00b', 'query.q'],
    ['/api/v1/products?tag=a%00b', 'query.tag'],
    ['/api/v1/users?q=a%00b', 'query.q'],
    ['/api/v1/golden?q=a%00b', 'query.q'],
    ['/api/v1/audit?action=a%00b', 'query.action'],
    ['/api/v1/audit?targetId=a%00b', 'query.targetId'],
    ['/api/v1/products/AB%00C', 'path.code'],
  ])('GET %s → 422 naming %s', async (path, field) => {
    await expectRefused(await admin.get(path), field);
  });

  it('range-checks cursors', async () => {
    await expectRefused(await admin.get('/api/v1/audit?cursor=9223372036854775808'), 'query.cursor');
    await expectRefused(await admin.get('/api/v1/audit?cursor=99999999999999999999999'), 'query.cursor');
    const nulCursor = Buffer.from('A\u0000B').toString('base64url');
    await expectRefused(await admin.get(`/api/v1/products?cursor=${nulCursor}`), 'query.cursor');
    const ok = await admin.get('/api/v1/audit?cursor=9007199254740991');
    expect(ok.status, await ok.text()).toBe(200);
  });
});

describe('media types', () => {
  it('refuses text/plain;application/json (a form a browser can send cross-site) with 415', async () => {
    const res = await admin.post('/api/v1/subsidiaries', undefined, {
      rawBody: JSON.stringify({ code: 'CSRF', name: 'x' }),
      headers: { 'content-type': 'text/plain;application/json' },
    });
    expect(res.status, await res.text()).toBe(415);
  });

  it.each(['application/json', 'Application/JSON; charset=utf-8', 'application/merge-patch+json'])(
    'accepts %s',
    async (type) => {
      const res = await admin.patch(`/api/v1/products/${productCode}`, undefined, {
        rawBody: JSON.stringify({ name: 'Boundary product renamed' }),
        headers: { 'content-type': type },
      });
      expect(res.status, await res.text()).toBe(200);
    },
  );

  it.each(['application/jsonx', 'application/json-seq', 'text/html; x=application/json', 'multipart/form-data'])(
    'refuses %s on a JSON route',
    async (type) => {
      const res = await admin.patch(`/api/v1/products/${productCode}`, undefined, {
        rawBody: JSON.stringify({ name: 'no' }),
        headers: { 'content-type': type },
      });
      expect(res.status, await res.text()).toBe(415);
    },
  );

  it('refuses a JSON body labelled text/plain; boundary=multipart/form-data on the upload route', async () => {
    const res = await admin.request('POST', `/api/v1/products/${productCode}/documents/import`, {
      rawBody: 'x',
      headers: { 'content-type': 'text/plain; boundary=multipart/form-data' },
    });
    expect(res.status, await res.text()).toBe(415);
  });
});

describe('the search index bound', () => {
  /** `n` distinct made-up words (no stemming collapses them): more lexemes than a tsvector can hold. */
  const distinctWords = (n: number) =>
    Array.from({ length: n }, (_, i) => `w${i.toString(36).padStart(4, 'a')}x`).join(' ');

  it('stores a document with 120,000 distinct words (0.8 MB) and indexes its first 100,000 characters', async () => {
    const words = distinctWords(120_000);
    const body = `# Huge\n\n${words}\n`;
    expect(body.length).toBeGreaterThan(800_000);
    const res = await admin.post(`/api/v1/products/${productCode}/documents`, { kind: 'prd', title: 'Huge', body });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const found = async (word: string) => {
      const hits = await admin.get(`/api/v1/search?q=${word}`);
      expect(hits.status).toBe(200);
      return ((await hits.json()) as { items: { documentId: string }[] }).items.some((h) => h.documentId === id);
    };
    const all = words.split(' ');
    expect(await found(all[10] as string)).toBe(true);
    // Past the indexed prefix: stored in full, not searchable (docs/security.md, "the search index bound").
    expect(body.indexOf(all[110_000] as string)).toBeGreaterThan(100_000);
    expect(await found(all[110_000] as string)).toBe(false);
  });
});
