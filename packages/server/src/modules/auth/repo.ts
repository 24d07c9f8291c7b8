// Queries on the accounts every part of sign-in reads: users and their roles.
import type { Role } from '@pi-studio/core/access/roles';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema/accounts.ts';
import { memberships, subsidiaries } from '../../db/schema/workspace.ts';
import type { Actor } from '../../use-case/actor.ts';

export type UserRow = typeof users.$inferSelect;

export const findUserByEmail = async (db: Executor, email: string) =>
  (await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1))[0];

export const findUserById = async (db: Executor, id: string) =>
  (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

export async function rolesOf(db: Executor, userId: string): Promise<Map<string, Role>> {
  const rows = await db
    .select({ subsidiaryId: memberships.subsidiaryId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return new Map(rows.map((r) => [r.subsidiaryId, r.role as Role]));
}

/** The actor for an active user (null when the user is gone or disabled), with how they authenticated. */
export async function loadActor(
  db: Executor,
  userId: string,
  via: Pick<Actor, 'via' | 'scopes' | 'sessionId' | 'csrfToken'>,
): Promise<Actor | null> {
  const user = await findUserById(db, userId);
  if (!user || user.disabled) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    roles: await rolesOf(db, user.id),
    ...via,
  };
}

/** Subsidiary id → code for the given ids (an empty map for none). */
export async function subsidiaryCodes(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: subsidiaries.id, code: subsidiaries.code })
    .from(subsidiaries)
    .where(inArray(subsidiaries.id, ids));
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function setPasswordHash(tx: Executor, userId: string, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
}
