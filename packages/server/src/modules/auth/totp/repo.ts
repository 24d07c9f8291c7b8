// Queries for the second factor: TOTP authenticators, recovery codes and pending sign-in challenges. The writes
// that must happen once (a time step, a recovery code, a challenge) are conditional updates/deletes, so two
// concurrent requests cannot both succeed with the same code.
import { and, count, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { recoveryCodes, signInChallenges, totpFactors } from '../../../db/schema/sign-in.ts';

export type TotpFactorRow = typeof totpFactors.$inferSelect;
export type ChallengeRow = typeof signInChallenges.$inferSelect;

export const findFactor = async (db: Executor, userId: string): Promise<TotpFactorRow | undefined> =>
  (await db.select().from(totpFactors).where(eq(totpFactors.userId, userId)).limit(1))[0];

/** A new, unconfirmed authenticator; replaces an unconfirmed one (the caller refuses when one is confirmed). */
export async function savePendingFactor(tx: Executor, userId: string, secret: string): Promise<void> {
  await tx
    .insert(totpFactors)
    .values({ userId, secret })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secret, confirmedAt: null, lastUsedStep: null, createdAt: new Date() },
    });
}

export async function confirmFactor(tx: Executor, userId: string, step: number, at: Date): Promise<boolean> {
  const rows = await tx
    .update(totpFactors)
    .set({ confirmedAt: at, lastUsedStep: step })
    .where(and(eq(totpFactors.userId, userId), isNull(totpFactors.confirmedAt)))
    .returning({ userId: totpFactors.userId });
  return rows.length === 1;
}

/** Records `step` as used; false when it (or a later one) was used already: a replayed code. */
export async function useTimeStep(tx: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await tx
    .update(totpFactors)
    .set({ lastUsedStep: step })
    .where(
      and(eq(totpFactors.userId, userId), or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step))),
    )
    .returning({ userId: totpFactors.userId });
  return rows.length === 1;
}

export async function deleteFactor(tx: Executor, userId: string): Promise<boolean> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const rows = await tx
    .delete(totpFactors)
    .where(eq(totpFactors.userId, userId))
    .returning({ userId: totpFactors.userId });
  return rows.length === 1;
}

export async function replaceRecoveryCodes(tx: Executor, userId: string, codeHashes: string[]): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks one unused recovery code used; false when there is no such unused code. */
export async function useRecoveryCode(tx: Executor, userId: string, codeHash: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function recoveryCodesLeft(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0); // a number on PGlite, a string from pg
}

export async function insertChallenge(
  tx: Executor,
  row: { id: string; userId: string; data: Record<string, unknown>; expiresAt: Date },
  now: Date,
): Promise<void> {
  // Expired challenges are swept here rather than by a job: sign-ins are the only thing that creates them.
  await tx.delete(signInChallenges).where(and(eq(signInChallenges.kind, 'totp'), lt(signInChallenges.expiresAt, now)));
  await tx.insert(signInChallenges).values({ ...row, kind: 'totp' });
}

export const findLiveChallenge = async (db: Executor, id: string, now: Date): Promise<ChallengeRow | undefined> =>
  (
    await db
      .select()
      .from(signInChallenges)
      .where(and(eq(signInChallenges.id, id), eq(signInChallenges.kind, 'totp'), gt(signInChallenges.expiresAt, now)))
      .limit(1)
  )[0];

/** Counts one wrong code; returns the new count (0 when the challenge is gone). */
export async function countWrongCode(db: Executor, id: string): Promise<number> {
  const rows = await db
    .update(signInChallenges)
    .set({ attempts: sql`${signInChallenges.attempts} + 1` })
    .where(eq(signInChallenges.id, id))
    .returning({ attempts: signInChallenges.attempts });
  return rows[0]?.attempts ?? 0;
}

/** Deletes the challenge; false when another request consumed it first. */
export async function consumeChallenge(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .delete(signInChallenges)
    .where(eq(signInChallenges.id, id))
    .returning({ id: signInChallenges.id });
  return rows.length === 1;
}
