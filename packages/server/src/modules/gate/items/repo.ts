// What ProductOps adds to a review: criterion overrides, finding waivers and conditions (fix items).
import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { gateConditions, gateOverrides, gateWaivers } from '../../../db/schema/gate.ts';
import type { OverrideRecord, WaiverRecord } from '../reviews/effective.ts';
import type { Person } from '../reviews/repo.ts';

const owner = alias(users, 'owner');

const byColumns = { byId: users.id, byName: users.name, byEmail: users.email };
const withBy = <T extends { byId: string | null; byName: string | null; byEmail: string | null }>(r: T) => {
  const { byId, byName, byEmail, ...rest } = r;
  return { ...rest, by: byId ? { id: byId, name: byName ?? '', email: byEmail ?? '' } : null };
};

export async function listOverrides(db: Executor, reviewId: string): Promise<OverrideRecord[]> {
  const rows = await db
    .select({
      criterion: gateOverrides.criterion,
      score: gateOverrides.score,
      reason: gateOverrides.reason,
      at: gateOverrides.at,
      ...byColumns,
    })
    .from(gateOverrides)
    .leftJoin(users, eq(users.id, gateOverrides.byId))
    .where(eq(gateOverrides.reviewId, reviewId))
    .orderBy(asc(gateOverrides.criterion));
  return rows.map(withBy);
}

export async function listWaivers(db: Executor, reviewId: string): Promise<WaiverRecord[]> {
  const rows = await db
    .select({
      findingId: gateWaivers.findingId,
      reason: gateWaivers.reason,
      expiresAt: gateWaivers.expiresAt,
      at: gateWaivers.at,
      carriedFromReviewId: gateWaivers.carriedFromReviewId,
      ...byColumns,
    })
    .from(gateWaivers)
    .leftJoin(users, eq(users.id, gateWaivers.byId))
    .where(eq(gateWaivers.reviewId, reviewId))
    .orderBy(asc(gateWaivers.at));
  return rows.map(withBy);
}

export type ConditionRecord = {
  id: string;
  text: string;
  owner: Person;
  dueDate: string;
  done: boolean;
  doneAt: Date | null;
  createdAt: Date;
};

export async function listConditions(db: Executor, reviewId: string): Promise<ConditionRecord[]> {
  const rows = await db
    .select({
      id: gateConditions.id,
      text: gateConditions.text,
      ownerId: owner.id,
      ownerName: owner.name,
      ownerEmail: owner.email,
      dueDate: gateConditions.dueDate,
      done: gateConditions.done,
      doneAt: gateConditions.doneAt,
      createdAt: gateConditions.createdAt,
    })
    .from(gateConditions)
    .leftJoin(owner, eq(owner.id, gateConditions.ownerId))
    .where(eq(gateConditions.reviewId, reviewId))
    .orderBy(asc(gateConditions.createdAt), asc(gateConditions.id));
  return rows.map(({ ownerId, ownerName, ownerEmail, ...r }) => ({
    ...r,
    owner: ownerId ? { id: ownerId, name: ownerName ?? '', email: ownerEmail ?? '' } : null,
  }));
}

export async function countConditions(db: Executor, reviewId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(gateConditions).where(eq(gateConditions.reviewId, reviewId));
  return Number(row?.n ?? 0);
}

/** One override per criterion: a new one replaces the old; the audit trail keeps both. */
export async function upsertOverride(
  tx: Executor,
  o: { reviewId: string; criterion: string; score: number; reason: string; byId: string | null; at: Date },
): Promise<void> {
  await tx
    .insert(gateOverrides)
    .values(o)
    .onConflictDoUpdate({
      target: [gateOverrides.reviewId, gateOverrides.criterion],
      set: { score: o.score, reason: o.reason, byId: o.byId, at: o.at },
    });
}

export async function upsertWaiver(
  tx: Executor,
  w: { reviewId: string; findingId: string; reason: string; expiresAt: Date; byId: string | null; at: Date },
): Promise<void> {
  await tx
    .insert(gateWaivers)
    .values(w)
    .onConflictDoUpdate({
      target: [gateWaivers.reviewId, gateWaivers.findingId],
      set: { reason: w.reason, expiresAt: w.expiresAt, byId: w.byId, at: w.at },
    });
}

export async function insertCondition(
  tx: Executor,
  c: { reviewId: string; text: string; ownerId: string | null; dueDate: string; createdBy: string | null; at: Date },
): Promise<string> {
  const [row] = await tx
    .insert(gateConditions)
    .values({
      reviewId: c.reviewId,
      text: c.text,
      ownerId: c.ownerId,
      dueDate: c.dueDate,
      createdBy: c.createdBy,
      createdAt: c.at,
    })
    .returning({ id: gateConditions.id });
  if (!row) throw new Error('condition insert returned nothing');
  return row.id;
}

export async function findCondition(tx: Executor, reviewId: string, id: string) {
  const [row] = await tx
    .select()
    .from(gateConditions)
    .where(and(eq(gateConditions.id, id), eq(gateConditions.reviewId, reviewId)));
  return row ?? null;
}

export async function updateCondition(
  tx: Executor,
  id: string,
  patch: { text?: string; ownerId?: string | null; dueDate?: string; done?: boolean; doneAt?: Date | null },
): Promise<void> {
  await tx.update(gateConditions).set(patch).where(eq(gateConditions.id, id));
}

/** Removes a criterion's override (the engine's score counts again); returns what was removed. */
export async function deleteOverride(tx: Executor, reviewId: string, criterion: string) {
  const [row] = await tx
    .delete(gateOverrides)
    .where(and(eq(gateOverrides.reviewId, reviewId), eq(gateOverrides.criterion, criterion)))
    .returning({ score: gateOverrides.score, reason: gateOverrides.reason });
  return row;
}

/** Removes a finding's waiver (it counts toward the verdict again); returns what was removed. */
export async function deleteWaiver(tx: Executor, reviewId: string, findingId: string) {
  const [row] = await tx
    .delete(gateWaivers)
    .where(and(eq(gateWaivers.reviewId, reviewId), eq(gateWaivers.findingId, findingId)))
    .returning({ reason: gateWaivers.reason, expiresAt: gateWaivers.expiresAt });
  return row;
}

/**
 * On resubmission, the previous attempt's unexpired waivers follow the findings that remain (a finding keeps its
 * id across versions), marked as carried; ProductOps can remove any of them. Returns the carried finding ids.
 */
export async function carryWaivers(
  tx: Executor,
  from: { reviewId: string; findingIds: string[] },
  toReviewId: string,
  now: Date,
): Promise<string[]> {
  if (from.findingIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(gateWaivers)
    .where(
      and(
        eq(gateWaivers.reviewId, from.reviewId),
        inArray(gateWaivers.findingId, from.findingIds),
        gt(gateWaivers.expiresAt, now),
      ),
    );
  if (rows.length === 0) return [];
  await tx.insert(gateWaivers).values(
    rows.map((w) => ({
      reviewId: toReviewId,
      findingId: w.findingId,
      reason: w.reason,
      expiresAt: w.expiresAt,
      byId: w.byId,
      at: w.at,
      carriedFromReviewId: from.reviewId,
    })),
  );
  return rows.map((w) => w.findingId);
}
