import type { Role } from '@pi-studio/core/access/roles';
import type { CreatedUser, Membership, User, UserBody, UserPatch } from '@pi-studio/core/contract/workspace';
import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client.ts';
import { users } from '../../../db/schema/accounts.ts';
import { memberships, subsidiaries } from '../../../db/schema/workspace.ts';
import { type Actor, visibleSubsidiaries } from '../../../use-case/actor.ts';
import { conflict, notFound, validationFailed } from '../../../use-case/errors.ts';
import { type AuditActor, writeAudit } from '../../audit/writer.ts';
import { clearActorCache } from '../../auth/actor-cache.ts';
import { hashPassword } from '../../auth/crypto.ts';
import { assertPasswordAcceptable, generatePassword } from '../../auth/password-policy.ts';
import { escapeLike } from '../products/repo.ts';

type UserMembership = User['memberships'][number];

/**
 * Memberships of `userIds`, limited to the subsidiaries in `visible` (null: all, for administrators). Whoever
 * lists people learns their roles only where the caller can look: a role elsewhere reveals that subsidiary's staff.
 */
async function membershipsOf(db: Executor, userIds: string[], visible: string[] | null = null) {
  if (!userIds.length) return new Map<string, UserMembership[]>();
  const rows = await db
    .select({ userId: memberships.userId, subsidiary: subsidiaries.code, role: memberships.role })
    .from(memberships)
    .innerJoin(subsidiaries, eq(subsidiaries.id, memberships.subsidiaryId))
    .where(and(inArray(memberships.userId, userIds), visible ? inArray(memberships.subsidiaryId, visible) : undefined))
    .orderBy(asc(subsidiaries.code));
  const map = new Map<string, UserMembership[]>();
  // The role column holds only what ZMembership let in.
  for (const r of rows)
    map.set(r.userId, [...(map.get(r.userId) ?? []), { subsidiary: r.subsidiary, role: r.role as Role }]);
  return map;
}

const presentUser = (u: typeof users.$inferSelect, ms: UserMembership[]): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  isAdmin: u.isAdmin,
  disabled: u.disabled,
  createdAt: u.createdAt.toISOString(),
  memberships: ms,
});

/** Admins see everyone; others see the members of the subsidiaries they belong to (people pickers). */
export async function listUsers(db: Db, actor: Actor, filter: { subsidiary?: string; q?: string }): Promise<User[]> {
  const where: (SQL | undefined)[] = [];
  const visible = visibleSubsidiaries(actor);
  if (visible || filter.subsidiary) {
    const subIds = filter.subsidiary
      ? (
          await db.select({ id: subsidiaries.id }).from(subsidiaries).where(eq(subsidiaries.code, filter.subsidiary))
        ).map((s) => s.id)
      : [];
    const scope = filter.subsidiary ? subIds.filter((id) => !visible || visible.includes(id)) : (visible ?? []);
    const members = scope.length
      ? await db
          .selectDistinct({ id: memberships.userId })
          .from(memberships)
          .where(inArray(memberships.subsidiaryId, scope))
      : [];
    const ids = members.map((m) => m.id);
    if (!ids.length) return [];
    where.push(inArray(users.id, ids));
  }
  if (filter.q)
    where.push(or(ilike(users.email, `%${escapeLike(filter.q)}%`), ilike(users.name, `%${escapeLike(filter.q)}%`)));
  const rows = await db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.name))
    .limit(500);
  const ms = await membershipsOf(
    db,
    rows.map((r) => r.id),
    visible,
  );
  return rows.map((u) => presentUser(u, ms.get(u.id) ?? []));
}

async function resolveMemberships(db: Executor, input: Membership[]) {
  const codes = [...new Set(input.map((m) => m.subsidiary))];
  const subs = codes.length ? await db.select().from(subsidiaries).where(inArray(subsidiaries.code, codes)) : [];
  const missing = codes.filter((c) => !subs.some((s) => s.code === c));
  if (missing.length)
    throw validationFailed([{ name: 'memberships', reason: `unknown subsidiaries: ${missing.join(', ')}` }]);
  if (codes.length !== input.length)
    throw validationFailed([{ name: 'memberships', reason: 'one role per subsidiary' }]);
  return input.map((m) => ({ subsidiaryId: subs.find((s) => s.code === m.subsidiary)?.id as string, role: m.role }));
}

export async function createUser(db: Db, body: UserBody, who: AuditActor): Promise<CreatedUser> {
  const owner = { email: body.email, name: body.name };
  if (body.password !== undefined) assertPasswordAcceptable('password', body.password, owner);
  const initialPassword = body.password === undefined ? generatePassword(owner) : null;
  const passwordHash = await hashPassword(body.password ?? (initialPassword as string));
  const user = await db.transaction(async (tx) => {
    const ms = await resolveMemberships(tx, body.memberships);
    const [row] = await tx
      .insert(users)
      .values({ email: body.email, name: body.name, passwordHash, isAdmin: body.isAdmin })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('user_exists', `a user with email ${body.email} already exists`);
    if (ms.length) await tx.insert(memberships).values(ms.map((m) => ({ ...m, userId: row.id })));
    await writeAudit(tx, who, {
      action: 'user.created',
      targetType: 'user',
      targetId: row.id,
      targetLabel: row.email,
      after: { email: row.email, name: row.name, isAdmin: row.isAdmin, memberships: body.memberships },
    });
    return row;
  });
  const ms = await membershipsOf(db, [user.id]);
  return { ...presentUser(user, ms.get(user.id) ?? []), ...(initialPassword ? { initialPassword } : {}) };
}

export async function updateUser(db: Db, actor: Actor, id: string, patch: UserPatch, who: AuditActor): Promise<User> {
  if (id === actor.userId && (patch.disabled === true || patch.isAdmin === false)) {
    throw validationFailed([
      { name: patch.disabled ? 'disabled' : 'isAdmin', reason: 'you cannot disable or demote yourself' },
    ]);
  }
  const [before] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!before) throw notFound('user');
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
    if (!updated) throw notFound('user');
    await writeAudit(tx, who, {
      action: patch.disabled !== undefined ? (patch.disabled ? 'user.disabled' : 'user.enabled') : 'user.updated',
      targetType: 'user',
      targetId: id,
      targetLabel: updated.email,
      before: { name: before.name, isAdmin: before.isAdmin, disabled: before.disabled },
      after: patch,
    });
    return updated;
  });
  clearActorCache();
  const ms = await membershipsOf(db, [id]);
  return presentUser(row, ms.get(id) ?? []);
}

export async function setMemberships(db: Db, id: string, input: Membership[], who: AuditActor): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user) throw notFound('user');
  const before = (await membershipsOf(db, [id])).get(id) ?? [];
  await db.transaction(async (tx) => {
    const ms = await resolveMemberships(tx, input);
    await tx.delete(memberships).where(eq(memberships.userId, id));
    if (ms.length) await tx.insert(memberships).values(ms.map((m) => ({ ...m, userId: id })));
    await writeAudit(tx, who, {
      action: 'user.memberships_set',
      targetType: 'user',
      targetId: id,
      targetLabel: user.email,
      before,
      after: input,
    });
  });
  clearActorCache();
  return presentUser(user, (await membershipsOf(db, [id])).get(id) ?? []);
}
