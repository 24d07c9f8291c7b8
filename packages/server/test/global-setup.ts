// Builds one migrated, reference-seeded database per Vitest run; every test file then clones it instead of
// running initdb + migrations again (PGlite: ~4 s fresh vs ~0.4 s from a dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { seedReferenceData } from '../src/bootstrap/reference-data.ts';
import { loadConfig } from '../src/config.ts';
import { type DbHandle, openDb } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createDeps } from '../src/use-case/deps.ts';

/** Where test files find the template; absent when a config runs without this global setup. */
export type TestDbTemplate =
  | { kind: 'pglite'; dumpFile: string }
  | { kind: 'postgres'; serverUrl: string; template: string; databasePrefix: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDbTemplate: TestDbTemplate;
  }
}

async function seed(handle: DbHandle): Promise<void> {
  await migrate(handle);
  const config = loadConfig({ PISTUDIO_DATA_DIR: '/nonexistent', PISTUDIO_LOG_LEVEL: 'silent' });
  await seedReferenceData(createDeps(handle, config, pino({ level: 'silent' })));
}

async function withServer<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function pgliteTemplate(project: TestProject): Promise<() => Promise<void>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pis-test-'));
  const client = await PGlite.create();
  await seed(await openDb({ pglite: client }));
  const dump = await client.dumpDataDir('none');
  await client.close();
  const dumpFile = path.join(dir, 'template.tar');
  await fs.writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDbTemplate', { kind: 'pglite', dumpFile });
  return () => fs.rm(dir, { recursive: true, force: true });
}

async function postgresTemplate(project: TestProject, serverUrl: string): Promise<() => Promise<void>> {
  // One prefix per run, so teardown removes exactly this run's databases, even those a crashed file left behind.
  const run = randomUUID().replace(/-/g, '').slice(0, 10);
  const template = `pis_tmpl_${run}`;
  const databasePrefix = `pis_t_${run}_`;
  await withServer(serverUrl, (c) => c.query(`create database ${template}`));
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const handle = await openDb({ databaseUrl: url.toString() });
  try {
    await seed(handle);
  } finally {
    // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
    await handle.close();
  }
  project.provide('testDbTemplate', { kind: 'postgres', serverUrl, template, databasePrefix });
  return () =>
    withServer(serverUrl, async (c) => {
      const { rows } = await c.query<{ datname: string }>(
        `select datname from pg_database where datname = $1 or datname like $2`,
        [template, `${databasePrefix}%`],
      );
      for (const { datname } of rows) await c.query(`drop database if exists ${datname} with (force)`);
    });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? postgresTemplate(project, serverUrl) : pgliteTemplate(project);
}
