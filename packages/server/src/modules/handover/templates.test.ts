// Checklist templates through the real server (issue #14): the built-in v1 is listed and readable; ProductOps saves
// a new version, which new packages use while older packages keep theirs; a template with duplicate item ids, wrong
// types, an item that never applies, hostile text or too many items is refused naming each field, nothing stored.
import { READINESS_CHECKLIST_V1 } from '@pi-studio/core/handover-package/checklist-v1';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { handoverTemplates } from '../../db/schema/handover.ts';
import { expectStatus, json, type Problem } from '../backlog/test-kit.ts';
import { makeProduct } from '../documents/test-fixtures.ts';
import { setStage } from '../signoff/test-kit.ts';

let t: TestContext;
let ops: TestClient;
let po: TestClient;

beforeAll(async () => {
  t = await createTestContext();
  ops = await t.client(await t.user({ roles: { EMX: 'productops' } })).login();
  po = await t.client(await t.user({ roles: { EMX: 'po' } })).login();
});
afterAll(async () => t?.close());

const v2 = () => ({
  ...READINESS_CHECKLIST_V1,
  version: 2,
  items: [
    ...READINESS_CHECKLIST_V1.items,
    {
      id: 'OPS-9',
      group: 'OPS',
      text: 'Queue lag alert tested',
      why: 'IT found it missing after the last handover',
      evidence: 'Alert test record',
      applies: { required: ['WEB', 'API'], recommended: [] },
    },
  ],
});

async function problem(res: Response, status: number): Promise<Problem> {
  await expectStatus(res, status);
  return json<Problem>(res);
}
const fieldsOf = (p: Problem) => (p.invalid_params ?? []).map((i) => i.name);
const stored = async () => (await t.deps.db.select({ n: count() }).from(handoverTemplates))[0]?.n;

describe('checklist templates', () => {
  it('lists and reads the built-in template', async () => {
    const list = await json<{ items: { id: string; version: number; items: number; builtIn: boolean }[] }>(
      await po.get('/api/v1/handover/templates'),
    );
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: 'handover-readiness', version: 1, items: 39, builtIn: true }),
    );
    const v1 = await json<{ items: unknown[] }>(await po.get('/api/v1/handover/templates/handover-readiness/1'));
    expect(v1.items).toHaveLength(39);
    await problem(await po.get('/api/v1/handover/templates/handover-readiness/9'), 404);
  });

  it('refuses a bad template naming each field, stores nothing, and lets only ProductOps and admins write', async () => {
    const dup = v2();
    dup.items = [...dup.items, { ...(dup.items[0] as (typeof dup.items)[number]) }];
    const duplicate = await problem(await ops.post('/api/v1/handover/templates', dup), 422);
    expect(duplicate.code).toBe('invalid_checklist_template');
    expect(fieldsOf(duplicate)).toEqual(['items.40.id']);

    const wrong = await problem(
      await ops.post('/api/v1/handover/templates', {
        ...v2(),
        title: 'a\u0007b',
        weights: 'heavy',
        items: [{ id: 'X' }],
      }),
      422,
    );
    expect(fieldsOf(wrong)).toEqual(expect.arrayContaining(['title', 'weights', 'items.0.id']));
    const never = v2();
    never.items = [
      { ...(never.items[40] as (typeof never.items)[number]), applies: { required: [], recommended: [] } },
    ];
    expect(fieldsOf(await problem(await ops.post('/api/v1/handover/templates', never), 422))).toContain(
      'items.0.applies',
    );
    const many = {
      ...v2(),
      items: Array.from({ length: 501 }, (_, i) => ({ ...(v2().items[0] as object), id: `SCP-${i + 1}` })),
    };
    expect(fieldsOf(await problem(await ops.post('/api/v1/handover/templates', many), 422))).toEqual(['items']);
    expect(fieldsOf(await problem(await ops.post('/api/v1/handover/templates', { ...v2(), version: 1 }), 409))).toEqual(
      ['version'],
    );
    await problem(await po.post('/api/v1/handover/templates', v2()), 403);
    expect(await stored()).toBe(0);
  });

  it('stores a new version that new packages use, while older packages keep theirs', async () => {
    const old = await makeProduct(t, 'EMX', 'OLDTPL', 'Old template');
    await setStage(t.deps.handle, old, 'uat');
    const before = await po.post(`/api/v1/products/${old}/handover/package`, { type: 'WEB', release: '1.0.0' });
    await expectStatus(before, 201);

    const saved = await ops.post('/api/v1/handover/templates', v2());
    await expectStatus(saved, 201);
    expect(await stored()).toBe(1);

    const fresh = await makeProduct(t, 'EMX', 'NEWTPL', 'New template');
    await setStage(t.deps.handle, fresh, 'uat');
    const after = await json<{ template: { version: number }; items: { id: string }[] }>(
      await po.post(`/api/v1/products/${fresh}/handover/package`, { type: 'WEB', release: '1.0.0' }),
    );
    expect(after.template.version).toBe(2);
    expect(after.items.map((i) => i.id)).toContain('OPS-9');
    const kept = await json<{ template: { version: number }; items: unknown[] }>(
      await po.get(`/api/v1/products/${old}/handover/package`),
    );
    expect(kept.template.version).toBe(1);
    expect(kept.items).toHaveLength(39);

    const pinned = await makeProduct(t, 'EMX', 'PINTPL', 'Pinned template');
    await setStage(t.deps.handle, pinned, 'uat');
    const v1 = await json<{ template: { version: number } }>(
      await po.post(`/api/v1/products/${pinned}/handover/package`, {
        type: 'WEB',
        release: '1.0.0',
        template: { id: 'handover-readiness', version: 1 },
      }),
    );
    expect(v1.template.version).toBe(1);
    const unknown = await problem(
      await po.post(`/api/v1/products/${pinned}/handover/package`, {
        type: 'WEB',
        release: '2.0.0',
        template: { id: 'nope', version: 1 },
      }),
      422,
    );
    expect(fieldsOf(unknown)).toEqual(['template']);
  });
});
