// The API reference (/api/docs) needs nothing but this server (issue #10): every script and stylesheet it loads is
// served here with the right type and kept by browsers, and its policy allows no other origin and no inline script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

/** The value of one directive of a Content-Security-Policy, e.g. "'self'" for script-src. */
const directive = (csp: string, name: string) =>
  csp
    .split(/;\s*/)
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

/** Every URL the page loads: script and stylesheet sources. */
const loadedUrls = (html: string) =>
  [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);

describe('the API reference', () => {
  it('is a page whose scripts and stylesheet all come from this server, with no inline script or style allowed', async () => {
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    const urls = loadedUrls(html);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(/^\/api\/docs\/assets\/[0-9a-f]{16}\/[\w.-]+$/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).toContain('data-url="/api/v1/openapi.json"');

    const csp = res.headers.get('content-security-policy') ?? '';
    expect(directive(csp, 'script-src')).toBe("'self'");
    expect(directive(csp, 'style-src')).toBe("'self'");
    expect(directive(csp, 'default-src')).toBe("'none'");
    expect(directive(csp, 'connect-src')).toBe("'self'");
    expect(csp).not.toContain('http');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves each of those files with its type, cacheable for a year under a path that changes with the content', async () => {
    const html = await (await t.app.request('/api/docs')).text();
    const types: Record<string, string> = {};
    for (const url of loadedUrls(html)) {
      const res = await t.app.request(url ?? '');
      expect(res.status, url).toBe(200);
      expect(res.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect((await res.arrayBuffer()).byteLength, url).toBeGreaterThan(100);
      types[url?.split('/').at(-1) ?? ''] = res.headers.get('content-type') ?? '';
    }
    expect(types).toEqual({
      'swagger-ui.css': 'text/css; charset=utf-8',
      'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
      'init.js': 'text/javascript; charset=utf-8',
    });
  });

  it('answers 404, not cacheable, for an unknown file or a version it does not hold', async () => {
    const html = await (await t.app.request('/api/docs')).text();
    const css = loadedUrls(html).find((u) => u?.endsWith('swagger-ui.css')) ?? '';
    for (const url of [
      css.replace(/[0-9a-f]{16}/, '0000000000000000'),
      css.replace('swagger-ui.css', 'package.json'),
      css.replace('swagger-ui.css', '..%2Fpackage.json'),
      '/api/docs/assets/swagger-ui.css',
    ]) {
      const res = await t.app.request(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type'), url).toContain('application/problem+json');
      expect(res.headers.get('cache-control'), url).toBe('no-store');
    }
  });
});
