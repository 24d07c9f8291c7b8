import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLayers } from './check-layers.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const script = path.join(import.meta.dirname, 'check-layers.ts');
const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** A small repository with every kind of allowed import and every kind of forbidden one (the `bad` files). */
const allowed: Record<string, string> = {
  'packages/core/package.json': JSON.stringify({ dependencies: { zod: '4.6.7' } }),
  'packages/core/src/ok.ts': lines(
    "import { z } from 'zod';",
    "import { parse } from './markdown/parse.ts';",
    "import type { ZProblem } from '@pi-studio/core/contract/common';",
    "// import { openDb } from '@pi-studio/server/db/client';",
    'const example = "import fs from \'node:fs\'";',
  ),
  'packages/core/src/ok.test.ts': lines("import { readFileSync } from 'node:fs';", "import { it } from 'vitest';"),
  'packages/core/test/corpus/corpus.test.ts': lines("import path from 'node:path';", "import fc from 'fast-check';"),
  'packages/web/src/ok.tsx': lines(
    "import type { SearchHit } from '@pi-studio/core/contract/search';",
    "import { Button } from '@mantine/core';",
  ),
  'packages/web/vite.config.ts': lines("import path from 'node:path';"),
  'packages/server/src/db/ok.ts': lines(
    "import { sql } from 'drizzle-orm';",
    "import { ReadCache } from '../lib/read-cache.ts';",
  ),
  'packages/server/src/http/ok.ts': lines("import type { Db } from '../db/client.ts';", "import { Hono } from 'hono';"),
  'packages/server/src/modules/audit/writer.ts': lines(
    "import type { AuditActor } from '../../use-case/actor.ts';",
    "import { auditEvents } from '../../db/schema/audit.ts';",
    "import { randomUUID } from 'node:crypto';",
  ),
  'packages/server/src/modules/gate/rubrics.routes.ts': lines(
    "import { defineRoute } from '../../http/route.ts';",
    "import type { UseCaseCtx } from '../../use-case/context.ts';",
  ),
  'packages/server/src/modules/gate/module.ts': lines(
    "import { gateRoutes } from './routes.ts';",
    "import type { ModuleManifest } from '../manifest.ts';",
  ),
  'packages/server/src/modules/manifest.ts': lines("import type { RouteDef } from '../http/route.ts';"),
  'packages/server/src/modules/gate/rubrics.service.ts': lines(
    "import type { UseCaseCtx } from '../../use-case/context.ts';",
    "import { notFound } from '../../use-case/errors.ts';",
  ),
  'packages/server/src/modules/gate/rubrics/repo.ts': lines(
    "import { eq } from 'drizzle-orm';",
    "import { gateRubrics } from '../../../db/schema/gate.ts';",
  ),
  'packages/server/src/use-case/context.ts': lines("import type { Deps } from './deps.ts';"),
  'packages/cli/src/ok.ts': lines("import { openDb } from '@pi-studio/server/db/client';"),
  'packages/web/node_modules/pg/index.js': lines("import net from 'node:net';"),
};

const forbidden: Record<string, string> = {
  'packages/core/src/bad.ts': lines(
    "import { readFileSync } from 'node:fs';",
    "import path from 'path';",
    "import { Hono } from 'hono';",
    "import type { Db } from '../../server/src/db/client.ts';",
  ),
  'packages/web/src/bad.ts': lines(
    "import type { Db } from '@pi-studio/server/db/client';",
    "import { eq } from 'drizzle-orm';",
    "import pg from 'pg';",
    "export { PGlite } from '@electric-sql/pglite';",
    "import { search } from '../../server/src/modules/search/service.ts';",
    "import os from 'node:os';",
  ),
  'packages/server/src/db/bad.ts': lines(
    "import { writeAudit } from '../modules/audit/writer.ts';",
    "const repo = await import('../modules/gate/repo.ts');",
  ),
  'packages/server/src/modules/gate/bad.service.ts': lines(
    "import type { RequestCtx } from '../../http/route.ts';",
    "import type { Context } from 'hono';",
  ),
  'packages/server/src/modules/gate/queries.service.ts': lines(
    "import { eq } from 'drizzle-orm';",
    "import { gateReviews } from '../../db/schema/gate.ts';",
  ),
  'packages/server/src/use-case/bad.ts': lines(
    "import { AppError } from '../http/errors.ts';",
    "import type { Actor } from '../modules/auth/service.ts';",
  ),
  'packages/server/src/http/bad.ts': lines(
    "import type { ProductDetailRow } from '../modules/workspace/detail-query.ts';",
    "export { searchAll } from '@pi-studio/server/modules/search/service';",
  ),
};

function writeTree(root: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
}

describe('layering check (scripts/check-layers.ts)', () => {
  let clean: string;
  let broken: string;

  beforeAll(() => {
    clean = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-layers-clean-'));
    writeTree(clean, allowed);
    broken = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-layers-broken-'));
    writeTree(broken, { ...allowed, ...forbidden });
  });

  afterAll(() => {
    fs.rmSync(clean, { recursive: true, force: true });
    fs.rmSync(broken, { recursive: true, force: true });
  });

  it('accepts the imports each layer may make (tests may use Node built-ins; comments and strings are no imports)', () => {
    expect(checkLayers(clean).violations).toEqual([]);
  });

  it('names every import that crosses a forbidden boundary, with its line and rule', () => {
    const found = checkLayers(broken).violations.map((v) => `${v.file}:${v.line} ${v.specifier} ${v.rule}`);
    expect(found).toEqual([
      'packages/core/src/bad.ts:1 node:fs browser-no-node',
      'packages/core/src/bad.ts:2 path browser-no-node',
      'packages/core/src/bad.ts:3 hono core-dependencies',
      'packages/core/src/bad.ts:4 ../../server/src/db/client.ts core-alone',
      'packages/server/src/db/bad.ts:1 ../modules/audit/writer.ts db-no-modules',
      'packages/server/src/db/bad.ts:2 ../modules/gate/repo.ts db-no-modules',
      'packages/server/src/http/bad.ts:1 ../modules/workspace/detail-query.ts http-no-modules',
      'packages/server/src/http/bad.ts:2 @pi-studio/server/modules/search/service http-no-modules',
      'packages/server/src/modules/gate/bad.service.ts:1 ../../http/route.ts services-no-http',
      'packages/server/src/modules/gate/bad.service.ts:2 hono services-no-http',
      'packages/server/src/modules/gate/queries.service.ts:1 drizzle-orm queries-in-repos',
      'packages/server/src/modules/gate/queries.service.ts:2 ../../db/schema/gate.ts queries-in-repos',
      'packages/server/src/use-case/bad.ts:1 ../http/errors.ts use-case-alone',
      'packages/server/src/use-case/bad.ts:2 ../modules/auth/service.ts use-case-alone',
      'packages/web/src/bad.ts:1 @pi-studio/server/db/client web-no-server',
      'packages/web/src/bad.ts:2 drizzle-orm web-no-server',
      'packages/web/src/bad.ts:3 pg web-no-server',
      'packages/web/src/bad.ts:4 @electric-sql/pglite web-no-server',
      'packages/web/src/bad.ts:5 ../../server/src/modules/search/service.ts web-no-server',
      'packages/web/src/bad.ts:6 node:os browser-no-node',
    ]);
  });

  it('fails the npm test leg with one readable line per violation, and passes a clean tree', () => {
    const run = (root: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, root], { cwd: repoRoot, encoding: 'utf8' });
    const failed = run(broken);
    expect(failed.status).toBe(1);
    const reported = failed.stderr.trim().split('\n');
    expect(reported).toHaveLength(21);
    expect(reported[0]).toBe(
      "packages/core/src/bad.ts:1: imports 'node:fs' (browser-no-node): core and web run in the browser: no Node built-ins outside tests",
    );
    expect(reported.at(-1)).toBe('layers: 20 import(s) cross a forbidden boundary (docs/architecture.md)');

    const passed = run(clean);
    expect(passed.status).toBe(0);
    expect(passed.stdout).toMatch(/^layers: ok \(\d+ imports checked\)/);
  }, 60_000);
});
