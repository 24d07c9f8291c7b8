// The API contract held to real answers (issue #10): every GET route declares its response schema, and a real
// response of each — aimed at a real record by the authorization fixtures — validates against the schema the
// published OpenAPI document gives for it. Runs on PGlite and on PostgreSQL.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../src/http/route.ts';
import { routeTable } from '../src/routes.ts';
import { type FuzzStudio, openFuzzStudio, routeKey, target } from './fuzz-kit.ts';

// Redirects (single sign-on start and callback) answer no body: they declare `successStatus: 302` instead.
const redirects = (r: RouteDef) => (r.successStatus ?? 200) >= 300 && (r.successStatus ?? 200) < 400;
const gets = routeTable.filter((r) => r.method === 'get' && !redirects(r));
const declared = gets.filter((r) => r.response);

let s: FuzzStudio;
let doc: { paths: Record<string, Record<string, unknown>> };
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

beforeAll(async () => {
  s = await openFuzzStudio();
  const res = await s.admin.client.get('/api/v1/openapi.json');
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
  ajv.addSchema(doc, 'openapi');
});
afterAll(async () => s?.t.close());

/** JSON pointer to the schema the document publishes for a route's success answer. */
function successSchemaRef(route: RouteDef): string {
  const path = `/api/v1${route.path}`.replace(/:([A-Za-z_]+)/g, '{$1}');
  const status = String(route.successStatus ?? 200);
  const pointer = [
    'paths',
    path,
    route.method,
    'responses',
    status,
    'content',
    route.produces ?? 'application/json',
    'schema',
  ]
    .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  return `openapi#/${pointer}`;
}

describe('the API contract', () => {
  it('every GET route declares the schema of its answer', () => {
    expect(gets.filter((r) => !r.response).map(routeKey)).toEqual([]);
  });

  it.each(declared.map((r) => [routeKey(r), r] as const))('%s answers what its schema says', async (key, route) => {
    const req = await target(s.f, key, route, s.admin);
    const res = await s.admin.client.request('GET', req.path, { headers: req.headers });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(route.successStatus ?? 200);
    if (route.produces) {
      // A download (CSV): its media type is the one published, and it has a header row.
      // A media range (image/*) is met by any subtype: a screenshot answers the type it was stored as.
      expect(res.headers.get('content-type')).toContain(route.produces.replace(/\*$/, ''));
      expect(text.length).toBeGreaterThan(0);
      return;
    }
    const validate = ajv.getSchema(successSchemaRef(route)) ?? ajv.compile({ $ref: successSchemaRef(route) });
    const ok = validate(JSON.parse(text));
    expect(validate.errors ?? [], text.slice(0, 300)).toEqual([]);
    expect(ok).toBe(true);
  });
});
