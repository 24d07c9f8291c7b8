// Signing in with a password, the session it starts, signing out and changing the password.
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../use-case/actor.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import type { Deps } from '../../../use-case/deps.ts';
import { badRequest, Invalid, notFound, tooManyRequests, unauthenticated } from '../../../use-case/errors.ts';
import { type AuditAction, writeAudit } from '../../audit/writer.ts';
import { cacheActor, clearActorCache, getCachedActor } from '../actor-cache.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../crypto.ts';
import { assertPasswordAcceptable } from '../password-policy.ts';
import { findUserByEmail, findUserById, loadActor, setPasswordHash, subsidiaryCodes, type UserRow } from '../repo.ts';
import { assertPasswordSignInAllowed } from './local-sign-in.ts';
import { accountLocked, assertNotLocked } from './lockout.ts';
import {
  clearFailedSignIns,
  countFailedSignIn,
  deleteOtherSessions,
  deleteSession,
  findSessionById,
  insertSession,
  lockedUntilOf,
  touchSession,
} from './repo.ts';

export const SESSION_COOKIE = 'pis_session';
/** How often a session's or token's last use is written: not on every request. */
export const TOUCH_EVERY_MS = 60_000;

// Per-client login attempts in a sliding minute: slows password spraying across accounts.
const attemptsByClient = new Map<string, number[]>();
const CLIENT_LIMIT = 20;

export function checkLoginRate(clientKey: string, now: number): void {
  const recent = (attemptsByClient.get(clientKey) ?? []).filter((t) => now - t < 60_000);
  recent.push(now);
  attemptsByClient.set(clientKey, recent);
  if (attemptsByClient.size > 10_000) attemptsByClient.clear();
  if (recent.length > CLIENT_LIMIT) throw tooManyRequests('too many sign-in attempts; wait a minute', 60);
}

export type LoginResult = { cookieValue: string; csrfToken: string; userId: string; expiresAt: Date };
export type SignInUser = Pick<UserRow, 'id' | 'email'>;

/** Audit events of a sign-in name the person signing in (nobody is signed in yet). */
const signingIn = (ctx: UseCaseCtx, user: SignInUser) => ({
  actorId: user.id,
  actorLabel: user.email,
  requestId: ctx.requestId,
});

/**
 * A wrong password or second-factor code: counts toward the account lockout (password and code failures share
 * one counter, so a stolen password does not buy unlimited code guesses).
 */
export async function recordFailedSignIn(
  ctx: UseCaseCtx,
  user: UserRow,
  opts: { action?: AuditAction } = {},
): Promise<void> {
  const now = ctx.deps.now();
  await ctx.deps.db.transaction(async (tx) => {
    // Counted by the database (repo.ts), never from `user.failedLogins`: concurrent failures read the same value.
    const { locked } = await countFailedSignIn(tx, user.id, now);
    await writeAudit(tx, signingIn(ctx, user), {
      action: locked ? 'auth.locked' : (opts.action ?? 'auth.login_failed'),
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.email,
    });
  });
}

/**
 * The password step of a local sign-in. It does not reset the failure count: that happens only when the whole
 * sign-in completes (startSession), or a right password would wipe the count of wrong second-factor codes.
 */
export async function checkPasswordSignIn(ctx: UseCaseCtx, email: string, password: string): Promise<UserRow> {
  const { deps } = ctx;
  const user = await findUserByEmail(deps.db, email);
  if (!user || user.disabled) {
    // Spend the same time as a real check so response times do not reveal which emails exist.
    await verifyPassword(
      password,
      'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    );
    throw unauthenticated('wrong email or password');
  }
  assertNotLocked(user, deps.now());
  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordFailedSignIn(ctx, user);
    throw unauthenticated('wrong email or password');
  }
  await assertPasswordSignInAllowed(deps.db, user);
  return user;
}

/**
 * Completes a sign-in: resets the failure count, creates the session and audits `auth.login` with the method.
 * Pass `tx` to commit the session together with the step that earned it (a consumed second-factor challenge).
 */
export async function startSession(
  ctx: UseCaseCtx,
  user: SignInUser,
  opts: { method?: string; tx?: Executor } = {},
): Promise<LoginResult> {
  const { deps } = ctx;
  const now = deps.now();
  const cookieValue = randomToken();
  const csrfToken = randomToken(18);
  const expiresAt = new Date(now.getTime() + deps.config.sessionMaxMs);
  const write = async (tx: Executor) => {
    // Local credentials are refused while locked, even when this sign-in checked its password before racing
    // failures locked the account. Single sign-on is not: wrong passwords typed here by someone else must not shut
    // a person out of their identity provider's sign-in (which has its own lockout).
    const evenIfLocked = opts.method === 'oidc';
    if (!(await clearFailedSignIns(tx, user.id, now, { evenIfLocked }))) {
      throw accountLocked((await lockedUntilOf(tx, user.id)) ?? now, now);
    }
    await insertSession(tx, { id: sha256(cookieValue), userId: user.id, csrfToken, expiresAt, lastSeenAt: now });
    await writeAudit(tx, signingIn(ctx, user), {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.email,
      after: { method: opts.method ?? 'password' },
    });
  };
  if (opts.tx) await write(opts.tx);
  else await deps.db.transaction(write);
  return { cookieValue, csrfToken, userId: user.id, expiresAt };
}

/** Password-only sign-in (no second-factor step); the HTTP route goes through totp/service's passwordSignIn. */
export async function login(ctx: UseCaseCtx, email: string, password: string): Promise<LoginResult> {
  const user = await checkPasswordSignIn(ctx, email, password);
  return startSession(ctx, user);
}

export async function logout(ctx: UseCaseCtx): Promise<void> {
  const actor = ctx.requireActor();
  if (!actor.sessionId) throw badRequest('not_a_session', 'API tokens are revoked, not logged out');
  const sessionId = actor.sessionId;
  await ctx.deps.db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await writeAudit(tx, ctx.who(), {
      action: 'auth.logout',
      targetType: 'user',
      targetId: actor.userId,
      targetLabel: actor.email,
    });
  });
  clearActorCache();
}

/** The person behind a session cookie, or null; resolved before any use case runs, so it takes the deps. */
export async function actorFromSession(deps: Deps, cookieValue: string): Promise<Actor | null> {
  const id = sha256(cookieValue);
  const now = deps.now();
  const cached = getCachedActor(`s:${id}`, now.getTime());
  if (cached) return cached;
  const session = await findSessionById(deps.db, id);
  if (!session) return null;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > deps.config.sessionIdleMs;
  if (idleExpired || session.expiresAt <= now) {
    await deleteSession(deps.db, id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(deps.db, id, now);
  const actor = await loadActor(deps.db, session.userId, {
    via: 'session',
    scopes: ['read', 'write', 'admin'],
    sessionId: id,
    csrfToken: session.csrfToken,
  });
  if (actor) cacheActor(`s:${id}`, actor, now.getTime());
  return actor;
}

/** Subsidiary id → code for the signed-in person's memberships (GET /auth/me names each). */
export async function membershipCodes(ctx: UseCaseCtx): Promise<Map<string, string>> {
  return subsidiaryCodes(ctx.deps.db, [...ctx.requireActor().roles.keys()]);
}

export async function changePassword(ctx: UseCaseCtx, current: string, next: string): Promise<void> {
  const actor = ctx.requireActor();
  const user = await findUserById(ctx.deps.db, actor.userId);
  if (!user) throw notFound('user');
  if (!(await verifyPassword(current, user.passwordHash))) {
    throw new Invalid(
      [{ name: 'currentPassword', reason: 'does not match' }],
      'validation_failed',
      'current password is wrong',
    );
  }
  // Checked after the current password, so the policy's answers (e.g. "is the current password") tell nothing
  // to someone who does not know it.
  assertPasswordAcceptable('newPassword', next, { email: user.email, name: user.name, current });
  const passwordHash = await hashPassword(next);
  await ctx.deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    // Other sessions end: a changed password should lock out whoever knew the old one.
    await deleteOtherSessions(tx, user.id, actor.sessionId ?? '');
    await writeAudit(tx, ctx.who(), {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.email,
    });
  });
  clearActorCache();
}
