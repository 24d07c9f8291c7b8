// Bulk data for the benchmark: 500 products and 10,000 document versions, inserted in 1,000-row batches.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../packages/server/src/db/client.ts';
import { users } from '../packages/server/src/db/schema/accounts.ts';
import { documents, documentVersions } from '../packages/server/src/db/schema/documents.ts';
import { products, subsidiaries } from '../packages/server/src/db/schema/workspace.ts';

const WORDS = (
  'payout settlement merchant onboarding charging station tariff fibre coverage latency tutor lesson ' +
  'invoice reconciliation dashboard retention churn funnel activation wallet refund dispute compliance ' +
  'kyc consent audit roaming booking schedule classroom quiz parent notification export import report'
).split(' ');

function body(seed: number, version: number): string {
  const pick = (i: number) => WORDS[(seed * 31 + i * 17 + version * 7) % WORDS.length];
  const para = (n: number) => Array.from({ length: 60 }, (_, i) => pick(i + n)).join(' ');
  return [
    `# Product ${seed} requirements v${version}`,
    '## Problem',
    para(1),
    '## Goals',
    `- Raise activation from ${20 + (seed % 30)}% to ${50 + (seed % 30)}% within 90 days`,
    '## Requirements',
    ...Array.from({ length: 8 }, (_, i) => `- FR-${i + 1} (Must): ${para(i + 10).slice(0, 160)}`),
    '## Notes',
    para(version + 40),
  ].join('\n\n');
}

/** Returns the seeded product codes. */
export async function seedBench(handle: DbHandle, productCount = 500, versionsPerDoc = 10): Promise<string[]> {
  const db = handle.db;
  const subs = await db
    .insert(subsidiaries)
    .values(['EMX', 'NXN', 'FINTX', 'EDC'].map((code) => ({ code, name: `${code} (bench)` })))
    .onConflictDoNothing()
    .returning();
  const allSubs = subs.length ? subs : await db.select().from(subsidiaries);
  const [author] = await db.select().from(users).limit(1);
  const productRows = Array.from({ length: productCount }, (_, i) => ({
    code: `${allSubs[i % allSubs.length]?.code}-BENCH${i}`,
    name: `Bench product ${i}`,
    subsidiaryId: allSubs[i % allSubs.length]?.id as string,
    productType: ['web_app', 'mobile_app', 'api_service', 'internal_tool'][i % 4] as string,
    stage: ['intake', 'gate', 'build', 'uat', 'handover', 'live'][i % 6] as string,
    tags: [['payments', 'b2b', 'ai', 'onboarding'][i % 4] as string],
    poId: author?.id ?? null,
  }));
  const created = await db.insert(products).values(productRows).returning({ id: products.id });
  const docRows = created.flatMap((p) =>
    (['context', 'prd'] as const).map((kind) => ({
      productId: p.id,
      kind,
      title: `${kind.toUpperCase()}`,
      revision: versionsPerDoc,
    })),
  );
  const docs: { id: string }[] = [];
  for (let i = 0; i < docRows.length; i += 1000) {
    docs.push(
      ...(await db
        .insert(documents)
        .values(docRows.slice(i, i + 1000))
        .returning({ id: documents.id })),
    );
  }
  let batch: (typeof documentVersions.$inferInsert)[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = await db.insert(documentVersions).values(batch).returning({
      id: documentVersions.id,
      documentId: documentVersions.documentId,
      major: documentVersions.major,
      minor: documentVersions.minor,
    });
    for (const r of rows) {
      if (r.major === 1 && r.minor === versionsPerDoc - 1) {
        await db.update(documents).set({ currentVersionId: r.id }).where(eq(documents.id, r.documentId));
      }
    }
    batch = [];
  };
  for (const [d, doc] of docs.entries()) {
    for (let v = 0; v < versionsPerDoc; v++) {
      const text = body(d, v);
      batch.push({
        documentId: doc.id,
        major: 1,
        minor: v,
        body: text,
        contentHash: createHash('sha256').update(text).digest('hex'),
        authorId: author?.id ?? null,
      });
      if (batch.length >= 1000) await flush();
    }
  }
  await flush();
  await handle.raw('VACUUM ANALYZE');
  return productRows.map((p) => p.code);
}
