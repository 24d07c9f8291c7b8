// Builds the Hono app from the modules. No listening here, so tests call app.request() in-process.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { API_DOCS_ASSETS, mountApiDocs } from './http/api-docs.ts';
import { bodyLimits } from './http/body-limit.ts';
import type { AppEnv } from './http/env.ts';
import { AppError, asHttpError } from './http/errors.ts';
import { buildOpenApi } from './http/openapi.ts';
import { problemResponse } from './http/problem.ts';
import { mountRoutes, type RouteDef } from './http/route.ts';
import { securityHeaders } from './http/security-headers.ts';
import { actorFromSession, SESSION_COOKIE } from './modules/auth/sessions/service.ts';
import { actorFromToken } from './modules/auth/tokens/service.ts';
import { routeTable } from './routes.ts';
import type { Actor } from './use-case/actor.ts';
import type { Deps } from './use-case/deps.ts';

export const API_PREFIX = '/api/v1';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type AppState = { draining: boolean };

export function buildApp(deps: Deps, state: AppState = { draining: false }, routes: RouteDef[] = routeTable) {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    c.set('requestId', incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID());
    await next();
    c.header('x-request-id', c.get('requestId'));
  });
  app.use(
    '*',
    securityHeaders({
      trustProxy: deps.config.trustProxy,
      apiPaths: ['/api', '/healthz', '/readyz'],
      cacheablePrefixes: [API_DOCS_ASSETS],
    }),
  );

  app.onError((err, c) => {
    const requestId = (c.get('requestId') as string | undefined) ?? randomUUID();
    const answer = asHttpError(err);
    if (answer) return problemResponse(c, answer, requestId);
    deps.log.error({ err, requestId, path: c.req.path }, 'unhandled error');
    return problemResponse(
      c,
      new AppError(500, 'internal', 'unexpected server error; quote the request id'),
      requestId,
    );
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (state.draining) return c.json({ status: 'draining' }, 503);
    try {
      await deps.handle.raw('select 1');
      // readCache: 'bypassed' while the change listener is down (every read goes to the database; ADR 0004).
      const readCache = !deps.config.readCache ? 'off' : deps.handle.changes.live ? 'live' : 'bypassed';
      return c.json({ status: 'ready', database: deps.handle.kind, readCache });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });

  // Read-your-writes: after a write request, no cached read from before it is served, even before the database's
  // change notification has reached this process (PostgreSQL delivers it asynchronously; ADR 0004). PGlite's
  // notification is handled at COMMIT, before the response, and names what changed: no blanket bump needed.
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    if (READS.has(c.req.method) || deps.handle.changes.deliversAtCommit) return next();
    try {
      await next();
    } finally {
      deps.handle.changes.bump();
    }
  });

  // Who is calling is decided before any body is read, so the body limit can leave unread what no route will read.
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    const auth = c.req.header('authorization');
    let actor: Actor | null = null;
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      actor = m?.[1] ? await actorFromToken(deps, m[1]) : null;
      if (!actor) throw new AppError(401, 'invalid_token', 'the API token is unknown, expired or revoked');
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) actor = await actorFromSession(deps, cookie);
    }
    c.set('actor', actor);
    await next();
  });
  app.use(`${API_PREFIX}/*`, bodyLimits(routes, API_PREFIX));

  const openapi = buildOpenApi(routes, API_PREFIX);
  app.get(`${API_PREFIX}/openapi.json`, (c) => c.json(openapi));
  mountApiDocs(app, `${API_PREFIX}/openapi.json`);
  mountRoutes(app, API_PREFIX, routes, deps);
  app.all(`${API_PREFIX}/*`, (c) =>
    problemResponse(
      c,
      new AppError(404, 'no_such_route', `no API route ${c.req.method} ${c.req.path}`),
      c.get('requestId'),
    ),
  );

  mountWeb(app, deps.config.webDist);
  return app;
}

/** Serves the built SPA; every non-API path falls back to index.html so deep links work. */
function mountWeb(app: Hono<AppEnv>, dist: string) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', (c) => c.text('PI Studio API is running; the web UI is not built (run `npm run build:web`).'));
    return;
  }
  const html = fs.readFileSync(index, 'utf8');
  app.use('/assets/*', serveStatic({ root: path.relative(process.cwd(), dist) || '.' }));
  app.get('*', (c) => c.html(html));
}
