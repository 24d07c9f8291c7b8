// Which scopes a new API token may carry. One rule for every path that mints tokens, so a stolen or
// narrow token can never be traded for a wider one (issue #9, defect 1).

export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Who asks for the token: a signed-in session or an API token carrying `scopes`. */
export type TokenIssuer = { isAdmin: boolean; via: 'session' | 'token'; scopes: readonly string[] };

/**
 * A session may grant whatever its user may do (`admin` only to administrators); a token only scopes it carries
 * itself, and `admin` only while its user is still an administrator.
 */
export function grantableScopes(issuer: TokenIssuer): TokenScope[] {
  const userMay = TOKEN_SCOPES.filter((s) => s !== 'admin' || issuer.isAdmin);
  return issuer.via === 'session' ? userMay : userMay.filter((s) => issuer.scopes.includes(s));
}

/** Requested scopes the issuer may not grant; empty when the request is allowed. */
export function scopesBeyondIssuer(issuer: TokenIssuer, requested: readonly TokenScope[]): TokenScope[] {
  const grantable = grantableScopes(issuer);
  return [...new Set(requested)].filter((s) => !grantable.includes(s));
}
