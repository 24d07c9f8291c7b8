import { openDb } from './src/db/client.ts';
const url = process.argv[2];
const handle = await openDb(url ? { databaseUrl: url } : { dataDir: '/tmp/pis-perf-pglite' });
await handle.raw('create index if not exists documents_updated_idx on documents(updated_at)');
await handle.raw(`update documents set updated_at = now() - (random() * interval '100 days')`);
await handle.raw('vacuum analyze');
await handle.close();
