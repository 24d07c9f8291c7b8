import { TOKEN_SCOPES, type TokenScope } from '@pi-studio/core/access/token-scopes';
import type { ApiToken, Me } from '@pi-studio/core/contract/auth';
import type { apiTokens } from '../../db/schema/accounts.ts';
import type { Actor } from '../../use-case/actor.ts';

export const presentMe = (actor: Actor, subsidiaryCodes: Map<string, string>): Omit<Me, 'totp'> => ({
  user: { id: actor.userId, email: actor.email, name: actor.name, isAdmin: actor.isAdmin },
  csrfToken: actor.csrfToken ?? null,
  via: actor.via,
  memberships: [...actor.roles].map(([subsidiaryId, role]) => ({
    subsidiaryId,
    subsidiary: subsidiaryCodes.get(subsidiaryId) ?? '',
    role,
  })),
});

// The column holds what ZTokenBody let in; the guard keeps the type honest without a cast.
const isTokenScope = (s: string): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s);

export const presentToken = (t: typeof apiTokens.$inferSelect): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes.filter(isTokenScope),
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});
