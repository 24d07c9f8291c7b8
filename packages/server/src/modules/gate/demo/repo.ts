// The demo loader's reads and its batch of audit rows (the demo studio's gate history, demo/seed.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { auditEvents } from '../../../db/schema/audit.ts';
import { documents, documentVersions } from '../../../db/schema/documents.ts';
import { gateReviews } from '../../../db/schema/gate.ts';
import { products, subsidiaries } from '../../../db/schema/workspace.ts';
import type { AuditRow } from '../../../demo/build.ts';

/** The demo products' PRDs with their versions, leaving out those the gate already reviewed. */
export async function demoPrds(tx: Tx, codes: string[]) {
  const docs = await tx
    .select({
      documentId: documents.id,
      productId: products.id,
      productCode: products.code,
      productType: products.productType,
      subsidiaryId: products.subsidiaryId,
      subsidiaryCode: subsidiaries.code,
      poId: products.poId,
    })
    .from(documents)
    .innerJoin(products, eq(products.id, documents.productId))
    .innerJoin(subsidiaries, eq(subsidiaries.id, products.subsidiaryId))
    .where(and(eq(documents.kind, 'prd'), inArray(products.code, codes)));
  if (docs.length === 0) return [];
  const ids = docs.map((d) => d.documentId);
  const versions = await tx.select().from(documentVersions).where(inArray(documentVersions.documentId, ids));
  // Re-running the demo keeps the gate history it already has.
  const reviewed = new Set(
    (await tx.select({ id: gateReviews.documentId }).from(gateReviews).where(inArray(gateReviews.documentId, ids))).map(
      (r) => r.id,
    ),
  );
  return docs
    .filter((d) => !reviewed.has(d.documentId))
    .map((d) => ({ ...d, versions: versions.filter((v) => v.documentId === d.documentId) }));
}

export type DemoPrd = Awaited<ReturnType<typeof demoPrds>>[number];

/** Users by email: id and email of those that exist. */
export async function usersByEmail(tx: Tx, emails: string[]): Promise<{ id: string; email: string }[]> {
  return tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
}

/** Audit events written as they happened in the demo's history (dated in the past), in one batch. */
export async function insertAuditRows(tx: Tx, rows: AuditRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(auditEvents).values(rows);
}
