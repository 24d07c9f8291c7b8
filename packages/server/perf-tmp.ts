import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from './src/config.ts';
import { openDb } from './src/db/client.ts';
import { migrate } from './src/db/migrate.ts';
import { documents, documentVersions, products, subsidiaries } from './src/db/schema.ts';
import { searchDocuments } from './src/modules/search/repo.ts';
import { eq } from 'drizzle-orm';

const url = process.argv[2];
const handle = await openDb(url ? { databaseUrl: url } : { dataDir: '/tmp/pis-perf-pglite' });
await migrate(handle);
const db = handle.db;
const words = 'payouts merchant ledger settlement reconciliation fraud onboarding wallet invoice card refund dispute latency availability churn growth retention funnel conversion pricing subscription analytics dashboard report export import approval workflow compliance audit risk'.split(' ');
const rnd = (n: number) => Math.floor(Math.random() * n);
const body = (i: number) => Array.from({ length: 600 }, (_, k) => (k % 12 === 0 ? `\n\n## Section ${k}\n` : '') + words[rnd(words.length)] + (k === 5 ? ` uniq${i}` : '')).join(' ');
const [sub] = await db.insert(subsidiaries).values({ code: 'EMX', name: 'EMX' }).returning();
const t0 = Date.now();
for (let p = 0; p < 500; p++) {
  const [prod] = await db.insert(products).values({ code: `EMX-P${p}`, name: `Product ${p}`, subsidiaryId: sub!.id, productType: 'web' }).returning();
  for (const kind of ['context', 'prd']) {
    const [d] = await db.insert(documents).values({ productId: prod!.id, kind, title: `Product ${p} ${kind}` }).returning();
    const rows = Array.from({ length: 10 }, (_, v) => ({ documentId: d!.id, major: 1, minor: v, body: body(p * 100 + v), contentHash: randomUUID() }));
    const ins = await db.insert(documentVersions).values(rows).returning({ id: documentVersions.id });
    await db.update(documents).set({ currentVersionId: ins[9]!.id }).where(eq(documents.id, d!.id));
  }
}
console.log('seeded', Date.now() - t0, 'ms');
await handle.raw('vacuum analyze');
for (const q of ['reconciliation', 'payouts settlement', 'uniq4509', 'EMX-P4', 'zzznothing', 'the']) {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const s = performance.now();
    await searchDocuments(db, { q, limit: 20, visibleSubsidiaryIds: i % 2 ? null : [sub!.id], markers: { start: 'S1', stop: 'E1' } });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(q, 'p50', times[7]!.toFixed(1), 'max', times[14]!.toFixed(1));
}
await handle.close();
