// Security headers on every response (issue #9, defect 9; OWASP ASVS 5.0 V3 web frontend security). One middleware,
// so a new route cannot forget them. The SPA's index.html has no inline script, so scripts are 'self' only; styles
// need 'unsafe-inline' because Mantine and CodeMirror write style attributes and <style> elements at run time.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './actor.ts';
import { servedOverTls } from './client.ts';

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
 * The API reference page (/api/docs) loads Swagger UI from jsDelivr and starts it with one inline script; that script
 * is allowed by its hash, not by 'unsafe-inline'. Issue #10 serves Swagger UI locally, after which this goes.
 */
export function apiDocsCsp(inlineScriptHashes: string[]): string {
  const cdn = 'https://cdn.jsdelivr.net';
  return [
    "default-src 'none'",
    `script-src ${cdn} ${inlineScriptHashes.map((h) => `'${h}'`).join(' ')}`.trim(),
    `style-src ${cdn} 'unsafe-inline'`,
    `img-src 'self' data: ${cdn}`,
    `font-src ${cdn} data:`,
    "connect-src 'self'",
    ...SHARED,
  ].join('; ');
}

const ONE_YEAR = 365 * 24 * 3600;

export function securityHeaders(opts: { trustProxy: boolean; apiPaths: string[] }): MiddlewareHandler<AppEnv> {
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
    if (opts.apiPaths.some((p) => c.req.path === p || c.req.path.startsWith(`${p}/`))) {
      h.set('cache-control', 'no-store');
    }
  };
}

/** CSP source expressions (`sha256-…`) for the inline <script> elements of a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(
      `sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}`,
    );
  }
  return hashes;
}
