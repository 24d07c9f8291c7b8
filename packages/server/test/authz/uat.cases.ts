// Who may use a product's UAT: everyone who can see the product reads sessions, cases, defects and screenshots
// (product.read); admin, ProductOps, PO, VB and builders manage sessions, cases and guest links (uat.manage); they and
// IT record runs and screenshots (uat.run). Guest routes are public to the route wrapper — the link token in the path
// is the access — so every persona with a valid token gets in (the guests' own refusals are in uat/guests.test.ts).
import { guestLink, PNG_1PX, passRun, runningSession } from '../../src/modules/uat/test-kit.ts';
import type { Fixtures } from './fixtures.ts';
import type { Expectations } from './route-case.ts';

type UatRecords = { code: string; session: string; caseKey: string; token: string; shot: string; guestShot: string };

const records = new WeakMap<Fixtures, Map<string, Promise<UatRecords>>>();

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`uat fixture ${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const png = { 'content-type': 'image/png' };

/** Per subsidiary, once: a running session with a case, a guest link, a member's and a guest's screenshot. */
function uat(f: Fixtures, sub: string): Promise<UatRecords> {
  let bySub = records.get(f);
  if (!bySub) {
    bySub = new Map();
    records.set(f, bySub);
  }
  let hit = bySub.get(sub);
  if (!hit) {
    hit = (async () => {
      const { code } = await f.product(sub);
      const { session, caseKey } = await runningSession(f.admin, code);
      const { token } = await guestLink(f.admin, code, session);
      const runId = await passRun(f.admin, code, caseKey);
      const shot = await ok<{ id: string }>(
        await f.admin.request('POST', `/api/v1/products/${code}/uat/runs/${runId}/screenshots`, {
          headers: png,
          rawBody: PNG_1PX,
        }),
        'screenshot',
      );
      const guestRun = await ok<{ run: { id: string } }>(
        await f.t.client().post(`/api/v1/guest/uat/${token}/cases/${caseKey}/runs`, { result: 'pass' }),
        'guest run',
      );
      const guestShot = await ok<{ id: string }>(
        await f.t.client().request('POST', `/api/v1/guest/uat/${token}/runs/${guestRun.run.id}/screenshots`, {
          headers: png,
          rawBody: PNG_1PX,
        }),
        'guest screenshot',
      );
      return { code, session, caseKey, token, shot: shot.id, guestShot: guestShot.id };
    })();
    bySub.set(sub, hit);
  }
  return hit;
}

const read = { permission: 'product.read' } as const;
const manage = { permission: 'uat.manage' } as const;
const run = { permission: 'uat.run' } as const;
const sessionPath = async (f: Fixtures, sub: string, rest = '') => {
  const r = await uat(f, sub);
  return `/api/v1/products/${r.code}/uat/sessions/${r.session}${rest}`;
};

export const uatCases: Expectations = {
  'POST /products/:code/uat/sessions': {
    policy: manage,
    build: async (f, sub) => ({
      path: `/api/v1/products/${(await f.product(sub)).code}/uat/sessions`,
      body: { title: 'Matrix session', buildVersion: '2.0.0' },
    }),
  },
  'GET /products/:code/uat/sessions': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await uat(f, sub)).code}/uat/sessions` }),
  },
  'GET /products/:code/uat/sessions/:key': {
    policy: read,
    build: async (f, sub) => ({ path: await sessionPath(f, sub) }),
  },
  'PATCH /products/:code/uat/sessions/:key': {
    policy: manage,
    build: async (f, sub) => ({ path: await sessionPath(f, sub), body: { buildVersion: '1.0.1' } }),
  },
  'POST /products/:code/uat/sessions/:key/start': {
    policy: manage,
    build: async (f, sub) => {
      const { code } = await f.product(sub);
      const res = await f.admin.post(`/api/v1/products/${code}/uat/sessions`, { title: 'To start', buildVersion: '1' });
      const { key } = await ok<{ key: string }>(res, 'session');
      return { path: `/api/v1/products/${code}/uat/sessions/${key}/start` };
    },
  },
  'POST /products/:code/uat/sessions/:key/close': {
    policy: manage,
    build: async (f, sub) => {
      const { code } = await f.product(sub);
      const { session } = await runningSession(f.admin, code);
      return { path: `/api/v1/products/${code}/uat/sessions/${session}/close` };
    },
  },
  'GET /products/:code/uat/sessions/:key/cases': {
    policy: read,
    build: async (f, sub) => ({ path: await sessionPath(f, sub, '/cases') }),
  },
  'POST /products/:code/uat/sessions/:key/cases/generate': {
    policy: manage,
    // No story has Gherkin here: a 422 naming storyKeys still proves the caller got past access control.
    build: async (f, sub) => ({ path: await sessionPath(f, sub, '/cases/generate'), body: { storyKeys: ['NONE-1'] } }),
  },
  'POST /products/:code/uat/sessions/:key/cases': {
    policy: manage,
    build: async (f, sub) => ({
      path: await sessionPath(f, sub, '/cases'),
      body: { title: 'Matrix case', steps: [{ keyword: 'Given', text: 'anything' }] },
    }),
  },
  'GET /products/:code/uat/cases/:caseKey': {
    policy: read,
    build: async (f, sub) => {
      const r = await uat(f, sub);
      return { path: `/api/v1/products/${r.code}/uat/cases/${r.caseKey}` };
    },
  },
  'POST /products/:code/uat/cases/:caseKey/runs': {
    policy: run,
    build: async (f, sub) => {
      const r = await uat(f, sub);
      return { path: `/api/v1/products/${r.code}/uat/cases/${r.caseKey}/runs`, body: { result: 'blocked' } };
    },
  },
  'POST /products/:code/uat/runs/:runId/screenshots': {
    policy: run,
    build: async (f, sub) => {
      const r = await uat(f, sub);
      const runId = await passRun(f.admin, r.code, r.caseKey);
      return { path: `/api/v1/products/${r.code}/uat/runs/${runId}/screenshots`, headers: png, rawBody: PNG_1PX };
    },
  },
  'GET /products/:code/uat/screenshots/:id': {
    policy: read,
    build: async (f, sub) => {
      const r = await uat(f, sub);
      return { path: `/api/v1/products/${r.code}/uat/screenshots/${r.shot}` };
    },
  },
  'GET /products/:code/uat/sessions/:key/defects': {
    policy: read,
    build: async (f, sub) => ({ path: await sessionPath(f, sub, '/defects') }),
  },
  'POST /products/:code/uat/sessions/:key/guest-links': {
    policy: manage,
    build: async (f, sub) => ({ path: await sessionPath(f, sub, '/guest-links'), body: { guestName: 'Matrix guest' } }),
  },
  'GET /products/:code/uat/sessions/:key/guest-links': {
    policy: manage,
    build: async (f, sub) => ({ path: await sessionPath(f, sub, '/guest-links') }),
  },
  'POST /products/:code/uat/guest-links/:id/revoke': {
    policy: manage,
    build: async (f, sub) => {
      const r = await uat(f, sub);
      const { id } = await guestLink(f.admin, r.code, r.session, 'To revoke');
      return { path: `/api/v1/products/${r.code}/uat/guest-links/${id}/revoke` };
    },
  },
  'GET /guest/uat/:token': {
    policy: 'public',
    build: async (f, sub) => ({ path: `/api/v1/guest/uat/${(await uat(f, sub)).token}` }),
  },
  'GET /guest/uat/:token/cases/:caseKey': {
    policy: 'public',
    build: async (f, sub) => {
      const r = await uat(f, sub);
      return { path: `/api/v1/guest/uat/${r.token}/cases/${r.caseKey}` };
    },
  },
  'POST /guest/uat/:token/cases/:caseKey/runs': {
    policy: 'public',
    build: async (f, sub) => {
      const r = await uat(f, sub);
      return { path: `/api/v1/guest/uat/${r.token}/cases/${r.caseKey}/runs`, body: { result: 'pass' } };
    },
  },
  'POST /guest/uat/:token/feedback': {
    policy: 'public',
    build: async (f, sub) => {
      const r = await uat(f, sub);
      return { path: `/api/v1/guest/uat/${r.token}/feedback`, body: { text: 'Feedback from the matrix guest' } };
    },
  },
  'POST /guest/uat/:token/runs/:runId/screenshots': {
    policy: 'public',
    build: async (f, sub) => {
      const r = await uat(f, sub);
      const res = await f.t.client().post(`/api/v1/guest/uat/${r.token}/cases/${r.caseKey}/runs`, { result: 'pass' });
      const { run: made } = await ok<{ run: { id: string } }>(res, 'guest run');
      return { path: `/api/v1/guest/uat/${r.token}/runs/${made.id}/screenshots`, headers: png, rawBody: PNG_1PX };
    },
  },
  'GET /guest/uat/:token/screenshots/:id': {
    policy: 'public',
    build: async (f, sub) => {
      const r = await uat(f, sub);
      return { path: `/api/v1/guest/uat/${r.token}/screenshots/${r.guestShot}` };
    },
  },
};
