// OpenAPI 3.1 assembled from the same Zod schemas the routes validate with (zod 4's JSON Schema output).
import { z } from 'zod';
import type { RouteDef } from './route.ts';

const toSchema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });

const problemRef = { $ref: '#/components/schemas/Problem' };

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

/** What every route of its kind can answer, from how it is declared (access, inputs, body). */
export function commonProblems(r: RouteDef): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  const add = (status: number, ...codes: string[]) => {
    out[status] = [...new Set([...(out[status] ?? []), ...codes])];
  };
  if (r.access !== 'public') {
    add(401, 'unauthenticated');
    add(403, 'forbidden');
    if (MUTATING.has(r.method)) add(403, 'csrf_failed');
  }
  if (typeof r.access === 'object') add(404, 'not_found');
  if (r.params || r.query || r.body) add(422, 'validation_failed');
  if (r.body) {
    add(415, 'unsupported_media_type');
    add(413, 'payload_too_large');
    if (r.bodyKind === 'multipart') add(400, 'malformed_multipart');
    else add(400, 'malformed_json', 'empty_body', 'invalid_utf8');
  }
  return out;
}

/** One response per status a route can answer with a problem, listing its codes. */
function problemResponses(r: RouteDef): Record<string, unknown> {
  const byStatus = commonProblems(r);
  for (const [status, codes] of Object.entries(r.problems ?? {})) {
    const n = Number(status);
    byStatus[n] = [...new Set([...(byStatus[n] ?? []), ...(codes ?? [])])];
  }
  const out: Record<string, unknown> = {};
  for (const [status, codes] of Object.entries(byStatus).sort(([a], [b]) => Number(a) - Number(b))) {
    const schema = { allOf: [problemRef, { properties: { code: { enum: codes } } }] };
    out[status] = { description: codes.join(', '), content: { 'application/problem+json': { schema } } };
  }
  return out;
}

export function buildOpenApi(routes: RouteDef[], prefix: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = `${prefix}${r.path}`.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!schema) continue;
      const js = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, prop] of Object.entries(js.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (js.required ?? []).includes(name),
          schema: prop,
        });
      }
    }
    const success = String(r.successStatus ?? (r.method === 'post' ? 201 : 200));
    const op: Record<string, unknown> = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      operationId: `${r.method}${r.path.replace(/[/:]+(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters,
      'x-access': typeof r.access === 'string' ? r.access : r.access.permission,
      responses: {
        [success]: {
          description: 'OK',
          ...(r.response
            ? { content: { [r.produces ?? 'application/json']: { schema: toSchema(r.response, 'output') } } }
            : {}),
        },
        ...problemResponses(r),
        default: { description: 'Problem', content: { 'application/problem+json': { schema: problemRef } } },
      },
    };
    if (r.body) {
      const type = r.bodyKind === 'multipart' ? 'multipart/form-data' : 'application/json';
      op.requestBody = { required: true, content: { [type]: { schema: toSchema(r.body, 'input') } } };
    }
    if (r.consumes) {
      const types = typeof r.consumes === 'string' ? [r.consumes] : r.consumes;
      // Text bodies are strings; anything else (a .docx, a zip) is a file's bytes.
      const schemaOf = (type: string) =>
        type.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' };
      op.requestBody = { required: true, content: Object.fromEntries(types.map((t) => [t, { schema: schemaOf(t) }])) };
    }
    if (r.access !== 'public') op.security = [{ session: [] }, { bearer: [] }];
    paths[path] = { ...(paths[path] ?? {}), [r.method]: op };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'PI Studio API', version: '1.0.0', description: 'The studio’s single source of truth, over HTTP.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'pis_session' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'detail', 'requestId'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            requestId: { type: 'string' },
            invalid_params: {
              type: 'array',
              items: { type: 'object', properties: { name: { type: 'string' }, reason: { type: 'string' } } },
            },
          },
        },
      },
    },
  };
}
