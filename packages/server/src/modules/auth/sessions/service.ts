import type { TokenScope } from '@pi-studio/core/access/token-scopes';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { apiTokens, sessions, users } from '../../db/schema/accounts.ts';
import type { Actor } from '../../use-case/actor.ts';
import type { Deps } from '../../use-case/deps.ts';
import { badRequest, Invalid, notFound, tooManyRequests, unauthenticated } from '../../use-case/errors.ts';
import { type AuditActor, writeAudit } from '../audit/writer.ts';
import { cacheActor, clearActorCache, getCachedActor } from './actor-cache.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from './crypto.ts';
import { assertPasswordSignInAllowed } from './local-sign-in.ts';
import { accountLocked, clearFailedSignIns, countFailedSignIn, lockedUntilOf } from './lockout.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { findActiveToken, findSession, findUserByEmail, findUserById, rolesOf, type UserRow } from './repo.ts';

export const SESSION_COOKIE = 'pis_session';
const TOUCH_EVERY_MS = 60_000;

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

/**
 * A wrong password or second-factor code: counts toward the account lockout (password and code failures share
 * one counter, so a stolen password does not buy unlimited code guesses).
 */
export async function recordFailedSignIn(
  deps: Deps,
  user: UserRow,
  requestId: string,
  opts: { action?: string } = {},
): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    // Counted by the database (lockout.ts), never from `user.failedLogins`: concurrent failures read the same value.
    const { locked } = await countFailedSignIn(tx, user.id, now);
    await writeAudit(
      tx,
      { actorId: user.id, actorLabel: user.email, requestId },
      {
        action: locked ? 'auth.locked' : (opts.action ?? 'auth.login_failed'),
        targetType: 'user',
        targetId: user.id,
        targetLabel: user.email,
      },
    );
  });
}

/** 429 while the account is locked out; every sign-in step checks it, not only the password. */
export function assertNotLocked(user: UserRow, now: Date): void {
  if (!user.lockedUntil || user.lockedUntil <= now) return;
  throw accountLocked(user.lockedUntil, now);
}

/**
 * The password step of a local sign-in. It does not reset the failure count: that happens only when the whole
 * sign-in completes (startSession), or a right password would wipe the count of wrong second-factor codes.
 */
export async function checkPasswordSignIn(
  deps: Deps,
  email: string,
  password: string,
  requestId: string,
): Promise<UserRow> {
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
    await recordFailedSignIn(deps, user, requestId);
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
  deps: Deps,
  user: SignInUser,
  requestId: string,
  opts: { method?: string; tx?: Executor } = {},
): Promise<LoginResult> {
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
    await tx
      .insert(sessions)
      .values({ id: sha256(cookieValue), userId: user.id, csrfToken, expiresAt, lastSeenAt: now });
    await writeAudit(
      tx,
      { actorId: user.id, actorLabel: user.email, requestId },
      {
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        targetLabel: user.email,
        after: { method: opts.method ?? 'password' },
      },
    );
  };
  if (opts.tx) await write(opts.tx);
  else await deps.db.transaction(write);
  return { cookieValue, csrfToken, userId: user.id, expiresAt };
}

/** Password-only sign-in (no second-factor step); the HTTP route goes through totp.service's passwordSignIn. */
export async function login(deps: Deps, email: string, password: string, requestId: string): Promise<LoginResult> {
  const user = await checkPasswordSignIn(deps, email, password, requestId);
  return startSession(deps, user, requestId);
}

export async function logout(deps: Deps, actor: Actor, who: AuditActor): Promise<void> {
  if (!actor.sessionId) throw badRequest('not_a_session', 'API tokens are revoked, not logged out');
  const sessionId = actor.sessionId;
  await deps.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await writeAudit(tx, who, {
      action: 'auth.logout',
      targetType: 'user',
      targetId: actor.userId,
      targetLabel: actor.email,
    });
  });
  clearActorCache();
}

async function actorFor(db: Db, userId: string, extra: Pick<Actor, 'via' | 'scopes' | 'sessionId' | 'csrfToken'>) {
  const user = await findUserById(db, userId);
  if (!user || user.disabled) return null;
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    roles: await rolesOf(db, user.id),
    ...extra,
  };
  return actor;
}

export async function actorFromSession(deps: Deps, cookieValue: string): Promise<Actor | null> {
  const id = sha256(cookieValue);
  const now = deps.now();
  const cached = getCachedActor(`s:${id}`, now.getTime());
  if (cached) return cached;
  const session = await findSession(deps.db, id);
  if (!session) return null;
  const idleExpired = now.getTime() - session.lastSeenAt.getTime() > deps.config.sessionIdleMs;
  if (idleExpired || session.expiresAt <= now) {
    await deps.db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const actor = await actorFor(deps.db, session.userId, {
    via: 'session',
    scopes: ['read', 'write', 'admin'],
    sessionId: id,
    csrfToken: session.csrfToken,
  });
  if (actor) cacheActor(`s:${id}`, actor, now.getTime());
  return actor;
}

export async function actorFromToken(deps: Deps, bearer: string): Promise<Actor | null> {
  const hash = sha256(bearer);
  const now = deps.now();
  const cached = getCachedActor(`t:${hash}`, now.getTime());
  if (cached) return cached;
  const token = await findActiveToken(deps.db, hash);
  if (!token || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
  }
  const actor = await actorFor(deps.db, token.userId, { via: 'token', scopes: token.scopes });
  if (actor) cacheActor(`t:${hash}`, actor, now.getTime());
  return actor;
}

export async function changePassword(deps: Deps, actor: Actor, current: string, next: string, who: AuditActor) {
  const user = await findUserById(deps.db, actor.userId);
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
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    // Other sessions end: a changed password should lock out whoever knew the old one.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), sql`${sessions.id} <> ${actor.sessionId ?? ''}`));
    await writeAudit(tx, who, {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.email,
    });
  });
  clearActorCache();
}

export async function createToken(
  db: Db,
  userId: string,
  name: string,
  scopes: TokenScope[],
  expiresAt: Date | null,
  who: AuditActor,
) {
  const prefix = randomToken(6).slice(0, 8);
  const secret = `pis_${prefix}_${randomToken(24)}`;
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({ userId, name, prefix, tokenHash: sha256(secret), scopes, expiresAt })
      .returning();
    if (!created) throw new Error('token insert returned nothing');
    await writeAudit(tx, who, {
      action: 'token.created',
      targetType: 'api_token',
      targetId: created.id,
      targetLabel: name,
      after: { name, scopes },
    });
    return created;
  });
  return { token: secret, row };
}

export async function revokeToken(deps: Deps, actor: Actor, tokenId: string, who: AuditActor) {
  const [row] = await deps.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).limit(1);
  if (!row || (row.userId !== actor.userId && !actor.isAdmin)) throw notFound('API token');
  if (row.revokedAt) return row;
  const revokedAt = deps.now();
  await deps.db.transaction(async (tx) => {
    await tx.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, tokenId));
    await writeAudit(tx, who, {
      action: 'token.revoked',
      targetType: 'api_token',
      targetId: tokenId,
      targetLabel: row.name,
    });
  });
  clearActorCache();
  return { ...row, revokedAt };
}

export async function listTokens(deps: Deps, actor: Actor) {
  return deps.db.select().from(apiTokens).where(eq(apiTokens.userId, actor.userId)).orderBy(apiTokens.createdAt);
}
