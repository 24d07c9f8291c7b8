// The gate moves products between stages and freezes the baseline PRD version.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { documents } from '../../db/schema/documents.ts';
import { products } from '../../db/schema/workspace.ts';

/** Moves the product to `to` only from one of `from`; returns the stage it left, or null when it stayed. */
export async function moveProductStage(
  tx: Executor,
  productId: string,
  from: readonly string[],
  to: string,
  at: Date,
): Promise<string | null> {
  const [before] = await tx
    .select({ stage: products.stage })
    .from(products)
    .where(eq(products.id, productId))
    .for('update');
  if (!before || !from.includes(before.stage) || before.stage === to) return null;
  await tx
    .update(products)
    .set({ stage: to, revision: sql`${products.revision} + 1`, updatedAt: at })
    .where(and(eq(products.id, productId), inArray(products.stage, [...from])));
  return before.stage;
}

export async function setBaseline(tx: Executor, documentId: string, versionId: string): Promise<string | null> {
  const [before] = await tx
    .select({ baseline: documents.baselineVersionId })
    .from(documents)
    .where(eq(documents.id, documentId))
    .for('update');
  await tx.update(documents).set({ baselineVersionId: versionId }).where(eq(documents.id, documentId));
  return before?.baseline ?? null;
}

/** Locks the document row: two submissions of one PRD run one after the other. */
export async function lockDocument(tx: Executor, documentId: string): Promise<void> {
  await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, documentId)).for('update');
}

export async function activeUser(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.id, id));
  return !!row && !row.disabled;
}
