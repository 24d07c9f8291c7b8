// Pairs of feedback items decided not to be duplicates: stored once per pair (the smaller item id first), read back
// with both keys and who decided.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { feedbackDistinctPairs, feedbackItems } from '../../../db/schema/feedback.ts';
import type { Person } from '../repo.ts';

export type DistinctPairRecord = {
  itemA: { key: string; number: number };
  itemB: { key: string; number: number };
  decidedBy: Person | null;
  decidedAt: Date;
};

/** The two ids in stored order (`item_a < item_b`; Postgres compares uuids as their lowercase hex does). */
export const orderedPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);

/** Records the pair unless it is already; answers whether this call recorded it. */
export async function insertDistinctPair(
  tx: Executor,
  v: { productId: string; ids: [string, string]; decidedBy: string | null; at: Date },
): Promise<boolean> {
  const [itemA, itemB] = orderedPair(...v.ids);
  const rows = await tx
    .insert(feedbackDistinctPairs)
    .values({ productId: v.productId, itemA, itemB, decidedBy: v.decidedBy, decidedAt: v.at })
    .onConflictDoNothing()
    .returning({ itemA: feedbackDistinctPairs.itemA });
  return rows.length > 0;
}

const a = alias(feedbackItems, 'item_a');
const b = alias(feedbackItems, 'item_b');
const decider = alias(users, 'decider');

async function selectPairs(db: Executor, where: SQL | undefined, limit: number): Promise<DistinctPairRecord[]> {
  const rows = await db
    .select({
      aKey: a.key,
      aNumber: a.number,
      bKey: b.key,
      bNumber: b.number,
      decidedAt: feedbackDistinctPairs.decidedAt,
      deciderId: decider.id,
      deciderName: decider.name,
      deciderEmail: decider.email,
    })
    .from(feedbackDistinctPairs)
    .innerJoin(a, eq(a.id, feedbackDistinctPairs.itemA))
    .innerJoin(b, eq(b.id, feedbackDistinctPairs.itemB))
    .leftJoin(decider, eq(decider.id, feedbackDistinctPairs.decidedBy))
    .where(where)
    .orderBy(desc(feedbackDistinctPairs.decidedAt), feedbackDistinctPairs.itemA, feedbackDistinctPairs.itemB)
    .limit(limit);
  return rows.map((r) => ({
    itemA: { key: r.aKey, number: r.aNumber },
    itemB: { key: r.bKey, number: r.bNumber },
    decidedBy: r.deciderId ? { id: r.deciderId, name: r.deciderName ?? '', email: r.deciderEmail ?? '' } : null,
    decidedAt: r.decidedAt,
  }));
}

export async function findDistinctPair(db: Executor, ids: [string, string]): Promise<DistinctPairRecord | undefined> {
  const [itemA, itemB] = orderedPair(...ids);
  const [row] = await selectPairs(
    db,
    and(eq(feedbackDistinctPairs.itemA, itemA), eq(feedbackDistinctPairs.itemB, itemB)),
    1,
  );
  return row;
}

/** The product's pairs, newest decision first. */
export function listDistinctPairs(db: Executor, productId: string, limit: number): Promise<DistinctPairRecord[]> {
  return selectPairs(db, eq(feedbackDistinctPairs.productId, productId), limit);
}
