// Who may use a product's adoption tracking: everyone who can see the product reads its tracking plan and the PRD
// check (product.read); admin, ProductOps, PO and VB save the plan (adoption.write). POST /events is open to any
// signed-in caller or token with the events or write scope: it names its products in the body, so access is decided
// per record (unknown_product / product_forbidden in the answer), never as a 403 or 404 for the whole batch.
import { PLANNED } from '../../src/modules/adoption/test-kit.ts';
import type { Fixtures } from './fixtures.ts';
import type { Expectations } from './route-case.ts';

const plans = new WeakMap<Fixtures, Map<string, Promise<void>>>();

/** The product `code` with a tracking plan (saved once per studio by the administrator). */
function withPlan(f: Fixtures, code: string): Promise<void> {
  const byCode = plans.get(f) ?? new Map<string, Promise<void>>();
  plans.set(f, byCode);
  let made = byCode.get(code);
  if (!made) {
    made = (async () => {
      const res = await f.admin.put(
        `/api/v1/products/${code}/tracking-plan`,
        { events: PLANNED },
        { headers: { 'if-match': await planEtag(f, code) } },
      );
      if (res.status !== 200) throw new Error(`adoption fixture plan: ${res.status} ${await res.text()}`);
    })();
    byCode.set(code, made);
  }
  return made;
}

async function planEtag(f: Fixtures, code: string): Promise<string> {
  const res = await f.admin.get(`/api/v1/products/${code}/tracking-plan`);
  if (res.status !== 200) throw new Error(`adoption fixture etag: ${res.status} ${await res.text()}`);
  return res.headers.get('etag') ?? '"0"';
}

/** The shared product of `sub`, with a plan. */
const planned = async (f: Fixtures, sub: string) => {
  const { code } = await f.product(sub);
  await withPlan(f, code);
  return code;
};

const read = { permission: 'product.read' } as const;
const plan = (code: string) => `/api/v1/products/${code}/tracking-plan`;

export const adoptionCases: Expectations = {
  'GET /products/:code/tracking-plan': {
    policy: read,
    build: async (f, sub) => ({ path: plan(await planned(f, sub)) }),
  },
  'PUT /products/:code/tracking-plan': {
    policy: { permission: 'adoption.write' },
    build: async (f, sub) => {
      const code = await planned(f, sub);
      return { path: plan(code), body: { events: PLANNED }, headers: { 'if-match': await planEtag(f, code) } };
    },
  },
  'GET /products/:code/tracking-plan/versions': {
    policy: read,
    build: async (f, sub) => ({ path: `${plan(await planned(f, sub))}/versions` }),
  },
  'GET /products/:code/tracking-plan/prd-check': {
    policy: read,
    build: async (f, sub) => {
      const { productCode } = await f.document(sub);
      await withPlan(f, productCode);
      return { path: `${plan(productCode)}/prd-check` };
    },
  },
  'POST /events': {
    policy: 'signed-in',
    build: async (f, sub) => {
      const event = {
        event_id: f.unique('matrix-event-'),
        event: 'report_exported',
        occurred_at: new Date(f.clock.now().getTime() - 60_000).toISOString(),
        product: await planned(f, sub),
        user_id: 'matrix-user',
        properties: { report_format: 'csv' },
      };
      return { path: '/api/v1/events', body: { events: [event] } };
    },
  },
};
