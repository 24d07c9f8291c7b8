// Shared by the property tests over the route table (fuzz-routes.test.ts: random bodies; robustness.test.ts: hostile
// values in path, query and body): a studio with an administrator, a request aimed at a real record, and the check
// that a rejection is clean (< 500, problem+json, nothing stored changed).
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { RouteDef } from '../src/http/route.ts';
import { expectations } from './authz/expectations.ts';
import { type Caller, Fixtures, TestClock } from './authz/fixtures.ts';
import { OWN } from './authz/policy.ts';
import type { CaseRequest } from './authz/route-case.ts';
import { createTestContext, type TestContext } from './harness.ts';
import { type StoredDigest, storedDataDigester } from './stored-data.ts';

export type Attempt = { body?: RequestInit['body']; contentType?: string };

export type FuzzStudio = {
  t: TestContext;
  f: Fixtures;
  clock: TestClock;
  admin: Caller;
  digest: () => Promise<StoredDigest>;
};

export const routeKey = (route: Pick<RouteDef, 'method' | 'path'>) => `${route.method.toUpperCase()} ${route.path}`;

/** A migrated database with subsidiary OWN and a signed-in studio administrator. */
export async function openFuzzStudio(): Promise<FuzzStudio> {
  const clock = new TestClock();
  const t = await createTestContext({ now: clock.now });
  await t.subsidiary(OWN);
  const user = await t.user({ isAdmin: true });
  clock.beforeLogin();
  const client = await t.client(user).login();
  const f = new Fixtures(t, client, clock);
  return { t, f, clock, admin: { user, client }, digest: await storedDataDigester(t.deps.handle) };
}

/** The call ends or changes the caller's session or password: each attempt needs a caller of its own. */
export const needsFreshCaller = (key: string) => expectations[key]?.freshCaller === true;

/** A request aimed at a real record (from the authorization fixtures), or at a random id when there is none. */
export async function target(f: Fixtures, key: string, route: RouteDef, caller: Caller): Promise<CaseRequest> {
  const c = expectations[key];
  if (c) return c.build(f, OWN, caller);
  return { path: `/api/v1${route.path.replace(/:\w+/g, randomUUID())}` };
}

export async function send(
  caller: Caller,
  route: RouteDef,
  req: { path: string; headers?: Record<string, string> },
  a: Attempt,
): Promise<Response> {
  const headers = { ...(req.headers ?? {}), ...(a.contentType ? { 'content-type': a.contentType } : {}) };
  return caller.client.request(route.method.toUpperCase(), req.path, { headers, rawBody: a.body });
}

/** < 500 always; an error is problem+json and left every stored row as it was. Returns the body text. */
export async function expectCleanRejection(
  res: Response,
  before: StoredDigest | undefined,
  digest: () => Promise<StoredDigest>,
): Promise<string> {
  const body = await res.text();
  expect(res.status, body.slice(0, 300)).toBeLessThan(500);
  if (res.status < 400) return body;
  expect(res.headers.get('content-type'), body.slice(0, 300)).toContain('application/problem+json');
  if (before) expect(await digest()).toEqual(before);
  return body;
}
