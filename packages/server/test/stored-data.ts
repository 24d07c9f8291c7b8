// A fingerprint of everything stored, to prove a rejected request changed nothing.
//
// Triggers on every table (installed in the test's own database) journal each committed change: a row inserted or
// deleted, a row updated to other values, a table truncated. The fingerprint is the number of journalled changes per
// table, so one cheap query answers "did anything change?" however much is stored. The journal is a table, so a
// change rolled back with its transaction (an all-or-nothing import that failed) leaves no entry, as it leaves no data.
// Comparing whole table contents instead (md5 over every row) took ~15 ms a call on PGlite and most of the route-wide
// suites' time.
import type { DbHandle } from '../src/db/client.ts';

// Bookkeeping that legitimately moves on any request (or on a failed sign-in) is left out.
// Sign-in challenges count wrong codes and die at the limit: bookkeeping of a failed sign-in, like failed_logins.
const SKIP_TABLES = new Set(['sessions', 'audit_events', 'sign_in_challenges']);
const SKIP_COLUMNS = ['last_seen_at', 'last_used_at', 'failed_logins', 'locked_until'];

const JOURNAL = 'zz_test_changes';

/** Changes journalled per table since the digester was installed (tables never changed are absent). */
export type StoredDigest = Record<string, number>;

/** Installs the change journal in the test's database (once per database) and returns its reader. */
export async function storedDataDigester(handle: DbHandle): Promise<() => Promise<StoredDigest>> {
  const tables = await handle.raw(
    `select table_name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> $1 order by table_name`,
    [JOURNAL],
  );
  await handle.raw(`create table if not exists ${JOURNAL} (id bigserial primary key, tbl text not null)`);
  const skipped = `'{${SKIP_COLUMNS.join(',')}}'::text[]`;
  await handle.raw(`create or replace function zz_note_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and (to_jsonb(old) - ${skipped}) = (to_jsonb(new) - ${skipped}) then return null; end if;
      insert into ${JOURNAL} (tbl) values (tg_table_name);
      return null;
    end $$`);
  for (const { table_name: table } of tables as { table_name: string }[]) {
    if (SKIP_TABLES.has(table)) continue;
    await handle.raw(`drop trigger if exists zz_note_rows on "${table}"`);
    await handle.raw(
      `create trigger zz_note_rows after insert or update or delete on "${table}" for each row execute function zz_note_change()`,
    );
    await handle.raw(`drop trigger if exists zz_note_truncate on "${table}"`);
    await handle.raw(
      `create trigger zz_note_truncate after truncate on "${table}" for each statement execute function zz_note_change()`,
    );
  }
  return async () => {
    const out: StoredDigest = {};
    for (const r of await handle.raw(`select tbl, count(*)::int as n from ${JOURNAL} group by tbl order by tbl`))
      out[String(r.tbl)] = Number(r.n);
    return out;
  };
}
