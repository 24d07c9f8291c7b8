import { openDb } from './src/db/client.ts';
import { searchDocuments } from './src/modules/search/repo.ts';
const url = process.argv[2];
const handle = await openDb(url ? { databaseUrl: url } : { dataDir: '/tmp/pis-perf-pglite' });
const [sub] = await handle.raw(`select id from subsidiaries limit 1`);
for (const q of ['reconciliation', 'payouts settlement', 'uniq4509', 'EMX-P4', 'zzznothing', 'the']) {
  const times: number[] = [];
  let r: unknown[] = [];
  for (let i = 0; i < 21; i++) {
    const s = performance.now();
    r = await searchDocuments(handle.db, { q, limit: 20, visibleSubsidiaryIds: i % 2 ? null : [String(sub!.id)], markers: { start: 'S1', stop: 'E1' } });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(q, r.length, 'p50', times[10]!.toFixed(1), 'p90', times[18]!.toFixed(1), (r[0] as {snippet?: string})?.snippet?.slice(0, 120));
}
await handle.close();
