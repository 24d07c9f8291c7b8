import { expect, it } from 'vitest';
import { createTestContext } from '../harness.ts';
it('opens a migrated database', async () => {
  const t = await createTestContext();
  expect((await t.client().get('/readyz')).status).toBe(200);
  await t.close();
});
