// The audit list reads newest first by when things happened, across pages, even when past events were recorded
// after newer ones (the demo studio loads months of history into a studio that is already in use).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { loadDemo } from '../../demo/load.ts';
import { DEMO_EMAIL_DOMAIN } from '../../demo/people.ts';

type Event = { id: string; at: string; action: string; actor: { id: string | null; label: string } };
type Page = { items: Event[]; nextCursor: string | null };

let t: TestContext;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestContext();
  admin = await t.client(await t.user({ isAdmin: true })).login();
  // Recorded first, so it has the smallest id of the product events, yet it is the newest of them.
  await t.subsidiary('EMX');
  const created = await admin.post('/api/v1/products', {
    subsidiary: 'EMX',
    name: 'Audit order probe',
    productType: 'web_app',
  });
  expect(created.status).toBe(201);
  await loadDemo(t.deps);
});
afterAll(async () => t?.close());

async function allEvents(query: string): Promise<Event[]> {
  const events: Event[] = [];
  let cursor: string | null = null;
  do {
    const res = await admin.get(`/api/v1/audit?${query}&limit=37${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    events.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return events;
}

describe('GET /audit', () => {
  it('lists events newest first by time across pages, each once, with the newest live event on top', async () => {
    const events = await allEvents('action=product.');
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.length).toBeGreaterThan(37);
    expect(events[0]?.action).toBe('product.created');
    expect(events[0]?.actor.label).not.toMatch(DEMO_EMAIL_DOMAIN);
  });

  it('names the demo person who did it, not "demo", for the product and gate story', async () => {
    const events = await allEvents('targetType=gate_review');
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      expect(e.actor.id, e.action).not.toBeNull();
      expect(e.actor.label, e.action).toMatch(new RegExp(`^[a-z]+@${DEMO_EMAIL_DOMAIN.replace(/\./g, '\\.')}$`));
    }
    const decided = events.filter((e) => e.action === 'gate.decided');
    expect(new Set(decided.map((e) => e.actor.label))).toEqual(new Set([`omar@${DEMO_EMAIL_DOMAIN}`]));
    const submitters = new Set(events.filter((e) => e.action === 'gate.submitted').map((e) => e.actor.label));
    expect(submitters.has(`omar@${DEMO_EMAIL_DOMAIN}`)).toBe(false);
  });
});
