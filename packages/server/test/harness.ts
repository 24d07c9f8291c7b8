// A real migrated database per test file (PGlite by default, PostgreSQL when TEST_DATABASE_URL is set)
// and the real app, called in-process through app.request().
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Role } from '@pi-studio/core/access/roles';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { seedReferenceData } from '../src/bootstrap/reference-data.ts';
import { loadConfig } from '../src/config.ts';
import { type DbHandle, openDb } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { users } from '../src/db/schema/accounts.ts';
import { memberships, subsidiaries } from '../src/db/schema/workspace.ts';
import { hashPassword } from '../src/modules/auth/crypto.ts';
import { createDeps } from '../src/use-case/deps.ts';
import type { TestDbTemplate } from './global-setup.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;

type OpenedDb = { handle: DbHandle; drop: () => Promise<void> };

/** The run's template from global-setup.ts, or undefined when this file runs under a config without it. */
function template(): TestDbTemplate | undefined {
  try {
    return inject('testDbTemplate');
  } catch {
    return undefined;
  }
}

export async function createDatabase(serverUrl: string, name: string, from?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(from ? `create database ${name} template ${from}` : `create database ${name}`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${name}`;
  return dbUrl.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    // pool.end() resolves before the server has seen every socket close; forcing the drop earlier would kill
    // those backends and their clients would throw "terminating connection" into the next test file.
    for (let i = 0; i < 50; i++) {
      const { rows } = await c.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (!rows[0]?.n) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}

async function openTestDb(): Promise<OpenedDb> {
  const tmpl = template();
  if (tmpl?.kind === 'pglite') {
    // An in-memory copy of the migrated template: a fraction of initdb + migrations (docs/testing.md).
    const dump = await fs.readFile(tmpl.dumpFile);
    const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
    return { handle: await openDb({ pglite: client }), drop: async () => {} };
  }
  if (tmpl?.kind === 'postgres') {
    const name = `${tmpl.databasePrefix}${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const handle = await openDb({ databaseUrl: await createDatabase(tmpl.serverUrl, name, tmpl.template) });
    return { handle, drop: () => dropDatabase(tmpl.serverUrl, name) };
  }
  // No global setup: migrate from scratch (slow, but any Vitest config can use the harness).
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const handle = await openDb({});
    await migrate(handle);
    return { handle, drop: async () => {} };
  }
  const name = `pis_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const handle = await openDb({ databaseUrl: await createDatabase(url, name) });
  await migrate(handle);
  return { handle, drop: () => dropDatabase(url, name) };
}

export type TestUser = { id: string; email: string; password: string };

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

export async function createTestContext(opts: { now?: () => Date } = {}) {
  const { handle, drop } = await openTestDb();
  const config = {
    ...loadConfig({ PISTUDIO_DATA_DIR: '/nonexistent', PISTUDIO_LOG_LEVEL: 'silent' }),
    sessionIdleMs: 3_600_000,
  };
  const deps = createDeps(handle, config, pino({ level: 'silent' }), opts.now);
  await seedReferenceData(deps);
  const app = buildApp(deps);

  async function subsidiary(code: string, name = `${code} subsidiary`): Promise<string> {
    const [existing] = await deps.db.select().from(subsidiaries);
    const found = existing && existing.code === code ? existing : undefined;
    if (found) return found.id;
    const [row] = await deps.db.insert(subsidiaries).values({ code, name }).onConflictDoNothing().returning();
    if (row) return row.id;
    const all = await deps.db.select().from(subsidiaries);
    const match = all.find((s) => s.code === code);
    if (!match) throw new Error(`subsidiary ${code} missing`);
    return match.id;
  }

  async function user(
    opts: { isAdmin?: boolean; roles?: Record<string, Role>; email?: string } = {},
  ): Promise<TestUser> {
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const email = opts.email ?? `u-${randomUUID().slice(0, 8)}@test.local`;
    const [row] = await deps.db
      .insert(users)
      .values({
        email,
        name: email.split('@')[0] ?? email,
        passwordHash: await passwordHash,
        isAdmin: opts.isAdmin ?? false,
      })
      .returning();
    if (!row) throw new Error('user insert failed');
    for (const [code, role] of Object.entries(opts.roles ?? {})) {
      await deps.db.insert(memberships).values({ userId: row.id, subsidiaryId: await subsidiary(code), role });
    }
    return { id: row.id, email, password: TEST_PASSWORD };
  }

  return {
    deps,
    app,
    subsidiary,
    user,
    client: (u?: TestUser) => new TestClient(app, u),
    close: async () => {
      await deps.jobs.close();
      await handle.close();
      await drop();
    },
  };
}

type App = ReturnType<typeof buildApp>;
type Init = { body?: unknown; headers?: Record<string, string>; rawBody?: RequestInit['body'] };

/** Talks to the app like a browser would: session cookie plus the CSRF header on changes. */
export class TestClient {
  private cookie = '';
  private csrf = '';
  constructor(
    private readonly app: App,
    private readonly as?: TestUser,
  ) {}

  async login(): Promise<this> {
    if (!this.as) return this;
    const res = await this.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: this.as.email, password: this.as.password }),
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  async request(method: string, path: string, init: Init = {}): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] ??= this.csrf;
    let body: RequestInit['body'] = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    return this.app.request(path, { method, headers, body });
  }

  get = (path: string, init?: Init) => this.request('GET', path, init);
  post = (path: string, body?: unknown, init?: Init) => this.request('POST', path, { ...init, body });
  patch = (path: string, body?: unknown, init?: Init) => this.request('PATCH', path, { ...init, body });
  put = (path: string, body?: unknown, init?: Init) => this.request('PUT', path, { ...init, body });
  delete = (path: string, init?: Init) => this.request('DELETE', path, init);
}
