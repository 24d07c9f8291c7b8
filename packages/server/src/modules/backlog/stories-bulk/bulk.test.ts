// Bulk edit through the real app: one status, sprint or priority for many stories, all or nothing, one audit event;
// every refusal is a 4xx in problem+json naming the field, and changes nothing.
import { type Story, ZStory } from '@pi-studio/core/contract/backlog';
import { ZStoryBulkResult } from '@pi-studio/core/contract/backlog-bulk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';
import { makeTypedProduct } from '../../gate/test-kit.ts';
import { addStory, expectStatus, json, type Problem } from '../test-kit.ts';

let t: TestContext;
let builder: TestClient;
let viewer: TestClient;
let code: string;
let other: string;
let hidden: string;
let sprintId: string;
let otherSprintId: string;
let mine: Story[];
let elsewhere: Story;

const bulk = (c = code) => `/api/v1/products/${c}/stories/bulk`;

const count = async (sql: string) => Number((await t.deps.handle.raw(sql))[0]?.n);
/** What a refused bulk edit must leave as it was: every story's fields and revision, and the audit trail. */
const stored = async () => ({
  stories: await t.deps.handle.raw(
    'select key, status, sprint_id, priority, revision, updated_at from stories order by product_id, number',
  ),
  audit: await count('select count(*) as n from audit_events'),
});

async function refused(send: () => Promise<Response>, status: number, code: string, fields: string[] = []) {
  const before = await stored();
  const res = await send();
  await expectStatus(res, status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = await json<Problem>(res);
  expect(problem.code).toBe(code);
  expect([...new Set((problem.invalid_params ?? []).map((p) => p.name))]).toEqual(fields);
  expect(await stored()).toEqual(before);
  return problem;
}

async function newSprint(c: TestClient, product: string, name: string): Promise<string> {
  const res = await c.post(`/api/v1/products/${product}/sprints`, { name });
  await expectStatus(res, 201);
  // Only the id is read here: the sprint's own answer is the sprints module's to test.
  return (await json<{ id: string }>(res)).id;
}

beforeAll(async () => {
  t = await createTestContext();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
  code = await makeTypedProduct(t, 'FINTX', 'BULK');
  other = await makeTypedProduct(t, 'FINTX', 'OTHER');
  hidden = await makeTypedProduct(t, 'NXN', 'HIDDEN');
  mine = [];
  for (const title of ['Pay out daily', 'Pay out weekly', 'Hold a payout', 'Release a payout'])
    mine.push(await addStory(builder, code, { title }));
  elsewhere = await addStory(builder, other, { title: 'Elsewhere' });
  sprintId = await newSprint(builder, code, 'Sprint 1');
  otherSprintId = await newSprint(builder, other, 'Other sprint');
});
afterAll(async () => t?.close());

const keys = (...i: number[]) => i.map((n) => mine[n]?.key ?? '');

describe('a bulk edit', () => {
  it('changes every story named, one revision up each, and writes one audit event naming them', async () => {
    const auditBefore = await count("select count(*) as n from audit_events where action = 'stories.bulk_updated'");
    const res = await builder.post(bulk(), {
      keys: keys(2, 0, 1),
      patch: { status: 'in_progress', sprintId, priority: 'P1' },
    });
    await expectStatus(res, 200);
    const { items } = await answer(res, ZStoryBulkResult);
    expect(items.map((s) => s.key)).toEqual(keys(0, 1, 2));
    for (const s of items) {
      const was = mine.find((m) => m.key === s.key);
      expect(s).toMatchObject({
        status: 'in_progress',
        priority: 'P1',
        sprint: { id: sprintId, name: 'Sprint 1', status: 'planned' },
        revision: (was?.revision ?? 0) + 1,
        title: was?.title,
      });
    }
    // The story not named is untouched; each named one reads back as answered.
    const untouched = await answer(await viewer.get(`/api/v1/products/${code}/stories/${mine[3]?.key}`), ZStory);
    expect(untouched).toEqual(mine[3]);
    const one = await viewer.get(`/api/v1/products/${code}/stories/${mine[0]?.key}`);
    expect(one.headers.get('etag')).toBe(`"${items[0]?.revision}"`);
    expect(await answer(one, ZStory)).toEqual(items[0]);

    const audit = await t.deps.handle.raw(
      "select target_label, before, after from audit_events where action = 'stories.bulk_updated' order by id",
    );
    expect(audit).toHaveLength(auditBefore + 1);
    expect(audit.at(-1)).toMatchObject({
      target_label: code,
      after: { keys: keys(2, 0, 1), patch: { status: 'in_progress', sprintId, priority: 'P1' } },
      before: { stories: [{ key: mine[2]?.key, status: 'backlog', sprintId: null, priority: null }, {}, {}] },
    });
    mine = await Promise.all(
      mine.map(async (s) => answer(await viewer.get(`/api/v1/products/${code}/stories/${s.key}`), ZStory)),
    );
  });

  it('takes stories out of their sprint and clears a priority with null, changing only the fields sent', async () => {
    const res = await builder.post(bulk(), { keys: keys(0, 1), patch: { sprintId: null, priority: null } });
    await expectStatus(res, 200);
    const { items } = await answer(res, ZStoryBulkResult);
    expect(items.map((s) => [s.sprint, s.priority, s.status])).toEqual([
      [null, null, 'in_progress'],
      [null, null, 'in_progress'],
    ]);
  });

  it('an editor still open on a story it changed gets 409 stale_version on save', async () => {
    const [before] = mine;
    await expectStatus(await builder.post(bulk(), { keys: keys(0), patch: { status: 'done' } }), 200);
    await refused(
      () =>
        builder.patch(
          `/api/v1/products/${code}/stories/${before?.key}`,
          { title: 'Overwrite' },
          { headers: { 'if-match': `"${before?.revision}"` } },
        ),
      409,
      'stale_version',
      ['If-Match'],
    );
  });
});

describe('a bulk edit refuses, changing nothing', () => {
  it('an unknown key, or a story of another product, naming keys.N', async () => {
    const p = await refused(
      () =>
        builder.post(bulk(), {
          keys: [mine[0]?.key, `${code}-S-999`, mine[1]?.key, elsewhere.key],
          patch: { status: 'done' },
        }),
      422,
      'validation_failed',
      ['keys.1', 'keys.3'],
    );
    expect(p.invalid_params?.[0]?.reason).toBe(`no story ${code}-S-999 in ${code}`);
  });

  it('more than 500 keys, none, or one listed twice', async () => {
    const many = Array.from({ length: 501 }, (_, i) => `${code}-S-${i + 1}`);
    await refused(() => builder.post(bulk(), { keys: many, patch: { status: 'done' } }), 422, 'validation_failed', [
      'keys',
    ]);
    await refused(() => builder.post(bulk(), { keys: [], patch: { status: 'done' } }), 422, 'validation_failed', [
      'keys',
    ]);
    await refused(
      () => builder.post(bulk(), { keys: keys(0, 1, 0), patch: { status: 'done' } }),
      422,
      'validation_failed',
      ['keys.2'],
    );
  });

  it('a sprint of another product, an unknown one or one that has ended', async () => {
    await refused(
      () => builder.post(bulk(), { keys: keys(0), patch: { sprintId: otherSprintId } }),
      422,
      'validation_failed',
      ['patch.sprintId'],
    );
    await refused(
      () => builder.post(bulk(), { keys: keys(0), patch: { sprintId: '00000000-0000-4000-8000-000000000000' } }),
      422,
      'validation_failed',
      ['patch.sprintId'],
    );
    const ended = await newSprint(builder, code, 'Ended');
    await expectStatus(await builder.post(`/api/v1/products/${code}/sprints/${ended}/start`), 200);
    await expectStatus(await builder.post(`/api/v1/products/${code}/sprints/${ended}/end`), 200);
    const p = await refused(
      () => builder.post(bulk(), { keys: keys(0, 1), patch: { sprintId: ended } }),
      422,
      'validation_failed',
      ['patch.sprintId'],
    );
    expect(p.invalid_params?.[0]?.reason).toBe('sprint Ended has ended');
  });

  it('hostile or mistyped input: NUL in a key, wrong types, an empty or unknown patch field', async () => {
    await refused(
      () => builder.post(bulk(), { keys: [`${mine[0]?.key}\u0000`], patch: { status: 'done' } }),
      422,
      'validation_failed',
      ['keys.0'],
    );
    await refused(
      () =>
        builder.request('POST', bulk(), {
          rawBody: `{"keys":["${mine[0]?.key}\\ud800"],"patch":{"status":"done"}}`,
          headers: { 'content-type': 'application/json' },
        }),
      422,
      'validation_failed',
      ['keys.0'],
    );
    await refused(
      () => builder.post(bulk(), { keys: mine[0]?.key, patch: { status: 'done' } }),
      422,
      'validation_failed',
      ['keys'],
    );
    await refused(() => builder.post(bulk(), { keys: [42], patch: { status: 'done' } }), 422, 'validation_failed', [
      'keys.0',
    ]);
    await refused(
      () => builder.post(bulk(), { keys: keys(0), patch: { status: 'doing', priority: 'Urgent', sprintId: 'S1' } }),
      422,
      'validation_failed',
      ['patch.status', 'patch.sprintId', 'patch.priority'],
    );
    await refused(() => builder.post(bulk(), { keys: keys(0), patch: {} }), 422, 'validation_failed', ['patch']);
    await refused(() => builder.post(bulk(), { keys: keys(0), patch: { title: 'x' } }), 422, 'validation_failed', [
      'patch.title',
    ]);
    await refused(() => builder.post(bulk(), { keys: keys(0) }), 422, 'validation_failed', ['patch']);
    await refused(
      () => builder.post(bulk(), { keys: keys(0), patch: { status: 'done' }, all: true }),
      422,
      'validation_failed',
      ['all'],
    );
  });

  it('a role without backlog.write (403), a product you cannot see (404)', async () => {
    await refused(() => viewer.post(bulk(), { keys: keys(0), patch: { status: 'done' } }), 403, 'forbidden');
    await refused(() => builder.post(bulk(hidden), { keys: keys(0), patch: { status: 'done' } }), 404, 'not_found');
  });
});

describe('racing bulk edits', () => {
  it('two bulk edits over the same stories both land, one after the other', async () => {
    const before = await answer(await viewer.get(`/api/v1/products/${code}/stories/${mine[3]?.key}`), ZStory);
    const answers = await Promise.all([
      builder.post(bulk(), { keys: keys(3, 2), patch: { status: 'ready' } }),
      builder.post(bulk(), { keys: keys(2, 3), patch: { priority: 'Must' } }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const after = await answer(await viewer.get(`/api/v1/products/${code}/stories/${mine[3]?.key}`), ZStory);
    expect(after).toMatchObject({ status: 'ready', priority: 'Must', revision: before.revision + 2 });
  });
});
