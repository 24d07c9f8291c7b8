// Adoption event ingest through the real server (issue #15): a batch stored once (re-sending it changes nothing and
// counts duplicates), event_id conflicts, per-record refusals with index and field (unknown names, naive timestamps,
// wrong types, unknown and foreign products, PII), 400 when nothing is taken, 413 over 1,000 events or 1 MB, text
// the database cannot store, and the token scopes (`events`, `write`; read-only → 403).
import { ZEventBatchResult } from '@pi-studio/core/contract/adoption';
import { ZCreatedToken } from '@pi-studio/core/contract/auth';
import type { Problem } from '@pi-studio/core/contract/common';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { adoptionEvents } from '../../db/schema/adoption.ts';
import { expectStatus, json, makeTypedProduct } from '../gate/test-kit.ts';
import { findProductsByCodes } from './repo.ts';
import { PLANNED } from './test-kit.ts';

const now = new Date('2026-12-01T09:00:00Z');
const HOUR = 3_600_000;
let t: TestContext;
let po: TestClient;
let viewer: TestClient;
let code: string;
let foreign: string;
let productId: string;
let n = 0;

type Rejected = Problem & ReturnType<typeof ZEventBatchResult.parse>;

/** A valid record for the product; `over` replaces or adds fields (undefined removes one). */
function ev(over: Record<string, unknown> = {}): Record<string, unknown> {
  n += 1;
  const base: Record<string, unknown> = {
    event_id: `evt-${n}`,
    event: 'report_exported',
    occurred_at: '2026-12-01T08:15:00Z',
    product: code,
    user_id: 'u-1001',
    account_id: 'branch-7',
    properties: { report_format: 'csv' },
    context: { environment: 'production', app_version: '2.4.0', timezone: 'Africa/Lagos' },
  };
  const out = { ...base, ...over };
  for (const [k, v] of Object.entries(over)) if (v === undefined) delete out[k];
  return out;
}

/** Bearer client with a token of `scopes`, minted by `owner`'s session. */
async function bearer(owner: TestClient, scopes: string[]) {
  const res = await owner.post('/api/v1/tokens', { name: `events ${scopes.join(',')}`, scopes });
  await expectStatus(res, 201);
  const headers = { authorization: `Bearer ${ZCreatedToken.parse(await res.json()).token}` };
  const anon = t.client();
  return {
    get: (path: string) => anon.get(path, { headers }),
    send: (events: unknown) => anon.post('/api/v1/events', { events }, { headers }),
    raw: (body: string) =>
      anon.request('POST', '/api/v1/events', {
        headers: { ...headers, 'content-type': 'application/json' },
        rawBody: body,
      }),
  };
}
let bot: Awaited<ReturnType<typeof bearer>>;

const stored = async () => t.deps.db.select().from(adoptionEvents).where(eq(adoptionEvents.productId, productId));

async function planFor(c: TestClient, product: string) {
  await expectStatus(
    await c.put(`/api/v1/products/${product}/tracking-plan`, { events: PLANNED }, { headers: { 'if-match': '"0"' } }),
    200,
  );
}

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
  code = await makeTypedProduct(t, 'FINTX', 'PAY');
  foreign = await makeTypedProduct(t, 'NXN', 'OTH');
  const admin = await t.client(await t.user({ isAdmin: true })).login();
  po = await t.client(await t.user({ roles: { FINTX: 'po' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
  await planFor(po, code);
  await planFor(admin, foreign);
  productId = (await findProductsByCodes(t.deps.db, [code]))[0]?.id ?? '';
  bot = await bearer(po, ['events']);
});
afterAll(async () => t?.close());

describe('POST /events', () => {
  const batch: Record<string, unknown>[] = [];

  it('stores a batch and answers what it took', async () => {
    batch.push(
      ev(),
      ev({ event: 'payout_requested', user_id: undefined, anonymous_id: 'anon-9', properties: undefined }),
      ev({ occurred_at: '2026-11-27T08:00:00+01:00' }),
    );
    const res = await bot.send(batch);
    await expectStatus(res, 200);
    expect(await answer(res, ZEventBatchResult)).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const rows = await stored();
    expect(rows).toHaveLength(3);
    const first = rows.find((r) => r.eventId === batch[0]?.event_id);
    expect(first).toMatchObject({
      event: 'report_exported',
      userId: 'u-1001',
      accountId: 'branch-7',
      properties: { report_format: 'csv' },
      environment: 'production',
      appVersion: '2.4.0',
      timezone: 'Africa/Lagos',
      source: 'api',
      late: false,
    });
    expect(first?.occurredAt.toISOString()).toBe('2026-12-01T08:15:00.000Z');
    expect(first?.receivedAt.toISOString()).toBe(now.toISOString());
    const late = rows.find((r) => r.eventId === batch[2]?.event_id);
    expect(late?.late).toBe(true);
    expect(late?.occurredAt.toISOString()).toBe('2026-11-27T07:00:00.000Z');
  });

  it('re-sending the same batch changes nothing: every record is a duplicate', async () => {
    const before = await stored();
    const res = await bot.send(batch);
    await expectStatus(res, 200);
    expect(await answer(res, ZEventBatchResult)).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    expect(await stored()).toEqual(before);
  });

  it('counts a record repeated inside one batch once, as a duplicate', async () => {
    const one = ev();
    const res = await bot.send([one, { ...one, sent_at: '2026-12-01T08:59:00Z' }]);
    expect(await answer(res, ZEventBatchResult)).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
  });

  it('refuses the same event_id with other content as event_id_conflict, stored or in the batch', async () => {
    const changed = { ...batch[0], properties: { report_format: 'pdf' } };
    const fresh = ev();
    const res = await bot.send([fresh, changed, { ...fresh, user_id: 'u-2002' }, changed]);
    await expectStatus(res, 200);
    const body = await answer(res, ZEventBatchResult);
    expect(body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(body.rejected).toEqual([
      {
        index: 1,
        event_id: batch[0]?.event_id,
        field: 'event_id',
        code: 'event_id_conflict',
        message: expect.any(String),
      },
      { index: 2, event_id: fresh.event_id, field: 'event_id', code: 'event_id_conflict', message: expect.any(String) },
      {
        index: 3,
        event_id: batch[0]?.event_id,
        field: 'event_id',
        code: 'event_id_conflict',
        message: expect.any(String),
      },
    ]);
    const kept = (await stored()).find((r) => r.eventId === batch[0]?.event_id);
    expect(kept?.properties).toEqual({ report_format: 'csv' });
  });

  it('refuses each bad record with its index, field and code, and takes the good ones', async () => {
    const records = [
      ev(),
      ev({ event_id: undefined }),
      ev({ event: 'ReportExported' }),
      ev({ event: 'invoice_paid' }),
      ev({ event: 'payout_previewed' }),
      ev({ occurred_at: '2026-12-01T08:15:00' }),
      ev({ occurred_at: 1796115600000 }),
      ev({ user_id: 1001 }),
      ev({ properties: { report_format: { nested: true } } }),
      ev({ product: 'FINTX-NOPE' }),
      ev({ product: foreign }),
      ev({ occurred_at: new Date(now.getTime() + 2 * HOUR).toISOString() }),
      ev({ occurred_at: '2026-10-01T08:00:00Z' }),
      ev({ user_id: 'ana@example.com' }),
      'not an object',
      ev({ user_id: undefined }),
    ];
    const res = await bot.send(records);
    await expectStatus(res, 200);
    const body = await answer(res, ZEventBatchResult);
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r) => [r.index, r.field, r.code])).toEqual([
      [1, 'event_id', 'required'],
      [2, 'event', 'bad_event_name'],
      [3, 'event', 'unplanned_event'],
      [4, 'event', 'unplanned_event'],
      [5, 'occurred_at', 'bad_timestamp'],
      [6, 'occurred_at', 'bad_timestamp'],
      [7, 'user_id', 'wrong_type'],
      [8, 'properties.report_format', 'wrong_type'],
      [9, 'product', 'unknown_product'],
      [10, 'product', 'unknown_product'],
      [11, 'occurred_at', 'timestamp_in_future'],
      [12, 'occurred_at', 'too_old'],
      [13, 'user_id', 'pii'],
      [14, '', 'not_an_object'],
      [15, 'user_id', 'required'],
    ]);
    expect(body.rejected[1]?.event_id).toBe((records[2] as { event_id: string }).event_id);
    expect(body.rejected[0]?.event_id).toBeNull();
  });

  it('answers 400 problem+json with the refusals when no record is taken', async () => {
    const before = (await stored()).length;
    const res = await bot.send([ev({ event: 'invoice_paid' }), ev({ occurred_at: 'yesterday' })]);
    await expectStatus(res, 400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await json<Rejected>(res);
    expect(problem.code).toBe('no_events_accepted');
    expect(problem.accepted).toBe(0);
    expect(problem.rejected.map((r) => [r.index, r.field, r.code])).toEqual([
      [0, 'event', 'unplanned_event'],
      [1, 'occurred_at', 'bad_timestamp'],
    ]);
    expect(problem.invalid_params?.map((p) => p.name)).toEqual(['events.0.event', 'events.1.occurred_at']);
    expect((await stored()).length).toBe(before);
  });

  it('refuses more than 1,000 events or more than 1 MB with 413, storing nothing', async () => {
    const before = (await stored()).length;
    const many = await bot.send(Array.from({ length: 1001 }, () => ev()));
    await expectStatus(many, 413);
    expect((await json<Problem>(many)).code).toBe('too_many_events');
    const big = await bot.send([
      ev({ properties: { note: 'x'.repeat(1000) } }),
      ...Array.from({ length: 999 }, () => ev({ properties: { note: 'y'.repeat(1000) } })),
    ]);
    await expectStatus(big, 413);
    expect((await json<Problem>(big)).code).toBe('payload_too_large');
    expect((await stored()).length).toBe(before);
    const thousand = await bot.send(Array.from({ length: 1000 }, () => ev()));
    expect(await answer(thousand, ZEventBatchResult)).toMatchObject({ accepted: 1000, rejected: [] });
  });

  it('refuses text the database cannot store (NUL, lone surrogates) with 422 naming the field', async () => {
    const before = (await stored()).length;
    const nul = await bot.send([ev({ user_id: 'u-\u0000-1' })]);
    await expectStatus(nul, 422);
    expect((await json<Problem>(nul)).invalid_params?.map((p) => p.name)).toContain('events.0.user_id');
    const surrogate = await bot.raw(`{"events":[${JSON.stringify(ev()).replace('"csv"', '"\\ud800"')}]}`);
    await expectStatus(surrogate, 422);
    expect((await json<Problem>(surrogate)).invalid_params?.map((p) => p.name)).toContain(
      'events.0.properties.report_format',
    );
    expect((await stored()).length).toBe(before);
  });

  it('refuses a body that is not the envelope list', async () => {
    await expectStatus(await bot.raw('{"events":'), 400);
    await expectStatus(await bot.send([]), 422);
    await expectStatus(await bot.raw('{"events":{"event":"report_exported"}}'), 422);
  });
});

describe('who may send events', () => {
  it('a token needs the events or write scope: read-only is 403, and an events token reads nothing', async () => {
    const reader = await bearer(po, ['read']);
    const res = await reader.send([ev()]);
    await expectStatus(res, 403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    await expectStatus(await bot.get(`/api/v1/products/${code}/tracking-plan`), 403);
    const writer = await bearer(po, ['write']);
    expect(await answer(await writer.send([ev()]), ZEventBatchResult)).toMatchObject({ accepted: 1 });
  });

  it("a signed-in session may send too; a viewer's records are refused product_forbidden", async () => {
    expect(await answer(await po.post('/api/v1/events', { events: [ev()] }), ZEventBatchResult)).toMatchObject({
      accepted: 1,
    });
    const res = await viewer.post('/api/v1/events', { events: [ev()] });
    await expectStatus(res, 400);
    expect((await json<Rejected>(res)).rejected[0]).toMatchObject({ field: 'product', code: 'product_forbidden' });
    await expectStatus(await t.client().post('/api/v1/events', { events: [ev()] }), 401);
  });
});
