import type { apiTokens } from '../../db/schema/accounts.ts';
import type { Actor } from '../../http/actor.ts';

export const presentMe = (actor: Actor, subsidiaryCodes: Map<string, string>) => ({
  user: { id: actor.userId, email: actor.email, name: actor.name, isAdmin: actor.isAdmin },
  csrfToken: actor.csrfToken ?? null,
  via: actor.via,
  memberships: [...actor.roles].map(([subsidiaryId, role]) => ({
    subsidiaryId,
    subsidiary: subsidiaryCodes.get(subsidiaryId) ?? '',
    role,
  })),
});

export const presentToken = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});
