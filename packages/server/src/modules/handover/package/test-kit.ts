// Test-only: the people, products and calls the handover package API tests share. Each test file calls
// setUpPackageTests() once; the exported bindings hold that file's context (Vitest gives each file its own modules).
import { type HandoverPackage, ZHandoverPackage } from '@pi-studio/core/contract/handover-package';
import { afterAll, beforeAll, expect } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext, type TestUser } from '../../../../test/harness.ts';
import { expectStatus, json, type Problem } from '../../backlog/test-kit.ts';
import { makeProduct } from '../../documents/test-fixtures.ts';
import { setStage } from '../../signoff/test-kit.ts';

export let t: TestContext;
export let po: TestClient;
export let it_: TestClient;
export let otherIt: TestClient;
export let viewer: TestClient;
export let outsider: TestClient;
export let itUser: TestUser;

export const pkgPath = (code: string, rest = '') => `/api/v1/products/${code}/handover/package${rest}`;

/** Registers the file's set-up: a fresh database, FINTX people (PO, the IT owner, another IT, a viewer) and an outsider. */
export function setUpPackageTests(): void {
  beforeAll(async () => {
    t = await createTestContext();
    itUser = await t.user({ roles: { FINTX: 'it' } });
    const people = [
      await t.user({ roles: { FINTX: 'po' } }),
      itUser,
      await t.user({ roles: { FINTX: 'it' } }),
      await t.user({ roles: { FINTX: 'viewer' } }),
      await t.user({ roles: { NXN: 'po' } }),
    ];
    [po, it_, otherIt, viewer, outsider] = (await Promise.all(people.map((u) => t.client(u).login()))) as [
      TestClient,
      TestClient,
      TestClient,
      TestClient,
      TestClient,
    ];
  });
  afterAll(async () => t?.close());
}

export async function problem(res: Response, status: number): Promise<Problem & { findings?: { rule: string }[] }> {
  await expectStatus(res, status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return json(res);
}
export const fieldsOf = (p: Problem) => (p.invalid_params ?? []).map((i) => i.name);

/** A product in `stage` whose IT owner is itUser. */
export async function product(key: string, stage = 'uat'): Promise<string> {
  const code = await makeProduct(t, 'FINTX', key, `Product ${key}`);
  await setStage(t.deps.handle, code, stage);
  await t.deps.handle.raw('update products set it_owner_id = $1 where code = $2', [itUser.id, code]);
  return code;
}

export async function created(code: string, body: Record<string, unknown> = { type: 'WEB', release: '1.0.0' }) {
  const res = await po.post(pkgPath(code), body);
  await expectStatus(res, 201);
  return answer(res, ZHandoverPackage);
}

export async function patchItem(code: string, itemId: string, body: unknown, headers: Record<string, string> = {}) {
  return po.request('PATCH', pkgPath(code, `/items/${itemId}`), { body, headers });
}

export const evidence = (ref = 'https://ci.example.org/run/1') => [{ kind: 'link', ref }];

/** Marks every blocking item done with a link, except `keep`. */
export async function closeBlockers(code: string, keep: readonly string[] = []): Promise<HandoverPackage> {
  let pkg = answer(await po.get(pkgPath(code)), ZHandoverPackage);
  for (const b of (await pkg).readiness.blocking) {
    if (keep.includes(b.itemId)) continue;
    await expectStatus(await patchItem(code, b.itemId, { status: 'done', evidence: evidence() }), 200);
  }
  pkg = answer(await po.get(pkgPath(code)), ZHandoverPackage);
  return pkg;
}

export const review = (decision: string, extra: Record<string, unknown> = {}) => ({
  reviewDate: '2026-12-01',
  decision,
  attendees: [
    { name: 'Ines IT', role: 'IT owner' },
    { name: 'Pat PO', role: 'Product owner' },
  ],
  ...extra,
});
