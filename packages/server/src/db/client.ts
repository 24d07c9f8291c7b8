// Opens the embedded PGlite database or PostgreSQL behind one Drizzle type.
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repo can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

export type DbHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw SQL for maintenance (VACUUM, dumps); returns rows as plain objects. */
  raw(sqlText: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

export type OpenOptions = { databaseUrl?: string; dataDir?: string; pglite?: PGlite };

export async function openDb(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // count(*) and bigint come back as strings from pg; repos normalise with Number().
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      raw: async (q, params) => (await pool.query(q, params)).rows,
      close: () => pool.end(),
    };
  }
  const client = opts.pglite ?? (await PGlite.create(opts.dataDir ?? 'memory://'));
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    raw: async (q, params) => (await client.query<Record<string, unknown>>(q, params)).rows,
    close: () => client.close(),
  };
}
