// A fingerprint of everything stored, to prove a rejected request changed nothing.
import type { DbHandle } from '../src/db/client.ts';

// Bookkeeping that legitimately moves on any request (or on a failed sign-in) is left out.
// Sign-in challenges count wrong codes and die at the limit: bookkeeping of a failed sign-in, like failed_logins.
const SKIP_TABLES = new Set(['sessions', 'audit_events', 'sign_in_challenges']);
const SKIP_COLUMNS = new Set(['last_seen_at', 'last_used_at', 'failed_logins', 'locked_until']);

export type StoredDigest = Record<string, { rows: number; hash: string }>;

/** Builds the digest query once per database (the column list comes from the live schema). */
export async function storedDataDigester(handle: DbHandle): Promise<() => Promise<StoredDigest>> {
  const cols = await handle.raw(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table_name: t, column_name: c } of cols as { table_name: string; column_name: string }[]) {
    if (SKIP_TABLES.has(t) || SKIP_COLUMNS.has(c)) continue;
    byTable.set(t, [...(byTable.get(t) ?? []), c]);
  }
  const parts = [...byTable].map(([table, columns]) => {
    const row = `concat_ws('¦', ${columns.map((c) => `coalesce("${c}"::text, '∅')`).join(', ')})`;
    return `select '${table}' as t, count(*)::int as n, md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as h from "${table}"`;
  });
  const sql = parts.join(' union all ');
  return async () => {
    const out: StoredDigest = {};
    for (const r of await handle.raw(sql)) out[String(r.t)] = { rows: Number(r.n), hash: String(r.h) };
    return out;
  };
}
