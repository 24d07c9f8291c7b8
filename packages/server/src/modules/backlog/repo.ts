// What every part of the backlog reads: the product (its stored subsidiary decides access), the PRD baseline, and
// the per-product counter row that serialises changes to one product's backlog.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { backlogCounters } from '../../db/schema/backlog.ts';
import { documents, documentVersions } from '../../db/schema/documents.ts';
import { gateReviews } from '../../db/schema/gate.ts';
import { products } from '../../db/schema/workspace.ts';

export type BacklogProduct = { id: string; code: string; subsidiaryId: string };

export async function findBacklogProduct(db: Executor, code: string): Promise<BacklogProduct | null> {
  const [row] = await db
    .select({ id: products.id, code: products.code, subsidiaryId: products.subsidiaryId })
    .from(products)
    .where(eq(products.code, code))
    .limit(1);
  return row ?? null;
}

export type BaselineRecord = {
  documentId: string;
  versionId: string;
  major: number;
  minor: number;
  reviewId: string;
  decidedAt: Date;
};

/** The PRD version of the newest decided review with a pass or conditional verdict (gate_reviews_document_idx). */
export async function findBaseline(db: Executor, productId: string): Promise<BaselineRecord | null> {
  const [row] = await db
    .select({
      documentId: documents.id,
      versionId: documentVersions.id,
      major: documentVersions.major,
      minor: documentVersions.minor,
      reviewId: gateReviews.id,
      decidedAt: gateReviews.decidedAt,
    })
    .from(gateReviews)
    .innerJoin(documents, eq(documents.id, gateReviews.documentId))
    .innerJoin(documentVersions, eq(documentVersions.id, gateReviews.versionId))
    .where(
      and(
        eq(documents.productId, productId),
        eq(documents.kind, 'prd'),
        eq(gateReviews.status, 'decided'),
        inArray(gateReviews.verdict, ['pass', 'conditional']),
      ),
    )
    .orderBy(desc(gateReviews.decidedAt))
    .limit(1);
  if (!row?.decidedAt) return null;
  return { ...row, decidedAt: row.decidedAt };
}

export async function versionBody(db: Executor, versionId: string): Promise<string> {
  const [row] = await db
    .select({ body: documentVersions.body })
    .from(documentVersions)
    .where(eq(documentVersions.id, versionId));
  if (!row) throw new Error(`document version ${versionId} vanished`);
  return row.body;
}

/**
 * Locks the product's backlog until the transaction ends: syncs, sprint starts and story numbering of one product
 * then run one after the other (other products are not held up).
 */
export async function lockBacklog(tx: Executor, productId: string): Promise<void> {
  await tx.insert(backlogCounters).values({ productId }).onConflictDoNothing();
  await tx.select().from(backlogCounters).where(eq(backlogCounters.productId, productId)).for('update');
}

/** The next story number of a product; numbers are never given twice, even after a deletion. */
export async function takeStoryNumber(tx: Executor, productId: string): Promise<number> {
  const [row] = await tx
    .insert(backlogCounters)
    .values({ productId, lastStoryNumber: 1 })
    .onConflictDoUpdate({
      target: backlogCounters.productId,
      set: { lastStoryNumber: sql`${backlogCounters.lastStoryNumber} + 1` },
    })
    .returning({ n: backlogCounters.lastStoryNumber });
  if (!row) throw new Error('story counter returned nothing');
  return row.n;
}

/** The product's stage now; `lock` (inside a transaction) holds the product row until commit. */
export async function productStage(db: Executor, productId: string, opts: { lock?: boolean } = {}): Promise<string> {
  const q = db.select({ stage: products.stage }).from(products).where(eq(products.id, productId));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new Error(`product ${productId} vanished`);
  return row.stage;
}
