// API tokens: create (the secret is shown once), list, revoke, and the person behind a bearer token.
import type { TokenScope } from '@pi-studio/core/access/token-scopes';
import type { Actor } from '../../../use-case/actor.ts';
import type { UseCaseCtx } from '../../../use-case/context.ts';
import type { Deps } from '../../../use-case/deps.ts';
import { NotFound, notFound } from '../../../use-case/errors.ts';
import { writeAudit } from '../../audit/writer.ts';
import { cacheActor, clearActorCache, getCachedActor } from '../actor-cache.ts';
import { randomToken, sha256 } from '../crypto.ts';
import { findUserByEmail, loadActor } from '../repo.ts';
import { TOUCH_EVERY_MS } from '../sessions/service.ts';
import { assertGrantable } from './policy.ts';
import {
  type ApiTokenRow,
  findActiveToken,
  findTokenById,
  insertToken,
  listTokensOf,
  setTokenRevoked,
  touchToken,
} from './repo.ts';

export type NewToken = {
  /** Whose token it is: the caller's own over HTTP; any user's from the CLI. */
  userId: string;
  name: string;
  scopes: TokenScope[];
  /** No expiry when absent. */
  expiresInDays?: number;
};

/**
 * A new token and its secret (returned once, stored only as a hash). A person may grant at most their own scopes
 * (tokens/policy.ts); the system (the CLI) grants what the operator asks.
 */
export async function createToken(ctx: UseCaseCtx, input: NewToken): Promise<{ token: string; row: ApiTokenRow }> {
  if (ctx.actor) assertGrantable(ctx.actor, input.scopes);
  const { userId, name, scopes } = input;
  const expiresAt = input.expiresInDays ? new Date(ctx.deps.now().getTime() + input.expiresInDays * 86_400_000) : null;
  const prefix = randomToken(6).slice(0, 8);
  const secret = `pis_${prefix}_${randomToken(24)}`;
  const row = await ctx.deps.db.transaction(async (tx) => {
    const created = await insertToken(tx, { userId, name, prefix, tokenHash: sha256(secret), scopes, expiresAt });
    await writeAudit(tx, ctx.who(), {
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

/** A token for the active person with `email` (the CLI names people by email): NotFound when there is none. */
export async function createTokenFor(ctx: UseCaseCtx, email: string, input: Omit<NewToken, 'userId'>) {
  const user = await findUserByEmail(ctx.deps.db, email);
  if (!user || user.disabled) {
    throw new NotFound('user', [{ name: 'email', reason: 'no active user' }], {
      code: 'not_found',
      message: `no active user with email ${email}`,
    });
  }
  return createToken(ctx, { ...input, userId: user.id });
}

export async function revokeToken(ctx: UseCaseCtx, tokenId: string): Promise<ApiTokenRow> {
  const actor = ctx.requireActor();
  const row = await findTokenById(ctx.deps.db, tokenId);
  if (!row || (row.userId !== actor.userId && !actor.isAdmin)) throw notFound('API token');
  if (row.revokedAt) return row;
  const revokedAt = ctx.deps.now();
  await ctx.deps.db.transaction(async (tx) => {
    await setTokenRevoked(tx, tokenId, revokedAt);
    await writeAudit(tx, ctx.who(), {
      action: 'token.revoked',
      targetType: 'api_token',
      targetId: tokenId,
      targetLabel: row.name,
    });
  });
  clearActorCache();
  return { ...row, revokedAt };
}

export async function listTokens(ctx: UseCaseCtx): Promise<ApiTokenRow[]> {
  return listTokensOf(ctx.deps.db, ctx.requireActor().userId);
}

/** The person behind a bearer token, or null; resolved before any use case runs, so it takes the deps. */
export async function actorFromToken(deps: Deps, bearer: string): Promise<Actor | null> {
  const hash = sha256(bearer);
  const now = deps.now();
  const cached = getCachedActor(`t:${hash}`, now.getTime());
  if (cached) return cached;
  const token = await findActiveToken(deps.db, hash);
  if (!token || (token.expiresAt && token.expiresAt <= now)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchToken(deps.db, token.id, now);
  }
  const actor = await loadActor(deps.db, token.userId, { via: 'token', scopes: token.scopes });
  if (actor) cacheActor(`t:${hash}`, actor, now.getTime());
  return actor;
}
