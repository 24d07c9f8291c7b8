// Sprint insights (issue #12): the clarification log of a sprint, the sprint's metrics, the backlog summary and the
// build → UAT stage rule. The journey: a sprint is planned and asked about → started (commitment recorded) → asked
// again mid-sprint and answered 30 minutes later → a story joins late and a change request is raised → the sprint
// ends with work left (UAT refused, naming the stories) → the work is done → the PO moves the product to UAT.
import {
  ZBacklogSummary,
  ZClarification,
  ZClarificationList,
  ZRequirementSync,
  ZSprint,
  ZSprintList,
} from '@pi-studio/core/contract/backlog';
import { ZProduct } from '@pi-studio/core/contract/products';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { addStory, expectStatus, json, type Problem, passedProduct } from './test-kit.ts';

let clock = Date.parse('2026-03-02T09:00:00Z');

let t: TestContext;
let po: TestClient;
let poId: string;
let ops: TestClient;
let builder: TestClient;
let viewer: TestClient;
let code: string;
let req: Record<string, string>;

beforeAll(async () => {
  t = await createTestContext({ now: () => new Date(clock) });
  const poUser = await t.user({ roles: { FINTX: 'po' } });
  poId = poUser.id;
  po = await t.client(poUser).login();
  ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
  ({ code } = await passedProduct(t, po, ops, 'FINTX', 'INSIGHT'));
  await t.deps.handle.raw('update products set po_id = $1 where code = $2', [poId, code]);
  const synced = await answer(await builder.post(`/api/v1/products/${code}/requirements/sync`), ZRequirementSync);
  req = Object.fromEntries(synced.items.map((r) => [r.key, r.id]));
});
afterAll(async () => t?.close());

/** Moves the clock on; sessions idle past the limit meanwhile, so everyone signs in again. */
async function advance(minutes: number): Promise<void> {
  clock += minutes * 60_000;
  for (const c of [po, ops, builder, viewer]) await c.login();
}

const sprintOf = async (id: string) => {
  const list = await answer(await viewer.get(`/api/v1/products/${code}/sprints`), ZSprintList);
  const sprint = list.items.find((s) => s.id === id);
  if (!sprint) throw new Error(`sprint ${id} not listed`);
  return sprint;
};
const summary = async () => answer(await viewer.get(`/api/v1/products/${code}/backlog/summary`), ZBacklogSummary);
const toUat = (c: TestClient) => c.post(`/api/v1/products/${code}/stage/uat`);
const audited = async (action: string) =>
  t.deps.handle.raw('select target_id, before, after from audit_events where action = $1 order by id', [action]);

describe('sprint clarifications, metrics, the backlog summary and the build → UAT rule', () => {
  let sprintId: string;
  let early: string;
  let mid: string;
  let committed: string[];
  let late: string;
  const path = () => `/api/v1/products/${code}/sprints/${sprintId}/clarifications`;

  it('a new product: summary counts nothing, no active sprint, not ready for UAT (no ended sprint)', async () => {
    const s = await summary();
    expect(s).toMatchObject({
      stories: { backlog: 0, ready: 0, in_progress: 0, done: 0, total: 0 },
      bugs: { total: 0 },
      coverage: 0,
      requirementGaps: Object.keys(req).length,
      openDriftItems: 0,
      pendingChangeRequests: 0,
      activeSprint: null,
      uatReadiness: { ready: false, reason: expect.stringMatching(/^no sprint has ended yet/) },
    });
    const res = await toUat(po);
    await expectStatus(res, 409);
    expect(await json<Problem>(res)).toMatchObject({
      code: 'uat_not_ready',
      detail: expect.stringContaining('no sprint has ended'),
    });
  });

  it('asks in a planned sprint (not mid-sprint); refuses bad questions naming the field, and viewers', async () => {
    committed = [
      (await addStory(builder, code, { title: 'Schedule payouts', requirementIds: [req['FR-1'] ?? ''] })).key,
      (await addStory(builder, code, { title: 'Cancel a payout', requirementIds: [req['FR-2'] ?? ''] })).key,
    ];
    sprintId = (await answer(await po.post(`/api/v1/products/${code}/sprints`, { name: 'Sprint 1' }), ZSprint)).id;
    for (const key of committed) {
      await expectStatus(await builder.patch(`/api/v1/products/${code}/stories/${key}`, { sprintId }), 200);
    }
    const res = await builder.post(path(), { question: '  Which cut-off time applies to payouts?  ' });
    await expectStatus(res, 201);
    const q = await answer(res, ZClarification);
    early = q.id;
    expect(q).toMatchObject({
      sprintId,
      question: 'Which cut-off time applies to payouts?',
      midSprint: false,
      answer: null,
      answeredBy: null,
      answeredAt: null,
      askedAt: new Date(clock).toISOString(),
    });
    expect(q.askedBy?.email).toMatch(/@/);

    for (const [body, field] of [
      [{ question: '   ' }, 'question'],
      [{ question: 'x'.repeat(2001) }, 'question'],
      [{ question: 'Fine', extra: 1 }, 'extra'],
    ] as const) {
      const bad = await builder.post(path(), body);
      await expectStatus(bad, 422);
      expect((await json<Problem>(bad)).invalid_params?.map((p) => p.name)).toContain(field);
    }
    await expectStatus(await viewer.post(path(), { question: 'May I?' }), 403);
    const unknown = await builder.post(`/api/v1/products/${code}/sprints/${crypto.randomUUID()}/clarifications`, {
      question: 'Where?',
    });
    await expectStatus(unknown, 404);
    expect((await json<Problem>(unknown)).invalid_params?.map((p) => p.name)).toEqual(['path.id']);
  });

  it('counts questions asked while the sprint is active, and the median minutes to an answer', async () => {
    await advance(60);
    await expectStatus(await po.post(`/api/v1/products/${code}/sprints/${sprintId}/start`), 200);
    await advance(5);
    mid = (await answer(await builder.post(path(), { question: 'Do weekends count?' }), ZClarification)).id;
    await advance(30);
    const res = await po.post(`${path()}/${mid}/answer`, { answer: ' No: business days only. ' });
    await expectStatus(res, 200);
    expect(await answer(res, ZClarification)).toMatchObject({
      id: mid,
      midSprint: true,
      answer: 'No: business days only.',
      answeredBy: { id: poId },
      answeredAt: new Date(clock).toISOString(),
    });

    const again = await builder.post(`${path()}/${mid}/answer`, { answer: 'Yes' });
    await expectStatus(again, 409);
    expect(await json<Problem>(again)).toMatchObject({ code: 'already_answered' });
    const empty = await po.post(`${path()}/${early}/answer`, { answer: '' });
    await expectStatus(empty, 422);
    expect((await json<Problem>(empty)).invalid_params?.map((p) => p.name)).toEqual(['answer']);
    const long = await po.post(`${path()}/${early}/answer`, { answer: 'x'.repeat(4001) });
    await expectStatus(long, 422);
    const none = await po.post(`${path()}/${crypto.randomUUID()}/answer`, { answer: 'Hm' });
    await expectStatus(none, 404);
    expect((await json<Problem>(none)).invalid_params?.map((p) => p.name)).toEqual(['path.cid']);

    const log = await answer(await viewer.get(path()), ZClarificationList);
    expect(log.items.map((c) => [c.id, c.midSprint, c.answer !== null])).toEqual([
      [early, false, false],
      [mid, true, true],
    ]);
    expect((await sprintOf(sprintId)).metrics).toEqual({
      midSprintClarifications: 1,
      openClarifications: 1,
      medianAnswerMinutes: 30,
      scopeSurprises: 0,
      storiesAddedAfterStart: 0,
      committedDone: 0,
      committedTotal: 2,
    });
    const events = await audited('sprint.clarification_answered');
    expect(events.at(-1)).toMatchObject({ target_id: sprintId, after: { clarificationId: mid, minutesToAnswer: 30 } });
    expect(await audited('sprint.clarification_asked')).toHaveLength(2);
  });

  it('counts a story that joined late, a change request raised mid-sprint, and committed stories done', async () => {
    await advance(10);
    late = (await addStory(builder, code, { title: 'Payout webhooks', sprintId })).key;
    await expectStatus(
      await builder.patch(`/api/v1/products/${code}/stories/${committed[0]}`, { status: 'done' }),
      200,
    );
    const cr = await po.post(`/api/v1/products/${code}/change-requests`, {
      title: 'Add webhooks',
      whatChanges: 'Payout webhooks',
      why: 'Merchants asked',
      impact: { storyKeys: [late] },
    });
    await expectStatus(cr, 201);
    expect((await sprintOf(sprintId)).metrics).toMatchObject({
      scopeSurprises: 1,
      storiesAddedAfterStart: 1,
      committedDone: 1,
      committedTotal: 2,
    });
    const s = await summary();
    expect(s).toMatchObject({
      stories: { backlog: 2, done: 1, total: 3 },
      pendingChangeRequests: 1,
      activeSprint: { id: sprintId, name: 'Sprint 1', committedDone: 1, committedTotal: 2 },
      uatReadiness: { ready: false },
    });
    expect(s.requirementGaps).toBe(Object.keys(req).length - 2);
    const matrix = (await json<{ coverage: number; uncoveredRequirements: string[] }>(
      await viewer.get(`/api/v1/products/${code}/trace/matrix`),
    )) as { coverage: number; uncoveredRequirements: string[] };
    expect(s.coverage).toBe(matrix.coverage);
    expect(s.requirementGaps).toBe(matrix.uncoveredRequirements.length);
    const drift = await json<{ items: unknown[] }>(await viewer.get(`/api/v1/products/${code}/trace/drift`));
    expect(s.openDriftItems).toBe(drift.items.length);
    expect(s.openDriftItems).toBeGreaterThan(0);
  });

  it('an ended sprint takes no questions; answering an earlier one still works', async () => {
    await advance(60);
    await expectStatus(await po.post(`/api/v1/products/${code}/sprints/${sprintId}/end`), 200);
    const res = await builder.post(path(), { question: 'One more?' });
    await expectStatus(res, 409);
    expect(await json<Problem>(res)).toMatchObject({ code: 'sprint_ended' });
    await expectStatus(await po.post(`${path()}/${early}/answer`, { answer: '17:00 CET' }), 200);
    const m = (await sprintOf(sprintId)).metrics;
    expect(m).toMatchObject({ midSprintClarifications: 1, openClarifications: 0, scopeSurprises: 1 });
    // Answered 30 minutes and 2 h 45 min after asking: the median of two is their mean.
    expect(m.medianAnswerMinutes).toBe((30 + 165) / 2);
  });

  it('refuses UAT while committed stories are not done, naming them; builders may not move it', async () => {
    const forbidden = await toUat(builder);
    await expectStatus(forbidden, 403);
    expect(await json<Problem>(forbidden)).toMatchObject({ code: 'not_product_owner' });
    await expectStatus(await toUat(viewer), 403);

    const res = await toUat(po);
    await expectStatus(res, 409);
    const problem = await json<Problem & { notDone: string[] }>(res);
    expect(problem).toMatchObject({ code: 'uat_not_ready', notDone: [committed[1]] });
    expect(problem.detail).toBe(
      `${code} is not ready for UAT: 1 committed story of sprint "Sprint 1" not done: ${committed[1]}`,
    );
    expect((await summary()).uatReadiness).toEqual({
      ready: false,
      reason: `1 committed story of sprint "Sprint 1" not done: ${committed[1]}`,
    });
    const stage = await t.deps.handle.raw('select stage from products where code = $1', [code]);
    expect(stage[0]?.stage).toBe('build');
  });

  it('moves build → UAT once the committed stories are done (audited), then refuses a product not in build', async () => {
    await expectStatus(
      await builder.patch(`/api/v1/products/${code}/stories/${committed[1]}`, { status: 'done' }),
      200,
    );
    expect((await summary()).uatReadiness).toEqual({
      ready: true,
      reason: 'sprint "Sprint 1" ended with all 2 committed stories done',
    });
    const res = await toUat(po);
    await expectStatus(res, 200);
    const product = await answer(res, ZProduct);
    expect(product.stage).toBe('uat');
    expect(res.headers.get('etag')).toBe(`"${product.revision}"`);
    const [event] = (await audited('product.stage_changed')).filter((e) => e.target_id === product.id).slice(-1);
    expect(event).toMatchObject({
      before: { stage: 'build' },
      after: { stage: 'uat', reason: 'sprint "Sprint 1" ended with all 2 committed stories done' },
    });

    const again = await toUat(ops);
    await expectStatus(again, 409);
    expect(await json<Problem>(again)).toMatchObject({
      code: 'not_in_build',
      detail: `${code} is in UAT: only a product in Build moves to UAT`,
    });
    expect((await summary()).uatReadiness.reason).toContain('is in UAT');
    await expectStatus(await t.client().post(`/api/v1/products/${code}/stage/uat`), 401);
    await expectStatus(await po.post('/api/v1/products/FINTX-NOPE/stage/uat'), 404);
  });
});

describe('the backlog summary of a 10,000-story backlog', () => {
  it('counts in the database, fast', async () => {
    const big = (await passedProduct(t, po, ops, 'FINTX', 'BIGSUM')).code;
    await expectStatus(await builder.post(`/api/v1/products/${big}/requirements/sync`), 200);
    const [product] = await t.deps.handle.raw('select id from products where code = $1', [big]);
    await t.deps.handle.raw(
      `insert into stories (product_id, number, key, type, title, status)
       select $1, g, $2 || '-S-' || g, case when g % 10 = 0 then 'bug' else 'story' end, 'Bulk ' || g,
              (array['backlog', 'ready', 'in_progress', 'done'])[1 + g % 4]
       from generate_series(1, 10000) g`,
      [product?.id, big],
    );
    await t.deps.handle.raw(
      `insert into story_requirements (story_id, requirement_id)
       select s.id, r.id from stories s join requirements r on r.product_id = s.product_id
       where s.product_id = $1 and s.number <= 2 and r.req_key = 'FR-' || s.number`,
      [product?.id],
    );
    const s = await answer(await viewer.get(`/api/v1/products/${big}/backlog/summary`), ZBacklogSummary);
    expect(s.stories.total + s.bugs.total).toBe(10_000);
    expect(s.bugs.total).toBe(1000);
    expect(s.stories.done + s.bugs.done).toBe(2500);
    const matrix = await json<{ coverage: number }>(await viewer.get(`/api/v1/products/${big}/trace/matrix`));
    expect(s.coverage).toBe(matrix.coverage);
    expect(s.coverage).toBeGreaterThan(0);
  });
});
