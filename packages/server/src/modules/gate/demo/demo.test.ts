// The demo studio shows a living gate: history over past weeks, a queue, a conditional pass with its
// conditions, golden passages cited by later fixes, baselines on every product past the gate.
import { ZGateMetrics, ZGoldenList } from '@pi-studio/core/contract/gate';
import { ZGateReview, ZQueue, ZReviewList } from '@pi-studio/core/contract/gate-reviews';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../../test/harness.ts';
import { loadDemo } from '../../../demo/load.ts';
import { count } from '../test-kit.ts';

let t: TestContext;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestContext();
  await loadDemo(t.deps);
  admin = await t.client(await t.user({ isAdmin: true })).login();
});
afterAll(async () => t?.close());

describe('the demo gate', () => {
  it('has reviews for the products past intake, a queue and first-time passes', async () => {
    const { items } = await answer(await admin.get('/api/v1/gate/reviews?limit=500'), ZReviewList);
    expect(items.length).toBeGreaterThanOrEqual(12);
    const stages = new Set(items.map((r) => r.product.stage));
    for (const stage of ['gate', 'build', 'uat', 'handover', 'live'] as const) {
      expect(stages.has(stage), stage).toBe(true);
    }
    expect(items.some((r) => r.firstTime)).toBe(true);
    expect(items.some((r) => r.verdict === 'fail')).toBe(true);
    const queue = await answer(await admin.get('/api/v1/gate/queue'), ZQueue);
    expect(queue.items.length).toBeGreaterThanOrEqual(1);
    for (const q of queue.items) expect(q.product.stage).toBe('gate');
    expect(queue.items[0]?.ageHours).toBeGreaterThan(24);
  });

  it('has a conditional pass with its conditions, and fail-then-pass histories with changes', async () => {
    const { items } = await answer(await admin.get('/api/v1/gate/reviews?limit=500'), ZReviewList);
    const conditional = items.find((r) => r.verdict === 'conditional');
    const full = await answer(await admin.get(`/api/v1/gate/reviews/${conditional?.id}`), ZGateReview);
    expect(full.conditions.length).toBeGreaterThanOrEqual(1);
    expect(full.conditions[0]?.owner).not.toBeNull();
    const second = items.find((r) => r.verdict === 'pass' && !r.firstTime);
    const resubmitted = await answer(await admin.get(`/api/v1/gate/reviews/${second?.id}`), ZGateReview);
    expect(resubmitted.attempt).toBeGreaterThan(1);
    expect(resubmitted.changes?.fixed.length).toBeGreaterThan(0);
  });

  it('sets baselines, fills the golden library and cites it', async () => {
    const rows = await t.deps.handle.raw(
      `select p.code from products p join documents d on d.product_id = p.id and d.kind = 'prd'
       where p.stage in ('build', 'uat', 'handover', 'live') and d.baseline_version_id is null`,
    );
    expect(rows).toEqual([]);
    const golden = await answer(await admin.get('/api/v1/golden'), ZGoldenList);
    expect(golden.items.length).toBeGreaterThanOrEqual(5);
    const cited = await t.deps.handle.raw(
      `select count(*) as n from gate_reviews where jsonb_array_length(golden_citations) > 0`,
    );
    expect(Number(cited[0]?.n)).toBeGreaterThan(0);
  });

  it('gives the metrics several weeks of history', async () => {
    const m = await answer(await admin.get('/api/v1/gate/metrics'), ZGateMetrics);
    expect(m.byWeek.filter((w) => w.submitted > 0).length).toBeGreaterThanOrEqual(6);
    expect(m.firstTimePassRate).toBeGreaterThan(0);
    expect(m.topReasons.length).toBeGreaterThan(3);
  });

  it('adds nothing when the demo is loaded again', async () => {
    const before = [await count(t, 'gate_reviews'), await count(t, 'golden_examples')];
    await loadDemo(t.deps);
    expect([await count(t, 'gate_reviews'), await count(t, 'golden_examples')]).toEqual(before);
  });
});
