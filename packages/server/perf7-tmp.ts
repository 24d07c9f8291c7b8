import { sql } from 'drizzle-orm';
import { openDb } from './src/db/client.ts';
import { searchDocuments } from './src/modules/search/repo.ts';
const handle = await openDb({ dataDir: '/tmp/pis-perf-pglite' });
// Capture the SQL by wrapping execute.
const db = handle.db as unknown as { execute: (q: unknown) => Promise<unknown> };
const orig = db.execute.bind(db);
db.execute = async (q: unknown) => {
  const r = await orig(sql`explain (analyze, buffers, timing off) ${q}`);
  console.log(((r as { rows: Record<string, unknown>[] }).rows).map((x) => Object.values(x)[0]).join('\n'));
  return { rows: [] };
};
await searchDocuments(handle.db, { q: process.argv[2] ?? 'reconciliation', limit: 20, visibleSubsidiaryIds: null, markers: { start: 'S1', stop: 'E1' } });
await handle.close();
