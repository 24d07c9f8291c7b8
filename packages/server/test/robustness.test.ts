// Robustness over EVERY operation of the OpenAPI document (issue #9, "Prove it"): hostile values — NUL, unpaired
// surrogates, huge and odd numbers, 1 MB strings, wrong types, RTL / emoji / combining marks — in path parameters,
// query parameters and body fields. The answer is never a 5xx, every error is problem+json, a rejected change leaves
// every stored row as it was, and text the database cannot store is refused with 422 wherever it is put.

import { hostileTextReason } from '@pi-studio/core/contract/text';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../src/app.ts';
import { buildOpenApi } from '../src/http/openapi.ts';
import type { RouteDef } from '../src/http/route.ts';
import { routeTable } from '../src/routes.ts';
import type { Caller } from './authz/fixtures.ts';
import type { CaseRequest } from './authz/route-case.ts';
import {
  type Attempt,
  expectCleanRejection,
  type FuzzStudio,
  needsFreshCaller,
  openFuzzStudio,
  routeKey,
  send,
  target,
} from './fuzz-kit.ts';
// Imported here (not only through fuzz-kit.ts) so scripts/test.mjs counts this file in the PostgreSQL leg too.
import type { TestContext } from './harness.ts';

const RUNS = 8;
let s: FuzzStudio;
let t: TestContext | undefined;

beforeAll(async () => {
  s = await openFuzzStudio();
  t = s.t;
});
afterAll(async () => t?.close());

type Where = 'path' | 'query' | 'body';
type Operation = { key: string; route: RouteDef; params: Record<Where, string[]> };

type OpenApiOperation = {
  parameters?: { name: string; in: 'path' | 'query' }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
};

/** The operations as the OpenAPI document publishes them, each tied to its route for aiming at real records. */
function operations(): Operation[] {
  const doc = buildOpenApi(routeTable, API_PREFIX) as { paths: Record<string, Record<string, OpenApiOperation>> };
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const routePath = path.slice(API_PREFIX.length).replace(/\{(\w+)\}/g, ':$1');
      const route = routeTable.find((r) => r.method === method && r.path === routePath);
      if (!route) throw new Error(`OpenAPI operation ${method} ${path} has no route`);
      const names = (where: 'path' | 'query') => (op.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);
      const body = Object.values(op.requestBody?.content ?? {})[0]?.schema.properties ?? {};
      out.push({
        key: routeKey(route),
        route,
        params: { path: names('path'), query: names('query'), body: Object.keys(body) },
      });
    }
  }
  return out;
}

const MB = 'x'.repeat(1024 * 1024);

/** Text no database column can hold: the boundary must refuse it with 422 wherever it appears. */
const unstorable = ['\u0000', 'a\u0000b', '\uD800', 'tail \uDFFF', '\uDBFF\uDBFF pair of highs', '🚀\uD83D'];

const odd = [
  '1e308',
  '-1e308',
  '9223372036854775808',
  '-9223372036854775809',
  '99999999999999999999999999',
  '-0',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '0x10',
  '1.5',
  '',
  ' ',
  '\u202Eevil\u202C',
  'שלום عالم',
  '🚀👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301',
  'zero\u200Bwidth',
  '𝕏'.repeat(300),
  '%00',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  'EMX',
];

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...unstorable) },
  { weight: 6, arbitrary: fc.constantFrom(...odd) },
  { weight: 1, arbitrary: fc.constant(MB) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** A JSON token written into the body as is: numbers JSON.stringify cannot produce, and wrong types. */
const RAW = '\u0001raw:';
const rawToken = fc.constantFrom(
  '9223372036854775808',
  '-9223372036854775809',
  '1e308',
  '1e400',
  '-0',
  '123456789012345678901234567890',
  '0.1',
  'true',
  'null',
  '[]',
  '{}',
  '[null]',
  '{"a":{"b":{"c":[1,"\\u0000"]}}}',
);
const bodyValue = fc.oneof(
  hostileText,
  rawToken.map((t) => `${RAW}${t}`),
);

type Injection = { where: Where; name: string; value: string };

function injections(op: Operation): fc.Arbitrary<Injection> {
  const places: fc.Arbitrary<Injection>[] = [];
  const at = (where: Where, names: string[], values: fc.Arbitrary<string>) =>
    fc.record({ where: fc.constant(where), name: fc.constantFrom(...names), value: values });
  if (op.params.path.length) places.push(at('path', op.params.path, hostileText));
  // A parameter the schema does not know is part of the attack surface too.
  places.push(at('query', [...op.params.query, 'unknown'], hostileText));
  if (op.route.body) places.push(at('body', op.params.body.length ? op.params.body : ['unknown'], bodyValue));
  return fc.oneof(...places);
}

/**
 * Percent-encodes like encodeURIComponent, but an unpaired surrogate becomes the bytes a careless client would send
 * for it (%ED%A0%80, invalid UTF-8) instead of throwing: that is the only way one can reach a URL on the wire.
 */
function wireEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    const pairs = unit >= 0xd800 && unit <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pairs) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(s[i] ?? '');
    }
  }
  return out;
}

/** The valid request with one value replaced by `inj`. */
function inject(route: RouteDef, req: CaseRequest, inj: Injection): { path: string; attempt: Attempt } {
  const [pathname = '', search = ''] = req.path.split('?');
  const query = [...new URLSearchParams(search)].map(([k, v]) => [k, encodeURIComponent(v)]);
  let path = pathname;
  if (inj.where === 'path') {
    const pattern = `${API_PREFIX}${route.path}`.split('/');
    const segments = pathname.split('/');
    segments[pattern.indexOf(`:${inj.name}`)] = wireEncode(inj.value);
    path = segments.join('/');
  }
  if (inj.where === 'query') {
    const at = query.findIndex(([k]) => k === inj.name);
    query.splice(at < 0 ? query.length : at, at < 0 ? 0 : 1, [inj.name, wireEncode(inj.value)]);
  }
  const qs = query.map(([k, v]) => `${k}=${v}`).join('&');
  return { path: qs ? `${path}?${qs}` : path, attempt: bodyOf(route, req, inj) };
}

function bodyOf(route: RouteDef, req: CaseRequest, inj: Injection): Attempt {
  if (route.bodyKind === 'multipart') {
    const form = new FormData();
    const field = inj.where === 'body' ? inj.name : undefined;
    const plain = (v: string) => (v.startsWith(RAW) ? v.slice(RAW.length) : v);
    form.append('kind', field === 'kind' ? plain(inj.value) : 'prd');
    if (field && field !== 'kind' && field !== 'file') form.append(field, plain(inj.value));
    const fileName = field === 'file' ? plain(inj.value) : 'a.md';
    form.append('file', new File(['# Title\n\nBody\n'], fileName || 'unnamed'));
    return { body: form };
  }
  if (!route.body) return {};
  const base = req.body && typeof req.body === 'object' ? { ...(req.body as Record<string, unknown>) } : {};
  if (inj.where === 'body') base[inj.name] = inj.value;
  // Raw tokens go in after serialising, so the server's JSON parser sees them exactly as written.
  const json = JSON.stringify(base).replace(/"\\u0001raw:((?:[^"\\]|\\.)*)"/g, (_m, t: string) => JSON.parse(`"${t}"`));
  return { body: json, contentType: 'application/json' };
}

/**
 * Whether the value reaches the server as text the database cannot store. JSON can carry an unpaired surrogate
 * (`"\ud800"`); a URL can only carry it as invalid UTF-8, which stays percent-encoded (storable) text, and a multipart
 * form turns it into U+FFFD. NUL arrives as NUL everywhere.
 */
const isUnstorable = (route: RouteDef, inj: Injection) =>
  inj.where === 'body' && route.bodyKind !== 'multipart'
    ? !inj.value.startsWith(RAW) && hostileTextReason(inj.value) !== undefined
    : inj.value.includes('\u0000');

async function attempt(op: Operation, caller: Caller, req: CaseRequest, inj: Injection): Promise<Response> {
  const { path, attempt: a } = inject(op.route, req, inj);
  // Every sign-in step counts against the per-client sign-in limit; the test clock moves on now and then.
  if (op.key.startsWith('POST /auth/')) s.clock.beforeLogin();
  const mutating = op.route.method !== 'get';
  const before = mutating ? await s.digest() : undefined;
  const res = await send(caller, op.route, { path, headers: req.headers }, a);
  const text = await expectCleanRejection(res.clone(), before, s.digest);
  if (isUnstorable(op.route, inj)) {
    expect(res.status, `${inj.where}.${inj.name}: ${text.slice(0, 300)}`).toBe(422);
    const named = (JSON.parse(text) as { invalid_params?: { name: string }[] }).invalid_params?.map((p) => p.name);
    expect(
      named?.some((n) => n.split('.')[0] === (inj.where === 'body' ? inj.name : inj.where)),
      text,
    ).toBe(true);
  }
  return res;
}

const ops = operations();

describe('the OpenAPI document', () => {
  it('publishes every route of the route table', () => {
    expect(ops.map((o) => o.key).sort()).toEqual(routeTable.map(routeKey).sort());
  });
});

describe.each(ops.map((op) => ({ ...op, label: op.key })))('$label', (op) => {
  const caller = async (): Promise<{ caller: Caller; req: CaseRequest }> => {
    const c = needsFreshCaller(op.key) ? await s.f.newCaller({ isAdmin: true }) : s.admin;
    return { caller: c, req: await target(s.f, op.key, op.route, c) };
  };

  it('refuses NUL and an unpaired surrogate in every path, query and body field with 422', async () => {
    const places: Injection[] = (['path', 'query', 'body'] as const).flatMap((where) =>
      (where === 'body' && !op.route.body
        ? []
        : [...op.params[where], ...(where === 'query' ? ['unknown'] : [])]
      ).flatMap((name) => ['a\u0000b', 'x\uD800'].map((value) => ({ where, name, value }))),
    );
    let c = await caller();
    for (const inj of places) {
      const res = await attempt(op, c.caller, c.req, inj);
      if (res.status < 400 && needsFreshCaller(op.key)) c = await caller();
    }
  });

  it(`answers ${RUNS} hostile values anywhere with < 500, problem+json errors and nothing stored changed`, async () => {
    let c = await caller();
    await fc.assert(
      fc.asyncProperty(injections(op), async (inj) => {
        const res = await attempt(op, c.caller, c.req, inj);
        // A hostile value that happened to be valid may have ended this caller's session: start over.
        if (res.status < 400 && needsFreshCaller(op.key)) c = await caller();
      }),
      { numRuns: RUNS },
    );
  });
});
