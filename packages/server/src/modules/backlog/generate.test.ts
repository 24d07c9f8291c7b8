// Draft stories from the synced requirements, and a story's quality checks in the gate's finding format.
import { ZRequirementSync, ZStoryChecks, ZStoryList } from '@pi-studio/core/contract/backlog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { addStory, expectStatus, json, type Problem, passedProduct } from './test-kit.ts';

let t: TestContext;
let builder: TestClient;
let viewer: TestClient;
let code: string;
let reqs: { id: string; key: string }[];

beforeAll(async () => {
  t = await createTestContext();
  const po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  const ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
  code = (await passedProduct(t, po, ops, 'FINTX', 'PAY')).code;
  reqs = (await answer(await builder.post(`/api/v1/products/${code}/requirements/sync`), ZRequirementSync)).items;
});
afterAll(async () => t?.close());

describe('generating draft stories', () => {
  it('drafts one story per requirement no story covers, linked to it, with narrative and Gherkin', async () => {
    const covered = reqs[0];
    await addStory(builder, code, { title: 'Covered by hand', requirementIds: [covered?.id ?? ''] });
    const res = await builder.post(`/api/v1/products/${code}/stories/generate`, {});
    await expectStatus(res, 201);
    const drafts = await answer(res, ZStoryList);
    expect(drafts.items.map((s) => s.requirements[0]?.key)).toEqual(reqs.slice(1).map((r) => r.key));
    expect(drafts.items.map((s) => s.key)).toEqual(reqs.slice(1).map((_, i) => `${code}-S-${i + 2}`));
    const first = drafts.items[0];
    expect(first).toMatchObject({ type: 'story', status: 'backlog', estimate: null, sprint: null, revision: 1 });
    expect(first?.narrative).toMatch(/^As an? /);
    expect(first?.acceptance).toMatch(/Given/);
    const [event] = await t.deps.handle.raw(
      "select after from audit_events where action = 'stories.generated' order by id desc limit 1",
    );
    expect(event?.after).toMatchObject({ stories: drafts.items.map((s) => ({ key: s.key })) });

    const again = await answer(await builder.post(`/api/v1/products/${code}/stories/generate`, {}), ZStoryList);
    expect(again.items).toEqual([]);
    const named = await answer(
      await builder.post(`/api/v1/products/${code}/stories/generate`, { requirementIds: [covered?.id] }),
      ZStoryList,
    );
    expect(named.items.map((s) => s.requirements)).toEqual([[{ id: covered?.id, key: covered?.key }]]);
  });

  it('refuses unknown requirement ids and roles without backlog.write', async () => {
    const res = await builder.post(`/api/v1/products/${code}/stories/generate`, {
      requirementIds: ['00000000-0000-4000-8000-000000000000'],
    });
    await expectStatus(res, 422);
    expect((await json<Problem>(res)).invalid_params?.map((p) => p.name)).toEqual(['requirementIds.0']);
    await expectStatus(await viewer.post(`/api/v1/products/${code}/stories/generate`, {}), 403);
  });
});

describe('story checks', () => {
  it("answers the story's findings in the gate's format", async () => {
    const bare = await addStory(builder, code, { title: 'Make payouts fast' });
    const res = await viewer.get(`/api/v1/products/${code}/stories/${bare.key}/checks`);
    await expectStatus(res, 200);
    const checks = await answer(res, ZStoryChecks);
    expect(checks.key).toBe(bare.key);
    const rules = checks.findings.map((f) => f.rule);
    expect(rules).toContain('story.no-narrative');
    expect(rules).toContain('story.no-requirement');
    expect(rules).toContain('story.not-testable');
    await expectStatus(await viewer.get(`/api/v1/products/${code}/stories/${code}-S-999/checks`), 404);
  });
});
