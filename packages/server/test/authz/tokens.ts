// API tokens in the authorization matrix: a token carries scopes (read, write, admin) on top of its user's roles.
// What it may do is the user's policy outcome, narrowed by its scopes, never more.
import type { Role } from '@pi-studio/core/access/roles';
import type { RouteDef } from '../../src/http/route.ts';
import { createToken } from '../../src/modules/auth/tokens/service.ts';
import { systemContext } from '../../src/use-case/context.ts';
import { TestClient, type TestContext } from '../harness.ts';
import type { Caller, Fixtures } from './fixtures.ts';
import { expectedOutcome, type Outcome, type Persona, type Policy, type Scope } from './policy.ts';

export type TokenScope = 'read' | 'write' | 'admin';

export const SCOPE_SETS: TokenScope[][] = [
  ['read'],
  ['write'],
  ['admin'],
  ['read', 'write'],
  ['read', 'write', 'admin'],
];

/** The scope a route needs from a token: `admin` for administrator routes, else `write` to change, `read` to read. */
export function neededScope(route: Pick<RouteDef, 'method' | 'access'>): TokenScope {
  if (route.access === 'admin') return 'admin';
  return route.method === 'get' ? 'read' : 'write';
}

/**
 * Scopes the case's request asks a new token for (test/authz/auth.cases.ts): a token may only mint tokens within its
 * own scopes (issue #9, defect 1), so a token without them is refused with 403.
 */
const MINTS: Record<string, TokenScope[]> = { 'POST /tokens': ['read'] };

/** A token lacking the needed scope is refused (403) before anything else; with it, the user's own outcome holds. */
export function expectedTokenOutcome(
  key: string,
  policy: Policy,
  route: Pick<RouteDef, 'method' | 'access'>,
  persona: Persona,
  scopes: TokenScope[],
  scope: Scope,
): Outcome {
  if (policy === 'public') return 'allowed';
  if (!scopes.includes(neededScope(route))) return 403;
  if (!(MINTS[key] ?? []).every((s) => scopes.includes(s))) return 403;
  return expectedOutcome(policy, persona, scope);
}

/** Talks to the app with `Authorization: Bearer <token>` and nothing else (no cookie, no CSRF header). */
export class TokenClient extends TestClient {
  constructor(
    app: TestContext['app'],
    private readonly token: string,
  ) {
    super(app);
  }

  override request(method: string, path: string, init: Parameters<TestClient['request']>[2] = {}) {
    return super.request(method, path, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${this.token}` },
    });
  }
}

export type TokenCaller = {
  /** The same user signed in with a session: fixtures use it to prepare records the case needs. */
  session: Caller;
  /** The caller under test. */
  token: Caller;
};

/**
 * A user with `role` in `sub` (or a studio administrator) and a token with exactly `scopes`. The token is written
 * straight to the store: the matrix tests what a token may do, whatever rules govern minting one.
 */
export async function newTokenCaller(
  f: Fixtures,
  opts: { isAdmin: boolean; role?: Role; sub: string },
  scopes: TokenScope[],
): Promise<TokenCaller> {
  const session = await f.newCaller({ isAdmin: opts.isAdmin, role: opts.role, sub: opts.sub });
  const userId = session.user?.id;
  if (!userId) throw new Error('token caller without a user');
  const ctx = systemContext(f.t.deps, 'authz matrix');
  const { token } = await createToken(ctx, { userId, name: f.unique('matrix-token-'), scopes });
  return { session, token: { user: session.user, client: new TokenClient(f.t.app, token) } };
}
