// The Golden PRD library: approved passages per criterion, subsidiary and product type.
import type { GoldenPassage } from '@pi-studio/core/gate/types';
import { and, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { documentVersions } from '../../../db/schema/documents.ts';
import { goldenExamples } from '../../../db/schema/gate.ts';
import { subsidiaries } from '../../../db/schema/workspace.ts';
import { escapeLike } from '../../workspace/products/repo.ts';

/** Scoring reads at most this many passages, newest first (the engine keeps the best one per criterion). */
const SCORING_LIMIT = 2000;

const columns = {
  id: goldenExamples.id,
  criterion: goldenExamples.criterion,
  text: goldenExamples.text,
  source: goldenExamples.source,
  documentId: goldenExamples.documentId,
  versionId: goldenExamples.versionId,
  major: documentVersions.major,
  minor: documentVersions.minor,
  ownerSubsidiaryId: goldenExamples.ownerSubsidiaryId,
  subsidiary: subsidiaries.code,
  productType: goldenExamples.productType,
  createdAt: goldenExamples.createdAt,
  createdById: users.id,
  createdByName: users.name,
  createdByEmail: users.email,
};

function query(db: Executor) {
  return db
    .select(columns)
    .from(goldenExamples)
    .leftJoin(subsidiaries, eq(subsidiaries.id, goldenExamples.subsidiaryId))
    .leftJoin(documentVersions, eq(documentVersions.id, goldenExamples.versionId))
    .leftJoin(users, eq(users.id, goldenExamples.createdBy));
}

export type GoldenFilter = { criterion?: string; subsidiary?: string; productType?: string; q?: string; limit: number };

export async function listGolden(db: Executor, f: GoldenFilter) {
  const where: (SQL | undefined)[] = [];
  if (f.criterion) where.push(eq(goldenExamples.criterion, f.criterion));
  if (f.subsidiary) where.push(eq(subsidiaries.code, f.subsidiary));
  if (f.productType) where.push(eq(goldenExamples.productType, f.productType));
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(or(ilike(goldenExamples.text, like), ilike(goldenExamples.source, like)));
  }
  return query(db)
    .where(and(...where))
    .orderBy(desc(goldenExamples.createdAt), goldenExamples.id)
    .limit(f.limit);
}

export type GoldenRow = Awaited<ReturnType<typeof listGolden>>[number];

export async function findGolden(db: Executor, id: string): Promise<GoldenRow | null> {
  const [row] = await query(db).where(eq(goldenExamples.id, id));
  return row ?? null;
}

export async function insertGolden(tx: Executor, values: typeof goldenExamples.$inferInsert): Promise<string> {
  const [row] = await tx.insert(goldenExamples).values(values).returning({ id: goldenExamples.id });
  if (!row) throw new Error('golden insert returned nothing');
  return row.id;
}

export async function deleteGolden(tx: Executor, id: string): Promise<boolean> {
  return (
    (await tx.delete(goldenExamples).where(eq(goldenExamples.id, id)).returning({ id: goldenExamples.id })).length === 1
  );
}

/** Passages as the engine takes them, each with its id so a citation can name the passage it used. */
export async function goldenForScoring(db: Executor): Promise<(GoldenPassage & { id: string })[]> {
  const rows = await db
    .select({
      id: goldenExamples.id,
      criterion: goldenExamples.criterion,
      text: goldenExamples.text,
      source: goldenExamples.source,
      subsidiary: subsidiaries.code,
      productType: goldenExamples.productType,
    })
    .from(goldenExamples)
    .leftJoin(subsidiaries, eq(subsidiaries.id, goldenExamples.subsidiaryId))
    .orderBy(desc(goldenExamples.createdAt), goldenExamples.id)
    .limit(SCORING_LIMIT);
  return rows.map((r) => ({ ...r, subsidiary: r.subsidiary ?? null, productType: r.productType ?? null }));
}
