// The backlog journey: requirements synced from the PRD that passed the gate → stories and bugs linked to them →
// listed, filtered and paged → a stale edit refused → a sprint started on the baseline and ended; a later PRD version
// keeps each requirement's identity and records its text change. Every step leaves its audit event.
import {
  type Story,
  ZRequirementList,
  ZRequirementSync,
  ZSprint,
  ZSprintList,
  ZStory,
  ZStoryPage,
} from '@pi-studio/core/contract/backlog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { addStory, expectStatus, json, type Problem, passedProduct, passNewVersion } from './test-kit.ts';

let t: TestContext;
let po: TestClient;
let ops: TestClient;
let builder: TestClient;
let viewer: TestClient;

beforeAll(async () => {
  t = await createTestContext();
  po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
});
afterAll(async () => t?.close());

const auditActions = async (targetId: string) =>
  (await t.deps.handle.raw('select action from audit_events where target_id = $1 order by id', [targetId])).map(
    (r) => r.action,
  );

describe('the backlog journey', () => {
  let code: string;
  let documentId: string;
  let baselineVersionId: string;
  let reqIds: Record<string, string>;
  let story: Story;
  let bug: Story;
  let sprintId: string;

  it('syncs the requirements of the PRD version that passed the gate, each with its line and version', async () => {
    ({ code, documentId } = await passedProduct(t, po, ops, 'FINTX', 'PAY'));
    const before = await answer(await viewer.get(`/api/v1/products/${code}/requirements`), ZRequirementList);
    expect(before.items).toEqual([]);
    expect(before.baseline?.version).toBe('1.0');
    baselineVersionId = before.baseline?.versionId ?? '';

    const res = await builder.post(`/api/v1/products/${code}/requirements/sync`);
    await expectStatus(res, 200);
    const synced = await answer(res, ZRequirementSync);
    expect(synced.changes.added).toContain('FR-1');
    expect(synced.changes).toMatchObject({ changed: [], removed: [], unchanged: 0 });
    const fr1 = synced.items.find((r) => r.key === 'FR-1');
    expect(fr1).toMatchObject({
      generated: false,
      kind: 'functional',
      priority: 'Must',
      line: 47,
      documentId,
      firstSeenIn: { id: baselineVersionId, version: '1.0' },
      lastSeenIn: { id: baselineVersionId, version: '1.0' },
      removedIn: null,
      storyCount: 0,
    });
    expect(fr1?.acceptance[0]).toMatch(/^Given a verified merchant/);
    expect(fr1?.textHistory).toEqual([{ version: '1.0', text: fr1?.text }]);
    reqIds = Object.fromEntries(synced.items.map((r) => [r.key, r.id]));

    const again = await answer(await builder.post(`/api/v1/products/${code}/requirements/sync`), ZRequirementSync);
    expect(again.changes).toMatchObject({ added: [], changed: [], removed: [], unchanged: synced.items.length });
    expect(again.items.map((r) => r.id)).toEqual(synced.items.map((r) => r.id));
  });

  it('creates a story and a bug with naming-convention keys, linked to requirements', async () => {
    story = await addStory(builder, code, {
      title: 'Schedule a daily payout',
      narrative: 'As a merchant I want a daily payout so that cash arrives predictably',
      acceptance: 'Given a verified merchant\nWhen the cut-off passes\nThen a payout is created',
      priority: 'Must',
      estimate: 5,
      requirementIds: [reqIds['FR-1'] ?? '', reqIds['FR-2'] ?? ''],
    });
    expect(story).toMatchObject({
      key: `${code}-S-1`,
      number: 1,
      type: 'story',
      status: 'backlog',
      revision: 1,
      sprint: null,
      requirements: [
        { id: reqIds['FR-1'], key: 'FR-1' },
        { id: reqIds['FR-2'], key: 'FR-2' },
      ],
    });
    bug = await addStory(po, code, { type: 'bug', title: 'Cut-off ignores time zone', priority: 'P1' });
    expect(bug).toMatchObject({ key: `${code}-BUG-2`, number: 2, type: 'bug', priority: 'P1', requirements: [] });
    const read = await builder.get(`/api/v1/products/${code}/stories/${story.key}`);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(await answer(read, ZStory)).toEqual(story);
    const reqs = await answer(await viewer.get(`/api/v1/products/${code}/requirements`), ZRequirementList);
    expect(reqs.items.find((r) => r.key === 'FR-1')?.storyCount).toBe(1);
    expect(await auditActions(story.id)).toEqual(['story.created']);
  });

  it('lists by number with filters and a keyset cursor', async () => {
    for (let i = 3; i <= 7; i++) await addStory(builder, code, { title: `Story ${i}`, status: 'ready' });
    const page1 = await answer(await viewer.get(`/api/v1/products/${code}/stories?limit=3`), ZStoryPage);
    expect(page1.items.map((s) => s.number)).toEqual([1, 2, 3]);
    expect(page1.nextCursor).toBe('3');
    const page2 = await answer(
      await viewer.get(`/api/v1/products/${code}/stories?limit=3&cursor=${page1.nextCursor}`),
      ZStoryPage,
    );
    expect(page2.items.map((s) => s.number)).toEqual([4, 5, 6]);
    const page3 = await answer(
      await viewer.get(`/api/v1/products/${code}/stories?limit=3&cursor=${page2.nextCursor}`),
      ZStoryPage,
    );
    expect(page3).toMatchObject({ nextCursor: null });
    expect(page3.items.map((s) => s.number)).toEqual([7]);

    const list = async (q: string) =>
      (await answer(await viewer.get(`/api/v1/products/${code}/stories?${q}`), ZStoryPage)).items.map((s) => s.key);
    expect(await list('type=bug')).toEqual([bug.key]);
    expect(await list(`requirement=${reqIds['FR-2']}`)).toEqual([story.key]);
    expect(await list('status=ready&limit=500')).toHaveLength(5);
    expect(await list('sprint=none')).toHaveLength(7);
  });

  it('refuses an edit based on a stale revision with the current record; the right one lands', async () => {
    const path = `/api/v1/products/${code}/stories/${story.key}`;
    const first = await builder.patch(path, { status: 'ready' }, { headers: { 'if-match': '"1"' } });
    await expectStatus(first, 200);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await po.patch(path, { title: 'Overwrite' }, { headers: { 'if-match': '"1"' } });
    await expectStatus(stale, 409);
    const problem = await json<Problem & { current: Story }>(stale);
    expect(problem.code).toBe('stale_version');
    expect(stale.headers.get('etag')).toBe('"2"');
    expect(problem.current).toMatchObject({ key: story.key, status: 'ready', title: story.title, revision: 2 });
    story = await answer(await builder.get(path), ZStory);
    expect(story.title).toBe('Schedule a daily payout');
    expect(await auditActions(story.id)).toEqual(['story.created', 'story.updated']);
  });

  it('starts a sprint on the baseline with its committed stories; a second one cannot start; it ends', async () => {
    const created = await builder.post(`/api/v1/products/${code}/sprints`, { name: 'Sprint 1' });
    await expectStatus(created, 201);
    const sprint = await answer(created, ZSprint);
    expect(sprint).toMatchObject({ status: 'planned', baseline: null, committedStoryIds: [], storyCount: 0 });
    sprintId = sprint.id;
    for (const s of [story, bug]) {
      await expectStatus(
        await builder.patch(`/api/v1/products/${code}/stories/${s.key}`, { sprintId: sprint.id }),
        200,
      );
    }
    const started = await answer(await builder.post(`/api/v1/products/${code}/sprints/${sprintId}/start`), ZSprint);
    expect(started).toMatchObject({
      status: 'active',
      baseline: { id: baselineVersionId, version: '1.0' },
      storyCount: 2,
    });
    expect(new Set(started.committedStoryIds)).toEqual(new Set([story.id, bug.id]));
    expect(started.startedAt).not.toBeNull();

    const next = await answer(await builder.post(`/api/v1/products/${code}/sprints`, { name: 'Sprint 2' }), ZSprint);
    const second = await builder.post(`/api/v1/products/${code}/sprints/${next.id}/start`);
    await expectStatus(second, 409);
    expect((await json<Problem>(second)).code).toBe('sprint_already_active');
    const restart = await builder.post(`/api/v1/products/${code}/sprints/${sprintId}/start`);
    expect((await json<Problem>(restart)).code).toBe('sprint_not_planned');

    const listed = await answer(await viewer.get(`/api/v1/products/${code}/stories?sprint=${sprintId}`), ZStoryPage);
    expect(listed.items.map((s) => s.sprint)).toEqual([
      { id: sprintId, name: 'Sprint 1', status: 'active' },
      { id: sprintId, name: 'Sprint 1', status: 'active' },
    ]);

    const ended = await answer(await builder.post(`/api/v1/products/${code}/sprints/${sprintId}/end`), ZSprint);
    expect(ended).toMatchObject({ status: 'ended', baseline: { id: baselineVersionId } });
    expect(ended.endedAt).not.toBeNull();
    const endAgain = await builder.post(`/api/v1/products/${code}/sprints/${sprintId}/end`);
    await expectStatus(endAgain, 409);
    expect((await json<Problem>(endAgain)).code).toBe('sprint_not_active');
    const sprints = await answer(await viewer.get(`/api/v1/products/${code}/sprints`), ZSprintList);
    expect(sprints.items.map((s) => [s.name, s.status])).toEqual([
      ['Sprint 2', 'planned'],
      ['Sprint 1', 'ended'],
    ]);
    expect(await auditActions(sprintId)).toEqual(['sprint.created', 'sprint.started', 'sprint.ended']);
  });

  it('a later passed PRD version keeps identity: same key and id, the text change recorded, a removal marked', async () => {
    const version = await passNewVersion(po, ops, documentId, (body) =>
      body.replace('between 10:00 and 18:00', 'between 09:00 and 18:00').replace(/^\| FR-3 \|.*\n/m, ''),
    );
    const res = await builder.post(`/api/v1/products/${code}/requirements/sync`);
    await expectStatus(res, 200);
    const synced = await answer(res, ZRequirementSync);
    expect(synced.baseline?.version).toBe(version);
    expect(synced.changes.changed).toEqual(['FR-1']);
    expect(synced.changes.removed).toEqual(['FR-3']);
    const fr1 = synced.items.find((r) => r.key === 'FR-1');
    expect(fr1?.id).toBe(reqIds['FR-1']);
    expect(fr1?.text).toContain('between 09:00 and 18:00');
    expect(fr1?.textHistory.map((h) => h.version)).toEqual(['1.0', version]);
    expect(fr1?.textHistory[0]?.text).toContain('between 10:00 and 18:00');
    expect(fr1).toMatchObject({ firstSeenIn: { version: '1.0' }, lastSeenIn: { version }, storyCount: 1 });
    const fr3 = synced.items.find((r) => r.key === 'FR-3');
    expect(fr3).toMatchObject({ id: reqIds['FR-3'], removedIn: { version } });
    expect(synced.items.at(-1)?.key).toBe('FR-3');
    const events = await t.deps.handle.raw(
      `select after from audit_events where action = 'requirements.synced' order by id desc limit 1`,
    );
    expect(events[0]?.after).toMatchObject({ version, changed: ['FR-1'], removed: ['FR-3'] });

    // A story cannot newly link a removed requirement.
    const refused = await builder.post(`/api/v1/products/${code}/stories`, {
      title: 'Payout status',
      requirementIds: [reqIds['FR-3']],
    });
    await expectStatus(refused, 422);
    expect((await json<Problem>(refused)).invalid_params).toEqual([
      { name: 'requirementIds.0', reason: 'FR-3 is no longer in the PRD baseline' },
    ]);
  });

  it('deletes a story (audited); its number is not given again', async () => {
    const res = await builder.delete(`/api/v1/products/${code}/stories/${bug.key}`, {
      headers: { 'if-match': '"2"' },
    });
    await expectStatus(res, 204);
    expect(await auditActions(bug.id)).toEqual(['story.created', 'story.updated', 'story.deleted']);
    await expectStatus(await viewer.get(`/api/v1/products/${code}/stories/${bug.key}`), 404);
    const after = await addStory(builder, code, { type: 'bug', title: 'Another bug' });
    expect(after.key).toBe(`${code}-BUG-8`);
  });
});
