import { ROLES } from '@pi-studio/core/access/roles';
import { isAuditAction } from '@pi-studio/core/contract/audit-actions';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { users } from '../db/schema/accounts.ts';
import { auditEvents } from '../db/schema/audit.ts';
import { documents, documentVersions } from '../db/schema/documents.ts';
import { memberships, products, subsidiaries } from '../db/schema/workspace.ts';
import { sha256 } from '../modules/auth/crypto.ts';
import { loadDemo } from './load.ts';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demoEmail } from './people.ts';

const STAGES = ['intake', 'gate', 'build', 'uat', 'handover', 'live', 'archived'];

describe('demo studio', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await loadDemo(t.deps);
  });
  afterAll(() => t.close());

  it('creates the four subsidiaries and about a dozen products across every stage', async () => {
    const subs = (await t.deps.db.select().from(subsidiaries)).map((s) => s.code).sort();
    expect(subs).toEqual(['EDC', 'EMX', 'FINTX', 'NXN']);
    const rows = await t.deps.db.select().from(products);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.length).toBeLessThanOrEqual(16);
    for (const stage of STAGES) expect(rows.filter((p) => p.stage === stage).length, stage).toBeGreaterThanOrEqual(1);
    for (const p of rows) expect(p.code).toMatch(/^(EMX|NXN|FINTX|EDC)-[A-Z0-9]+$/);
    expect(rows.map((p) => p.code)).toEqual(
      expect.arrayContaining(['FINTX-PAYOUTS', 'EMX-CHARGEMAP', 'NXN-FIBERCHECK']),
    );
  });

  it('writes only audit actions a module declares', async () => {
    const actions = new Set(
      (await t.deps.db.select({ action: auditEvents.action }).from(auditEvents)).map((r) => r.action),
    );
    expect([...actions].filter((a) => !isAuditAction(a))).toEqual([]);
    expect(actions.has('gate.submitted')).toBe(true); // the gate's own demo ran too
  });

  it('has a user in every role and people who can sign in with the demo password', async () => {
    const roles = new Set((await t.deps.db.select().from(memberships)).map((m) => m.role));
    for (const role of ROLES) expect(roles.has(role), role).toBe(true);
    for (const key of ['omar', 'musa', 'sarah', 'atoum'] as const) {
      const res = await t.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: demoEmail(key), password: DEMO_PASSWORD }),
      });
      expect(res.status, key).toBe(200);
    }
  });

  it('gives every product a Context and a PRD whose current version is the newest, hashed', async () => {
    const docs = await t.deps.db.select().from(documents);
    const versions = await t.deps.db.select().from(documentVersions);
    const productIds = (await t.deps.db.select().from(products)).map((p) => p.id);
    for (const id of productIds) {
      const kinds = docs.filter((d) => d.productId === id).map((d) => d.kind);
      expect(kinds.sort()).toEqual(['context', 'prd']);
    }
    for (const d of docs) {
      const own = versions
        .filter((v) => v.documentId === d.id)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const newest = own.at(-1);
      expect(d.currentVersionId).toBe(newest?.id);
      expect(d.revision).toBe(own.length);
      // Versions grow in number as they grow in time.
      const numbers = own.map((v) => v.major * 1000 + v.minor);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
    for (const v of versions) expect(v.contentHash).toBe(sha256(v.body));
    const prdVersionCounts = docs
      .filter((d) => d.kind === 'prd')
      .map((d) => versions.filter((v) => v.documentId === d.id).length);
    expect(Math.max(...prdVersionCounts)).toBeGreaterThanOrEqual(4);
    expect(versions.some((v) => v.major === 2 && v.minor === 0)).toBe(true);
  });

  it('writes PRDs of varied quality: strong, weak and a hollow template', async () => {
    const bodies = (await t.deps.db.select().from(documentVersions)).map((v) => v.body);
    const strong = bodies.filter(
      (b) => /Given .*\nWhen .*\nThen /.test(b) && b.includes('## Non-goals') && /\| FR-\d+ \|/.test(b),
    );
    const weak = bodies.filter((b) => b.includes('seamless') && b.includes('TBD'));
    const hollow = bodies.filter((b) => b.includes('[Describe the problem'));
    expect(strong.length).toBeGreaterThanOrEqual(5);
    expect(weak.length).toBeGreaterThanOrEqual(3);
    expect(hollow.length).toBe(1);
  });

  it('records audit events by the demo people who acted (the loader sets the studio up and forces the stages past build), once', async () => {
    const events = await t.deps.db.select().from(auditEvents);
    const byPerson = events.filter((e) => e.actorId !== null && e.actorLabel.endsWith(`@${DEMO_EMAIL_DOMAIN}`));
    expect(byPerson.length).toBeGreaterThan(50);
    const byLoader = new Set(events.filter((e) => e.actorLabel === 'demo').map((e) => e.action));
    // No demo person is a studio administrator, and stages past build need evidence the studio does not record yet.
    expect([...byLoader].sort()).toEqual(['product.stage_forced', 'subsidiary.created', 'user.created']);
    const before = await Promise.all(
      [products, users, documentVersions].map(async (tb) =>
        Number((await t.deps.db.select({ n: count() }).from(tb))[0]?.n),
      ),
    );
    const again = await loadDemo(t.deps);
    expect(again.products).toBe(0);
    const after = await Promise.all(
      [products, users, documentVersions].map(async (tb) =>
        Number((await t.deps.db.select({ n: count() }).from(tb))[0]?.n),
      ),
    );
    expect(after).toEqual(before);
  });
});
