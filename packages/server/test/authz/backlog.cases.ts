// Who may use a product's backlog: everyone who can see the product reads it (product.read); admin, ProductOps, PO,
// VB and builders change it (backlog.write). Records live in a product whose PRD passed the gate, with its
// requirements synced, one story and one planned sprint, built once per subsidiary.
import { testPrd } from '../../src/modules/gate/test-fixtures.ts';
import type { Fixtures } from './fixtures.ts';
import type { Expectations } from './route-case.ts';

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`backlog fixture ${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

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

type Backlog = { code: string; requirementId: string; storyKey: string; sprintId: string };

/** The backlog of `sub`: a passed PRD (decided by a second administrator: four eyes), synced, one story, one sprint. */
const backlog = (f: Fixtures, sub: string) =>
  once(f, `backlog:${sub}`, async (): Promise<Backlog> => {
    const { code } = await f.newProduct(sub, `Matrix ${sub} backlog`);
    const doc = await ok<{ id: string }>(
      await f.admin.post(`/api/v1/products/${code}/documents`, { kind: 'prd', body: testPrd('strong') }),
      'prd',
    );
    const review = await ok<{ id: string }>(await f.admin.post(`/api/v1/documents/${doc.id}/gate`, {}), 'submit');
    const reviewer = await once(f, 'reviewer', () => f.newCaller({ isAdmin: true }));
    await ok(
      await reviewer.client.post(`/api/v1/gate/reviews/${review.id}/decision`, { verdict: 'pass', note: 'Matrix' }),
      'decision',
    );
    const synced = await ok<{ items: { id: string }[] }>(
      await f.admin.post(`/api/v1/products/${code}/requirements/sync`),
      'sync',
    );
    const requirementId = synced.items[0]?.id;
    if (!requirementId) throw new Error('backlog fixture: no requirements');
    const sprint = await ok<{ id: string }>(
      await f.admin.post(`/api/v1/products/${code}/sprints`, { name: 'Matrix sprint' }),
      'sprint',
    );
    const story = await newStory(f, code, { requirementIds: [requirementId], sprintId: sprint.id });
    return { code, requirementId, storyKey: story, sprintId: sprint.id };
  });

async function newStory(f: Fixtures, code: string, extra: Record<string, unknown> = {}): Promise<string> {
  const body = { title: f.unique('Matrix story '), ...extra };
  return (await ok<{ key: string }>(await f.admin.post(`/api/v1/products/${code}/stories`, body), 'story')).key;
}

async function newSprint(f: Fixtures, code: string): Promise<string> {
  const body = { name: f.unique('Matrix sprint ') };
  return (await ok<{ id: string }>(await f.admin.post(`/api/v1/products/${code}/sprints`, body), 'sprint')).id;
}

async function newClarification(f: Fixtures, b: Backlog): Promise<string> {
  const path = `/api/v1/products/${b.code}/sprints/${b.sprintId}/clarifications`;
  return (await ok<{ id: string }>(await f.admin.post(path, { question: f.unique('Matrix question ') }), 'question'))
    .id;
}

/** One answered question in the sprint of `sub`: the log has a full entry to read. */
const clarification = (f: Fixtures, sub: string) =>
  once(f, `clarification:${sub}`, async () => {
    const b = await backlog(f, sub);
    const id = await newClarification(f, b);
    const path = `/api/v1/products/${b.code}/sprints/${b.sprintId}/clarifications/${id}/answer`;
    await ok(await f.admin.post(path, { answer: 'Matrix answer' }), 'answer');
    return id;
  });

const read = { permission: 'product.read' } as const;
const write = { permission: 'backlog.write' } as const;

export const backlogCases: Expectations = {
  'GET /products/:code/requirements': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/requirements` }),
  },
  'POST /products/:code/requirements/sync': {
    policy: write,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/requirements/sync` }),
  },
  'GET /products/:code/stories': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/stories` }),
  },
  'POST /products/:code/stories': {
    policy: write,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      return {
        path: `/api/v1/products/${b.code}/stories`,
        body: { title: 'Matrix story', requirementIds: [b.requirementId] },
      };
    },
  },
  // Once every requirement has a story this drafts none (201, empty list): access was still granted.
  'POST /products/:code/stories/generate': {
    policy: write,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/stories/generate`, body: {} }),
  },
  'GET /products/:code/stories/:key/checks': {
    policy: read,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      return { path: `/api/v1/products/${b.code}/stories/${b.storyKey}/checks` };
    },
  },
  'GET /products/:code/stories/:key': {
    policy: read,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      return { path: `/api/v1/products/${b.code}/stories/${b.storyKey}` };
    },
  },
  'PATCH /products/:code/stories/:key': {
    policy: write,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      return { path: `/api/v1/products/${b.code}/stories/${b.storyKey}`, body: { status: 'ready' } };
    },
  },
  'POST /products/:code/stories/bulk': {
    policy: write,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      return {
        path: `/api/v1/products/${b.code}/stories/bulk`,
        body: { keys: [b.storyKey], patch: { priority: 'P2' } },
      };
    },
  },
  'DELETE /products/:code/stories/:key': {
    policy: write,
    build: async (f, sub) => {
      const { code } = await backlog(f, sub);
      return { path: `/api/v1/products/${code}/stories/${await newStory(f, code)}` };
    },
  },
  'GET /products/:code/sprints': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/sprints` }),
  },
  'POST /products/:code/sprints': {
    policy: write,
    build: async (f, sub) => ({
      path: `/api/v1/products/${(await backlog(f, sub)).code}/sprints`,
      body: { name: 'Matrix sprint' },
    }),
  },
  // Once one sprint of the product is active, further starts answer 409: access was still granted.
  'POST /products/:code/sprints/:id/start': {
    policy: write,
    build: async (f, sub) => {
      const { code } = await backlog(f, sub);
      return { path: `/api/v1/products/${code}/sprints/${await newSprint(f, code)}/start` };
    },
  },
  'POST /products/:code/sprints/:id/end': {
    policy: write,
    build: async (f, sub) => {
      const { code } = await backlog(f, sub);
      const id = await newSprint(f, code);
      await f.admin.post(`/api/v1/products/${code}/sprints/${id}/start`);
      return { path: `/api/v1/products/${code}/sprints/${id}/end` };
    },
  },
  'GET /products/:code/trace/matrix': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/trace/matrix` }),
  },
  'GET /products/:code/trace/matrix.csv': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/trace/matrix.csv` }),
  },
  'GET /products/:code/trace/drift': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/trace/drift` }),
  },
  'GET /products/:code/stories/export.csv': {
    policy: read,
    build: async (f, sub) => ({
      path: `/api/v1/products/${(await backlog(f, sub)).code}/stories/export.csv?format=jira`,
    }),
  },
  // A dry run changes nothing, so every caller can be aimed at the same story.
  'POST /products/:code/stories/import/jira': {
    policy: write,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      return {
        path: `/api/v1/products/${b.code}/stories/import/jira?dryRun=true`,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
        rawBody: `Issue key,Summary,Status,PI Studio key\r\nPAY-1,Matrix,In Progress,${b.storyKey}\r\n`,
      };
    },
  },
  'GET /products/:code/change-requests': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/change-requests` }),
  },
  'POST /products/:code/change-requests': {
    policy: write,
    build: async (f, sub) => ({
      path: `/api/v1/products/${(await backlog(f, sub)).code}/change-requests`,
      body: { title: 'Matrix change', whatChanges: 'More scope', why: 'Asked for' },
    }),
  },
  'GET /products/:code/change-requests/:key': {
    policy: read,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      return { path: `/api/v1/products/${b.code}/change-requests/${await newChangeRequest(f, b.code)}` };
    },
  },
  // Only the product's PO/VB decides: the product's PO is set to the caller first (none for a caller without a user,
  // so a studio administrator decides), which leaves the permission as the only thing the matrix varies.
  'POST /products/:code/change-requests/:key/decision': {
    policy: write,
    build: async (f, sub, caller) => {
      const b = await backlog(f, sub);
      const key = await newChangeRequest(f, b.code);
      await f.t.deps.handle.raw('update products set po_id = $1 where code = $2', [caller.user?.id ?? null, b.code]);
      return {
        path: `/api/v1/products/${b.code}/change-requests/${key}/decision`,
        body: { decision: 'reject', rationale: 'Matrix decision' },
      };
    },
  },
  // Issue #12, sprint insights, the UAT rule and the builder API.
  'GET /products/:code/sprints/:id/clarifications': {
    policy: read,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      await clarification(f, sub);
      return { path: `/api/v1/products/${b.code}/sprints/${b.sprintId}/clarifications` };
    },
  },
  'POST /products/:code/sprints/:id/clarifications': {
    policy: write,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      return {
        path: `/api/v1/products/${b.code}/sprints/${b.sprintId}/clarifications`,
        body: { question: 'Matrix question?' },
      };
    },
  },
  'POST /products/:code/sprints/:id/clarifications/:cid/answer': {
    policy: write,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      const cid = await newClarification(f, b);
      return {
        path: `/api/v1/products/${b.code}/sprints/${b.sprintId}/clarifications/${cid}/answer`,
        body: { answer: 'Matrix answer' },
      };
    },
  },
  'GET /products/:code/backlog/summary': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await backlog(f, sub)).code}/backlog/summary` }),
  },
  // The caller is made the product's PO (the rule's own check); without an ended sprint whose committed stories are
  // all done it answers 409 uat_not_ready: access was still granted.
  'POST /products/:code/stage/uat': {
    policy: write,
    build: async (f, sub, caller) => {
      const b = await backlog(f, sub);
      await f.t.deps.handle.raw('update products set po_id = $1 where code = $2', [caller.user?.id ?? null, b.code]);
      return { path: `/api/v1/products/${b.code}/stage/uat` };
    },
  },
  'GET /builder/stories': {
    policy: write,
    build: async (f, sub) => ({ path: `/api/v1/builder/stories?product=${(await backlog(f, sub)).code}` }),
  },
  'POST /builder/stories/:key/status': {
    policy: write,
    build: async (f, sub) => {
      const b = await backlog(f, sub);
      return { path: `/api/v1/builder/stories/${b.storyKey}/status`, body: { status: 'ready' } };
    },
  },
};

async function newChangeRequest(f: Fixtures, code: string): Promise<string> {
  const body = { title: f.unique('Matrix change '), whatChanges: 'More scope', why: 'Asked for' };
  return (await ok<{ key: string }>(await f.admin.post(`/api/v1/products/${code}/change-requests`, body), 'cr')).key;
}
