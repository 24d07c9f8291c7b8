// `pistudio restore FILE`: only into an empty database. Migrates, inserts every row in batches inside one
// transaction (a bad file leaves the database empty, not half restored), resets serial sequences so new
// audit events continue after the restored ids, then VACUUM ANALYZE (PGlite has no autovacuum).
import { sql } from 'drizzle-orm';
import type { DbHandle, Executor, Tx } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { rawRows } from './dump.ts';
import {
  BackupFormatError,
  type BackupHeader,
  RestoreRefusedError,
  readBackupLines,
  rowLinePrefix,
  ZBackupHeader,
  ZBackupTrailer,
} from './format.ts';
import { migrationJournal } from './migrations.ts';
import { backupTables, quoteIdent, type TableInfo } from './tables.ts';

export type RestoreSummary = { tables: { name: string; rows: number }[]; rows: number; schemaMigration: string };

function parseHeader(line: string | undefined, file: string): BackupHeader {
  let value: unknown;
  try {
    value = JSON.parse(line ?? '');
  } catch {
    throw new BackupFormatError(`${file} is not a PI Studio backup (no header line)`);
  }
  const parsed = ZBackupHeader.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupFormatError(
      `${file} is not a PI Studio backup (header ${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  return parsed.data;
}

/** Refuses backups this version cannot load: newer schema, unknown tables or columns. */
function checkCompatible(header: BackupHeader, tables: Map<string, TableInfo>) {
  if (!migrationJournal().some((e) => e.tag === header.schemaMigration)) {
    throw new RestoreRefusedError(
      `the backup was taken at schema ${header.schemaMigration}, which this version of PI Studio does not know; upgrade first`,
    );
  }
  for (const t of header.tables) {
    const ours = tables.get(t.name);
    if (!ours) throw new RestoreRefusedError(`the backup holds table ${t.name}, which this version does not have`);
    const unknown = t.columns.filter((c) => !ours.insertable.includes(c));
    if (unknown.length > 0)
      throw new RestoreRefusedError(`the backup holds unknown columns ${t.name}.${unknown.join(', ')}`);
  }
}

async function assertEmpty(db: Executor, tables: TableInfo[]) {
  for (const t of tables) {
    const result = (await db.execute(
      sql.raw(`select exists (select 1 from ${quoteIdent(t.name)}) as x`),
    )) as unknown as {
      rows: { x: boolean }[];
    };
    if (result.rows[0]?.x) {
      throw new RestoreRefusedError(
        `the target database is not empty (table ${t.name} has rows); restore needs a new data directory or database`,
      );
    }
  }
}

async function insertBatch(tx: Tx, table: string, columns: string[], rowsJson: string[]) {
  const cols = columns.map(quoteIdent).join(', ');
  await tx.execute(
    sql`insert into ${sql.raw(quoteIdent(table))} (${sql.raw(cols)})
        select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(quoteIdent(table))}, ${`[${rowsJson.join(',')}]`}::json)`,
  );
}

/** Serial columns (audit_events.id) continue after the largest restored value. */
async function resetSequences(tx: Tx) {
  const serials = await rawRows(
    tx,
    `select table_name as t, column_name as c, pg_get_serial_sequence(quote_ident(table_name), column_name) as s
       from information_schema.columns
      where table_schema = current_schema() and column_default like 'nextval(%'`,
  );
  for (const { t, c, s } of serials) {
    if (typeof s !== 'string') continue;
    await tx.execute(
      sql`select setval(${s}, coalesce((select max(${sql.raw(quoteIdent(String(c)))}) from ${sql.raw(quoteIdent(String(t)))}), 1),
                 (select count(*) > 0 from ${sql.raw(quoteIdent(String(t)))}))`,
    );
  }
}

/** Reads and checks only the header: lets the CLI reject a wrong file before it creates a database. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    const header = parseHeader(first.done ? undefined : first.value, file);
    checkCompatible(header, new Map(backupTables().map((t) => [t.name, t])));
    return header;
  } finally {
    await lines.return(undefined);
  }
}

export async function restoreDatabase(handle: DbHandle, file: string, batchSize = 1000): Promise<RestoreSummary> {
  const lines = readBackupLines(file);
  try {
    return await restoreFrom(handle, file, lines, batchSize);
  } finally {
    await lines.return(undefined);
  }
}

async function restoreFrom(
  handle: DbHandle,
  file: string,
  lines: AsyncGenerator<string>,
  batchSize: number,
): Promise<RestoreSummary> {
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value, file);
  const ours = new Map(backupTables().map((t) => [t.name, t]));
  checkCompatible(header, ours);
  await migrate(handle);
  await assertEmpty(handle.db, [...ours.values()]);

  const expected = new Map(header.tables.map((t) => [t.name, t]));
  const restored = new Map<string, number>();
  let trailer: { rows: number } | null = null;
  await handle.db.transaction(async (tx) => {
    let current: { name: string; columns: string[]; prefix: string } | null = null;
    let pending: string[] = [];
    const flush = async () => {
      if (current && pending.length > 0) await insertBatch(tx, current.name, current.columns, pending);
      pending = [];
    };
    for await (const line of lines) {
      if (line.length === 0) continue;
      if (trailer) throw new BackupFormatError(`${file} has data after its end marker`);
      if (!current || !line.startsWith(current.prefix)) {
        await flush();
        const name = /^\{"t":("(?:[^"\\]|\\.)*"),"r":/.exec(line)?.[1];
        if (!name) {
          trailer = ZBackupTrailer.safeParse(safeJson(line)).data ?? null;
          if (trailer) continue;
          throw new BackupFormatError(`${file} has an unreadable line after ${sumOf(restored)} rows`);
        }
        const table = expected.get(JSON.parse(name) as string);
        if (!table) throw new BackupFormatError(`${file} has rows for table ${name} that its header does not list`);
        current = { name: table.name, columns: table.columns, prefix: rowLinePrefix(table.name) };
      }
      pending.push(line.slice(current.prefix.length, -1));
      restored.set(current.name, (restored.get(current.name) ?? 0) + 1);
      if (pending.length >= batchSize) await flush();
    }
    await flush();
    // A cut-off file must not restore part of the data: every count has to match the header.
    const missing = header.tables.find((t) => (restored.get(t.name) ?? 0) !== t.rows);
    if (!trailer || missing || trailer.rows !== sumOf(restored)) {
      throw new BackupFormatError(
        `${file} is truncated: ${missing ? `table ${missing.name} has ${restored.get(missing.name) ?? 0} of ${missing.rows} rows` : 'no end marker'}`,
      );
    }
    await resetSequences(tx);
  });
  await handle.raw('vacuum analyze');
  return {
    tables: header.tables.map((t) => ({ name: t.name, rows: restored.get(t.name) ?? 0 })),
    rows: sumOf(restored),
    schemaMigration: header.schemaMigration,
  };
}

const sumOf = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
