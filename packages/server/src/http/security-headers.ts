// Security headers on every response (issue #9, defect 9; OWASP ASVS 5.0 V3 web frontend security). One middleware,
// so a new route cannot forget them. The SPA's index.html has no inline script, so scripts are 'self' only; styles
// need 'unsafe-inline' because Mantine and CodeMirror write style attributes and <style> elements at run time.
import type { MiddlewareHandler } from 'hono';
import { servedOverTls } from './client.ts';
import type { AppEnv } from './env.ts';

const SHARED = ["base-uri 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'"];

export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  ...SHARED,
].join('; ');

/**
 * The API reference page (/api/docs, api-docs.ts): Swagger UI's script, stylesheet and initialiser come from this
 * server, so no CDN, no inline script and no inline style (React sets styles through the DOM, which CSP allows).
 */
export const API_DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  ...SHARED,
].join('; ');

const ONE_YEAR = 365 * 24 * 3600;

export function securityHeaders(opts: {
  trustProxy: boolean;
  apiPaths: string[];
  /** Prefixes under `apiPaths` whose answers may set their own caching (the API reference's versioned files). */
  cacheablePrefixes?: string[];
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    // A route with a page of its own (the API reference) sets its policy; everything else gets the app's.
    if (!h.has('content-security-policy')) h.set('content-security-policy', APP_CSP);
    h.set('x-content-type-options', 'nosniff');
    h.set('x-frame-options', 'DENY');
    h.set('referrer-policy', 'no-referrer');
    h.set('cross-origin-opener-policy', 'same-origin');
    h.set('cross-origin-resource-policy', 'same-origin');
    // Only over TLS: HSTS received over plain HTTP is ignored by browsers, and on a plain-HTTP install it would
    // only mislead whoever reads the headers.
    if (servedOverTls(c, opts)) h.set('strict-transport-security', `max-age=${ONE_YEAR}`);
    // API answers are per user and often confidential: no browser or proxy cache keeps them.
    // Under `cacheablePrefixes` a route may set its own Cache-Control (an error there is no-store as well).
    const path = c.req.path;
    const isApi = opts.apiPaths.some((p) => path === p || path.startsWith(`${p}/`));
    const ownCaching = h.has('cache-control') && opts.cacheablePrefixes?.some((p) => path.startsWith(p));
    if (isApi && !ownCaching) {
      h.set('cache-control', 'no-store');
    }
  };
}
