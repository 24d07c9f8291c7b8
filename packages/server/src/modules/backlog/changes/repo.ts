// Change-request rows: numbered per product, decided once.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { type ChangeImpact, changeRequests, stories } from '../../../db/schema/backlog.ts';
import { documentVersions } from '../../../db/schema/documents.ts';
import { products } from '../../../db/schema/workspace.ts';

type Person = { id: string; name: string; email: string };

export type ChangeRequestRecord = {
  id: string;
  key: string;
  number: number;
  title: string;
  whatChanges: string;
  why: string;
  impact: ChangeImpact;
  prdChange: string | null;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: Person | null;
  createdAt: Date;
  decidedBy: Person | null;
  decidedAt: Date | null;
  rationale: string | null;
  prdVersion: { id: string; major: number; minor: number } | null;
};

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

const person = (id: string | null, name: string | null, email: string | null): Person | null =>
  id !== null && name !== null && email !== null ? { id, name, email } : null;

async function select(db: Executor, where: ReturnType<typeof and>, lock = false): Promise<ChangeRequestRecord[]> {
  const q = db
    .select({
      row: changeRequests,
      requesterName: requester.name,
      requesterEmail: requester.email,
      deciderName: decider.name,
      deciderEmail: decider.email,
      major: documentVersions.major,
      minor: documentVersions.minor,
    })
    .from(changeRequests)
    .leftJoin(requester, eq(requester.id, changeRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, changeRequests.decidedBy))
    .leftJoin(documentVersions, eq(documentVersions.id, changeRequests.prdVersionId))
    .where(where)
    .orderBy(asc(changeRequests.number));
  const rows = lock ? await q.for('update', { of: changeRequests }) : await q;
  return rows.map(({ row, ...r }) => ({
    id: row.id,
    key: row.key,
    number: row.number,
    title: row.title,
    whatChanges: row.whatChanges,
    why: row.why,
    impact: row.impact,
    prdChange: row.prdChange,
    status: row.status === 'approved' || row.status === 'rejected' ? row.status : 'pending',
    requestedBy: person(row.requestedBy, r.requesterName, r.requesterEmail),
    createdAt: row.createdAt,
    decidedBy: person(row.decidedBy, r.deciderName, r.deciderEmail),
    decidedAt: row.decidedAt,
    rationale: row.rationale,
    prdVersion:
      row.prdVersionId !== null && r.major !== null && r.minor !== null
        ? { id: row.prdVersionId, major: r.major, minor: r.minor }
        : null,
  }));
}

export const listChangeRequests = (db: Executor, productId: string) =>
  select(db, and(eq(changeRequests.productId, productId)));

export async function findChangeRequest(
  db: Executor,
  productId: string,
  key: string,
  lock = false,
): Promise<ChangeRequestRecord | null> {
  const [row] = await select(db, and(eq(changeRequests.productId, productId), eq(changeRequests.key, key)), lock);
  return row ?? null;
}

/** The next number (the caller holds the product's backlog lock, so two raises cannot take the same one). */
export async function nextChangeRequestNumber(tx: Executor, productId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number | string | null>`max(${changeRequests.number})` })
    .from(changeRequests)
    .where(eq(changeRequests.productId, productId));
  return Number(row?.n ?? 0) + 1;
}

export async function insertChangeRequest(
  tx: Executor,
  v: {
    productId: string;
    number: number;
    key: string;
    title: string;
    whatChanges: string;
    why: string;
    impact: ChangeImpact;
    prdChange: string | null;
    requestedBy: string | null;
    at: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(changeRequests)
    .values({
      productId: v.productId,
      number: v.number,
      key: v.key,
      title: v.title,
      whatChanges: v.whatChanges,
      why: v.why,
      impact: v.impact,
      prdChange: v.prdChange,
      requestedBy: v.requestedBy,
      createdAt: v.at,
    })
    .returning({ id: changeRequests.id });
  if (!row) throw new Error('change request insert returned nothing');
  return row.id;
}

/** Records the decision while still pending; false when someone decided first. */
export async function decideChangeRequest(
  tx: Executor,
  id: string,
  v: { status: 'approved' | 'rejected'; by: string | null; at: Date; rationale: string; prdVersionId: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(changeRequests)
    .set({
      status: v.status,
      decidedBy: v.by,
      decidedAt: v.at,
      rationale: v.rationale,
      prdVersionId: v.prdVersionId,
    })
    .where(and(eq(changeRequests.id, id), eq(changeRequests.status, 'pending')))
    .returning({ id: changeRequests.id });
  return rows.length === 1;
}

/** The product's PO/VB (`products.po_id`: the person who decides its change requests), if one is assigned. */
export async function findProductOwner(db: Executor, productId: string): Promise<string | null> {
  const [row] = await db.select({ poId: products.poId }).from(products).where(eq(products.id, productId));
  return row?.poId ?? null;
}

/** Which of the given story keys the product has (a change request's impact names stories by key). */
export async function findStoryKeys(db: Executor, productId: string, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select({ key: stories.key })
    .from(stories)
    .where(and(eq(stories.productId, productId), inArray(stories.key, [...keys])));
  return rows.map((r) => r.key);
}

/** When each of the product's change requests was raised (sprint metrics count the ones raised mid-sprint). */
export async function changeRequestTimes(db: Executor, productId: string): Promise<Date[]> {
  const rows = await db
    .select({ createdAt: changeRequests.createdAt })
    .from(changeRequests)
    .where(eq(changeRequests.productId, productId));
  return rows.map((r) => r.createdAt);
}

export async function countPendingChangeRequests(db: Executor, productId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number | string>`count(*)` })
    .from(changeRequests)
    .where(and(eq(changeRequests.productId, productId), eq(changeRequests.status, 'pending')));
  return Number(row?.n ?? 0);
}
