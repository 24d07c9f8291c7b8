// Request-body limits, decided after authentication: a body is only read (and so only limited) when a route will
// read it. An anonymous request to a signed-in route is answered 401 by the route wrapper without touching its body,
// instead of the client seeing a 413 or a reset socket while it is still uploading.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Actor } from '../use-case/actor.ts';
import type { AppEnv } from './env.ts';
import { AppError } from './errors.ts';
import { isMultipartFormData } from './media-type.ts';
import type { RouteDef } from './route.ts';

const JSON_LIMIT = 2 * 1024 * 1024;
const UPLOAD_LIMIT = 12 * 1024 * 1024;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** CSV uploads (a tracker's export) take the upload limit; the route holds them to its own size. */
const isCsv = (type: string | undefined) => /^text\/csv\s*(;|$)/i.test(type?.trim() ?? '');

/** `METHOD /api/v1/a/:b` → a matcher for the concrete path (params match one segment). */
function routeMatcher(method: string, path: string): (m: string, p: string) => boolean {
  const pattern = new RegExp(
    `^${path
      .split('/')
      .map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}/?$`,
  );
  const upper = method.toUpperCase();
  return (m, p) => m === upper && pattern.test(p);
}

export function bodyLimits(routes: RouteDef[], prefix: string): MiddlewareHandler<AppEnv> {
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError(413, 'payload_too_large', `the request body exceeds ${maxSize / 1024 / 1024} MB`, [], {
          // The client may still be sending: tell it not to reuse this connection for the next request.
          Connection: 'close',
        });
      },
    });
  const uploadLimit = limitTo(UPLOAD_LIMIT);
  const jsonLimit = limitTo(JSON_LIMIT);
  const publicRoutes = routes.filter((r) => r.access === 'public').map((r) => routeMatcher(r.method, prefix + r.path));
  // Routes that read a raw file body (a chat export) with their own limit, one limiter each, built once.
  const rawRoutes = routes
    .filter((r) => r.rawBodyLimit !== undefined)
    .map((r) => ({ matches: routeMatcher(r.method, prefix + r.path), limit: limitTo(r.rawBodyLimit as number) }));
  return async (c, next) => {
    if (READS.has(c.req.method)) return next();
    const actor = c.get('actor') as Actor | null;
    if (!actor && !publicRoutes.some((matches) => matches(c.req.method, c.req.path))) {
      // Nobody will read this body (401 or 404 follows); the connection closes so its remainder is not parsed as
      // the next request.
      await next();
      c.res.headers.set('Connection', 'close');
      return;
    }
    const raw = rawRoutes.find((r) => r.matches(c.req.method, c.req.path));
    if (raw) return raw.limit(c, next);
    const type = c.req.header('content-type');
    return (isMultipartFormData(type) || isCsv(type) ? uploadLimit : jsonLimit)(c, next);
  };
}
