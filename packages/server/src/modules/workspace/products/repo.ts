import { and, asc, count, eq, gt, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { products, subsidiaries } from '../../../db/schema/workspace.ts';
import { gateStatusJson } from './gate-status.ts';

const po = alias(users, 'po');
const builder = alias(users, 'builder');
const itOwner = alias(users, 'it_owner');
const person = <T extends { id: unknown; name: unknown; email: unknown }>(u: T) => ({
  id: u.id as T['id'],
  name: u.name as T['name'],
  email: u.email as T['email'],
});

export const productSelection = {
  product: products,
  subsidiary: { id: subsidiaries.id, code: subsidiaries.code, name: subsidiaries.name },
  po: person(po),
  builder: person(builder),
  itOwner: person(itOwner),
};

function productQuery(db: Executor) {
  return db
    .select(productSelection)
    .from(products)
    .innerJoin(subsidiaries, eq(subsidiaries.id, products.subsidiaryId))
    .leftJoin(po, eq(po.id, products.poId))
    .leftJoin(builder, eq(builder.id, products.builderId))
    .leftJoin(itOwner, eq(itOwner.id, products.itOwnerId));
}
export type ProductRow = Awaited<ReturnType<ReturnType<typeof productQuery>['execute']>>[number];

/** The board's rows: a product and its gate status as JSON text (gate-status.ts), still one query per page. */
function productListQuery(db: Executor) {
  return db
    .select({ ...productSelection, gate: sql<string | null>`(${sql.raw(gateStatusJson('"products"."id"'))})::text` })
    .from(products)
    .innerJoin(subsidiaries, eq(subsidiaries.id, products.subsidiaryId))
    .leftJoin(po, eq(po.id, products.poId))
    .leftJoin(builder, eq(builder.id, products.builderId))
    .leftJoin(itOwner, eq(itOwner.id, products.itOwnerId));
}
export type ProductListRow = Awaited<ReturnType<ReturnType<typeof productListQuery>['execute']>>[number];

/** `lock` (inside a transaction) holds the product row until commit, so a concurrent change of it waits. */
export async function findProduct(
  db: Executor,
  code: string,
  opts: { lock?: boolean } = {},
): Promise<ProductRow | undefined> {
  const q = productQuery(db).where(eq(products.code, code)).limit(1);
  return (opts.lock ? await q.for('update', { of: products }) : await q)[0];
}

/** Inserts a product; undefined when its code is taken. */
export async function insertProduct(tx: Executor, values: typeof products.$inferInsert) {
  const [row] = await tx.insert(products).values(values).onConflictDoNothing().returning();
  return row;
}

export type ProductChanges = Partial<Omit<typeof products.$inferInsert, 'id' | 'code' | 'revision' | 'createdAt'>>;

/**
 * Applies `changes` only while the product is still at revision `expected`, and bumps the revision (its ETag).
 * Returns the new revision, or null when another save got there first.
 */
export async function updateProductAtRevision(
  tx: Executor,
  id: string,
  expected: number,
  changes: ProductChanges,
): Promise<number | null> {
  const [row] = await tx
    .update(products)
    .set({ ...changes, revision: sql`${products.revision} + 1` })
    .where(and(eq(products.id, id), eq(products.revision, expected)))
    .returning({ revision: products.revision });
  return row?.revision ?? null;
}

export type ForcedMove = { stage: string; from: string; reason: string; by: string | null; at: Date };

/** A forced stage move at revision `expected` (as updateProductAtRevision); the product keeps who, when and why. */
export async function setForcedStage(
  tx: Executor,
  id: string,
  expected: number,
  move: ForcedMove,
): Promise<number | null> {
  return updateProductAtRevision(tx, id, expected, {
    stage: move.stage,
    stageForcedFrom: move.from,
    stageForcedReason: move.reason,
    stageForcedBy: move.by,
    stageForcedAt: move.at,
    updatedAt: move.at,
  });
}

export type ProductFilter = {
  visible: string[] | null;
  subsidiaryCode?: string;
  stage?: string;
  type?: string;
  owner?: string;
  tag?: string;
  q?: string;
  after?: string;
  limit: number;
};

export async function listProducts(db: Executor, f: ProductFilter): Promise<ProductListRow[]> {
  const where: (SQL | undefined)[] = [];
  if (f.visible) where.push(f.visible.length ? inArray(products.subsidiaryId, f.visible) : sql`false`);
  if (f.subsidiaryCode) where.push(eq(subsidiaries.code, f.subsidiaryCode));
  if (f.stage) where.push(eq(products.stage, f.stage));
  if (f.type) where.push(eq(products.productType, f.type));
  if (f.owner)
    where.push(or(eq(products.poId, f.owner), eq(products.builderId, f.owner), eq(products.itOwnerId, f.owner)));
  if (f.tag) where.push(sql`${products.tags} @> ${JSON.stringify([f.tag])}::jsonb`);
  if (f.q) where.push(or(ilike(products.name, `%${escapeLike(f.q)}%`), ilike(products.code, `%${escapeLike(f.q)}%`)));
  if (f.after) where.push(gt(products.code, f.after));
  return productListQuery(db)
    .where(and(...where))
    .orderBy(asc(products.code))
    .limit(f.limit);
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findUsers(db: Executor, ids: string[]) {
  return ids.length
    ? db.select({ id: users.id, disabled: users.disabled }).from(users).where(inArray(users.id, ids))
    : [];
}

export async function countProducts(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(products);
  return Number(row?.n ?? 0);
}
