// Rubric administration: validated versions, one active rubric, and reviews that keep the version they were
// scored with (the verdict suggestion of an old review follows its own rubric's rules).
import { ZRubricDetail, ZRubricList } from '@pi-studio/core/contract/gate';
import { ZGateReview } from '@pi-studio/core/contract/gate-reviews';
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';
import { testPrd } from '../test-fixtures.ts';
import {
  count,
  createPrd,
  expectStatus,
  json,
  makeTypedProduct,
  type Problem,
  saveVersion,
  submit,
} from '../test-kit.ts';

let t: TestContext;
let admin: TestClient;
let po: TestClient;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.client(await t.user({ roles: { EMX: 'productops' } })).login();
  po = await t.client(await t.user({ roles: { EMX: 'po' } })).login();
});
afterAll(async () => t?.close());

const rubrics = async () => (await answer(await po.get('/api/v1/rubrics'), ZRubricList)).items;
const withCriterion = (i: number, patch: Record<string, unknown>) => ({
  ...DEFAULT_RUBRIC,
  criteria: DEFAULT_RUBRIC.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)),
});

describe('rubric versions', () => {
  it('seeds the default rubric v1 as the active one', async () => {
    const items = await rubrics();
    expect(items).toEqual([expect.objectContaining({ rubricId: 'pistudio-prd', version: 1, active: true })]);
    const detail = await answer(await po.get(`/api/v1/rubrics/${items[0]?.id}`), ZRubricDetail);
    expect(detail.definition).toEqual(DEFAULT_RUBRIC);
  });

  it('rejects wrong weights, unknown checks and rules with 422 naming the field; stores nothing', async () => {
    const cases: [unknown, string][] = [
      [withCriterion(0, { weight: 20 }), 'definition.criteria'],
      [withCriterion(2, { check: 'astrology' }), 'definition.criteria.2.check'],
      [{ ...DEFAULT_RUBRIC, blockers: ['metrics.made-up'] }, 'definition.blockers.0'],
      [{ ...DEFAULT_RUBRIC, extra: true }, 'definition.extra'],
      [
        { ...DEFAULT_RUBRIC, verdict: { ...DEFAULT_RUBRIC.verdict, conditionalScore: 90 } },
        'definition.verdict.conditionalScore',
      ],
      ['not an object', 'definition'],
    ];
    for (const [definition, field] of cases) {
      const res = await admin.post('/api/v1/rubrics', { definition });
      await expectStatus(res, 422);
      const body = await json<Problem>(res);
      expect(
        body.invalid_params?.map((p) => p.name),
        field,
      ).toContain(field);
    }
    expect(await count(t, 'rubrics')).toBe(1);
  });

  it('only admins and ProductOps add or activate versions', async () => {
    await expectStatus(await po.post('/api/v1/rubrics', { definition: DEFAULT_RUBRIC }), 403);
    const [v1] = await rubrics();
    await expectStatus(await po.post(`/api/v1/rubrics/${v1?.id}/activate`), 403);
  });

  it('scores new submissions with the activated version; old reviews keep theirs', async () => {
    const code = await makeTypedProduct(t, 'EMX', 'RUB');
    const doc = await createPrd(po, code, testPrd('strong'));
    const old = await submit(po, doc.id);
    expect(old.rubric.version).toBe(1);
    expect(old.suggestedVerdict).toBe('pass');
    expect(old.score).toBeLessThan(100);

    // v2 is stricter: nothing below 100 passes.
    const strict = { ...DEFAULT_RUBRIC, version: 77, verdict: { ...DEFAULT_RUBRIC.verdict, passScore: 100 } };
    const created = await admin.post('/api/v1/rubrics', { definition: strict });
    await expectStatus(created, 201);
    const v2 = await answer(created, ZRubricDetail);
    expect(v2).toMatchObject({ version: 2, active: false, definition: { version: 2 } });
    const activated = await admin.post(`/api/v1/rubrics/${v2.id}/activate`);
    await expectStatus(activated, 200);
    expect(await answer(activated, ZRubricDetail)).toMatchObject({ id: v2.id, active: true });
    expect((await rubrics()).map((r) => [r.version, r.active])).toEqual([
      [2, true],
      [1, false],
    ]);

    await saveVersion(po, doc.id, `${testPrd('strong')}\n`);
    const fresh = await submit(po, doc.id);
    expect(fresh.rubric).toMatchObject({ id: 'pistudio-prd', version: 2, rowId: v2.id });
    expect(fresh.suggestedVerdict).toBe('conditional');
    const kept = await answer(await po.get(`/api/v1/gate/reviews/${old.id}`), ZGateReview);
    expect(kept.rubric.version).toBe(1);
    expect(kept.suggestedVerdict).toBe('pass');
    const audit = await t.deps.handle.raw("select action from audit_events where target_type = 'rubric' order by id");
    expect(audit.map((r) => r.action)).toEqual(['rubric.created', 'rubric.created', 'rubric.activated']);
  });
});
