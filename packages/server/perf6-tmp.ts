import { openDb } from './src/db/client.ts';
const handle = await openDb({ dataDir: '/tmp/pis-perf-pglite' });
await handle.raw(`alter table document_versions add column if not exists is_current boolean not null default false`);
await handle.raw(`update document_versions v set is_current = (d.current_version_id = v.id) from documents d where d.id = v.document_id`);
await handle.raw(`create index if not exists dv_cur_search on document_versions using gin (search) where is_current`);
await handle.raw('vacuum analyze');
const variants: Record<string, string> = {
  gin_all: `select count(*) from (select d.id from websearch_to_tsquery('english',$1) q, document_versions v join documents d on d.current_version_id = v.id where v.search @@ q offset 0) x`,
  gin_current: `select count(*) from (select d.id from websearch_to_tsquery('english',$1) q, document_versions v join documents d on d.current_version_id = v.id where v.is_current and v.search @@ q offset 0) x`,
};
for (let rep = 0; rep < 2; rep++)
for (const [name, sqlText] of Object.entries(variants)) {
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const s = performance.now();
    await handle.raw(sqlText, ['reconciliation']);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(name, 'p50', times[10]!.toFixed(1), 'min', times[0]!.toFixed(1));
}
await handle.close();
