import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t.close());

it('limits sign-in attempts per client, and a forged X-Forwarded-For does not reset the count', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    const res = await t.client().request('POST', '/api/v1/auth/login', {
      body: { email: `nobody${i}@test.local`, password: 'whatever' },
      headers: { 'x-forwarded-for': `10.0.0.${i}` },
    });
    statuses.push(res.status);
  }
  expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
  expect(statuses[20]).toBe(429);
});
