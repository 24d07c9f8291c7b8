// The one route wrapper: parsing, auth, CSRF, token scopes, policy bookkeeping and error mapping live here,
// so a route file only declares what it needs and calls one service function.
import type { Permission } from '@pi-studio/core/access/roles';
import type { RouteTokenScope } from '@pi-studio/core/access/token-scopes';
import { hostileTextReason } from '@pi-studio/core/contract/text';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { Actor } from '../use-case/actor.ts';
import { actorContext, type UseCaseCtx } from '../use-case/context.ts';
import type { Deps } from '../use-case/deps.ts';
import { badRequest, forbidden, unauthenticated, validationFailed } from '../use-case/errors.ts';
import type { AppEnv } from './env.ts';
import { AppError } from './errors.ts';
import { findHostileText } from './hostile-text.ts';
import { isJsonMediaType, isMultipartFormData } from './media-type.ts';

export type Access = 'public' | 'authenticated' | 'admin' | { permission: Permission };
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type AnyZod = z.ZodType;

export type RouteInput<P extends AnyZod, Q extends AnyZod, B extends AnyZod> = {
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
};

export type HandlerResult =
  | Response
  | {
      status?: number;
      body?: unknown;
      /** A body already serialised as JSON (hot reads built by the database); wins over `body`. */
      json?: string;
      headers?: Record<string, string>;
      cookies?: string[];
    };

/** What a route handler gets: the use-case context its service takes, plus the request itself (routes only). */
export type RequestCtx = UseCaseCtx & {
  hono: Context<AppEnv>;
  /** A request header, refused (422 naming it) when it holds text the database cannot store. */
  header(name: string): string | undefined;
};

export type RouteDef<P extends AnyZod = AnyZod, Q extends AnyZod = AnyZod, B extends AnyZod = AnyZod> = {
  method: Method;
  /** Hono-style path below /api/v1, e.g. `/products/:code`. */
  path: string;
  summary: string;
  /** Longer OpenAPI text: rules a client must know beyond the schema (who may ask for what). */
  description?: string;
  tag: string;
  access: Access;
  /**
   * A token scope that opens this route besides read (to read) or write (to change): a token carrying only it may
   * call the routes declaring it and nothing else (`builder`: the builder API). The user's roles still decide.
   */
  tokenScope?: RouteTokenScope;
  params?: P;
  query?: Q;
  body?: B;
  /** `multipart` routes receive the parsed form as body (file uploads). */
  bodyKind?: 'json' | 'multipart';
  /**
   * The success body's schema (from `@pi-studio/core/contract/*`). The OpenAPI document publishes it, the contract
   * test holds real answers to it, and the web and the CLI take their types from the same schema.
   */
  response?: AnyZod;
  /**
   * The success body's media type when it is not JSON (a CSV download, a report, a file: the handler returns a
   * `Response`).
   */
  produces?:
    | 'text/csv'
    | 'text/markdown'
    | 'application/octet-stream'
    | 'image/*'
    | 'application/pdf'
    | 'application/zip'
    | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  /**
   * A raw request body the handler reads itself (a CSV upload, a pack file), published as such: one media type, or
   * the list the handler takes.
   */
  consumes?: 'text/csv' | readonly string[];
  /**
   * A raw file body of any media type the handler checks itself (a chat export), read up to this many bytes instead
   * of the JSON limit; the handler holds it to its own limit and type list.
   */
  rawBodyLimit?: number;
  /**
   * Problem codes this route answers beyond those every route of its kind can (see `commonProblems` in openapi.ts),
   * by status: `{ 409: ['stale_version'], 428: ['precondition_required'] }`.
   */
  problems?: Partial<Record<number, readonly string[]>>;
  successStatus?: number;
  handler: (ctx: RequestCtx, input: RouteInput<P, Q, B>) => Promise<HandlerResult>;
};

export function defineRoute<P extends AnyZod, Q extends AnyZod, B extends AnyZod>(
  def: RouteDef<P, Q, B>,
): RouteDef<AnyZod, AnyZod, AnyZod> {
  return def as unknown as RouteDef<AnyZod, AnyZod, AnyZod>;
}

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

// Body fields are named bare (`email`); path and query fields keep their prefix (`query.limit`).
const fieldName = (name: string) => name.replace(/^body\./, '');

function zodIssues(error: z.ZodError, where: string) {
  return error.issues.map((i) => {
    const base = i.path.length ? `${where}.${i.path.join('.')}` : where;
    if (i.code === 'unrecognized_keys') {
      return { name: fieldName(`${base}.${i.keys[0]}`), reason: 'unknown field' };
    }
    return { name: fieldName(base), reason: i.message };
  });
}

/**
 * Validates one part of the request. Text the database cannot store (NUL, unpaired surrogates: hostile-text.ts) is
 * refused here for every route, whether or not its schema looks at the field (`scanned` may hold more than the schema
 * sees, e.g. every value of a repeated query parameter); the schema's own complaints about other fields come in the
 * same 422, so a client learns everything wrong at once.
 */
function parseWith<T extends AnyZod>(
  schema: T | undefined,
  value: unknown,
  where: string,
  scanned: unknown = value,
): z.infer<T> {
  const issues = findHostileText(scanned, where).map((i) => ({ ...i, name: fieldName(i.name) }));
  const r = schema?.safeParse(value);
  if (r && !r.success) {
    const named = new Set(issues.map((i) => i.name));
    issues.push(...zodIssues(r.error, where).filter((i) => !named.has(i.name)));
  }
  if (issues.length) throw validationFailed(issues);
  return r?.data as z.infer<T>;
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  if (!isJsonMediaType(c.req.header('content-type'))) {
    throw new AppError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw badRequest('invalid_utf8', 'the request body is not valid UTF-8');
  }
  if (text.trim() === '') throw badRequest('empty_body', 'the request body is empty; send a JSON object');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest('malformed_json', `the request body is not valid JSON: ${(err as Error).message}`);
  }
}

async function readMultipart(c: Context<AppEnv>): Promise<unknown> {
  if (!isMultipartFormData(c.req.header('content-type'))) {
    throw new AppError(415, 'unsupported_media_type', 'send the file as multipart/form-data');
  }
  try {
    return await c.req.parseBody();
  } catch {
    throw badRequest('malformed_multipart', 'the multipart body could not be read');
  }
}

function scopeAllows(actor: Actor, def: Pick<RouteDef, 'method' | 'access' | 'tokenScope'>): boolean {
  if (actor.via !== 'token') return true;
  if (def.access === 'admin') return actor.scopes.includes('admin');
  if (def.tokenScope && actor.scopes.includes(def.tokenScope)) return true;
  return MUTATING.has(def.method) ? actor.scopes.includes('write') : actor.scopes.includes('read');
}

function makeCtx(c: Context<AppEnv>, deps: Deps, actor: Actor | null, state: { decided: boolean }): RequestCtx {
  const requestId = c.get('requestId') as string;
  return {
    ...actorContext(deps, actor, requestId, () => {
      state.decided = true;
    }),
    hono: c,
    header: (name) => {
      // Headers a route reads may reach the database (If-Match); Node refuses NUL on the wire, app.request may not.
      const value = c.req.header(name);
      const reason = value === undefined ? undefined : hostileTextReason(value);
      if (reason) throw validationFailed([{ name, reason }]);
      return value;
    },
  };
}

function toResponse(c: Context<AppEnv>, result: HandlerResult, successStatus: number): Response {
  if (result instanceof Response) return result;
  const headers = new Headers(result.headers);
  headers.set('x-request-id', c.get('requestId') as string);
  for (const cookie of result.cookies ?? []) headers.append('set-cookie', cookie);
  const status = result.status ?? successStatus;
  if ((result.body === undefined && result.json === undefined) || status === 204) {
    return new Response(null, { status: 204, headers });
  }
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(result.json ?? JSON.stringify(result.body), { status, headers });
}

export function mountRoutes(app: Hono<AppEnv>, prefix: string, routes: RouteDef[], deps: Deps): void {
  for (const def of routes) {
    app.on(def.method.toUpperCase(), `${prefix}${def.path}`, async (c) => {
      const actor = (c.get('actor') as Actor | null) ?? null;
      if (def.access !== 'public') {
        if (!actor) throw unauthenticated();
        if (!scopeAllows(actor, def)) throw forbidden('this API token lacks the scope for this call');
        // Cookie sessions must prove the request came from our own pages (double-submit token).
        if (actor.via === 'session' && MUTATING.has(def.method) && c.req.header('x-csrf-token') !== actor.csrfToken) {
          throw new AppError(
            403,
            'csrf_failed',
            'missing or wrong X-CSRF-Token header for a cookie-authenticated change',
          );
        }
        if (def.access === 'admin' && !actor.isAdmin) throw forbidden('administrators only');
      }
      const params = parseWith(def.params, c.req.param(), 'path');
      // Every value of a repeated parameter is scanned, not only the first one the schema sees.
      const queries = Object.entries(c.req.queries()).map(([k, values]) => [k, values.join('\n')]);
      const query = parseWith(def.query, c.req.query(), 'query', Object.fromEntries(queries));
      let body: unknown;
      if (def.body) {
        const raw = def.bodyKind === 'multipart' ? await readMultipart(c) : await readJson(c);
        body = parseWith(def.body, raw, 'body');
      }
      const state = { decided: false };
      const ctx = makeCtx(c, deps, actor, state);
      const result = await def.handler(ctx, { params, query, body });
      if (typeof def.access === 'object' && !state.decided) {
        // A guard for developers: a subsidiary-scoped route must decide access from the stored record.
        throw new Error(`route ${def.method.toUpperCase()} ${def.path} returned without a policy decision`);
      }
      return toResponse(c, result, def.successStatus ?? (def.method === 'post' ? 201 : 200));
    });
  }
}
