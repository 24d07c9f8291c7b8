// Authorization matrix: every route of every module (MODULES) × every persona × own/foreign subsidiary.
// Expected access comes from test/authz/*.cases.ts, written independently of the routes; a route without an
// entry there fails here. "Allowed" means the request got past access control (not 401/403/404): a validation
// 422 or a conflict 409 still proves the caller was let in; the fixtures aim for valid requests anyway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../src/http/route.ts';
import { MODULES } from '../src/modules/index.ts';
import { routeTable } from '../src/routes.ts';
import { expectations } from './authz/expectations.ts';
import { type Caller, type Fixtures, openMatrixStudio, TestClock } from './authz/fixtures.ts';
import {
  accessOf,
  describePolicy,
  expectedOutcome,
  FOREIGN,
  OWN,
  PERSONAS,
  type Persona,
  SCOPES,
} from './authz/policy.ts';
import type { RouteCase } from './authz/route-case.ts';
import type { TestContext } from './harness.ts';

const clock = new TestClock();
let t: TestContext;
let f: Fixtures;
const callers = new Map<string, Caller>();

beforeAll(async () => {
  ({ t, f } = await openMatrixStudio(clock));
  for (const p of PERSONAS) {
    callers.set(p.name, p.anonymous ? { client: t.client() } : await newCaller(p));
  }
});
afterAll(async () => t?.close());

const newCaller = (p: Persona) => f.newCaller({ isAdmin: p.isAdmin, role: p.role, sub: OWN });
const keyOf = (r: RouteDef) => `${r.method.toUpperCase()} ${r.path}`;

function callerFor(c: RouteCase, p: Persona): Caller | Promise<Caller> {
  if (c.freshCaller && !p.anonymous) return newCaller(p);
  const caller = callers.get(p.name);
  if (!caller) throw new Error(`no session for ${p.name}`);
  return caller;
}

describe('the expectations file', () => {
  it('names only routes that exist', () => {
    const keys = new Set(routeTable.map(keyOf));
    expect(Object.keys(expectations).filter((k) => !keys.has(k))).toEqual([]);
  });
});

const routes = MODULES.flatMap((m) => m.routes.map((route) => ({ module: m.name, key: keyOf(route), route })));

describe.each(routes)('$module: $key', ({ key, route }) => {
  const c = expectations[key];
  if (!c) {
    it('has an authorization expectation', () => {
      expect.fail(`${key} has no entry in packages/server/test/authz/*.cases.ts: declare who may call it`);
    });
    return;
  }

  it(`is declared as "${describePolicy(c.policy)}" in the route table too`, () => {
    expect(route.access).toEqual(accessOf(c.policy));
  });

  const matrix = PERSONAS.flatMap((persona) =>
    SCOPES.map((scope) => ({ persona, who: persona.name, scope, outcome: expectedOutcome(c.policy, persona, scope) })),
  );

  it.each(matrix)('$who × $scope subsidiary → $outcome', async ({ persona, scope, outcome }) => {
    const sub = scope === 'own' ? OWN : FOREIGN;
    const caller = await callerFor(c, persona);
    // Built before the call, so the record a list must show (or hide) exists when the list is read.
    const marker = await c.hides?.(f, sub);
    const req = await c.build(f, sub, caller);
    const res = await caller.client.request(route.method.toUpperCase(), req.path, {
      body: req.body,
      headers: req.headers,
      rawBody: req.rawBody,
    });
    const text = await res.text();
    const seen = `${res.status} ${text.slice(0, 400)}`;
    expect(res.status, seen).toBeLessThan(500);
    if (outcome !== 'allowed') {
      expect(res.status, seen).toBe(outcome);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return;
    }
    expect([401, 403, 404], seen).not.toContain(res.status);
    if (marker !== undefined) {
      // Lists: the record in `sub` shows up exactly for callers who may see that subsidiary.
      if (scope === 'own' || persona.isAdmin) expect(text, seen).toContain(marker);
      else expect(text, seen).not.toContain(marker);
    }
  });
});
