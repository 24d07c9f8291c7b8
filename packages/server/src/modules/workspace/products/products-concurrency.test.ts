// Saves of one product at the same time (issue #10): with the same If-Match exactly one lands and the others get
// 409 stale_version; without If-Match all land, one after the other, and each bumps the revision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';

type Product = { code: string; name: string; revision: number };

let t: TestContext;
let alice: TestClient;
let bob: TestClient;
/** Several people saving at once: the more of them, the surer a lost update would show. */
let editors: TestClient[];
beforeAll(async () => {
  t = await createTestContext();
  editors = [];
  for (let i = 0; i < 6; i++) editors.push(await t.client(await t.user({ roles: { FINTX: 'po' } })).login());
  [alice, bob] = editors as [TestClient, TestClient];
});
afterAll(async () => t?.close());

async function newProduct(name: string): Promise<Product> {
  const res = await alice.post('/api/v1/products', { subsidiary: 'FINTX', name, productType: 'web_app' });
  expect(res.status).toBe(201);
  return (await res.json()) as Product;
}

const read = async (code: string) => (await (await alice.get(`/api/v1/products/${code}`)).json()) as Product;

describe('simultaneous product saves', () => {
  it('with the same If-Match: exactly one is saved, the others get 409 stale_version and the current product', async () => {
    const p = await newProduct('Race');
    // Each editor opens the product and saves with the ETag it was shown; then all of them press save at once.
    const etags = await Promise.all(
      editors.map(async (editor) => (await editor.get(`/api/v1/products/${p.code}`)).headers.get('etag') ?? ''),
    );
    expect(etags).toEqual(editors.map(() => `"${p.revision}"`));
    const answers = await Promise.all(
      editors.map((editor, i) =>
        editor.patch(`/api/v1/products/${p.code}`, { name: `Race ${i}` }, { headers: { 'if-match': etags[i] ?? '' } }),
      ),
    );
    const won = answers.filter((r) => r.status === 200);
    const lost = answers.filter((r) => r.status !== 200);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.status)).toEqual(editors.slice(1).map(() => 409));
    const saved = (await won[0]?.json()) as Product;
    expect(saved.revision).toBe(p.revision + 1);
    for (const res of lost) {
      const problem = (await res.json()) as { code: string; current: Product };
      expect(problem.code).toBe('stale_version');
      expect(problem.current).toMatchObject({ name: saved.name, revision: saved.revision });
      expect(res.headers.get('etag')).toBe(`"${saved.revision}"`);
    }
    expect(await read(p.code)).toMatchObject({ name: saved.name, revision: p.revision + 1 });
  });

  it('a save based on an older revision stores nothing, also when it would be invalid', async () => {
    const p = await newProduct('Stale');
    const first = await alice.patch(
      `/api/v1/products/${p.code}`,
      { name: 'Stale 2' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(first.status).toBe(200);
    const stale = await bob.patch(
      `/api/v1/products/${p.code}`,
      { name: 'Stale 3', productType: 'spaceship' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { code: string }).code).toBe('stale_version');
    expect(await read(p.code)).toMatchObject({ name: 'Stale 2', revision: 2 });
  });

  it('without If-Match: the last save wins and each one counts in the revision', async () => {
    const p = await newProduct('Blind');
    const answers = await Promise.all(
      editors.map((editor, i) => editor.patch(`/api/v1/products/${p.code}`, { summary: `from editor ${i}` })),
    );
    expect(answers.map((r) => r.status)).toEqual(editors.map(() => 200));
    expect((await read(p.code)).revision).toBe(p.revision + editors.length);
  });
});
