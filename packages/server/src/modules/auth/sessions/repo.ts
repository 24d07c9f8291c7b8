// Queries for sessions and for the account lockout. The lockout is counted in the database: reading the count and
// writing count + 1 from the app let concurrent wrong passwords all write the same number (issue #9, defect 4); one
// UPDATE that increments and locks in the same statement takes the row lock, so PostgreSQL serialises them and every
// failure counts.
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { sessions, users } from '../../../db/schema/accounts.ts';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES } from './lockout.ts';

export type SessionRow = typeof sessions.$inferSelect;

export const findSessionById = async (db: Executor, id: string): Promise<SessionRow | undefined> =>
  (await db.select().from(sessions).where(eq(sessions.id, id)).limit(1))[0];

export async function insertSession(
  tx: Executor,
  row: { id: string; userId: string; csrfToken: string; expiresAt: Date; lastSeenAt: Date },
): Promise<void> {
  await tx.insert(sessions).values(row);
}

export async function deleteSession(tx: Executor, id: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of the user but `keepId` (the one changing the password; '' for none). */
export async function deleteOtherSessions(tx: Executor, userId: string, keepId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepId}`));
}

export async function touchSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export type FailureCount = { locked: boolean; lockedUntil: Date | null };

/**
 * Counts one failed sign-in. The failure that reaches LOCK_AFTER_FAILURES locks the account for LOCK_MINUTES and
 * starts the count afresh, so after the lock ends the person has the same five tries again.
 */
export async function countFailedSignIn(tx: Executor, userId: string, now: Date): Promise<FailureCount> {
  const reaches = sql`${users.failedLogins} + 1 >= ${LOCK_AFTER_FAILURES}`;
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  const [row] = await tx
    .update(users)
    .set({
      failedLogins: sql`case when ${reaches} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reaches} then ${until}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  // Every failure adds one, so a count of 0 afterwards means this very failure reached the limit.
  return { locked: row?.failedLogins === 0, lockedUntil: row?.lockedUntil ?? null };
}

/**
 * Resets the count for a completed sign-in, unless the account is locked now: a right password checked while
 * racing wrong ones must not sign in once they have locked the account. False means locked (and nothing changed).
 * `evenIfLocked` is for sign-ins that do not use the local credentials the lockout protects.
 */
export async function clearFailedSignIns(
  tx: Executor,
  userId: string,
  now: Date,
  opts: { evenIfLocked?: boolean } = {},
): Promise<boolean> {
  const unlocked = opts.evenIfLocked ? undefined : or(isNull(users.lockedUntil), lte(users.lockedUntil, now));
  const cleared = await tx
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(and(eq(users.id, userId), unlocked))
    .returning({ id: users.id });
  return cleared.length > 0;
}

export async function lockedUntilOf(tx: Executor, userId: string): Promise<Date | null> {
  const [row] = await tx.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return row?.lockedUntil ?? null;
}
