import { TOKEN_SCOPES, type TokenScope } from '@pi-studio/core/access/token-scopes';
import type { ApiToken } from '@pi-studio/core/contract/auth';
import type { ApiTokenRow } from './repo.ts';

// The column holds what ZTokenBody let in; the guard keeps the type honest without a cast.
const isTokenScope = (s: string): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s);

export const presentToken = (t: ApiTokenRow): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes.filter(isTokenScope),
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});
