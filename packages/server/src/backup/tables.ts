// The backup covers every table declared in the Drizzle schema, so a table added later is dumped and restored
// without touching this code. Order matters for restore: a row can only be inserted after the rows it references.
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema.ts';

export type TableInfo = {
  name: string;
  /** Columns in declaration order, database names. */
  columns: string[];
  /** Generated columns are recomputed by the database on insert and must not be written. */
  insertable: string[];
  /** Ordering for a stable dump (primary key, or every column when there is none). */
  orderBy: string[];
};

/** Tables in an order where every table comes after the tables it references (export name breaks ties). */
export function backupTables(tables: readonly PgTable[] = Object.values(schema).filter((v) => is(v, PgTable))) {
  const configs = tables.map((t) => getTableConfig(t));
  const byName = new Map(configs.map((c) => [c.name, c]));
  const deps = new Map(
    configs.map((c) => [
      c.name,
      // Self-references do not constrain the table order.
      new Set(c.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((n) => n !== c.name)),
    ]),
  );
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < configs.length) {
    const next = configs.find((c) => !done.has(c.name) && [...(deps.get(c.name) ?? [])].every((d) => done.has(d)));
    if (!next) {
      const left = configs.filter((c) => !done.has(c.name)).map((c) => c.name);
      throw new Error(`foreign keys form a cycle between tables ${left.join(', ')}; backup cannot order them`);
    }
    done.add(next.name);
    const primary =
      next.primaryKeys[0]?.columns.map((c) => c.name) ?? next.columns.filter((c) => c.primary).map((c) => c.name);
    ordered.push({
      name: next.name,
      columns: next.columns.map((c) => c.name),
      insertable: next.columns.filter((c) => !c.generated).map((c) => c.name),
      orderBy: primary.length > 0 ? primary : next.columns.filter((c) => !c.generated).map((c) => c.name),
    });
  }
  if (byName.size !== configs.length) throw new Error('two schema exports declare the same table name');
  return ordered;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
