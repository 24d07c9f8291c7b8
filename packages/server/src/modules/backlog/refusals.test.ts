// Bad input to the backlog: each refusal is a clear 4xx in problem+json naming the field, and stores nothing.
import { type Story, ZRequirementList, ZStory } from '@pi-studio/core/contract/backlog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { makeTypedProduct } from '../gate/test-kit.ts';
import { addStory, expectStatus, json, type Problem, passedProduct } from './test-kit.ts';

let t: TestContext;
let builder: TestClient;
let viewer: TestClient;
let it_: TestClient;
let code: string;
let other: string;
let hidden: string;
let story: Story;
let otherRequirement: string;
let requirement: string;

const count = async (sql: string) => Number((await t.deps.handle.raw(sql))[0]?.n);
const stored = async () => ({
  stories: await count('select count(*) as n from stories'),
  links: await count('select count(*) as n from story_requirements'),
  sprints: await count('select count(*) as n from sprints'),
  requirements: await count('select count(*) as n from requirements'),
  revisions: await count('select coalesce(sum(revision), 0) as n from stories'),
  audit: await count(
    "select count(*) as n from audit_events where action like 'story.%' or action like 'sprint.%' or action like 'requirements.%'",
  ),
});

/** The answer is `status` in problem+json with `code`, naming exactly `fields`, and nothing was stored. */
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

beforeAll(async () => {
  t = await createTestContext();
  const po = await t.client(await t.user({ roles: { FINTX: 'po', NXN: 'po' } })).login();
  const ops = await t.client(await t.user({ roles: { FINTX: 'productops', NXN: 'productops' } })).login();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
  it_ = await t.client(await t.user({ roles: { FINTX: 'it' } })).login();
  code = (await passedProduct(t, po, ops, 'FINTX', 'PAY')).code;
  other = (await passedProduct(t, po, ops, 'FINTX', 'CARDS')).code;
  hidden = (await passedProduct(t, po, ops, 'NXN', 'LOANS')).code;
  for (const c of [code, other, hidden])
    await expectStatus(await po.post(`/api/v1/products/${c}/requirements/sync`), 200);
  const reqs = async (c: string) =>
    (await json<{ items: { id: string }[] }>(await po.get(`/api/v1/products/${c}/requirements`))).items;
  requirement = (await reqs(code))[0]?.id ?? '';
  otherRequirement = (await reqs(other))[0]?.id ?? '';
  story = await addStory(builder, code, { title: 'Schedule a payout', requirementIds: [requirement] });
});
afterAll(async () => t?.close());

const stories = (c = code) => `/api/v1/products/${c}/stories`;

describe('creating and changing a story refuses bad input, naming the field', () => {
  it('requirement ids must be requirements of this product', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const p = await refused(
      () => builder.post(stories(), { title: 'x', requirementIds: [requirement, unknown, otherRequirement] }),
      422,
      'validation_failed',
      ['requirementIds.1', 'requirementIds.2'],
    );
    expect(p.invalid_params?.[0]?.reason).toBe(`no requirement with this id in ${code}`);
    await refused(() => builder.post(stories(), { title: 'x', requirementIds: ['FR-1'] }), 422, 'validation_failed', [
      'requirementIds.0',
    ]);
  });

  it('title 1–200, narrative ≤ 4000, acceptance ≤ 20,000 characters, a known priority, a known field', async () => {
    await refused(() => builder.post(stories(), { title: 'x'.repeat(201) }), 422, 'validation_failed', ['title']);
    await refused(() => builder.post(stories(), { title: '   ' }), 422, 'validation_failed', ['title']);
    await refused(() => builder.post(stories(), {}), 422, 'validation_failed', ['title']);
    await refused(
      () =>
        builder.post(stories(), {
          title: 'ok',
          narrative: 'n'.repeat(4001),
          acceptance: 'a'.repeat(20_001),
          priority: 'Urgent',
          estimate: -1,
          status: 'doing',
        }),
      422,
      'validation_failed',
      ['narrative', 'acceptance', 'priority', 'status', 'estimate'],
    );
    await refused(() => builder.post(stories(), { title: 'ok', points: 3 }), 422, 'validation_failed', ['points']);
    await refused(() => builder.patch(`${stories()}/${story.key}`, {}), 422, 'validation_failed', ['body']);
    await refused(
      () => builder.patch(`${stories()}/${story.key}`, { title: 'x'.repeat(201) }),
      422,
      'validation_failed',
      ['title'],
    );
    // At the limits the story is stored.
    const max = await addStory(builder, code, {
      title: 't'.repeat(200),
      narrative: 'n'.repeat(4000),
      acceptance: 'a'.repeat(20_000),
      priority: "Won't",
    });
    expect(max.title).toHaveLength(200);
  });

  it('NUL or a lone surrogate in text: the route wrapper refuses it, naming the field', async () => {
    await refused(() => builder.post(stories(), { title: 'a\u0000b' }), 422, 'validation_failed', ['title']);
    await refused(
      () =>
        builder.request('POST', stories(), {
          rawBody: '{"title":"ok","acceptance":"Given \\ud800 When"}',
          headers: { 'content-type': 'application/json' },
        }),
      422,
      'validation_failed',
      ['acceptance'],
    );
    await refused(
      () => builder.patch(`${stories()}/${story.key}`, { narrative: 'x\u0000' }),
      422,
      'validation_failed',
      ['narrative'],
    );
    await refused(() => builder.get(`${stories()}/${story.key}%00`), 422, 'validation_failed', ['path.key']);
  });

  it('a sprint must be one of this product’s sprints that has not ended', async () => {
    await refused(
      () => builder.post(stories(), { title: 'x', sprintId: '00000000-0000-4000-8000-000000000000' }),
      422,
      'validation_failed',
      ['sprintId'],
    );
  });

  it('a wrong If-Match answers 409 stale_version with the current story; nothing changes', async () => {
    const p = await refused(
      () => builder.patch(`${stories()}/${story.key}`, { status: 'done' }, { headers: { 'if-match': '"7"' } }),
      409,
      'stale_version',
      ['If-Match'],
    );
    expect(ZStory.parse((p as Problem & { current: unknown }).current)).toEqual(story);
    await refused(
      () => builder.delete(`${stories()}/${story.key}`, { headers: { 'if-match': 'W/"1"' } }),
      409,
      'stale_version',
      ['If-Match'],
    );
  });

  it('lists: a bad cursor, limit or filter is a 422 naming the query field', async () => {
    await refused(() => viewer.get(`${stories()}?cursor=abc`), 422, 'validation_failed', ['query.cursor']);
    await refused(() => viewer.get(`${stories()}?limit=501`), 422, 'validation_failed', ['query.limit']);
    await refused(() => viewer.get(`${stories()}?status=doing`), 422, 'validation_failed', ['query.status']);
    await refused(() => viewer.get(`${stories()}?sprint=current`), 422, 'validation_failed', ['query.sprint']);
    const past = await viewer.get(`${stories()}?cursor=9007199254740991`);
    await expectStatus(past, 200);
    expect(await json(past)).toEqual({ items: [], nextCursor: null });
  });

  it('unknown story, sprint or product answers 404', async () => {
    await refused(() => viewer.get(`${stories()}/${code}-S-999`), 404, 'not_found', ['path.key']);
    await refused(() => builder.patch(`${stories(other)}/${story.key}`, { title: 'x' }), 404, 'not_found', [
      'path.key',
    ]);
    await refused(
      () => builder.post(`/api/v1/products/${code}/sprints/00000000-0000-4000-8000-000000000000/start`),
      404,
      'not_found',
      ['path.id'],
    );
    await refused(() => viewer.get('/api/v1/products/FINTX-NOPE/stories'), 404, 'not_found');
  });
});

describe('sprints', () => {
  it('only one active sprint per product; another product’s sprint is not found', async () => {
    const make = async (c: string, name: string) => {
      const res = await builder.post(`/api/v1/products/${c}/sprints`, { name });
      await expectStatus(res, 201);
      return (await json<{ id: string }>(res)).id;
    };
    const first = await make(code, 'S1');
    const second = await make(code, 'S2');
    const elsewhere = await make(other, 'Other S1');
    await expectStatus(await builder.post(`/api/v1/products/${code}/sprints/${first}/start`), 200);
    await refused(() => builder.post(`/api/v1/products/${code}/sprints/${second}/start`), 409, 'sprint_already_active');
    await refused(() => builder.post(`/api/v1/products/${code}/sprints/${elsewhere}/start`), 404, 'not_found', [
      'path.id',
    ]);
    await refused(() => builder.post(`/api/v1/products/${code}/sprints`, { name: '' }), 422, 'validation_failed', [
      'name',
    ]);
    await expectStatus(await builder.post(`/api/v1/products/${code}/sprints/${first}/end`), 200);
    await refused(() => builder.patch(`${stories()}/${story.key}`, { sprintId: first }), 422, 'validation_failed', [
      'sprintId',
    ]);
  });
});

describe('access', () => {
  it('a product you cannot see answers 404, for reading and for changing', async () => {
    await refused(() => builder.get(stories(hidden)), 404, 'not_found');
    await refused(() => builder.get(`/api/v1/products/${hidden}/requirements`), 404, 'not_found');
    await refused(() => builder.get(`/api/v1/products/${hidden}/sprints`), 404, 'not_found');
    await refused(() => builder.post(stories(hidden), { title: 'x' }), 404, 'not_found');
    await refused(() => builder.post(`/api/v1/products/${hidden}/requirements/sync`), 404, 'not_found');
  });

  it('a role without backlog.write reads the backlog but changes nothing (403)', async () => {
    for (const reader of [viewer, it_]) {
      await expectStatus(await reader.get(stories()), 200);
      await expectStatus(await reader.get(`${stories()}/${story.key}`), 200);
      await expectStatus(await reader.get(`/api/v1/products/${code}/requirements`), 200);
      await expectStatus(await reader.get(`/api/v1/products/${code}/sprints`), 200);
      await refused(() => reader.post(stories(), { title: 'x' }), 403, 'forbidden');
      await refused(() => reader.patch(`${stories()}/${story.key}`, { title: 'x' }), 403, 'forbidden');
      await refused(() => reader.delete(`${stories()}/${story.key}`), 403, 'forbidden');
      await refused(() => reader.post(`/api/v1/products/${code}/requirements/sync`), 403, 'forbidden');
      await refused(() => reader.post(`/api/v1/products/${code}/sprints`, { name: 'S' }), 403, 'forbidden');
    }
  });

  it('syncing before the PRD passed the gate is a 409 naming why', async () => {
    const fresh = await makeTypedProduct(t, 'FINTX', 'FRESH');
    const p = await refused(() => builder.post(`/api/v1/products/${fresh}/requirements/sync`), 409, 'no_baseline');
    expect(p.detail).toMatch(/has not passed the gate/);
    const list = await answer(await viewer.get(`/api/v1/products/${fresh}/requirements`), ZRequirementList);
    expect(list).toEqual({ baseline: null, items: [] });
  });
});

describe('racing changes', () => {
  it('concurrent creations take distinct numbers; of two saves on one revision exactly one lands', async () => {
    const made = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => builder.post(stories(), { title: `Race ${i}` }).then((r) => json<Story>(r))),
    );
    const numbers = made.map((s) => s.number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(5);
    expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(4);

    const target = made[0] as Story;
    const path = `${stories()}/${target.key}`;
    const ifMatch = { headers: { 'if-match': `"${target.revision}"` } };
    const answers = await Promise.all([
      builder.patch(path, { status: 'ready' }, ifMatch),
      builder.patch(path, { status: 'done' }, ifMatch),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('of two sprints started at once, exactly one becomes active', async () => {
    const ids = await Promise.all(
      ['A', 'B'].map(async (name) => {
        const res = await builder.post(`/api/v1/products/${other}/sprints`, { name });
        return (await json<{ id: string }>(res)).id;
      }),
    );
    const answers = await Promise.all(ids.map((id) => builder.post(`/api/v1/products/${other}/sprints/${id}/start`)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
