// Traceability and scope control (issue #12): the coverage matrix (JSON and CSV), drift against the gate baseline,
// and change requests — raised by anyone who changes the backlog, decided only by the product's PO/VB. The journey:
// stories linked to the baseline → a sprint starts → an unlinked story is added (drift shows) → a change request with
// the PRD change is approved (a new PRD minor version, drift resolved).
import {
  ZChangeRequest,
  ZChangeRequestList,
  ZDrift,
  ZRequirementSync,
  ZSprint,
  ZTraceMatrix,
} from '@pi-studio/core/contract/backlog';
import { parseCsv } from '@pi-studio/core/exchange/csv';
import { MATRIX_CSV_HEADER } from '@pi-studio/core/trace/matrix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { addStory, expectStatus, json, type Problem, passedProduct } from './test-kit.ts';

let t: TestContext;
let po: TestClient;
let poId: string;
let ops: TestClient;
let builder: TestClient;
let viewer: TestClient;
let code: string;
let documentId: string;
let req: Record<string, string>;

beforeAll(async () => {
  t = await createTestContext();
  const poUser = await t.user({ roles: { FINTX: 'po' } });
  poId = poUser.id;
  po = await t.client(poUser).login();
  ops = await t.client(await t.user({ roles: { FINTX: 'productops' } })).login();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
  ({ code, documentId } = await passedProduct(t, po, ops, 'FINTX', 'TRACE'));
  await t.deps.handle.raw('update products set po_id = $1 where code = $2', [poId, code]);
  const synced = await answer(await builder.post(`/api/v1/products/${code}/requirements/sync`), ZRequirementSync);
  req = Object.fromEntries(synced.items.map((r) => [r.key, r.id]));
});
afterAll(async () => t?.close());

const drift = async () => answer(await viewer.get(`/api/v1/products/${code}/trace/drift`), ZDrift);
const kinds = (d: { items: { kind: string; where: { storyKey?: string } }[] }, story: string) =>
  d.items.filter((i) => i.where.storyKey === story).map((i) => i.kind);

describe('traceability and change requests', () => {
  let linked: string;
  let bug: string;
  let sprintId: string;
  let unlinked: string;
  let crKey: string;

  it('answers the coverage matrix: rows with stories and bugs, uncovered requirements, orphans, coverage', async () => {
    linked = (await addStory(builder, code, { title: 'Schedule payouts', requirementIds: [req['FR-1'] ?? ''] })).key;
    bug = (
      await addStory(builder, code, { type: 'bug', title: 'Cut-off off by one', requirementIds: [req['FR-1'] ?? ''] })
    ).key;
    const orphan = (await addStory(builder, code, { title: 'Dark mode' })).key;
    const m = await answer(await viewer.get(`/api/v1/products/${code}/trace/matrix`), ZTraceMatrix);
    const fr1 = m.rows.find((r) => r.requirement.id === 'FR-1');
    expect(fr1).toMatchObject({
      covered: true,
      stories: [{ key: linked, kind: 'story', status: 'backlog' }],
      bugs: [{ key: bug, kind: 'bug', status: 'backlog' }],
      requirement: { removed: false },
    });
    expect(m.uncoveredRequirements).toContain('FR-2');
    expect(m.uncoveredRequirements).not.toContain('FR-1');
    expect(m.orphanStories).toEqual([{ key: orphan, kind: 'story', status: 'backlog' }]);
    expect(m.total).toBe(m.rows.length);
    expect(m.covered).toBe(1);
    expect(m.coverage).toBe(Math.floor(1000 / m.total) / 10);

    const res = await viewer.get(`/api/v1/products/${code}/trace/matrix.csv`);
    await expectStatus(res, 200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${code}-trace-matrix.csv"`);
    const csv = parseCsv(await res.text());
    expect(csv.problems).toEqual([]);
    const rows = csv.records.map((r) => r.cells);
    expect(rows[0]).toEqual([...MATRIX_CSV_HEADER]);
    expect(rows.find((r) => r[0] === 'FR-1')?.slice(3)).toEqual([linked, 'backlog', 'yes']);
    expect(rows.find((r) => r[0] === 'FR-2')?.[5]).toBe('no');
    expect(rows.at(-1)).toEqual(['', '', '', orphan, 'backlog', 'no requirement']);
    // The orphan leaves so the journey below starts from a clean backlog.
    await expectStatus(await builder.delete(`/api/v1/products/${code}/stories/${orphan}`), 204);
  });

  it('shows no drift while the backlog traces to the baseline; an unlinked story added to a started sprint shows', async () => {
    const start = await drift();
    expect(start.baseline?.version).toBe('1.0');
    expect(start.current?.version).toBe('1.0');
    expect(start.items).toEqual([]);

    sprintId = (await answer(await builder.post(`/api/v1/products/${code}/sprints`, { name: 'Sprint 1' }), ZSprint)).id;
    await expectStatus(await builder.patch(`/api/v1/products/${code}/stories/${linked}`, { sprintId }), 200);
    await expectStatus(await builder.post(`/api/v1/products/${code}/sprints/${sprintId}/start`), 200);

    unlinked = (await addStory(builder, code, { title: 'Export payouts as CSV', sprintId })).key;
    const d = await drift();
    expect(kinds(d, unlinked)).toEqual(['story-without-requirement', 'story-added-after-sprint-start']);
    const item = d.items.find((i) => i.kind === 'story-without-requirement');
    expect(item).toMatchObject({ where: { storyKey: unlinked, sprint: 'Sprint 1' } });
    expect(item?.what).toContain('is linked to no requirement');
    expect(Date.parse(item?.since ?? '')).not.toBeNaN();
  });

  it('lets a builder raise a change request with a naming-convention key; only the PO decides', async () => {
    const current = (await json<{ currentVersion: { body: string } }>(await po.get(`/api/v1/documents/${documentId}`)))
      .currentVersion.body;
    const prd = current.replace(
      /^(\| FR-3 \|.*)$/m,
      '$1\n| FR-99 | Merchants export their payouts as a CSV file from the dashboard. | Should |',
    );
    const res = await builder.post(`/api/v1/products/${code}/change-requests`, {
      title: 'CSV export of payouts',
      whatChanges: 'Add FR-99: merchants export payouts as CSV.',
      why: 'Three pilot merchants reconcile in spreadsheets.',
      impact: { requirementIds: ['FR-99'], storyKeys: [unlinked], dates: 'Sprint 1 grows by two days' },
      prdChange: { body: prd },
    });
    await expectStatus(res, 201);
    const cr = await answer(res, ZChangeRequest);
    crKey = cr.key;
    expect(cr).toMatchObject({
      key: `${code}-CR-1`,
      number: 1,
      status: 'pending',
      hasPrdChange: true,
      decidedBy: null,
      prdVersion: null,
      impact: { requirementIds: ['FR-99'], storyKeys: [unlinked] },
    });
    expect(res.headers.get('location')).toBe(`/api/v1/products/${code}/change-requests/${crKey}`);

    const bad = await builder.post(`/api/v1/products/${code}/change-requests`, {
      title: 'Ghost',
      whatChanges: 'x',
      why: 'y',
      impact: { storyKeys: ['NOPE-S-1'] },
    });
    await expectStatus(bad, 422);
    expect((await json<Problem>(bad)).invalid_params?.[0]?.name).toBe('impact.storyKeys.0');
    await expectStatus(
      await viewer.post(`/api/v1/products/${code}/change-requests`, { title: 'x', whatChanges: 'x', why: 'y' }),
      403,
    );

    const decide = (c: TestClient, body: unknown) =>
      c.post(`/api/v1/products/${code}/change-requests/${crKey}/decision`, body);
    const refused = await decide(builder, { decision: 'approve', rationale: 'I built it' });
    await expectStatus(refused, 403);
    expect((await json<Problem>(refused)).code).toBe('not_product_owner');
    await expectStatus(await decide(ops, { decision: 'approve', rationale: 'ops' }), 403);
    const noWhy = await decide(po, { decision: 'approve', rationale: ' ' });
    await expectStatus(noWhy, 422);
    expect((await json<Problem>(noWhy)).invalid_params?.[0]?.name).toBe('rationale');
    await expectStatus(await decide(po, { decision: 'approve', rationale: 'x'.repeat(2001) }), 422);
    // Still pending, and drift still names it.
    expect((await drift()).items.some((i) => i.kind === 'story-without-requirement')).toBe(true);
  });

  it('approves: a new PRD minor version with the change, the CR records it, drift is resolved; twice is 409', async () => {
    const res = await po.post(`/api/v1/products/${code}/change-requests/${crKey}/decision`, {
      decision: 'approve',
      rationale: 'Cheap, and pilots need it.',
    });
    await expectStatus(res, 200);
    const cr = await answer(res, ZChangeRequest);
    expect(cr).toMatchObject({ status: 'approved', rationale: 'Cheap, and pilots need it.', decidedBy: { id: poId } });
    expect(cr.prdVersion?.version).toBe('1.1');

    const versions = await json<{ items: { version: string; note: string }[] }>(
      await po.get(`/api/v1/documents/${documentId}/versions`),
    );
    expect(versions.items[0]).toMatchObject({ version: '1.1' });
    expect(versions.items[0]?.note).toContain(crKey);

    const d = await drift();
    expect(d.current?.version).toBe('1.1');
    expect(d.baseline?.version).toBe('1.0');
    expect(d.items).toEqual([]);

    const again = await po.post(`/api/v1/products/${code}/change-requests/${crKey}/decision`, {
      decision: 'reject',
      rationale: 'Changed my mind',
    });
    await expectStatus(again, 409);
    expect((await json<Problem>(again)).code).toBe('already_decided');

    const list = await answer(await viewer.get(`/api/v1/products/${code}/change-requests`), ZChangeRequestList);
    expect(list.items.map((c) => c.key)).toEqual([crKey]);
    const actions = await t.deps.handle.raw(
      "select action from audit_events where target_label = $1 or (target_id = $2 and action like 'document.%') order by id",
      [crKey, documentId],
    );
    expect(actions.map((r) => r.action)).toEqual(
      expect.arrayContaining(['change_request.raised', 'document.version_saved', 'change_request.approved']),
    );
  });

  it('reports a requirement changed without approval, and a rejection decided by a studio admin when no PO is set', async () => {
    const current = (await json<{ currentVersion: { body: string } }>(await po.get(`/api/v1/documents/${documentId}`)))
      .currentVersion.body;
    const res = await po.get(`/api/v1/documents/${documentId}`);
    const etag = res.headers.get('etag') ?? '';
    const saved = await po.post(
      `/api/v1/documents/${documentId}/versions`,
      { body: current.replace('between 10:00 and 18:00', 'between 09:00 and 18:00'), bump: 'minor' },
      { headers: { 'if-match': etag } },
    );
    await expectStatus(saved, 201);
    const d = await drift();
    expect(d.items.map((i) => [i.kind, i.where.requirementId])).toEqual([
      ['requirement-changed-without-approval', 'FR-1'],
    ]);
    expect(d.items[0]?.since).toBe('1.2');

    const cr = await answer(
      await builder.post(`/api/v1/products/${code}/change-requests`, {
        title: 'Earlier cut-off',
        whatChanges: 'FR-1 starts at 09:00',
        why: 'Banks open at 09:00',
        impact: { requirementIds: ['FR-1'] },
      }),
      ZChangeRequest,
    );
    expect(cr.key).toBe(`${code}-CR-2`);
    expect((await drift()).items[0]?.what).toContain(`change request ${cr.key} is pending`);
    await t.deps.handle.raw('update products set po_id = null where code = $1', [code]);
    await expectStatus(
      await po.post(`/api/v1/products/${code}/change-requests/${cr.key}/decision`, {
        decision: 'reject',
        rationale: 'no',
      }),
      403,
    );
    const admin = await t.client(await t.user({ isAdmin: true })).login();
    const rejected = await answer(
      await admin.post(`/api/v1/products/${code}/change-requests/${cr.key}/decision`, {
        decision: 'reject',
        rationale: 'Keep 10:00 until the bank confirms.',
      }),
      ZChangeRequest,
    );
    expect(rejected).toMatchObject({ status: 'rejected', prdVersion: null });
    expect((await drift()).items[0]?.what).toContain(`change request ${cr.key} is rejected`);
    await t.deps.handle.raw('update products set po_id = $1 where code = $2', [poId, code]);
    await expectStatus(await viewer.get(`/api/v1/products/${code}/change-requests/${code}-CR-9`), 404);
  });
});
