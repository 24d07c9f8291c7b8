// Queries of the studio-wide records administrators manage: subsidiaries, taxonomy terms and settings (the naming
// convention).
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { products, settings, subsidiaries, taxonomyTerms } from '../../../db/schema/workspace.ts';

export type SubsidiaryRow = typeof subsidiaries.$inferSelect;
export type TermRow = typeof taxonomyTerms.$inferSelect;

export const findSubsidiaryByCode = async (db: Executor, code: string): Promise<SubsidiaryRow | undefined> =>
  (await db.select().from(subsidiaries).where(eq(subsidiaries.code, code)).limit(1))[0];

export async function findSubsidiariesByCodes(db: Executor, codes: string[]): Promise<SubsidiaryRow[]> {
  return codes.length ? db.select().from(subsidiaries).where(inArray(subsidiaries.code, codes)) : [];
}

/** `visible` null = every subsidiary; each with its number of products. */
export async function listSubsidiaries(db: Executor, visible: string[] | null) {
  return db
    .select({ subsidiary: subsidiaries, productCount: count(products.id) })
    .from(subsidiaries)
    .leftJoin(products, eq(products.subsidiaryId, subsidiaries.id))
    .where(visible ? (visible.length ? inArray(subsidiaries.id, visible) : sql`false`) : undefined)
    .groupBy(subsidiaries.id)
    .orderBy(asc(subsidiaries.code));
}

/** Inserts a subsidiary; undefined when its code is taken. */
export async function insertSubsidiary(tx: Executor, code: string, name: string): Promise<SubsidiaryRow | undefined> {
  const [row] = await tx.insert(subsidiaries).values({ code, name }).onConflictDoNothing().returning();
  return row;
}

export async function updateSubsidiaryRow(
  tx: Executor,
  id: string,
  changes: { name?: string; gateFourEyes?: boolean },
): Promise<SubsidiaryRow | undefined> {
  const [row] = await tx.update(subsidiaries).set(changes).where(eq(subsidiaries.id, id)).returning();
  return row;
}

export async function listTerms(db: Executor, kind?: string): Promise<TermRow[]> {
  return db
    .select()
    .from(taxonomyTerms)
    .where(kind ? eq(taxonomyTerms.kind, kind) : undefined)
    .orderBy(asc(taxonomyTerms.kind), asc(taxonomyTerms.label));
}

export const findTerm = async (db: Executor, id: string): Promise<TermRow | undefined> =>
  (await db.select().from(taxonomyTerms).where(eq(taxonomyTerms.id, id)).limit(1))[0];

/** Inserts a term; undefined when its kind and code are taken. */
export async function insertTerm(
  tx: Executor,
  term: { kind: string; code: string; label: string },
): Promise<TermRow | undefined> {
  const [row] = await tx.insert(taxonomyTerms).values(term).onConflictDoNothing().returning();
  return row;
}

/** Inserts the terms that are missing (start-up defaults). */
export async function insertTermsIfMissing(db: Executor, terms: { kind: string; code: string; label: string }[]) {
  await db.insert(taxonomyTerms).values(terms).onConflictDoNothing();
}

export async function updateTermRow(
  tx: Executor,
  id: string,
  patch: { label?: string; archived?: boolean },
): Promise<TermRow | undefined> {
  const [row] = await tx.update(taxonomyTerms).set(patch).where(eq(taxonomyTerms.id, id)).returning();
  return row;
}

export async function activeTermCodes(db: Executor, kind: string): Promise<Set<string>> {
  const rows = await db
    .select({ code: taxonomyTerms.code })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.kind, kind), eq(taxonomyTerms.archived, false)));
  return new Set(rows.map((r) => r.code));
}

export const getSetting = async (db: Executor, key: string) =>
  (await db.select().from(settings).where(eq(settings.key, key)).limit(1))[0];

/** Stores `value` under `key` as `version`, replacing what was there. */
export async function putSetting(tx: Executor, key: string, value: unknown, version: number): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value, version })
    .onConflictDoUpdate({ target: settings.key, set: { value, version, updatedAt: new Date() } });
}

/** Stores `value` under `key` unless the key exists (start-up defaults). */
export async function insertSettingIfMissing(db: Executor, key: string, value: unknown, version: number) {
  await db.insert(settings).values({ key, value, version }).onConflictDoNothing();
}
