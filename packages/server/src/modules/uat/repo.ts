// What every part of UAT shares: the per-product counter row, which both numbers sessions and cases and, locked,
// serialises the changes that number things (two sessions created at once still get 1 and 2); and the shape of
// uat_attachments, which holds both runs' screenshots and sign-offs' evidence.
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { uatAttachments, uatCounters } from '../../db/schema/uat.ts';
import { products } from '../../db/schema/workspace.ts';

const COLUMN = { session: uatCounters.lastSessionNumber, case: uatCounters.lastCaseNumber } as const;

/** Holds the product's UAT counter row until the transaction ends. */
export async function lockUatCounters(tx: Executor, productId: string): Promise<void> {
  await tx.insert(uatCounters).values({ productId }).onConflictDoNothing();
  await tx.select().from(uatCounters).where(eq(uatCounters.productId, productId)).for('update');
}

/** The next session or case number of a product (call after lockUatCounters); numbers are never given twice. */
export async function takeUatNumber(tx: Executor, productId: string, what: keyof typeof COLUMN): Promise<number> {
  const column = COLUMN[what];
  const field = what === 'session' ? 'lastSessionNumber' : 'lastCaseNumber';
  const [row] = await tx
    .update(uatCounters)
    .set({ [field]: sql`${column} + 1` })
    .where(eq(uatCounters.productId, productId))
    .returning({ n: column });
  if (!row) throw new Error('UAT counter row missing: lock it first');
  return row.n;
}

/** Products at the UAT stage (the demo gives each a session). */
export async function productsInUat(tx: Executor): Promise<{ id: string; code: string; subsidiaryId: string }[]> {
  return tx
    .select({ id: products.id, code: products.code, subsidiaryId: products.subsidiaryId })
    .from(products)
    .where(eq(products.stage, 'uat'))
    .orderBy(asc(products.code));
}

/** An attachment as lists show it: a run's screenshot or a sign-off's evidence, without its bytes. */
export type AttachmentMeta = {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedByName: string;
  createdAt: Date;
};

/** What storing an attachment takes, whoever owns it (`size` is the bytes' length, `at` its creation time). */
export type NewAttachment = {
  productId: string;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  sha256: string;
  uploadedByName: string;
  uploadedBy: string | null;
  at: Date;
};

/**
 * An attachment's metadata but its id and owner (never its bytes): the same for a run's screenshots and a
 * sign-off's evidence, which share uat_attachments. Listed oldest first (`attachmentOrder`).
 */
export const attachmentMetaColumns = {
  fileName: uatAttachments.fileName,
  mediaType: uatAttachments.mediaType,
  size: uatAttachments.size,
  sha256: uatAttachments.sha256,
  uploadedByName: uatAttachments.uploadedByName,
  createdAt: uatAttachments.createdAt,
};

export const attachmentOrder = [asc(uatAttachments.createdAt), asc(uatAttachments.id)] as const;
