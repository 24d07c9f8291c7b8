// The builder API (issue #12): a token of scope `builder` alone reads the stories ready for build — Gherkin and the
// linked requirements' text included — and moves their status, as the stories PATCH does (checks, If-Match, audit),
// and may call nothing else. Read and write tokens and sessions with backlog.write use the same routes.

import { ZCreatedToken } from '@pi-studio/core/contract/auth';
import { ZBuilderStoryPage, ZRequirementSync, ZStory } from '@pi-studio/core/contract/backlog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { makeTypedProduct } from '../gate/test-kit.ts';
import { addStory, expectStatus, json, type Problem, passedProduct } from './test-kit.ts';

let t: TestContext;
let po: TestClient;
let ops: TestClient;
let builder: TestClient;
let viewer: TestClient;
let code: string;
let req: Record<string, string>;
let reqText: Record<string, string>;

beforeAll(async () => {
  t = await createTestContext();
  po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
  ({ code } = await passedProduct(t, po, ops, 'FINTX', 'BUILDAPI'));
  const synced = await answer(await builder.post(`/api/v1/products/${code}/requirements/sync`), ZRequirementSync);
  req = Object.fromEntries(synced.items.map((r) => [r.key, r.id]));
  reqText = Object.fromEntries(synced.items.map((r) => [r.key, r.text]));
});
afterAll(async () => t?.close());

/** A client sending `Authorization: Bearer` with a token of `scopes`, minted by `owner`'s session. */
async function tokenClient(owner: TestClient, scopes: string[]) {
  const res = await owner.post('/api/v1/tokens', { name: `builder-test ${scopes.join(',')}`, scopes });
  await expectStatus(res, 201);
  const headers = { authorization: `Bearer ${ZCreatedToken.parse(await res.json()).token}` };
  const anon = t.client();
  return {
    get: (path: string) => anon.get(path, { headers }),
    post: (path: string, body?: unknown, extra: Record<string, string> = {}) =>
      anon.post(path, body, { headers: { ...headers, ...extra } }),
  };
}

const ACCEPTANCE = 'Given a verified merchant\nWhen they schedule a payout\nThen it is queued for the next cut-off';

describe('the builder API', () => {
  let ready: string[];
  let other: string;

  beforeAll(async () => {
    ready = [
      (
        await addStory(builder, code, {
          title: 'Schedule payouts',
          acceptance: ACCEPTANCE,
          status: 'ready',
          requirementIds: [req['FR-1'] ?? '', req['FR-2'] ?? ''],
        })
      ).key,
      (await addStory(builder, code, { title: 'Cancel a payout', status: 'ready' })).key,
    ];
    other = (await addStory(builder, code, { title: 'Not yet', status: 'backlog' })).key;
  });

  it('a builder-only token lists the ready stories with Gherkin and requirement text, paged by cursor', async () => {
    const bot = await tokenClient(builder, ['builder']);
    const res = await bot.get(`/api/v1/builder/stories?product=${code}&limit=1`);
    await expectStatus(res, 200);
    const first = await answer(res, ZBuilderStoryPage);
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      key: ready[0],
      status: 'ready',
      acceptance: ACCEPTANCE,
      requirements: [
        { id: req['FR-1'], key: 'FR-1', text: reqText['FR-1'] },
        { id: req['FR-2'], key: 'FR-2', text: reqText['FR-2'] },
      ],
      revision: 1,
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await answer(
      await bot.get(`/api/v1/builder/stories?product=${code}&limit=1&cursor=${first.nextCursor}`),
      ZBuilderStoryPage,
    );
    expect(second.items.map((s) => s.key)).toEqual([ready[1]]);
    expect(second.nextCursor).toBeNull();
    const backlog = await answer(
      await bot.get(`/api/v1/builder/stories?product=${code}&status=backlog`),
      ZBuilderStoryPage,
    );
    expect(backlog.items.map((s) => s.key)).toEqual([other]);
  });

  it('a builder-only token may call nothing but the builder routes', async () => {
    const bot = await tokenClient(builder, ['builder']);
    for (const path of [`/api/v1/products/${code}/stories`, `/api/v1/products/${code}`, '/api/v1/auth/me']) {
      await expectStatus(await bot.get(path), 403);
    }
    await expectStatus(await bot.post('/api/v1/tokens', { name: 'wider', scopes: ['read'] }), 403);
    await expectStatus(await bot.post(`/api/v1/products/${code}/stories`, { title: 'Sneaky' }), 403);
  });

  it('moves a story’s status as PATCH does: audited, If-Match honoured, bad input named', async () => {
    const bot = await tokenClient(builder, ['builder']);
    const path = `/api/v1/builder/stories/${ready[0]}/status`;
    const res = await bot.post(path, { status: 'in_progress', ifMatch: 1 });
    await expectStatus(res, 200);
    const story = await answer(res, ZStory);
    expect(story).toMatchObject({ key: ready[0], status: 'in_progress', revision: 2 });
    expect(res.headers.get('etag')).toBe('"2"');
    const [event] = await t.deps.handle.raw(
      "select before, after from audit_events where action = 'story.updated' and target_id = $1 order by id desc limit 1",
      [story.id],
    );
    expect(event).toMatchObject({ before: { status: 'ready' }, after: { status: 'in_progress' } });

    const stale = await bot.post(path, { status: 'done', ifMatch: '"1"' });
    await expectStatus(stale, 409);
    expect(await json<Problem>(stale)).toMatchObject({ code: 'stale_version' });
    const staleHeader = await bot.post(path, { status: 'done' }, { 'if-match': '"1"' });
    await expectStatus(staleHeader, 409);
    await expectStatus(await bot.post(path, { status: 'done', ifMatch: '"2"' }), 200);

    for (const [body, field] of [
      [{ status: 'shipped' }, 'status'],
      [{ status: 'done', ifMatch: 'soon' }, 'ifMatch'],
      [{}, 'status'],
    ] as const) {
      const bad = await bot.post(path, body);
      await expectStatus(bad, 422);
      expect((await json<Problem>(bad)).invalid_params?.map((p) => p.name)).toContain(field);
    }
    const unknown = await bot.post(`/api/v1/builder/stories/${code}-S-999/status`, { status: 'done' });
    await expectStatus(unknown, 404);
    expect((await json<Problem>(unknown)).invalid_params?.map((p) => p.name)).toEqual(['path.key']);
    const noProduct = await bot.get('/api/v1/builder/stories');
    await expectStatus(noProduct, 422);
    expect((await json<Problem>(noProduct)).invalid_params?.map((p) => p.name)).toContain('query.product');
    await expectStatus(await bot.get('/api/v1/builder/stories?product=FINTX-NOPE'), 404);
  });

  it('read tokens read, write tokens change; the user still needs backlog.write; another subsidiary is hidden', async () => {
    const reader = await tokenClient(builder, ['read']);
    await expectStatus(await reader.get(`/api/v1/builder/stories?product=${code}`), 200);
    await expectStatus(await reader.post(`/api/v1/builder/stories/${ready[1]}/status`, { status: 'done' }), 403);
    const writer = await tokenClient(builder, ['write']);
    await expectStatus(await writer.post(`/api/v1/builder/stories/${ready[1]}/status`, { status: 'done' }), 200);
    await expectStatus(await builder.get(`/api/v1/builder/stories?product=${code}`), 200);

    const viewerBot = await tokenClient(viewer, ['builder']);
    await expectStatus(await viewerBot.get(`/api/v1/builder/stories?product=${code}`), 403);
    await expectStatus(await viewerBot.post(`/api/v1/builder/stories/${other}/status`, { status: 'done' }), 403);

    const outsider = await t.client(await t.user({ roles: { EMX: 'builder' } })).login();
    const outsiderBot = await tokenClient(outsider, ['builder']);
    await expectStatus(await outsiderBot.get(`/api/v1/builder/stories?product=${code}`), 404);
    const hidden = await outsiderBot.post(`/api/v1/builder/stories/${other}/status`, { status: 'done' });
    await expectStatus(hidden, 404);
    const still = await answer(await viewer.get(`/api/v1/products/${code}/stories/${other}`), ZStory);
    expect(still.status).toBe('backlog');
  });

  it('refuses a key two visible products hold (409 ambiguous_key), changing neither', async () => {
    const twin = await makeTypedProduct(t, 'FINTX', 'TWIN');
    const [row] = await t.deps.handle.raw('select id from products where code = $1', [twin]);
    await t.deps.handle.raw(
      `insert into stories (product_id, number, key, type, title) values ($1, 1, $2, 'story', 'Twin')`,
      [row?.id, other],
    );
    const res = await builder.post(`/api/v1/builder/stories/${other}/status`, { status: 'done' });
    await expectStatus(res, 409);
    expect(await json<Problem>(res)).toMatchObject({ code: 'ambiguous_key', invalid_params: [{ name: 'path.key' }] });
    const statuses = await t.deps.handle.raw('select status from stories where key = $1', [other]);
    expect(statuses.map((r) => r.status)).toEqual(['backlog', 'backlog']);
  });
});
