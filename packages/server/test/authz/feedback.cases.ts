// Who may use a product's feedback backlog: everyone who can see the product reads it (product.read); every role but
// viewer submits (feedback.submit); admin, ProductOps, PO, VB and builders import chat exports and triage
// (feedback.triage). Each request that changes an item gets an item (or import draft) of its own.
import type { Fixtures } from './fixtures.ts';
import type { Expectations } from './route-case.ts';

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`feedback fixture ${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const CHAT = (marker: string) =>
  `05/11/2026, 09:02 - Ana Pilot: The checkout declines my debit card ${marker}\n` +
  '05/11/2026, 09:05 - Ben Pilot: Payout report shows the wrong currency\n';

async function newItem(f: Fixtures, code: string): Promise<string> {
  const res = await f.admin.post(`/api/v1/products/${code}/feedback`, { text: f.unique('Matrix feedback ') });
  return (await ok<{ item: { key: string } }>(res, 'submit')).item.key;
}

async function newDraft(f: Fixtures, code: string): Promise<string> {
  const res = await f.admin.request('POST', `/api/v1/products/${code}/feedback/imports?source=whatsapp`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    rawBody: CHAT(f.unique('m')),
  });
  return (await ok<{ id: string }>(res, 'import')).id;
}

/** Two new items of the product of `sub` recorded as not duplicates, for the list of pairs to show. */
async function distinctPair(f: Fixtures, sub: string): Promise<{ code: string; key: string }> {
  const { code } = await f.product(sub);
  const [key, of] = [await newItem(f, code), await newItem(f, code)];
  await ok(await f.admin.post(`/api/v1/products/${code}/feedback/${key}/distinct`, { of }), 'distinct');
  return { code, key };
}

/** One submitted item in the product of `sub`, for the list and the summary to show. */
const listed = (f: Fixtures, sub: string) =>
  f.product(sub).then(async ({ code }) => ({ code, key: await newItem(f, code) }));

const read = { permission: 'product.read' } as const;
const submit = { permission: 'feedback.submit' } as const;
const triage = { permission: 'feedback.triage' } as const;

export const feedbackCases: Expectations = {
  'POST /products/:code/feedback': {
    policy: submit,
    build: async (f, sub) => ({
      path: `/api/v1/products/${(await f.product(sub)).code}/feedback`,
      body: { text: 'The checkout declines my debit card every time' },
    }),
  },
  'GET /products/:code/feedback': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await listed(f, sub)).code}/feedback` }),
    hides: async (f, sub) => (await listed(f, sub)).key,
  },
  'GET /products/:code/feedback/summary': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await listed(f, sub)).code}/feedback/summary` }),
  },
  'POST /products/:code/feedback/imports': {
    policy: triage,
    build: async (f, sub) => ({
      path: `/api/v1/products/${(await f.product(sub)).code}/feedback/imports?source=auto`,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      rawBody: CHAT(f.unique('m')),
    }),
  },
  'POST /products/:code/feedback/imports/:id/commit': {
    policy: triage,
    build: async (f, sub) => {
      const { code } = await f.product(sub);
      return {
        path: `/api/v1/products/${code}/feedback/imports/${await newDraft(f, code)}/commit`,
        body: { indices: [0] },
      };
    },
  },
  'POST /products/:code/feedback/triage': {
    policy: triage,
    build: async (f, sub) => {
      const { code } = await f.product(sub);
      return {
        path: `/api/v1/products/${code}/feedback/triage`,
        body: { action: 'decline', keys: [await newItem(f, code)], reason: 'Matrix decline' },
      };
    },
  },
  'POST /products/:code/feedback/:key/triage': {
    policy: triage,
    build: async (f, sub) => {
      const { code } = await f.product(sub);
      return {
        path: `/api/v1/products/${code}/feedback/${await newItem(f, code)}/triage`,
        body: { action: 'decline', reason: 'Matrix decline' },
      };
    },
  },
  'POST /products/:code/feedback/:key/distinct': {
    policy: triage,
    build: async (f, sub) => {
      const { code } = await f.product(sub);
      return {
        path: `/api/v1/products/${code}/feedback/${await newItem(f, code)}/distinct`,
        body: { of: await newItem(f, code) },
      };
    },
  },
  'GET /products/:code/feedback/distinct': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await distinctPair(f, sub)).code}/feedback/distinct` }),
    hides: async (f, sub) => (await distinctPair(f, sub)).key,
  },
};
