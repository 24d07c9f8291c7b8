// Who may use the PRD gate: authors (document.write) submit, ProductOps (gate.review) decide, everyone who can
// see the product reads its reviews; rubrics and the Golden library are studio-wide.
import { DEFAULT_RUBRIC } from '@pi-studio/core/gate/default-rubric';
import { testPrd } from '../../src/modules/gate/test-fixtures.ts';
import type { Fixtures } from './fixtures.ts';
import type { Expectations } from './route-case.ts';

const RUBRIC_EDITORS = ['admin', 'productops'] as const;

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`gate fixture ${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Review = { id: string; document: { id: string }; version: string; findings: { id: string }[] };

const cache = new WeakMap<Fixtures, Map<string, Promise<unknown>>>();
function once<T>(f: Fixtures, key: string, make: () => Promise<T>): Promise<T> {
  let mine = cache.get(f);
  if (!mine) {
    mine = new Map();
    cache.set(f, mine);
  }
  let hit = mine.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = make();
    mine.set(key, hit);
  }
  return hit;
}

/** A PRD of its own in `sub` (weak: plenty of findings), not yet submitted. */
async function newPrd(f: Fixtures, sub: string): Promise<{ id: string; productCode: string }> {
  const { code } = await f.newProduct(sub);
  const doc = await ok<{ id: string }>(
    await f.admin.post(`/api/v1/products/${code}/documents`, { kind: 'prd', body: testPrd('weak') }),
    'prd',
  );
  return { id: doc.id, productCode: code };
}

async function newReview(f: Fixtures, sub: string): Promise<Review & { productCode: string }> {
  const prd = await newPrd(f, sub);
  const review = await ok<Review>(await f.admin.post(`/api/v1/documents/${prd.id}/gate`, {}), 'submit');
  return { ...review, productCode: prd.productCode };
}

/** The shared review of `sub`: stays submitted (decision cases use reviews of their own). */
const openReview = (f: Fixtures, sub: string) => once(f, `review:${sub}`, () => newReview(f, sub));

const condition = (f: Fixtures, sub: string) =>
  once(f, `condition:${sub}`, async () => {
    const review = await openReview(f, sub);
    const body = { text: 'Add acceptance criteria to every requirement', dueDate: '2099-12-31' };
    const r = await ok<{ conditions: { id: string }[] }>(
      await f.admin.post(`/api/v1/gate/reviews/${review.id}/conditions`, body),
      'condition',
    );
    const first = r.conditions[0];
    if (!first) throw new Error('gate fixture: no condition');
    return { reviewId: review.id, conditionId: first.id };
  });

/** A version with a pass verdict (the weak PRD passes on ProductOps' judgement, with the note that needs). */
const passedVersion = (f: Fixtures, sub: string) =>
  once(f, `passed:${sub}`, async () => {
    const review = await newReview(f, sub);
    // Another administrator decides: the fixtures' administrator wrote the PRD (the four-eyes rule).
    const reviewer = await once(f, 'second-admin', () => f.newCaller({ isAdmin: true }));
    await ok(
      await reviewer.client.post(`/api/v1/gate/reviews/${review.id}/decision`, {
        verdict: 'pass',
        note: 'Matrix fixture',
      }),
      'decision',
    );
    return { documentId: review.document.id, version: review.version };
  });

const goldenBody = async (f: Fixtures, sub: string) => {
  const passed = await passedVersion(f, sub);
  return { documentId: passed.documentId, version: passed.version, criterion: 'problem', text: 'Payouts' };
};

const activeRubric = (f: Fixtures) =>
  once(f, 'rubric', async () => {
    const r = await ok<{ items: { id: string; active: boolean }[] }>(await f.admin.get('/api/v1/rubrics'), 'rubrics');
    const active = r.items.find((i) => i.active);
    if (!active) throw new Error('gate fixture: no active rubric');
    return active.id;
  });

export const gateCases: Expectations = {
  'GET /rubrics': { policy: 'signed-in', build: () => ({ path: '/api/v1/rubrics' }) },
  'GET /rubrics/:id': {
    policy: 'signed-in',
    build: async (f) => ({ path: `/api/v1/rubrics/${await activeRubric(f)}` }),
  },
  'POST /rubrics': {
    policy: { anyRole: RUBRIC_EDITORS },
    build: () => ({ path: '/api/v1/rubrics', body: { definition: { ...DEFAULT_RUBRIC, name: 'Matrix rubric' } } }),
  },
  'POST /rubrics/:id/activate': {
    policy: { anyRole: RUBRIC_EDITORS },
    build: async (f) => ({ path: `/api/v1/rubrics/${await activeRubric(f)}/activate` }),
  },

  'POST /documents/:id/gate': {
    policy: { permission: 'document.write' },
    build: async (f, sub) => ({ path: `/api/v1/documents/${(await newPrd(f, sub)).id}/gate`, body: {} }),
  },
  'GET /gate/queue': {
    policy: 'signed-in',
    build: () => ({ path: '/api/v1/gate/queue' }),
    hides: async (f, sub) => (await openReview(f, sub)).productCode,
  },
  'GET /gate/reviews': {
    policy: 'signed-in',
    build: () => ({ path: '/api/v1/gate/reviews?limit=500' }),
    hides: async (f, sub) => (await openReview(f, sub)).productCode,
  },
  'GET /gate/reviews/:id': {
    policy: { permission: 'document.read' },
    build: async (f, sub) => ({ path: `/api/v1/gate/reviews/${(await openReview(f, sub)).id}` }),
  },
  'POST /gate/reviews/:id/overrides': {
    policy: { permission: 'gate.review' },
    build: async (f, sub) => ({
      path: `/api/v1/gate/reviews/${(await openReview(f, sub)).id}/overrides`,
      body: { criterion: 'ux', score: 0.5, reason: 'Designs reviewed in the workshop' },
    }),
  },
  'POST /gate/reviews/:id/waivers': {
    policy: { permission: 'gate.review' },
    build: async (f, sub) => {
      const review = await openReview(f, sub);
      return {
        path: `/api/v1/gate/reviews/${review.id}/waivers`,
        body: {
          findingId: review.findings[0]?.id ?? 'none',
          reason: 'Accepted for the pilot',
          expiresAt: '2099-01-01',
        },
      };
    },
  },
  'DELETE /gate/reviews/:id/overrides/:criterion': {
    policy: { permission: 'gate.review' },
    build: async (f, sub) => {
      const review = await openReview(f, sub);
      const body = { criterion: 'ux', score: 0.5, reason: 'Set up for removal' };
      await ok(await f.admin.post(`/api/v1/gate/reviews/${review.id}/overrides`, body), 'override');
      return { path: `/api/v1/gate/reviews/${review.id}/overrides/ux` };
    },
  },
  'DELETE /gate/reviews/:id/waivers/:findingId': {
    policy: { permission: 'gate.review' },
    build: async (f, sub) => {
      const review = await openReview(f, sub);
      const findingId = review.findings[0]?.id ?? 'none';
      const body = { findingId, reason: 'Set up for removal', expiresAt: '2099-01-01' };
      await ok(await f.admin.post(`/api/v1/gate/reviews/${review.id}/waivers`, body), 'waiver');
      return { path: `/api/v1/gate/reviews/${review.id}/waivers/${findingId}` };
    },
  },
  'POST /gate/reviews/:id/conditions': {
    policy: { permission: 'gate.review' },
    build: async (f, sub) => ({
      path: `/api/v1/gate/reviews/${(await openReview(f, sub)).id}/conditions`,
      body: { text: f.unique('Fix item '), dueDate: '2099-06-30' },
    }),
  },
  'PATCH /gate/reviews/:id/conditions/:conditionId': {
    policy: { permission: 'document.write' },
    build: async (f, sub) => {
      const c = await condition(f, sub);
      return { path: `/api/v1/gate/reviews/${c.reviewId}/conditions/${c.conditionId}`, body: { done: true } };
    },
  },
  'POST /gate/reviews/:id/decision': {
    policy: { permission: 'gate.review' },
    build: async (f, sub) => ({
      path: `/api/v1/gate/reviews/${(await newReview(f, sub)).id}/decision`,
      body: { verdict: 'fail', note: 'Matrix: not ready' },
    }),
  },
  'GET /gate/metrics': {
    policy: 'signed-in',
    build: () => ({ path: '/api/v1/gate/metrics' }),
    hides: async (f, sub) => {
      await openReview(f, sub);
      return `"subsidiary":"${sub}"`;
    },
  },

  'GET /golden': { policy: 'signed-in', build: () => ({ path: '/api/v1/golden?criterion=problem' }) },
  'POST /golden': {
    policy: { permission: 'gate.review' },
    build: async (f, sub) => ({ path: '/api/v1/golden', body: await goldenBody(f, sub) }),
  },
  'DELETE /golden/:id': {
    policy: { permission: 'gate.review' },
    build: async (f, sub) => {
      const created = await ok<{ id: string }>(
        await f.admin.post('/api/v1/golden', await goldenBody(f, sub)),
        'golden',
      );
      return { path: `/api/v1/golden/${created.id}` };
    },
  },
};
