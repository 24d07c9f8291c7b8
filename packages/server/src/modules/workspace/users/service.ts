import type { Role } from '@pi-studio/core/access/roles';
import type { CreatedUser, Membership, User, UserBody, UserPatch } from '@pi-studio/core/contract/workspace';
import type { Executor } from '../../../db/client.ts';
import { visibleSubsidiaries } from '../../../use-case/actor.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import { conflict, notFound, validationFailed } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { clearActorCache } from '../../auth/actor-cache.ts';
import { hashPassword } from '../../auth/crypto.ts';
import { assertPasswordAcceptable, generatePassword } from '../../auth/password-policy.ts';
import { findSubsidiariesByCodes, findSubsidiaryByCode } from '../admin/repo.ts';
import { presentUser, type UserMembership } from './presenters.ts';
import {
  deleteMemberships,
  findUserById,
  insertMemberships,
  insertUser,
  listMemberships,
  listUserRows,
  memberIds,
  updateUserRow,
} from './repo.ts';

/**
 * Memberships of `userIds`, limited to the subsidiaries in `visible` (null: all, for administrators). Whoever
 * lists people learns their roles only where the caller can look: a role elsewhere reveals that subsidiary's staff.
 */
async function membershipsOf(db: Executor, userIds: string[], visible: string[] | null = null) {
  const rows = await listMemberships(db, userIds, visible);
  const map = new Map<string, UserMembership[]>();
  // The role column holds only what ZMembership let in.
  for (const r of rows)
    map.set(r.userId, [...(map.get(r.userId) ?? []), { subsidiary: r.subsidiary, role: r.role as Role }]);
  return map;
}

/** Admins see everyone; others see the members of the subsidiaries they belong to (people pickers). */
export async function listUsers(ctx: UseCaseCtx, filter: { subsidiary?: string; q?: string }): Promise<User[]> {
  const actor = ctx.requireActor();
  ctx.markAuthorized();
  const db = ctx.deps.db;
  const visible = visibleSubsidiaries(actor);
  let ids: string[] | undefined;
  if (visible || filter.subsidiary) {
    const sub = filter.subsidiary ? await findSubsidiaryByCode(db, filter.subsidiary) : undefined;
    const subIds = sub ? [sub.id] : [];
    const scope = filter.subsidiary ? subIds.filter((id) => !visible || visible.includes(id)) : (visible ?? []);
    ids = await memberIds(db, scope);
    if (!ids.length) return [];
  }
  const rows = await listUserRows(db, { ids, q: filter.q });
  const ms = await membershipsOf(
    db,
    rows.map((r) => r.id),
    visible,
  );
  return rows.map((u) => presentUser(u, ms.get(u.id) ?? []));
}

async function resolveMemberships(db: Executor, input: Membership[]) {
  const codes = [...new Set(input.map((m) => m.subsidiary))];
  const subs = await findSubsidiariesByCodes(db, codes);
  const missing = codes.filter((c) => !subs.some((s) => s.code === c));
  if (missing.length)
    throw validationFailed([{ name: 'memberships', reason: `unknown subsidiaries: ${missing.join(', ')}` }]);
  if (codes.length !== input.length)
    throw validationFailed([{ name: 'memberships', reason: 'one role per subsidiary' }]);
  return input.map((m) => ({ subsidiaryId: subs.find((s) => s.code === m.subsidiary)?.id as string, role: m.role }));
}

/** Creates a person (POST /users and `pistudio user create`); without a password one is generated, returned once. */
export async function createUser(ctx: UseCaseCtx, body: UserBody): Promise<CreatedUser> {
  const db = ctx.deps.db;
  const owner = { email: body.email, name: body.name };
  if (body.password !== undefined) assertPasswordAcceptable('password', body.password, owner);
  const initialPassword = body.password === undefined ? generatePassword(owner) : null;
  const passwordHash = await hashPassword(body.password ?? (initialPassword as string));
  const user = await db.transaction(async (tx) => {
    const ms = await resolveMemberships(tx, body.memberships);
    const row = await insertUser(tx, { email: body.email, name: body.name, passwordHash, isAdmin: body.isAdmin });
    if (!row) throw conflict('user_exists', `a user with email ${body.email} already exists`);
    await insertMemberships(tx, row.id, ms);
    await writeAudit(tx, ctx.who(), {
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

export async function updateUser(ctx: UseCaseCtx, id: string, patch: UserPatch): Promise<User> {
  const db = ctx.deps.db;
  if (id === ctx.actor?.userId && (patch.disabled === true || patch.isAdmin === false)) {
    throw validationFailed([
      { name: patch.disabled ? 'disabled' : 'isAdmin', reason: 'you cannot disable or demote yourself' },
    ]);
  }
  const before = await findUserById(db, id);
  if (!before) throw notFound('user');
  const row = await db.transaction(async (tx) => {
    const updated = await updateUserRow(tx, id, patch);
    if (!updated) throw notFound('user');
    await writeAudit(tx, ctx.who(), {
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

export async function setMemberships(ctx: UseCaseCtx, id: string, input: Membership[]): Promise<User> {
  const db = ctx.deps.db;
  const user = await findUserById(db, id);
  if (!user) throw notFound('user');
  const before = (await membershipsOf(db, [id])).get(id) ?? [];
  await db.transaction(async (tx) => {
    const ms = await resolveMemberships(tx, input);
    await deleteMemberships(tx, id);
    await insertMemberships(tx, id, ms);
    await writeAudit(tx, ctx.who(), {
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
