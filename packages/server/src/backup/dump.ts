// `pistudio backup FILE`: every table in one read-only REPEATABLE READ transaction, so the dump is one
// consistent snapshot even while a PostgreSQL server keeps writing. Rows are serialised by Postgres itself
// (row_to_json) and restored by json_populate_recordset, so types round-trip exactly on PGlite and PostgreSQL.

import { once } from 'node:events';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { DbHandle, Tx } from '../db/client.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, rowLinePrefix } from './format.ts';
import { appliedMigrationTag } from './migrations.ts';
import { backupTables, quoteIdent } from './tables.ts';

const FETCH_ROWS = 1000;

export type DumpSummary = { file: string; tables: { name: string; rows: number }[]; rows: number; bytes: number };

type RawRows = { rows: Record<string, unknown>[] };
export const rawRows = async (tx: Tx, query: string): Promise<Record<string, unknown>[]> =>
  ((await tx.execute(sql.raw(query))) as unknown as RawRows).rows;

/** Writes lines to a gzip stream honouring back-pressure; a failed write stops the dump. */
function gzipFileWriter(file: string) {
  const gzip = createGzip();
  const done = pipeline(gzip, fs.createWriteStream(file, { flags: 'wx' }));
  let failure: unknown = null;
  done.catch((err) => {
    failure = err;
  });
  return {
    async write(line: string) {
      if (failure) throw failure;
      if (!gzip.write(`${line}\n`)) await Promise.race([once(gzip, 'drain'), done]);
    },
    async finish() {
      gzip.end();
      await done;
    },
    abort() {
      gzip.destroy();
    },
  };
}

export async function dumpDatabase(handle: DbHandle, file: string, now: Date = new Date()): Promise<DumpSummary> {
  const tables = backupTables();
  // Written beside the target and renamed at the end: a crash never leaves a half file under the real name.
  const partial = `${file}.partial-${process.pid}`;
  const out = gzipFileWriter(partial);
  const counts: { name: string; rows: number }[] = [];
  try {
    await handle.db.transaction(
      async (tx) => {
        await tx.execute(sql.raw(`set local timezone = 'UTC'`));
        for (const t of tables) {
          const [row] = await rawRows(tx, `select count(*) as n from ${quoteIdent(t.name)}`);
          counts.push({ name: t.name, rows: Number(row?.n ?? 0) });
        }
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: now.toISOString(),
          schemaMigration: await appliedMigrationTag(tx),
          source: handle.kind,
          tables: tables.map((t, i) => ({ name: t.name, columns: t.insertable, rows: counts[i]?.rows ?? 0 })),
        };
        await out.write(JSON.stringify(header));
        for (const t of tables) {
          const prefix = rowLinePrefix(t.name);
          const order = t.orderBy.map(quoteIdent).join(', ');
          await tx.execute(
            sql.raw(`declare pistudio_dump no scroll cursor for
              select row_to_json(x)::text as j from ${quoteIdent(t.name)} x order by ${order}`),
          );
          for (;;) {
            const batch = await rawRows(tx, `fetch ${FETCH_ROWS} from pistudio_dump`);
            for (const r of batch) await out.write(`${prefix}${String(r.j)}}`);
            if (batch.length < FETCH_ROWS) break;
          }
          await tx.execute(sql.raw('close pistudio_dump'));
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const total = counts.reduce((sum, c) => sum + c.rows, 0);
    await out.write(JSON.stringify({ end: true, rows: total }));
    await out.finish();
    fs.renameSync(partial, file);
    return { file, tables: counts, rows: total, bytes: fs.statSync(file).size };
  } catch (err) {
    out.abort();
    fs.rmSync(partial, { force: true });
    throw err;
  }
}
