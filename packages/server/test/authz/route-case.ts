import type { Caller, Fixtures } from './fixtures.ts';
import type { Policy } from './policy.ts';

export type CaseRequest = {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  rawBody?: RequestInit['body'];
};

/** One route's entry in the expectations: its policy and how to aim a valid request at a record in `sub`. */
export type RouteCase = {
  policy: Policy;
  build: (f: Fixtures, sub: string, caller: Caller) => CaseRequest | Promise<CaseRequest>;
  /** The call ends or changes the caller's own session or password: run it as a fresh user with the same roles. */
  freshCaller?: true;
  /** Lists: text that must not reach a caller who cannot see `sub` (e.g. its product code). */
  hides?: (f: Fixtures, sub: string) => Promise<string>;
};

/** Keys are `METHOD /path` exactly as in the route table, e.g. `PATCH /products/:code`. */
export type Expectations = Record<string, RouteCase>;
