// Property test: whatever arrives as a body on a mutating route (random JSON, valid bodies with wrong types or
// unknown fields, malformed JSON, invalid UTF-8, random uploads, oversized bodies), the answer is never a 5xx,
// every error is problem+json, and a rejected request leaves every stored row as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../src/http/route.ts';
import { routeTable } from '../src/routes.ts';
import type { Caller, Fixtures, TestClock } from './authz/fixtures.ts';
import type { CaseRequest } from './authz/route-case.ts';
import {
  type Attempt,
  target as aim,
  expectCleanRejection as clean,
  needsFreshCaller,
  openFuzzStudio,
  routeKey,
  send,
} from './fuzz-kit.ts';
import type { TestContext } from './harness.ts';
import type { StoredDigest } from './stored-data.ts';

const RUNS = 25;
let t: TestContext;
let f: Fixtures;
let clock: TestClock;
let admin: Caller;
let digest: () => Promise<StoredDigest>;

beforeAll(async () => {
  ({ t, f, clock, admin, digest } = await openFuzzStudio());
});
afterAll(async () => t?.close());

const text = fc.string({ unit: 'binary', maxLength: 60 });
const value = fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 });
const json = (v: unknown): Attempt => ({ body: JSON.stringify(v), contentType: 'application/json' });

/** The valid body with some fields swapped for random values, some dropped and random ones added. */
function mutated(valid: unknown): fc.Arbitrary<Attempt> {
  const base = valid && typeof valid === 'object' && !Array.isArray(valid) ? (valid as Record<string, unknown>) : {};
  const keys = Object.keys(base);
  const replace = keys.length
    ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length })
    : fc.constant({});
  return fc
    .record({ replace, drop: fc.subarray(keys), extra: fc.dictionary(text, value, { maxKeys: 3 }) })
    .map(({ replace, drop, extra }) => {
      const body: Record<string, unknown> = { ...base, ...replace, ...extra };
      for (const k of drop) delete body[k];
      return json(body);
    });
}

const invalidUtf8 = fc
  .tuple(fc.uint8Array({ maxLength: 80 }), fc.nat(), fc.constantFrom(0xff, 0xc3, 0xed, 0x80))
  .map(([bytes, at, bad]) => {
    const out = new Uint8Array(bytes.length + 1);
    const i = at % (bytes.length + 1);
    out.set(bytes.subarray(0, i));
    out[i] = bad;
    out.set(bytes.subarray(i), i + 1);
    return { body: out, contentType: 'application/json' };
  });

const malformedJson = fc.oneof(
  text.map((s) => ({ body: s, contentType: 'application/json' })),
  value.chain((v) => {
    const s = JSON.stringify(v);
    return fc.nat(Math.max(0, s.length - 1)).map((n) => ({ body: s.slice(0, n), contentType: 'application/json' }));
  }),
);

const upload = fc
  .record({
    kind: fc.oneof(fc.constantFrom('prd', 'context'), text),
    name: fc.oneof(fc.constantFrom('a.md', 'a.docx', 'a.txt', 'a.markdown', 'a.exe', ''), text),
    bytes: fc.uint8Array({ maxLength: 400 }),
    withFile: fc.boolean(),
  })
  .map(({ kind, name, bytes, withFile }) => {
    const form = new FormData();
    form.append('kind', kind);
    if (withFile) form.append('file', new File([bytes], name || 'unnamed'));
    return { body: form };
  });

function attempts(route: RouteDef, valid: unknown): fc.Arbitrary<Attempt> {
  const common = [mutated(valid), value.map(json), malformedJson, invalidUtf8];
  return route.bodyKind === 'multipart' ? fc.oneof(upload, upload, ...common) : fc.oneof(...common);
}

const target = (key: string, route: RouteDef, caller: Caller): Promise<CaseRequest> => aim(f, key, route, caller);
const expectCleanRejection = async (res: Response, before: StoredDigest) => void (await clean(res, before, digest));

const mutating = routeTable.filter((r) => r.method !== 'get').map((route) => ({ key: routeKey(route), route }));

describe.each(mutating)('$key', ({ key, route }) => {
  const freshCaller = needsFreshCaller(key);

  it(`answers ${RUNS} random bodies with < 500, problem+json errors and nothing stored changed`, async () => {
    let caller = freshCaller ? await f.newCaller({ isAdmin: true }) : admin;
    let req = await target(key, route, caller);
    await fc.assert(
      fc.asyncProperty(attempts(route, req.body), async (a) => {
        if (key === 'POST /auth/login') clock.beforeLogin();
        const before = await digest();
        const res = await send(caller, route, req, a);
        await expectCleanRejection(res, before);
        // A random body that happened to be valid may have ended this caller's session: start over.
        if (freshCaller && res.status < 400) {
          caller = await f.newCaller({ isAdmin: true });
          req = await target(key, route, caller);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects an oversized body with 413 and stores nothing', async () => {
    const caller = freshCaller ? await f.newCaller({ isAdmin: true }) : admin;
    const req = await target(key, route, caller);
    const before = await digest();
    // Over the route's own raw-body limit when it has one (a chat export), else over the 2 MB JSON limit.
    const big = JSON.stringify({ filler: 'x'.repeat((route.rawBodyLimit ?? 2 * 1024 * 1024) + 1024 * 1024) });
    const res = await send(caller, route, req, { body: big, contentType: 'application/json' });
    expect(res.status).toBe(413);
    await expectCleanRejection(res, before);
  });

  if (!route.body || route.bodyKind === 'multipart') return;
  it('rejects a non-JSON content type with 415', async () => {
    const caller = freshCaller ? await f.newCaller({ isAdmin: true }) : admin;
    const req = await target(key, route, caller);
    const before = await digest();
    const res = await send(caller, route, req, { body: JSON.stringify(req.body ?? {}), contentType: 'text/plain' });
    expect(res.status).toBe(415);
    await expectCleanRejection(res, before);
  });
});
