import { openDb } from './src/db/client.ts';
const handle = await openDb({ dataDir: '/tmp/pis-perf-pglite' });
const qs = [
  `explain analyze select count(*) from (select d.id, ts_rank(v.search, q) from websearch_to_tsquery('english','reconciliation') q, documents d join document_versions v on v.id = d.current_version_id where v.search @@ q offset 0) x`,
  `explain analyze with cur as materialized (select d.id, v.search from documents d join document_versions v on v.id = d.current_version_id) select count(*) from (select cur.id, ts_rank(cur.search, q) from cur, websearch_to_tsquery('english','reconciliation') q where cur.search @@ q) x`,
];
for (let k = 0; k < 2; k++) for (const q of qs) {
  const rows = await handle.raw(q);
  console.log(rows.map((r) => Object.values(r)[0]).join('\n'));
  console.log('----');
}
await handle.close();
