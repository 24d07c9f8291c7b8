// Which schema a backup was taken at: the tag of the newest migration applied to the database
// (drizzle records each applied migration with the journal's `when` as created_at).
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { migrationsFolder } from '../db/migrate.ts';

type JournalEntry = { idx: number; when: number; tag: string };

export function migrationJournal(): JournalEntry[] {
  const text = fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8');
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries;
}

export const latestMigrationTag = () => migrationJournal().at(-1)?.tag ?? 'none';

export async function appliedMigrationTag(db: Executor): Promise<string> {
  const result = (await db.execute(
    sql.raw('select max(created_at) as at from drizzle.__drizzle_migrations'),
  )) as unknown as { rows: { at: unknown }[] };
  const at = Number(result.rows[0]?.at ?? Number.NaN);
  const entry = migrationJournal().find((e) => e.when === at);
  if (!entry)
    throw new Error('the database is not migrated by this version of PI Studio; run `pistudio migrate` first');
  return entry.tag;
}
