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
import { seedDefaultRubric } from './service.ts';

let t: TestContext;
let admin: TestClient;
let po: TestClient;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.client(await t.user({ roles: { EMX: 'productops' } })).login();
  po = await t.client(await t.user({ roles: { EMX: 'po' } })).login();
});
afterAll(async () => t?.close());

/** The built-in rubric's version: the tests hold for whichever version ships. */
const V = DEFAULT_RUBRIC.version;
const rubrics = async () => (await answer(await po.get('/api/v1/rubrics'), ZRubricList)).items;
const withCriterion = (i: number, patch: Record<string, unknown>) => ({
  ...DEFAULT_RUBRIC,
  criteria: DEFAULT_RUBRIC.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)),
});

describe('rubric versions', () => {
  it('seeds the built-in rubric as the active one', async () => {
    const items = await rubrics();
    expect(items).toEqual([expect.objectContaining({ rubricId: 'pistudio-prd', version: V, active: true })]);
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
    const [builtIn] = await rubrics();
    await expectStatus(await po.post(`/api/v1/rubrics/${builtIn?.id}/activate`), 403);
  });

  it('scores new submissions with the activated version; old reviews keep theirs', async () => {
    const code = await makeTypedProduct(t, 'EMX', 'RUB');
    const doc = await createPrd(po, code, testPrd('strong'));
    const old = await submit(po, doc.id);
    expect(old.rubric.version).toBe(V);
    expect(old.suggestedVerdict).toBe('pass');
    expect(old.score).toBeLessThan(100);

    // The next version is stricter: nothing below 100 passes.
    const strict = { ...DEFAULT_RUBRIC, version: 77, verdict: { ...DEFAULT_RUBRIC.verdict, passScore: 100 } };
    const created = await admin.post('/api/v1/rubrics', { definition: strict });
    await expectStatus(created, 201);
    const next = await answer(created, ZRubricDetail);
    expect(next).toMatchObject({ version: V + 1, active: false, definition: { version: V + 1 } });
    const activated = await admin.post(`/api/v1/rubrics/${next.id}/activate`);
    await expectStatus(activated, 200);
    expect(await answer(activated, ZRubricDetail)).toMatchObject({ id: next.id, active: true });
    expect((await rubrics()).map((r) => [r.version, r.active])).toEqual([
      [V + 1, true],
      [V, false],
    ]);

    await saveVersion(po, doc.id, `${testPrd('strong')}\n`);
    const fresh = await submit(po, doc.id);
    expect(fresh.rubric).toMatchObject({ id: 'pistudio-prd', version: V + 1, rowId: next.id });
    expect(fresh.suggestedVerdict).toBe('conditional');
    const kept = await answer(await po.get(`/api/v1/gate/reviews/${old.id}`), ZGateReview);
    expect(kept.rubric.version).toBe(V);
    expect(kept.suggestedVerdict).toBe('pass');
    const audit = await t.deps.handle.raw("select action from audit_events where target_type = 'rubric' order by id");
    expect(audit.map((r) => r.action)).toEqual(['rubric.created', 'rubric.created', 'rubric.activated']);
  });
});

describe('a new built-in rubric version', () => {
  const builtIn = (version: number) => ({ ...DEFAULT_RUBRIC, version: DEFAULT_RUBRIC.version + version });

  it('replaces an active earlier built-in version, audited as the system', async () => {
    const own = await createTestContext();
    try {
      await seedDefaultRubric(own.deps, builtIn(1));
      const list = (await own.deps.handle.raw('select version, active from rubrics order by version')) as {
        version: number;
        active: boolean;
      }[];
      expect(list.map((r) => [r.version, r.active])).toEqual([
        [DEFAULT_RUBRIC.version, false],
        [DEFAULT_RUBRIC.version + 1, true],
      ]);
      const audit = await own.deps.handle.raw(
        "select action, actor_label from audit_events where target_type = 'rubric' order by id",
      );
      expect(audit.slice(-2)).toEqual([
        { action: 'rubric.created', actor_label: 'system' },
        { action: 'rubric.activated', actor_label: 'system' },
      ]);
      // Seeding again changes nothing.
      await seedDefaultRubric(own.deps, builtIn(1));
      expect(await count(own, 'rubrics')).toBe(2);
    } finally {
      await own.close();
    }
  });

  it("keeps a studio's own active version", async () => {
    const own = await createTestContext();
    try {
      const boss = await own.client(await own.user({ isAdmin: true })).login();
      const mine = await answer(
        await boss.post('/api/v1/rubrics', { definition: { ...DEFAULT_RUBRIC, name: 'Our rubric' } }),
        ZRubricDetail,
      );
      await expectStatus(await boss.post(`/api/v1/rubrics/${mine.id}/activate`), 200);
      await seedDefaultRubric(own.deps, builtIn(5));
      const active = (await own.deps.handle.raw('select name from rubrics where active')) as { name: string }[];
      expect(active).toEqual([{ name: 'Our rubric' }]);
    } finally {
      await own.close();
    }
  });
});
