// The authorization matrix for API tokens: every route × token scopes (read, write, admin and combinations) × users
// of different standing × own/foreign subsidiary. A read-only token cannot change anything, a write-only token
// cannot read, administrator routes need the admin scope, and no token does more than its user may
// (expectations: test/authz/tokens.ts on top of the per-route policies in test/authz/*.cases.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules/index.ts';
import { expectations } from './authz/expectations.ts';
import { type Fixtures, openMatrixStudio, TestClock } from './authz/fixtures.ts';
import { FOREIGN, OWN, PERSONAS, type Persona, type Scope } from './authz/policy.ts';
import type { RouteCase } from './authz/route-case.ts';
import { expectedTokenOutcome, newTokenCaller, SCOPE_SETS, type TokenCaller, type TokenScope } from './authz/tokens.ts';
import { routeKey } from './fuzz-kit.ts';
import type { TestContext } from './harness.ts';

/** A studio administrator, a role that may change most things, and one that may only read. */
const TOKEN_PERSONAS = PERSONAS.filter((p) => ['global-admin', 'po', 'viewer'].includes(p.name));

const clock = new TestClock();
let t: TestContext;
let f: Fixtures;
const callers = new Map<string, TokenCaller>();

beforeAll(async () => {
  ({ t, f } = await openMatrixStudio(clock));
});
afterAll(async () => t?.close());

async function callerFor(c: RouteCase, p: Persona, scopes: TokenScope[]): Promise<TokenCaller> {
  const make = () => newTokenCaller(f, { isAdmin: p.isAdmin, role: p.role, sub: OWN }, scopes);
  if (c.freshCaller) return make();
  const key = `${p.name}:${scopes.join('+')}`;
  let caller = callers.get(key);
  if (!caller) {
    caller = await make();
    callers.set(key, caller);
  }
  return caller;
}

// Every scope set in the caller's own subsidiary; in the foreign one the widest token (no scope may widen what the
// user sees).
const CELLS = TOKEN_PERSONAS.flatMap((persona) => [
  ...SCOPE_SETS.map((scopes) => ({ persona, scopes, scope: 'own' as Scope })),
  { persona, scopes: ['read', 'write', 'admin'] as TokenScope[], scope: 'foreign' as Scope },
]);

const routes = MODULES.flatMap((m) => m.routes.map((route) => ({ module: m.name, key: routeKey(route), route })));

describe.each(routes)('$module: $key', ({ key, route }) => {
  const c = expectations[key];
  if (!c) {
    it('has an authorization expectation', () => expect.fail(`${key} has no entry in test/authz/*.cases.ts`));
    return;
  }
  const matrix = CELLS.map((cell) => ({
    ...cell,
    who: cell.persona.name,
    tokenScopes: cell.scopes.join('+'),
    outcome: expectedTokenOutcome(key, c.policy, route, cell.persona, cell.scopes, cell.scope),
  }));

  it.each(matrix)('$who token [$tokenScopes] × $scope subsidiary → $outcome', async (cell) => {
    const sub = cell.scope === 'own' ? OWN : FOREIGN;
    const caller = await callerFor(c, cell.persona, cell.scopes);
    const marker = await c.hides?.(f, sub);
    // Records are prepared with the user's session (a read-only token could not create what the case needs).
    const req = await c.build(f, sub, caller.session);
    const res = await caller.token.client.request(route.method.toUpperCase(), req.path, {
      body: req.body,
      headers: req.headers,
      rawBody: req.rawBody,
    });
    const text = await res.text();
    const seen = `${res.status} ${text.slice(0, 400)}`;
    expect(res.status, seen).toBeLessThan(500);
    if (cell.outcome !== 'allowed') {
      expect(res.status, seen).toBe(cell.outcome);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return;
    }
    expect([401, 403, 404], seen).not.toContain(res.status);
    if (marker !== undefined) {
      if (cell.scope === 'own' || cell.persona.isAdmin) expect(text, seen).toContain(marker);
      else expect(text, seen).not.toContain(marker);
    }
  });
});
