// Opens the embedded PGlite database or PostgreSQL behind one Drizzle type.
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { ChangeFeed, type Follower, followPglite, followPostgres } from './change-feed.ts';
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
  /**
   * A hot read through a named prepared statement: planning costs more than running these queries.
   * Parameters are plain strings or numbers.
   */
  prepared(name: string, sqlText: string, params: (string | number)[]): Promise<Record<string, unknown>[]>;
  /** Committed changes to the data behind cached reads, from this process or any other. */
  changes: ChangeFeed;
  close(): Promise<void>;
};

// PGlite's query API cannot name a statement, so hot reads use SQL-level PREPARE/EXECUTE with quoted literals.
// Safe because standard_conforming_strings is on (checked at open): inside '…' only a quote needs doubling.
const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

export type OpenOptions = {
  databaseUrl?: string;
  dataDir?: string;
  pglite?: PGlite;
  /** Listen for committed changes (what read caches need); one-shot CLI commands skip it. Default true. */
  followChanges?: boolean;
};

const notFollowing: Follower = { close: async () => {} };

export async function openDb(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle pooled connection that PostgreSQL closes (restart, failover, admin) emits 'error' on the pool; unheard,
    // that would end the process. The pool has already dropped it and the next query opens a new one; the change
    // listener logs the outage (main.ts).
    pool.on('error', () => {});
    // count(*) and bigint come back as strings from pg; repos normalise with Number().
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const changes = new ChangeFeed();
    const follower = opts.followChanges === false ? notFollowing : await followPostgres(opts.databaseUrl, changes);
    return {
      db,
      kind: 'postgres',
      raw: async (q, params) => (await pool.query(q, params)).rows,
      prepared: async (name, text, values) => (await pool.query({ name, text, values })).rows,
      changes,
      close: async () => {
        await follower.close();
        await pool.end();
      },
    };
  }
  const client = opts.pglite ?? (await PGlite.create(opts.dataDir ?? 'memory://'));
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const scs = await client.query<{ standard_conforming_strings: string }>('show standard_conforming_strings');
  if (scs.rows[0]?.standard_conforming_strings !== 'on') throw new Error('standard_conforming_strings must be on');
  const preparedNames = new Set<string>();
  const changes = new ChangeFeed();
  const follower = opts.followChanges === false ? notFollowing : await followPglite(client, changes);
  return {
    db,
    kind: 'pglite',
    raw: async (q, params) => (await client.query<Record<string, unknown>>(q, params)).rows,
    prepared: async (name, text, values) => {
      if (!preparedNames.has(name)) {
        await client.exec(`prepare ${name} as ${text}`);
        preparedNames.add(name);
      }
      if (values.some((v) => typeof v === 'string' && v.includes('\0'))) return [];
      const args = values.length ? `(${values.map(literal).join(', ')})` : '';
      return (await client.query<Record<string, unknown>>(`execute ${name}${args}`)).rows;
    },
    changes,
    close: async () => {
      await follower.close();
      await client.close();
    },
  };
}
