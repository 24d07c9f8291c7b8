import { openDb } from './src/db/client.ts';
const handle = await openDb({ dataDir: '/tmp/pis-perf-pglite' });
const variants: Record<string, string> = {
  join_only: `select count(*) from (select d.id from documents d join document_versions v on v.id = d.current_version_id where $1::text is not null offset 0) x`,
  gin_count: `select count(*) from document_versions v, websearch_to_tsquery('english',$1) q where v.search @@ q`,
  gin_ids: `select count(*) from (select v.id from document_versions v, websearch_to_tsquery('english',$1) q where v.search @@ q offset 0) x`,
  length_all: `select sum(length(v.search)) from documents d join document_versions v on v.id = d.current_version_id where $1::text is not null`,
  rank_ordered_by_updated_200: `select count(*) from (select d.id, ts_rank(v.search, q) from websearch_to_tsquery('english',$1) q, documents d join document_versions v on v.id = d.current_version_id where v.search @@ q order by d.updated_at desc limit 200) x`,
};
for (const q of ['reconciliation', 'payouts settlement']) {
  for (const [name, sqlText] of Object.entries(variants)) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const s = performance.now();
      await handle.raw(sqlText, [q]);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(q, name, 'p50', times[7]!.toFixed(1), 'min', times[0]!.toFixed(1));
  }
}
await handle.close();
