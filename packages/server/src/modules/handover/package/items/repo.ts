// Queries of a checklist item's extras: its evidence files (kept in uat_attachments with the run screenshots and the
// sign-off evidence, with the same metadata columns; bytes are read only by the download and the export) and its
// history, read from the audit trail (the package's item events name the item in `after.itemId`).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../../db/client.ts';
import { auditEvents } from '../../../../db/schema/audit.ts';
import { uatAttachments } from '../../../../db/schema/uat.ts';
import { type AttachmentMeta, attachmentMetaColumns, attachmentOrder, type NewAttachment } from '../../../uat/repo.ts';

export type EvidenceFileRow = AttachmentMeta & { itemId: string };

const columns = { id: uatAttachments.id, itemId: uatAttachments.handoverItemId, ...attachmentMetaColumns };

const ofPackage = (packageId: string, itemId?: string) =>
  and(
    eq(uatAttachments.handoverPackageId, packageId),
    itemId === undefined ? undefined : eq(uatAttachments.handoverItemId, itemId),
  );

const withItem = <T extends { itemId: string | null }>(rows: T[]) =>
  rows.flatMap((r) => (r.itemId ? [{ ...r, itemId: r.itemId }] : []));

/** A package's evidence files (metadata), or one item's, oldest first. */
export async function listEvidenceFiles(db: Executor, packageId: string, itemId?: string): Promise<EvidenceFileRow[]> {
  const rows = await db
    .select(columns)
    .from(uatAttachments)
    .where(ofPackage(packageId, itemId))
    .orderBy(...attachmentOrder);
  return withItem(rows);
}

export async function countEvidenceFiles(tx: Executor, packageId: string, itemId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)` }).from(uatAttachments).where(ofPackage(packageId, itemId));
  return Number(row?.n ?? 0);
}

export async function insertEvidenceFile(
  tx: Executor,
  v: NewAttachment & { packageId: string; itemId: string },
): Promise<string> {
  const { packageId, itemId, at, ...rest } = v;
  const [row] = await tx
    .insert(uatAttachments)
    .values({ ...rest, handoverPackageId: packageId, handoverItemId: itemId, size: v.bytes.length, createdAt: at })
    .returning({ id: uatAttachments.id });
  if (!row) throw new Error('evidence file insert returned nothing');
  return row.id;
}

/** One file of one item, with its bytes. */
export async function findEvidenceFile(db: Executor, packageId: string, itemId: string, id: string) {
  const [row] = await db
    .select({ ...columns, bytes: uatAttachments.bytes })
    .from(uatAttachments)
    .where(and(ofPackage(packageId, itemId), eq(uatAttachments.id, id)))
    .limit(1);
  return row ? (withItem([row])[0] ?? null) : null;
}

/** Every file of the package with its bytes, for the export. */
export async function evidenceFilesWithBytes(db: Executor, packageId: string) {
  const rows = await db
    .select({ ...columns, bytes: uatAttachments.bytes })
    .from(uatAttachments)
    .where(ofPackage(packageId))
    .orderBy(uatAttachments.handoverItemId, ...attachmentOrder);
  return withItem(rows);
}

export async function deleteEvidenceFile(tx: Executor, packageId: string, itemId: string, id: string) {
  const [row] = await tx
    .delete(uatAttachments)
    .where(and(ofPackage(packageId, itemId), eq(uatAttachments.id, id)))
    .returning({ id: uatAttachments.id });
  return row !== undefined;
}

export type ItemEventRow = {
  at: Date;
  action: string;
  actorLabel: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** The audit events of `actions` on this package that name the item, newest first. */
export async function itemEvents(
  db: Executor,
  packageId: string,
  itemId: string,
  actions: readonly string[],
): Promise<ItemEventRow[]> {
  const rows = await db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      actorLabel: auditEvents.actorLabel,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, 'handover_package'),
        eq(auditEvents.targetId, packageId),
        inArray(auditEvents.action, [...actions]),
        sql`${auditEvents.after}->>'itemId' = ${itemId}`,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(500);
  return rows.map((r) => ({
    ...r,
    before: (r.before as Record<string, unknown> | null) ?? null,
    after: (r.after as Record<string, unknown> | null) ?? null,
  }));
}
