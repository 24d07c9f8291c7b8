// Which scopes a new API token may carry. One rule for every path that mints tokens, so a stolen or
// narrow token can never be traded for a wider one (issue #9, defect 1).

// `builder` (issue #12) is for build tools: a token with only it may call the builder routes (`/builder/…`: ready
// stories with their acceptance criteria and requirements, and story status) and nothing else; the routes also take
// read (to read) and write (to change) tokens. Like write, it adds no rights: the user's roles still decide.
// `events` (issue #15) is for a product's own systems: a token with only it may send adoption events
// (POST /events) and nothing else; write tokens may send them too. The user's roles still decide, per event's product.
export const TOKEN_SCOPES = ['read', 'write', 'admin', 'builder', 'events'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Scopes that open only the routes declaring them (`tokenScope` on a route), not the read or write routes. */
export const ROUTE_TOKEN_SCOPES = ['builder', 'events'] as const satisfies readonly TokenScope[];
export type RouteTokenScope = (typeof ROUTE_TOKEN_SCOPES)[number];

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
