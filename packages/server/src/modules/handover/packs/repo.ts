// Queries of handover packs: versions numbered per product and kind, the newest per kind, one version with its text.
import type { Finding } from '@pi-studio/core/gate/types';
import type { PackKind } from '@pi-studio/core/handover/types';
import { and, count, desc, eq, max, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { handoverPacks } from '../../../db/schema/handover.ts';
import { products } from '../../../db/schema/workspace.ts';

export type PackRecord = {
  id: string;
  kind: PackKind;
  version: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  score: number;
  verdict: string;
  blockers: number;
  maskedLines: number[];
  uploadedBy: { id: string; name: string; email: string } | null;
  createdAt: Date;
};

export type PackDetailRecord = PackRecord & { findings: Finding[] };

const columns = {
  id: handoverPacks.id,
  kind: handoverPacks.kind,
  version: handoverPacks.version,
  fileName: handoverPacks.fileName,
  mediaType: handoverPacks.mediaType,
  size: handoverPacks.size,
  sha256: handoverPacks.sha256,
  score: handoverPacks.score,
  verdict: handoverPacks.verdict,
  blockers: handoverPacks.blockers,
  maskedLines: handoverPacks.maskedLines,
  createdAt: handoverPacks.createdAt,
  uploaderId: users.id,
  uploaderName: users.name,
  uploaderEmail: users.email,
};

const selectPacks = (db: Executor) =>
  db.select(columns).from(handoverPacks).leftJoin(users, eq(users.id, handoverPacks.uploadedBy));
type Row = Awaited<ReturnType<ReturnType<typeof selectPacks>['execute']>>[number];

function toRecord(r: Row): PackRecord {
  const { uploaderId, uploaderName, uploaderEmail, ...pack } = r;
  return {
    ...pack,
    kind: pack.kind as PackKind,
    uploadedBy:
      uploaderId !== null && uploaderName !== null && uploaderEmail !== null
        ? { id: uploaderId, name: uploaderName, email: uploaderEmail }
        : null,
  };
}

/** Holds the product row until commit: two uploads of one product number their versions one after the other. */
export async function lockProduct(tx: Executor, productId: string): Promise<void> {
  await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).for('update');
}

export async function nextVersion(tx: Executor, productId: string, kind: PackKind): Promise<number> {
  const [row] = await tx
    .select({ last: max(handoverPacks.version) })
    .from(handoverPacks)
    .where(and(eq(handoverPacks.productId, productId), eq(handoverPacks.kind, kind)));
  return (row?.last ?? 0) + 1;
}

export type NewPack = Omit<typeof handoverPacks.$inferInsert, 'id' | 'createdAt'> & { createdAt: Date };

export async function insertPack(tx: Executor, values: NewPack): Promise<string> {
  const [row] = await tx.insert(handoverPacks).values(values).returning({ id: handoverPacks.id });
  if (!row) throw new Error('handover pack insert returned nothing');
  return row.id;
}

/** Every version of one kind, newest first. */
export async function listVersions(db: Executor, productId: string, kind: PackKind): Promise<PackRecord[]> {
  const rows = await selectPacks(db)
    .where(and(eq(handoverPacks.productId, productId), eq(handoverPacks.kind, kind)))
    .orderBy(desc(handoverPacks.version));
  return rows.map(toRecord);
}

/** The newest version of each kind the product has, and how many versions each kind has. */
export async function latestPerKind(
  db: Executor,
  productId: string,
): Promise<{ latest: PackRecord[]; counts: Map<string, number> }> {
  const [latest, counts] = await Promise.all([
    selectPacks(db)
      .where(
        and(
          eq(handoverPacks.productId, productId),
          eq(
            handoverPacks.version,
            sql`(select max(p.version) from ${handoverPacks} p where p.product_id = ${handoverPacks.productId} and p.kind = ${handoverPacks.kind})`,
          ),
        ),
      )
      .orderBy(handoverPacks.kind),
    db
      .select({ kind: handoverPacks.kind, n: count() })
      .from(handoverPacks)
      .where(eq(handoverPacks.productId, productId))
      .groupBy(handoverPacks.kind),
  ]);
  return { latest: latest.map(toRecord), counts: new Map(counts.map((c) => [c.kind, c.n])) };
}

export async function findVersion(
  db: Executor,
  productId: string,
  kind: PackKind,
  version: number,
): Promise<PackDetailRecord | null> {
  const [row] = await db
    .select({ ...columns, findings: handoverPacks.findings })
    .from(handoverPacks)
    .leftJoin(users, eq(users.id, handoverPacks.uploadedBy))
    .where(
      and(eq(handoverPacks.productId, productId), eq(handoverPacks.kind, kind), eq(handoverPacks.version, version)),
    )
    .limit(1);
  return row ? { ...toRecord(row), findings: row.findings } : null;
}

export async function findMaskedText(
  db: Executor,
  productId: string,
  kind: PackKind,
  version: number,
): Promise<{ fileName: string; text: string } | null> {
  const [row] = await db
    .select({ fileName: handoverPacks.fileName, text: handoverPacks.maskedText })
    .from(handoverPacks)
    .where(
      and(eq(handoverPacks.productId, productId), eq(handoverPacks.kind, kind), eq(handoverPacks.version, version)),
    )
    .limit(1);
  return row ?? null;
}
