// A product's tracking plan through the real server (issue #15): the empty state (version 0), versions saved with
// If-Match (missing → 428, stale → 409 with the current plan), the version list, validation naming each field, who
// may read and save it, the audit event, and the PRD's analytics section checked against the plan.
import { ZPrdPlanCheck, ZTrackingPlan, ZTrackingPlanVersions } from '@pi-studio/core/contract/adoption';
import type { Problem } from '@pi-studio/core/contract/common';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { createPrd, expectStatus, json, makeTypedProduct } from '../gate/test-kit.ts';
import { PLANNED } from './test-kit.ts';

let t: TestContext;
let po: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let code: string;

const plan = (code: string) => `/api/v1/products/${code}/tracking-plan`;

const put = (c: TestClient, events: unknown, ifMatch?: string) =>
  c.put(plan(code), { events }, ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } });

beforeAll(async () => {
  t = await createTestContext();
  code = await makeTypedProduct(t, 'FINTX', 'PAY');
  const users = [
    await t.user({ roles: { FINTX: 'po' } }),
    await t.user({ roles: { FINTX: 'viewer' } }),
    await t.user({ roles: { NXN: 'po' } }),
  ];
  [po, viewer, outsider] = (await Promise.all(users.map((u) => t.client(u).login()))) as TestClient[] as [
    TestClient,
    TestClient,
    TestClient,
  ];
});
afterAll(async () => t?.close());

describe('the tracking plan', () => {
  it('is version 0 with no events until the first save', async () => {
    const res = await viewer.get(plan(code));
    await expectStatus(res, 200);
    expect(res.headers.get('etag')).toBe('"0"');
    expect(await answer(res, ZTrackingPlan)).toEqual({
      product: code,
      version: 0,
      events: [],
      createdAt: null,
      createdBy: null,
    });
    expect(await answer(await viewer.get(`${plan(code)}/versions`), ZTrackingPlanVersions)).toEqual({ items: [] });
  });

  it('refuses a save without If-Match (428) and saves version 1 with it, audited', async () => {
    const missing = await put(po, PLANNED);
    await expectStatus(missing, 428);
    expect((await json<Problem>(missing)).invalid_params?.[0]?.name).toBe('If-Match');

    const res = await put(po, PLANNED, '"0"');
    await expectStatus(res, 200);
    expect(res.headers.get('etag')).toBe('"1"');
    const saved = await answer(res, ZTrackingPlan);
    expect(saved.version).toBe(1);
    expect(saved.events.map((e) => e.name)).toEqual(['report_exported', 'payout_requested', 'payout_previewed']);
    expect(saved.events[1]?.properties).toEqual([]);
    expect(saved.createdBy?.email).toContain('@test.local');
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'adoption.tracking_plan_saved'), eq(auditEvents.targetLabel, code)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ version: 1 });
  });

  it('answers 409 stale_version with the current plan to a save based on an older version', async () => {
    const res = await put(po, PLANNED.slice(0, 1), '"0"');
    await expectStatus(res, 409);
    const problem = await json<Problem & { current: { version: number } }>(res);
    expect(problem.code).toBe('stale_version');
    expect(problem.current.version).toBe(1);
    expect(res.headers.get('etag')).toBe('"1"');
  });

  it('keeps every version: the list is newest first and GET answers the newest', async () => {
    await expectStatus(await put(po, PLANNED.slice(0, 2), '"1"'), 200);
    const versions = await answer(await viewer.get(`${plan(code)}/versions`), ZTrackingPlanVersions);
    expect(versions.items.map((v) => [v.version, v.eventCount, v.liveCount])).toEqual([
      [2, 2, 2],
      [1, 3, 2],
    ]);
    const current = await answer(await viewer.get(plan(code)), ZTrackingPlan);
    expect(current.version).toBe(2);
    expect(current.events).toHaveLength(2);
  });

  it.each([
    ['a name that is not object_action', [{ ...PLANNED[0], name: 'ReportExported' }], 'events.0.name'],
    ['an event listed twice', [PLANNED[0], PLANNED[0]], 'events.1.name'],
    ['a status other than live or deprecated', [{ ...PLANNED[0], status: 'draft' }], 'events.0.status'],
    [
      'a property type that is not string, number or boolean',
      [{ ...PLANNED[0], properties: [{ name: 'amount', type: 'date' }] }],
      'events.0.properties.0.type',
    ],
    ['an empty owner', [{ ...PLANNED[0], owner: '  ' }], 'events.0.owner'],
    ['an unknown field', [{ ...PLANNED[0], colour: 'blue' }], 'events.0.colour'],
  ])('refuses %s with 422 naming the field', async (_what, events, field) => {
    const res = await put(po, events, '"2"');
    await expectStatus(res, 422);
    expect((await json<Problem>(res)).invalid_params?.map((p) => p.name)).toContain(field);
  });

  it('takes at most 500 events', async () => {
    const many = Array.from({ length: 501 }, (_, i) => ({ ...PLANNED[1], name: `step${i}_completed` }));
    const res = await put(po, many, '"2"');
    await expectStatus(res, 422);
    expect((await json<Problem>(res)).invalid_params?.map((p) => p.name)).toContain('events');
    await expectStatus(await put(po, many.slice(0, 500), '"2"'), 200);
    await expectStatus(await put(po, PLANNED, '"3"'), 200);
  });

  it('is read with product.read, saved with adoption.write, and hidden from other subsidiaries', async () => {
    await expectStatus(await put(viewer, PLANNED, '"4"'), 403);
    await expectStatus(await outsider.get(plan(code)), 404);
    await expectStatus(await put(outsider, PLANNED, '"4"'), 404);
    await expectStatus(await viewer.get(plan('FINTX-NOPE')), 404);
  });

  it('lets only one of two concurrent saves based on the same version win', async () => {
    const [a, b] = await Promise.all([put(po, PLANNED, '"4"'), put(po, PLANNED.slice(0, 2), '"4"')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const current = await answer(await viewer.get(plan(code)), ZTrackingPlan);
    expect(current.version).toBe(5);
  });
});

describe("the PRD's analytics section against the plan", () => {
  it('without a PRD names nothing, and every live event is unnamed', async () => {
    const check = await answer(await viewer.get(`${plan(code)}/prd-check`), ZPrdPlanCheck);
    expect(check).toEqual({
      prd: null,
      planVersion: 5,
      named: [],
      notPlanned: [],
      notInPrd: ['payout_requested', 'report_exported'],
      hasSection: false,
    });
  });

  it("checks the PRD's current version: named but not planned, deprecated, and live but never named", async () => {
    const prd = [
      '# Payouts',
      '',
      '## Problem',
      'Merchants wait; `payout_delayed` outside the analytics section is not counted.',
      '',
      '## Analytics',
      '- `payout_requested` when a merchant asks for a payout',
      '- `payout_failed` when the bank refuses it',
      '- `payout_previewed` on the preview screen',
      '',
    ].join('\n');
    const doc = await createPrd(po, code, prd);
    const check = await answer(await viewer.get(`${plan(code)}/prd-check`), ZPrdPlanCheck);
    expect(check.prd).toEqual({ documentId: doc.id, version: expect.any(String) });
    expect(check.hasSection).toBe(true);
    expect(check.named.map((e) => e.name)).toEqual(['payout_requested', 'payout_failed', 'payout_previewed']);
    expect(check.notPlanned.map((e) => e.name)).toEqual(['payout_failed', 'payout_previewed']);
    expect(check.notInPrd).toEqual(['report_exported']);
  });
});
