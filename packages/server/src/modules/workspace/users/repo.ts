// Queries of people and their memberships (roles per subsidiary).
import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { memberships, subsidiaries } from '../../../db/schema/workspace.ts';
import { escapeLike } from '../products/repo.ts';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = { userId: string; subsidiary: string; role: string };

/** Memberships of `userIds` by subsidiary code, limited to the subsidiaries in `visible` (null: all). */
export async function listMemberships(
  db: Executor,
  userIds: string[],
  visible: string[] | null,
): Promise<MembershipRow[]> {
  if (!userIds.length) return [];
  return db
    .select({ userId: memberships.userId, subsidiary: subsidiaries.code, role: memberships.role })
    .from(memberships)
    .innerJoin(subsidiaries, eq(subsidiaries.id, memberships.subsidiaryId))
    .where(and(inArray(memberships.userId, userIds), visible ? inArray(memberships.subsidiaryId, visible) : undefined))
    .orderBy(asc(subsidiaries.code));
}

/** The ids of the people with a role in any of `subsidiaryIds`. */
export async function memberIds(db: Executor, subsidiaryIds: string[]): Promise<string[]> {
  if (!subsidiaryIds.length) return [];
  const rows = await db
    .selectDistinct({ id: memberships.userId })
    .from(memberships)
    .where(inArray(memberships.subsidiaryId, subsidiaryIds));
  return rows.map((r) => r.id);
}

/** Up to 500 people by name, among `ids` when given, whose email or name contains `q` when given. */
export async function listUserRows(db: Executor, filter: { ids?: string[]; q?: string }): Promise<UserRow[]> {
  const where: (SQL | undefined)[] = [];
  if (filter.ids) where.push(inArray(users.id, filter.ids));
  if (filter.q)
    where.push(or(ilike(users.email, `%${escapeLike(filter.q)}%`), ilike(users.name, `%${escapeLike(filter.q)}%`)));
  return db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.name))
    .limit(500);
}

export const findUserById = async (db: Executor, id: string): Promise<UserRow | undefined> =>
  (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

/** Inserts a person; undefined when the email is taken. */
export async function insertUser(
  tx: Executor,
  values: { email: string; name: string; passwordHash: string; isAdmin: boolean },
): Promise<UserRow | undefined> {
  const [row] = await tx.insert(users).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateUserRow(
  tx: Executor,
  id: string,
  patch: { name?: string; isAdmin?: boolean; disabled?: boolean },
): Promise<UserRow | undefined> {
  const [row] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
  return row;
}

export async function insertMemberships(tx: Executor, userId: string, ms: { subsidiaryId: string; role: string }[]) {
  if (ms.length) await tx.insert(memberships).values(ms.map((m) => ({ ...m, userId })));
}

export async function deleteMemberships(tx: Executor, userId: string): Promise<void> {
  await tx.delete(memberships).where(eq(memberships.userId, userId));
}
