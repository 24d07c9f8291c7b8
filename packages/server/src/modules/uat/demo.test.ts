// The demo studio's UAT (seed.ts): every product at the UAT stage has a running session with cases to run, created
// and audited by ProductOps (Omar), readable through the API by a demo person.
import { ZUatCaseList, ZUatSessionList } from '@pi-studio/core/contract/uat';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { products } from '../../db/schema/workspace.ts';
import { loadDemo } from '../../demo/load.ts';
import { DEMO_PASSWORD, demoEmail } from '../../demo/people.ts';

describe('the UAT demo', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await loadDemo(t.deps);
  });
  afterAll(() => t.close());

  it('gives every product at the UAT stage a running session with cases, audited by Omar', async () => {
    const atUat = await t.deps.db.select({ code: products.code }).from(products).where(eq(products.stage, 'uat'));
    expect(atUat.length).toBeGreaterThan(0);
    const admin = await t.client({ id: '', email: demoEmail('omar'), password: DEMO_PASSWORD }).login();
    for (const { code } of atUat) {
      const sessions = await answer(await admin.get(`/api/v1/products/${code}/uat/sessions`), ZUatSessionList);
      expect(sessions.items).toHaveLength(1);
      const [session] = sessions.items;
      expect(session).toMatchObject({ key: `${code}-UAT-1`, status: 'running', counts: { cases: 2, untested: 2 } });
      const cases = await answer(
        await admin.get(`/api/v1/products/${code}/uat/sessions/${session?.key}/cases`),
        ZUatCaseList,
      );
      expect(cases.items.map((c) => c.key)).toEqual([`${code}-TC-1`, `${code}-TC-2`]);
    }
    const events = await t.deps.db
      .select({ label: auditEvents.actorLabel })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'uat.session_created'));
    expect(events.map((e) => e.label)).toEqual(atUat.map(() => demoEmail('omar')));
  });
});
