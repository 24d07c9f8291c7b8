// The API reference at /api/docs, served from the swagger-ui-dist package so it works with no internet (issue #10,
// ADR 0011). The page loads three files from this server: Swagger UI's stylesheet and script and our initialiser.
// Their path holds a hash of their contents, so browsers may keep them for a year: a new version is a new path.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';
import { notFound } from '../use-case/errors.ts';
import type { AppEnv } from './env.ts';
import { API_DOCS_CSP } from './security-headers.ts';

export const API_DOCS_PATH = '/api/docs';
/** Answers under this prefix may set their own caching (security-headers.ts makes the rest of /api no-store). */
export const API_DOCS_ASSETS = `${API_DOCS_PATH}/assets/`;

const SWAGGER_UI_DIST = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const JS = 'text/javascript; charset=utf-8';
const FILES: Record<string, { file: string; type: string }> = {
  'swagger-ui.css': { file: path.join(SWAGGER_UI_DIST, 'swagger-ui.css'), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { file: path.join(SWAGGER_UI_DIST, 'swagger-ui-bundle.js'), type: JS },
  'init.js': { file: path.join(import.meta.dirname, 'api-docs.init.js'), type: JS },
};

type Assets = { version: string; bodies: Map<string, Uint8Array<ArrayBuffer>> };
let loaded: Assets | undefined;

/** Read once per process, on the first request that needs them (about 2 MB), not when an app is built. */
function assets(): Assets {
  if (loaded) return loaded;
  const hash = createHash('sha256');
  const bodies: Assets['bodies'] = new Map();
  for (const [name, { file }] of Object.entries(FILES)) {
    const body = new Uint8Array(fs.readFileSync(file));
    bodies.set(name, body);
    hash.update(name).update(body);
  }
  loaded = { version: hash.digest('hex').slice(0, 16), bodies };
  return loaded;
}

const page = (openApiUrl: string, base: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>PI Studio API</title>
<link rel="stylesheet" href="${base}swagger-ui.css" />
</head>
<body>
<div id="swagger-ui" data-url="${openApiUrl}"></div>
<script src="${base}swagger-ui-bundle.js" defer></script>
<script src="${base}init.js" defer></script>
</body>
</html>
`;

export function mountApiDocs(app: Hono<AppEnv>, openApiUrl: string) {
  app.get(API_DOCS_PATH, (c) => {
    c.header('content-security-policy', API_DOCS_CSP);
    return c.html(page(openApiUrl, `${API_DOCS_ASSETS}${assets().version}/`));
  });
  app.get(`${API_DOCS_ASSETS}:version/:name`, (c) => {
    const { version, name } = c.req.param();
    const { version: current, bodies } = assets();
    const body = bodies.get(name);
    const type = FILES[name]?.type;
    if (version !== current || !body || !type) throw notFound(`API reference file ${c.req.path}`);
    return c.body(body, 200, {
      'content-type': type,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  app.all(`${API_DOCS_ASSETS}*`, (c) => {
    throw notFound(`API reference file ${c.req.path}`);
  });
}
