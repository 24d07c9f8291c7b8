// Test-only helpers for the gate's API tests: a few one-line actions. Answers are read through the contract's
// schemas (test/answer.ts), so every action's answer is held to it.
import { type GateReview, ZGateReview } from '@pi-studio/core/contract/gate-reviews';
import { expect } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { insertProduct } from '../workspace/products/repo.ts';

export type { Problem } from '@pi-studio/core/contract/common';
export type { GateReview as Review, ReviewFinding as Finding } from '@pi-studio/core/contract/gate-reviews';

export const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

export async function expectStatus(res: Response, status: number): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(status);
}

export async function makeTypedProduct(t: TestContext, sub: string, key: string, type = 'api_service') {
  const code = `${sub}-${key}`;
  await insertProduct(t.deps.db, { code, name: key, subsidiaryId: await t.subsidiary(sub), productType: type });
  return code;
}

export async function createPrd(c: TestClient, productCode: string, body: string): Promise<{ id: string }> {
  const res = await c.post(`/api/v1/products/${productCode}/documents`, { kind: 'prd', body });
  await expectStatus(res, 201);
  return json<{ id: string }>(res);
}

export async function saveVersion(c: TestClient, documentId: string, body: string): Promise<string> {
  const current = await c.get(`/api/v1/documents/${documentId}`);
  const res = await c.post(
    `/api/v1/documents/${documentId}/versions`,
    { body, bump: 'minor' },
    { headers: { 'if-match': current.headers.get('etag') ?? '' } },
  );
  await expectStatus(res, 201);
  return (await json<{ version: string }>(res)).version;
}

export async function submit(c: TestClient, documentId: string, version?: string): Promise<GateReview> {
  const res = await c.post(`/api/v1/documents/${documentId}/gate`, version ? { version } : {});
  await expectStatus(res, 201);
  return answer(res, ZGateReview);
}

/** A ProductOps action on a review (POST): answers the recomputed review. */
export async function act(c: TestClient, path: string, body: unknown, status = 200): Promise<GateReview> {
  const res = await c.post(path, body);
  await expectStatus(res, status);
  return answer(res, ZGateReview);
}

export async function stageOf(c: TestClient, productCode: string): Promise<string> {
  return (await json<{ stage: string }>(await c.get(`/api/v1/products/${productCode}`))).stage;
}

export async function count(t: TestContext, table: string): Promise<number> {
  const [row] = await t.deps.handle.raw(`select count(*) as n from ${table}`);
  return Number(row?.n);
}

export const MINUTE = 60_000;

/**
 * A context whose clock the test moves (sessions idle out after an hour: move it less than that), with a FINTX
 * PO and a FINTX ProductOps (who can also see NXN) signed in.
 */
export async function reviewBench() {
  const clock = { now: Date.parse('2026-11-02T10:00:00Z') };
  const t = await createTestContext({ now: () => new Date(clock.now) });
  const po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  const ops = await t.client(await t.user({ roles: { FINTX: 'productops', NXN: 'viewer' } })).login();
  return { t, po, ops, clock };
}
