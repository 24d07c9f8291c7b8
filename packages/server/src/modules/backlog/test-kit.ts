// Test-only helpers for the backlog's API tests: a product whose PRD passed the gate, and one-line actions whose
// answers are read through the contract's schemas (test/answer.ts).
import { type Story, type StoryInput, ZStory } from '@pi-studio/core/contract/backlog';
import { ZGateReview } from '@pi-studio/core/contract/gate-reviews';
import { expect } from 'vitest';
import { answer } from '../../../test/answer.ts';
import type { TestClient, TestContext } from '../../../test/harness.ts';
import { testPrd } from '../gate/test-fixtures.ts';
import { createPrd, expectStatus, makeTypedProduct, saveVersion, submit } from '../gate/test-kit.ts';

export { expectStatus, json, type Problem } from '../gate/test-kit.ts';

/** ProductOps records a pass on the review (the four-eyes rule: not the author). */
export async function pass(ops: TestClient, reviewId: string): Promise<void> {
  const res = await ops.post(`/api/v1/gate/reviews/${reviewId}/decision`, { verdict: 'pass', note: 'Backlog test' });
  await expectStatus(res, 200);
  await answer(res, ZGateReview);
}

/** A product in `sub` whose strong PRD (v1.0) passed the gate; answers its code and the PRD's id. */
export async function passedProduct(
  t: TestContext,
  author: TestClient,
  ops: TestClient,
  sub: string,
  key: string,
): Promise<{ code: string; documentId: string }> {
  const code = await makeTypedProduct(t, sub, key);
  const { id } = await createPrd(author, code, testPrd('strong'));
  await pass(ops, (await submit(author, id)).id);
  return { code, documentId: id };
}

/** A new PRD version with `edit` applied, submitted and passed: the new baseline. */
export async function passNewVersion(
  author: TestClient,
  ops: TestClient,
  documentId: string,
  edit: (body: string) => string,
): Promise<string> {
  const current = await author.get(`/api/v1/documents/${documentId}`);
  const { body } = ((await current.json()) as { currentVersion: { body: string } }).currentVersion;
  const version = await saveVersion(author, documentId, edit(body));
  await pass(ops, (await submit(author, documentId, version)).id);
  return version;
}

export async function addStory(c: TestClient, code: string, input: StoryInput): Promise<Story> {
  const res = await c.post(`/api/v1/products/${code}/stories`, input);
  await expectStatus(res, 201);
  const story = await answer(res, ZStory);
  expect(res.headers.get('etag')).toBe(`"${story.revision}"`);
  return story;
}
