import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';

let clock = Date.parse('2026-11-24T09:00:00Z');
const minutes = (n: number) => n * 60_000;
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ now: () => new Date(clock) });
});
afterAll(async () => t.close());

describe('session expiry', () => {
  it('ends a session left idle longer than the idle limit', async () => {
    const c = await t.client(await t.user()).login();
    clock += minutes(30);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    clock += t.deps.config.sessionIdleMs + minutes(1);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('ends an active session at its absolute expiry', async () => {
    const c = await t.client(await t.user()).login();
    const step = t.deps.config.sessionIdleMs / 2;
    const end = clock + t.deps.config.sessionMaxMs;
    while (clock + step < end) {
      clock += step;
      expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    }
    clock = end + minutes(1);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });
});
