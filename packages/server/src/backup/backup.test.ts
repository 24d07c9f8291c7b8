// Round trip: demo studio + awkward values → backup → restore into a fresh, empty database → every row identical.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { type DbHandle, openDb } from '../db/client.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { settings } from '../db/schema/workspace.ts';
import { loadDemo } from '../demo/load.ts';
import { type AuditAction, writeAudit } from '../modules/audit/writer.ts';
import { dumpDatabase } from './dump.ts';
import { BackupFormatError, RestoreRefusedError } from './format.ts';
import { latestMigrationTag } from './migrations.ts';
import { restoreDatabase } from './restore.ts';
import { backupTables, quoteIdent } from './tables.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pis-backup-'));
const serverUrl = process.env.TEST_DATABASE_URL;

// One brand-new PGlite per file (initdb is the slow part): the rejection test leaves it empty, the round trip fills it.
let freshPglite: Promise<DbHandle> | undefined;

/** An empty database: the shared fresh PGlite, or a new database on the test PostgreSQL server. */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (kind === 'pglite' || !serverUrl) {
    freshPglite ??= openDb({});
    return { handle: await freshPglite, drop: async () => {} };
  }
  const name = `pis_restore_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ databaseUrl: url.toString() });
  return {
    handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Every row of every table as Postgres renders it, sorted: equal arrays mean nothing was lost or changed. */
async function snapshot(handle: DbHandle): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local timezone = 'UTC'`));
    for (const t of backupTables()) {
      const res = (await tx.execute(
        sql.raw(`select row_to_json(x)::text as j from ${quoteIdent(t.name)} x`),
      )) as unknown as {
        rows: { j: string }[];
      };
      out[t.name] = res.rows.map((r) => r.j).sort();
    }
  });
  return out;
}

const rewriteGzip = (from: string, to: string, edit: (lines: string[]) => string[]) =>
  fs.writeFileSync(to, gzipSync(edit(gunzipSync(fs.readFileSync(from)).toString('utf8').split('\n')).join('\n')));

describe('backup and restore', () => {
  let t: TestContext;
  const file = path.join(tmp, 'studio.pistudio.gz');

  beforeAll(async () => {
    t = await createTestContext();
    await loadDemo(t.deps);
    // Values that break naive dumps: unicode, quotes, backslashes, newlines, big and precise JSON numbers.
    await t.deps.db.insert(settings).values({
      key: 'backup-test',
      value: { text: 'line\nbreak "quoted" \\ back ☃ 😀 \u2028', precise: 1.1, big: 12345678901234567890n.toString() },
    });
    const admin = await t.user({ isAdmin: true });
    await (await t.client(admin).login()).post('/api/v1/tokens', { name: 'ci', scopes: ['read'] });
    await dumpDatabase(t.deps.handle, file);
  });
  afterAll(async () => {
    await t.close();
    await (await freshPglite)?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes a gzip JSON-lines file with a header naming every table and the schema', () => {
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
    const header = JSON.parse(lines[0] ?? '{}');
    expect(header).toMatchObject({ format: 'pistudio-backup', version: 1, schemaMigration: latestMigrationTag() });
    expect(header.tables.map((x: { name: string }) => x.name).sort()).toEqual(
      backupTables()
        .map((x) => x.name)
        .sort(),
    );
    expect(header.tables.find((x: { name: string }) => x.name === 'document_versions').columns).not.toContain('search');
    expect(JSON.parse(lines.at(-1) ?? '{}')).toEqual({ end: true, rows: lines.length - 2 });
  });

  it('rejects files that are not PI Studio backups, and truncated ones, leaving the database empty', async () => {
    const notGzip = path.join(tmp, 'plain.txt');
    fs.writeFileSync(notGzip, 'hello');
    const wrongHeader = path.join(tmp, 'wrong.gz');
    rewriteGzip(file, wrongHeader, (lines) => [
      JSON.stringify({ format: 'something-else', version: 1 }),
      ...lines.slice(1),
    ]);
    const truncated = path.join(tmp, 'truncated.gz');
    rewriteGzip(file, truncated, (lines) => lines.slice(0, Math.floor(lines.length / 2)));
    const badGzip = path.join(tmp, 'cut.gz');
    fs.writeFileSync(badGzip, fs.readFileSync(file).subarray(0, 2000));

    const target = await emptyDatabase('pglite');
    try {
      for (const bad of [notGzip, wrongHeader, truncated, badGzip, path.join(tmp, 'missing.gz')]) {
        await expect(restoreDatabase(target.handle, bad), path.basename(bad)).rejects.toBeInstanceOf(BackupFormatError);
      }
      const rows = Object.values(await snapshot(target.handle)).flat();
      expect(rows).toEqual([]);
    } finally {
      await target.drop();
    }
  });
  for (const kind of ['pglite', ...(serverUrl ? ['postgres' as const] : [])] as const) {
    it(`restores into an empty ${kind} database with every row identical`, async () => {
      const target = await emptyDatabase(kind);
      try {
        const summary = await restoreDatabase(target.handle, file, 7); // small batches exercise the batching
        const [before, after] = [await snapshot(t.deps.handle), await snapshot(target.handle)];
        expect(summary.rows).toBeGreaterThan(200);
        expect(Object.values(after).flat().length).toBe(summary.rows);
        for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
        // The audit sequence continues after the restored ids instead of colliding with them.
        await writeAudit(
          target.handle.db,
          { actorId: null, actorLabel: 'test', requestId: 'r' },
          {
            action: 'test.after_restore' as AuditAction, // no module writes it: this event only takes an id
            targetType: 'test',
            targetId: '1',
          },
        );
        const ids = (await target.handle.db.select({ id: auditEvents.id }).from(auditEvents)).map((r) => r.id);
        expect(new Set(ids).size).toBe(ids.length);
        // A second restore into the now non-empty database is refused and changes nothing.
        await expect(restoreDatabase(target.handle, file)).rejects.toBeInstanceOf(RestoreRefusedError);
        expect((await snapshot(target.handle)).audit_events?.length).toBe(ids.length);
      } finally {
        await target.drop();
      }
    });
  }
});
