// Who may use a product's sign-offs: everyone who can see the product reads them, verifies its chain, downloads
// evidence and exports a session's UAT report (product.read); the PO, VB and administrators sign and add evidence
// (uat.signoff) — and, for a PO or VB, only as the product's own PO/VB, so those cases make the caller the
// product's PO first (the rule's own check). The studio-wide verification is for studio administrators. The
// UAT → handover move is the backlog's (backlog.write, the product's PO/VB too); without a sign-off it answers 409,
// access still granted. Records live in a product of its own per subsidiary with done stories, a UAT session whose
// cases test them, one sign-off and one evidence file, written straight to the database and the API once.
import { addSession, addStories, fileForm, setOwner } from '../../src/modules/signoff/test-kit.ts';
import type { Caller, Fixtures } from './fixtures.ts';
import type { Expectations } from './route-case.ts';

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`signoff fixture ${what}: ${res.status} ${await res.text()}`);
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

type Signed = { code: string; sessionId: string; sessionKey: string; signoffKey: string; evidenceId: string };

/** The signed-off product of `sub`: two done stories, a session testing them, a sign-off with one evidence file. */
const signed = (f: Fixtures, sub: string) =>
  once(f, `signoff:${sub}`, async (): Promise<Signed> => {
    const { code } = await f.newProduct(sub, `Matrix ${sub} signed`);
    const db = f.t.deps.handle;
    const session = await addSession(db, code, 1, '1.0.0', await addStories(db, code, 2));
    const so = await ok<{ key: string }>(
      await f.admin.post(`/api/v1/products/${code}/signoffs`, {
        scope: 'session',
        sessionId: session.id,
        decision: 'signed',
      }),
      'sign',
    );
    const evidence = await ok<{ id: string }>(
      await f.admin.request('POST', `/api/v1/products/${code}/signoffs/${so.key}/evidence`, {
        rawBody: fileForm('Minutes: signed in the review meeting', 'minutes.txt'),
      }),
      'evidence',
    );
    return { code, sessionId: session.id, sessionKey: session.key, signoffKey: so.key, evidenceId: evidence.id };
  });

/** The product of `sub`, with the caller as its PO/VB (a PO or VB signs only their own product). */
async function asOwner(f: Fixtures, sub: string, caller: Caller): Promise<Signed> {
  const s = await signed(f, sub);
  await setOwner(f.t.deps.handle, s.code, caller.user?.id ?? null);
  return s;
}

const read = { permission: 'product.read' } as const;
const signoff = { permission: 'uat.signoff' } as const;

export const signoffCases: Expectations = {
  'POST /products/:code/signoffs': {
    policy: signoff,
    build: async (f, sub, caller) => {
      const s = await asOwner(f, sub, caller);
      return {
        path: `/api/v1/products/${s.code}/signoffs`,
        body: { scope: 'session', sessionId: s.sessionId, decision: 'refused', conditions: 'Matrix refusal' },
      };
    },
  },
  'GET /products/:code/signoffs': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await signed(f, sub)).code}/signoffs` }),
    hides: async (f, sub) => (await signed(f, sub)).signoffKey,
  },
  'GET /products/:code/signoffs/verify': {
    policy: read,
    build: async (f, sub) => ({ path: `/api/v1/products/${(await signed(f, sub)).code}/signoffs/verify` }),
  },
  'GET /signoffs/verify': {
    policy: 'admin',
    build: async (f, sub) => {
      await signed(f, sub);
      return { path: '/api/v1/signoffs/verify' };
    },
  },
  'GET /products/:code/signoffs/:key': {
    policy: read,
    build: async (f, sub) => {
      const s = await signed(f, sub);
      return { path: `/api/v1/products/${s.code}/signoffs/${s.signoffKey}` };
    },
  },
  'POST /products/:code/signoffs/:key/evidence': {
    policy: signoff,
    build: async (f, sub, caller) => {
      const s = await asOwner(f, sub, caller);
      return {
        path: `/api/v1/products/${s.code}/signoffs/${s.signoffKey}/evidence`,
        rawBody: fileForm(f.unique('Matrix evidence '), 'evidence.txt'),
      };
    },
  },
  'GET /products/:code/signoffs/:key/evidence/:id': {
    policy: read,
    build: async (f, sub) => {
      const s = await signed(f, sub);
      return { path: `/api/v1/products/${s.code}/signoffs/${s.signoffKey}/evidence/${s.evidenceId}` };
    },
  },
  'GET /products/:code/uat/sessions/:key/report': {
    policy: read,
    build: async (f, sub) => {
      const s = await signed(f, sub);
      return { path: `/api/v1/products/${s.code}/uat/sessions/${s.sessionKey}/report` };
    },
  },
  'POST /products/:code/stage/handover': {
    policy: { permission: 'backlog.write' },
    build: async (f, sub, caller) => ({
      path: `/api/v1/products/${(await asOwner(f, sub, caller)).code}/stage/handover`,
    }),
  },
};
