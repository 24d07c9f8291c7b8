// "Not a duplicate" through the real server: a triager records that two feedback items are different, once for the
// whole team (a second time changes nothing and writes no second audit event), everyone who reads the product sees
// the pairs, and bad input — the same key twice, unknown keys, hostile strings — answers 4xx naming the field.
import { ZCreatedToken } from '@pi-studio/core/contract/auth';
import {
  type FeedbackDistinctPair,
  ZFeedbackDistinctPair,
  ZFeedbackDistinctPairs,
  ZFeedbackSubmitted,
} from '@pi-studio/core/contract/feedback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';
import { expectStatus, json, type Problem, passedProduct } from '../../backlog/test-kit.ts';

let now = new Date('2026-12-01T09:00:00Z');
let t: TestContext;
let po: TestClient;
let ops: TestClient;
let it_: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let code: string;
let poId: string;

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
  const people = [
    await t.user({ roles: { FINTX: 'po' } }),
    await t.user({ roles: { FINTX: 'productops' } }),
    await t.user({ roles: { FINTX: 'it' } }),
    await t.user({ roles: { FINTX: 'viewer' } }),
    await t.user({ roles: { NXN: 'po' } }),
  ];
  poId = (people[0] as { id: string }).id;
  [po, ops, it_, viewer, outsider] = (await Promise.all(people.map((u) => t.client(u).login()))) as TestClient[] as [
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
  ];
  ({ code } = await passedProduct(t, po, ops, 'FINTX', 'FBD'));
});
afterAll(async () => t?.close());

const base = () => `/api/v1/products/${code}/feedback`;
/** `key` goes into the path as it is: hostile cases pass it percent-encoded. */
const mark = (c: TestClient, key: string, body: unknown) => c.post(`${base()}/${key}/distinct`, body);
const count = async (sql: string, params: unknown[] = []) => Number((await t.deps.handle.raw(sql, params))[0]?.n ?? 0);
const pairsStored = () => count('select count(*)::int as n from feedback_distinct_pairs');
const audited = () => count("select count(*)::int as n from audit_events where action = 'feedback.marked_distinct'");

async function submit(text: string): Promise<string> {
  const res = await po.post(base(), { text });
  await expectStatus(res, 201);
  return (await answer(res, ZFeedbackSubmitted)).item.key;
}

async function marked(c: TestClient, key: string, of: string): Promise<FeedbackDistinctPair> {
  const res = await mark(c, key, { of });
  await expectStatus(res, 200);
  return answer(res, ZFeedbackDistinctPair);
}

async function pairs(c: TestClient = viewer) {
  const res = await c.get(`${base()}/distinct`);
  await expectStatus(res, 200);
  return (await answer(res, ZFeedbackDistinctPairs)).items;
}

async function expectProblem(res: Response, status: number, field?: string): Promise<void> {
  const text = await res.clone().text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  if (field)
    expect(
      (await json<Problem>(res)).invalid_params?.map((p) => p.name),
      text,
    ).toContain(field);
}

let older: string;
let newer: string;

describe('not a duplicate', () => {
  it('records the pair for everyone, the older item first, with who decided and when', async () => {
    older = await submit('The checkout declines my debit card every time');
    newer = await submit('The checkout declines my credit card sometimes');
    const pair = await marked(po, newer, older);
    expect(pair).toEqual({
      pair: [older, newer],
      decidedBy: expect.objectContaining({ id: poId }),
      decidedAt: now.toISOString(),
    });
    expect(await pairs()).toEqual([pair]);
    expect(await audited()).toBe(1);
    const [event] = await t.deps.handle.raw(
      "select target_label, after from audit_events where action = 'feedback.marked_distinct'",
    );
    expect(event).toMatchObject({ target_label: newer, after: { distinctFrom: older } });
  });

  it('is idempotent: again, from either side, answers the same pair with no second audit event', async () => {
    const first = (await pairs())[0];
    now = new Date(now.getTime() + 60_000);
    expect(await marked(ops, newer, older)).toEqual(first);
    expect(await marked(po, older, newer)).toEqual(first);
    expect(await pairs()).toEqual([first]);
    expect(await pairsStored()).toBe(1);
    expect(await audited()).toBe(1);
  });

  it('lists the newest decision first', async () => {
    const third = await submit('Payout report shows the wrong currency');
    now = new Date(now.getTime() + 60_000);
    const latest = await marked(ops, older, third);
    const list = await pairs();
    expect(list.map((p) => p.pair)).toEqual([
      [older, third],
      [older, newer],
    ]);
    expect(list[0]).toEqual(latest);
  });

  it('refuses viewers, IT and read tokens (403) and hides the product from other subsidiaries (404)', async () => {
    const before = await pairsStored();
    await expectProblem(await mark(viewer, newer, { of: older }), 403);
    await expectProblem(await mark(it_, newer, { of: older }), 403);
    const res = await po.post('/api/v1/tokens', { name: 'distinct reader', scopes: ['read'] });
    await expectStatus(res, 201);
    const headers = { authorization: `Bearer ${ZCreatedToken.parse(await res.json()).token}` };
    await expectProblem(await t.client().post(`${base()}/${newer}/distinct`, { of: older }, { headers }), 403);
    await expectProblem(await mark(outsider, newer, { of: older }), 404);
    await expectProblem(await outsider.get(`${base()}/distinct`), 404);
    expect(await pairsStored()).toBe(before);
  });

  it('refuses the same item twice (422 `of`) and unknown items (404 naming the field)', async () => {
    const before = await pairsStored();
    await expectProblem(await mark(po, older, { of: older }), 422, 'of');
    await expectProblem(await mark(po, older, { of: `${code}-FB-99999` }), 404, 'of');
    await expectProblem(await mark(po, `${code}-FB-99999`, { of: older }), 404, 'path.key');
    await expectProblem(await mark(po, 'NOPE-FB-1', { of: older }), 404, 'path.key');
    expect(await pairsStored()).toBe(before);
    expect(await audited()).toBe(2);
  });

  it('answers hostile and wrong input with 4xx naming the field, storing nothing', async () => {
    const before = await pairsStored();
    const bodies: [unknown, string][] = [
      [{ of: 'bad \u0000 byte' }, 'of'],
      [{ of: 'half \ud800 pair' }, 'of'],
      [{ of: 'x'.repeat(101) }, 'of'],
      [{ of: '' }, 'of'],
      [{ of: 42 }, 'of'],
      [{ of: [older] }, 'of'],
      [{ of: null }, 'of'],
      [{}, 'of'],
      [{ of: older, extra: true }, 'extra'],
    ];
    for (const [body, field] of bodies) await expectProblem(await mark(po, newer, body), 422, field);
    await expectProblem(await mark(po, 'a%00b', { of: older }), 422, 'path.key');
    // A lone surrogate as bytes (ED A0 80) is not UTF-8: the router keeps the segment undecoded, no item has it.
    await expectProblem(await mark(po, 'a%ED%A0%80b', { of: older }), 404, 'path.key');
    await expectProblem(await mark(po, 'k'.repeat(101), { of: older }), 422, 'path.key');
    const huge = await po.request('POST', `${base()}/${newer}/distinct`, {
      headers: { 'content-type': 'application/json' },
      rawBody: JSON.stringify({ of: 'x'.repeat(3_000_000) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toContain('application/problem+json');
    const notJson = await po.request('POST', `${base()}/${newer}/distinct`, {
      headers: { 'content-type': 'application/json' },
      rawBody: '{"of":',
    });
    expect(notJson.status).toBe(400);
    expect(await pairsStored()).toBe(before);
  });

  it('writes the pair and its audit event in one transaction: a failed audit stores no pair', async () => {
    const a = await submit('Dark mode please');
    const b = await submit('Darker charts please');
    await t.deps.handle.raw(`
      create function fail_distinct_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'feedback.marked_distinct' then raise exception 'audit refused'; end if;
        return new;
      end $$`);
    await t.deps.handle.raw(`
      create trigger fail_distinct_audit before insert on audit_events
        for each row execute function fail_distinct_audit()`);
    try {
      expect((await mark(po, a, { of: b })).status).toBe(500);
    } finally {
      await t.deps.handle.raw('drop trigger fail_distinct_audit on audit_events');
      await t.deps.handle.raw('drop function fail_distinct_audit()');
    }
    expect((await pairs()).some((p) => p.pair.includes(a))).toBe(false);
    expect((await marked(po, a, b)).pair).toEqual([a, b]);
  });

  it('lists at most 5,000 pairs, the newest', async () => {
    // 101 items give 5,050 pairs; numbers far above the product's counter keep them out of its way.
    await t.deps.handle.raw(
      `insert into feedback_items (product_id, number, key, text, author_name, source)
       select p.id, 900000 + n, $1 || '-FB-' || (900000 + n), 'bulk ' || n, 'Bulk', 'api'
       from products p, generate_series(1, 101) n where p.code = $1`,
      [code],
    );
    await t.deps.handle.raw(
      `insert into feedback_distinct_pairs (product_id, item_a, item_b, decided_at)
       select x.product_id, least(x.id, y.id), greatest(x.id, y.id), '2026-01-01T00:00:00Z'
       from feedback_items x join feedback_items y on x.product_id = y.product_id and x.number < y.number
       join products p on p.id = x.product_id
       where p.code = $1 and x.number > 900000 and y.number > 900000`,
      [code],
    );
    const list = await pairs();
    expect(list).toHaveLength(5000);
    // The decisions made through the API are newer than the bulk ones: they come first.
    expect(list[0]?.pair[0]).not.toMatch(/-FB-9\d{5}$/);
  });
});
