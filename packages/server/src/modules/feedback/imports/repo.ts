// Import drafts (a parsed export between its preview and its commit) and the imported-message records that make a
// re-import create nothing new.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { type DraftMessage, feedbackImportedMessages, feedbackImports } from '../../../db/schema/feedback.ts';

export type { DraftMessage };

export type ImportRecord = {
  id: string;
  productId: string;
  status: 'draft' | 'committed';
  source: 'whatsapp' | 'slack' | 'teams';
  fileHash: string;
  fileName: string | null;
  messages: DraftMessage[];
  createdAt: Date;
  expiresAt: Date;
};

export async function insertImport(
  tx: Executor,
  v: Omit<ImportRecord, 'id' | 'status'> & { createdBy: string | null },
): Promise<string> {
  const [row] = await tx
    .insert(feedbackImports)
    .values({
      productId: v.productId,
      source: v.source,
      fileHash: v.fileHash,
      fileName: v.fileName,
      messages: v.messages,
      createdBy: v.createdBy,
      createdAt: v.createdAt,
      expiresAt: v.expiresAt,
    })
    .returning({ id: feedbackImports.id });
  if (!row) throw new Error('import draft insert returned nothing');
  return row.id;
}

export async function findImport(
  db: Executor,
  productId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<ImportRecord | null> {
  const q = db
    .select()
    .from(feedbackImports)
    .where(and(eq(feedbackImports.productId, productId), eq(feedbackImports.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) return null;
  return {
    id: row.id,
    productId: row.productId,
    status: row.status === 'committed' ? 'committed' : 'draft',
    source: row.source as ImportRecord['source'],
    fileHash: row.fileHash,
    fileName: row.fileName,
    messages: row.messages,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

export async function markCommitted(tx: Executor, id: string, at: Date): Promise<void> {
  // The messages stay: the committed draft is the record of what the file held.
  await tx.update(feedbackImports).set({ status: 'committed', committedAt: at }).where(eq(feedbackImports.id, id));
}

/** Drafts past their expiry are deleted when the product's next import is previewed. */
export async function deleteExpiredDrafts(tx: Executor, productId: string, now: Date): Promise<void> {
  await tx
    .delete(feedbackImports)
    .where(
      and(
        eq(feedbackImports.productId, productId),
        eq(feedbackImports.status, 'draft'),
        sql`${feedbackImports.expiresAt} <= ${now}`,
      ),
    );
}

export async function fileCommittedBefore(db: Executor, productId: string, fileHash: string): Promise<boolean> {
  const [row] = await db
    .select({ id: feedbackImports.id })
    .from(feedbackImports)
    .where(
      and(
        eq(feedbackImports.productId, productId),
        eq(feedbackImports.fileHash, fileHash),
        eq(feedbackImports.status, 'committed'),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Which of these messages were imported before: by file and reference, or by fingerprint. */
export async function importedBefore(
  db: Executor,
  productId: string,
  fileHash: string,
  messages: readonly { messageRef: string; fingerprint: string }[],
): Promise<{ refs: Set<string>; fingerprints: Set<string> }> {
  const refs = new Set<string>();
  const fingerprints = new Set<string>();
  for (let i = 0; i < messages.length; i += 5000) {
    const chunk = messages.slice(i, i + 5000);
    const byRef = await db
      .select({ ref: feedbackImportedMessages.messageRef })
      .from(feedbackImportedMessages)
      .where(
        and(
          eq(feedbackImportedMessages.productId, productId),
          eq(feedbackImportedMessages.fileHash, fileHash),
          inArray(
            feedbackImportedMessages.messageRef,
            chunk.map((m) => m.messageRef),
          ),
        ),
      );
    for (const r of byRef) refs.add(r.ref);
    const byPrint = await db
      .select({ fingerprint: feedbackImportedMessages.fingerprint })
      .from(feedbackImportedMessages)
      .where(
        and(
          eq(feedbackImportedMessages.productId, productId),
          inArray(
            feedbackImportedMessages.fingerprint,
            chunk.map((m) => m.fingerprint),
          ),
        ),
      );
    for (const r of byPrint) fingerprints.add(r.fingerprint);
  }
  return { refs, fingerprints };
}

export async function recordImported(
  tx: Executor,
  rows: readonly { productId: string; itemId: string; fileHash: string; messageRef: string; fingerprint: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await tx.insert(feedbackImportedMessages).values(rows.slice(i, i + 2000));
  }
}
