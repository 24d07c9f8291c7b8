// Queries for single sign-on: its stored settings, sign-ins in progress, linked identities, and the users and
// memberships a sign-in creates or syncs.
import type { Role } from '@pi-studio/core/access/roles';
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { signInChallenges, studioSettings, userIdentities } from '../../../db/schema/sign-in.ts';
import { memberships, subsidiaries } from '../../../db/schema/workspace.ts';
import type { UserRow } from '../repo.ts';
import { type StoredSso, ZStoredSso } from './schemas.ts';

export const SSO_SETTINGS_KEY = 'oidc';

export type IdentityRow = typeof userIdentities.$inferSelect;
export type SsoChallengeRow = typeof signInChallenges.$inferSelect;

// ——— Settings ———

export async function readStoredSso(db: Executor): Promise<StoredSso> {
  const [row] = await db
    .select({ value: studioSettings.value })
    .from(studioSettings)
    .where(eq(studioSettings.key, SSO_SETTINGS_KEY))
    .limit(1);
  const parsed = ZStoredSso.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : ZStoredSso.parse({});
}

/** Call inside the transaction that writes the audit event for the change. */
export async function writeStoredSso(tx: Executor, value: StoredSso, by: string | null): Promise<void> {
  await tx
    .insert(studioSettings)
    .values({ key: SSO_SETTINGS_KEY, value, updatedBy: by })
    .onConflictDoUpdate({ target: studioSettings.key, set: { value, updatedBy: by, updatedAt: new Date() } });
}

// ——— Sign-ins in progress ———

/** Stores a started sign-in; abandoned ones are swept here (the expiry index makes it cheap). */
export async function insertSsoChallenge(
  tx: Executor,
  row: { id: string; data: Record<string, unknown>; expiresAt: Date },
  now: Date,
): Promise<void> {
  await tx.delete(signInChallenges).where(and(eq(signInChallenges.kind, 'oidc'), lt(signInChallenges.expiresAt, now)));
  await tx.insert(signInChallenges).values({ ...row, kind: 'oidc' });
}

/** Deletes and returns the started sign-in, so its callback works once. */
export async function takeSsoChallenge(db: Executor, id: string): Promise<SsoChallengeRow | undefined> {
  const [row] = await db
    .delete(signInChallenges)
    .where(and(eq(signInChallenges.id, id), eq(signInChallenges.kind, 'oidc')))
    .returning();
  return row;
}

// ——— Identities, users, memberships ———

export const findIdentity = async (tx: Executor, issuer: string, subject: string): Promise<IdentityRow | undefined> =>
  (
    await tx
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
      .limit(1)
  )[0];

/** Whether the user is linked to any identity at this issuer. */
export async function hasIdentityAt(tx: Executor, userId: string, issuer: string): Promise<boolean> {
  const rows = await tx
    .select({ id: userIdentities.id })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.issuer, issuer)))
    .limit(1);
  return rows.length > 0;
}

export async function touchIdentity(tx: Executor, id: string, at: Date, email: string | null): Promise<void> {
  await tx.update(userIdentities).set({ lastLoginAt: at, email }).where(eq(userIdentities.id, id));
}

export async function insertIdentity(
  tx: Executor,
  row: { userId: string; issuer: string; subject: string; email: string; lastLoginAt: Date },
): Promise<void> {
  await tx.insert(userIdentities).values(row);
}

/** A new user, or undefined when one with this email appeared meanwhile. */
export async function insertUserIfNew(
  tx: Executor,
  row: { email: string; name: string; passwordHash: string },
): Promise<UserRow | undefined> {
  const [created] = await tx.insert(users).values(row).onConflictDoNothing().returning();
  return created;
}

export const subsidiariesByCode = (db: Executor, codes: string[]): Promise<{ id: string; code: string }[]> =>
  db
    .select({ id: subsidiaries.id, code: subsidiaries.code })
    .from(subsidiaries)
    .where(inArray(subsidiaries.code, codes));

export async function deleteMembership(tx: Executor, userId: string, subsidiaryId: string): Promise<void> {
  await tx.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.subsidiaryId, subsidiaryId)));
}

export async function upsertMembership(tx: Executor, userId: string, subsidiaryId: string, role: Role): Promise<void> {
  await tx
    .insert(memberships)
    .values({ userId, subsidiaryId, role })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.subsidiaryId], set: { role } });
}
