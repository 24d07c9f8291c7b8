import type { Role } from '@pi-studio/core/access/roles';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { apiTokens, sessions, users } from '../../db/schema/accounts.ts';
import { memberships } from '../../db/schema/workspace.ts';

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

export const findSession = async (db: Executor, id: string) =>
  (await db.select().from(sessions).where(eq(sessions.id, id)).limit(1))[0];

export const findActiveToken = async (db: Executor, tokenHash: string) =>
  (
    await db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1)
  )[0];
