// Screenshots and guest testers through the real server (issue #13). Screenshots: PNG, JPEG and WebP by their bytes,
// downloaded as attachments with nosniff; a PNG signature with garbage, HTML named .png, SVG, an empty body, a 6 MB
// image and a sixth screenshot are refused naming the body. Guests: a link per session with an expiry, its token shown
// once; through it a guest sees that session's cases and their own runs only, records runs (a failure still raises a
// defect) and screenshots, audited as `guest: <name>`; every other route stays closed; revoked or expired → 401 at once.
import {
  ZUatCaseDetail,
  ZUatGuestFeedback,
  ZUatGuestLink,
  ZUatGuestLinkCreated,
  ZUatGuestLinkList,
  ZUatGuestView,
  ZUatRunRecorded,
  ZUatScreenshot,
} from '@pi-studio/core/contract/uat';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { uatGuestLinks } from '../../db/schema/uat.ts';
import { expectStatus, json, type Problem } from '../backlog/test-kit.ts';
import { makeTypedProduct } from '../gate/test-kit.ts';
import { guestLink, JPEG_TINY, PNG_1PX, passRun, runningSession, webpTiny } from './test-kit.ts';

let now = new Date('2026-12-01T09:00:00Z');
const DAY = 86_400_000;
let t: TestContext;
let po: TestClient;
let tester: TestClient;
let viewer: TestClient;
let anonymous: TestClient;
let code: string;
let session: string;
let caseKey: string;

async function problem(res: Response, status: number): Promise<Problem> {
  await expectStatus(res, status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return json<Problem>(res);
}

const upload = (c: TestClient, path: string, bytes: RequestInit['body'], type = 'image/png') =>
  c.request('POST', path, { headers: { 'content-type': type }, rawBody: bytes });

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
  const people = [
    await t.user({ roles: { FINTX: 'po' } }),
    await t.user({ roles: { FINTX: 'it' } }),
    await t.user({ roles: { FINTX: 'viewer' } }),
  ];
  [po, tester, viewer] = (await Promise.all(people.map((u) => t.client(u).login()))) as [
    TestClient,
    TestClient,
    TestClient,
  ];
  anonymous = t.client();
  code = await makeTypedProduct(t, 'FINTX', 'SHOT');
  ({ session, caseKey } = await runningSession(po, code));
});
afterAll(async () => t?.close());

describe('screenshots', () => {
  const shots = (runId: string) => `/api/v1/products/${code}/uat/runs/${runId}/screenshots`;

  it('PNG, JPEG and WebP are kept and downloaded as attachments with their type and nosniff', async () => {
    const runId = await passRun(tester, code, caseKey);
    const png = await upload(
      tester,
      `${shots(runId)}?fileName=${encodeURIComponent('../login "page".html')}`,
      PNG_1PX,
      'text/html',
    );
    await expectStatus(png, 201);
    const shot = await answer(png, ZUatScreenshot);
    expect(shot).toMatchObject({ mediaType: 'image/png', size: PNG_1PX.length, fileName: 'login_page_.png' });
    await expectStatus(await upload(tester, shots(runId), JPEG_TINY, 'application/octet-stream'), 201);
    expect((await answer(await upload(tester, shots(runId), webpTiny()), ZUatScreenshot)).mediaType).toBe('image/webp');
    const file = await viewer.get(`/api/v1/products/${code}/uat/screenshots/${shot.id}`);
    await expectStatus(file, 200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="login_page_.png"');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG_1PX);
    const detail = await answer(await viewer.get(`/api/v1/products/${code}/uat/cases/${caseKey}`), ZUatCaseDetail);
    expect(detail.runs.find((r) => r.id === runId)?.screenshots).toHaveLength(3);
  });

  it('refuse anything that is not really an image, naming the body', async () => {
    const runId = await passRun(tester, code, caseKey);
    const garbage = PNG_1PX.slice();
    garbage.set([1, 2, 3, 4], 12);
    const html = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    for (const [bytes, type] of [
      [garbage, 'image/png'],
      [html, 'image/png'],
      [svg, 'image/svg+xml'],
      [new Uint8Array(), 'image/png'],
    ] as const) {
      const p = await problem(await upload(tester, shots(runId), bytes, type), 415);
      expect(p.code).toBe('unsupported_media_type');
      expect(p.invalid_params?.map((i) => i.name)).toEqual(['body']);
    }
  });

  it('refuse an image over 5 MB naming the body, a body over the wire limit, and a sixth screenshot', async () => {
    const runId = await passRun(tester, code, caseKey);
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(PNG_1PX);
    const p = await problem(await upload(tester, shots(runId), big), 413);
    expect(p.code).toBe('file_too_large');
    expect(p.invalid_params?.map((i) => i.name)).toEqual(['body']);
    expect((await upload(tester, shots(runId), new Uint8Array(9 * 1024 * 1024))).status).toBe(413);
    for (let i = 0; i < 5; i++) await expectStatus(await upload(tester, shots(runId), PNG_1PX), 201);
    expect((await problem(await upload(tester, shots(runId), PNG_1PX), 409)).code).toBe('too_many_screenshots');
  });

  it('refuse a hostile file name, an unknown run, and callers without uat.run', async () => {
    const runId = await passRun(tester, code, caseKey);
    const p = await problem(await upload(tester, `${shots(runId)}?fileName=a%00b.png`, PNG_1PX), 422);
    expect(p.invalid_params?.map((i) => i.name)).toEqual(['query.fileName']);
    await problem(await upload(tester, shots(crypto.randomUUID()), PNG_1PX), 404);
    await problem(await upload(tester, shots('nope'), PNG_1PX), 422);
    await problem(await upload(viewer, shots(runId), PNG_1PX), 403);
    await problem(await upload(anonymous, shots(runId), PNG_1PX), 401);
    await problem(await viewer.get(`/api/v1/products/${code}/uat/screenshots/${crypto.randomUUID()}`), 404);
  });
});

describe('guest links', () => {
  const links = () => `/api/v1/products/${code}/uat/sessions/${session}/guest-links`;
  const guest = (token: string, rest = '') => `/api/v1/guest/uat/${token}${rest}`;
  let token: string;
  let linkId: string;

  it('are created with a 7-day default expiry, the token shown once and stored only hashed', async () => {
    const res = await po.post(links(), { guestName: 'Gina Guest' });
    await expectStatus(res, 201);
    const created = await answer(res, ZUatGuestLinkCreated);
    ({ token } = created);
    linkId = created.link.id;
    expect(created.path).toBe(`/guest/uat/${token}`);
    expect(created.link).toMatchObject({ guestName: 'Gina Guest', state: 'active', revokedAt: null });
    expect(new Date(created.link.expiresAt).getTime() - now.getTime()).toBe(7 * DAY);
    const [row] = await t.deps.db.select().from(uatGuestLinks).where(eq(uatGuestLinks.id, linkId));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await answer(await po.get(links()), ZUatGuestLinkList);
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.items.map((l) => l.id)).toContain(linkId);
  });

  it('refuse an expiry over 30 days, a hostile name, and callers without uat.manage', async () => {
    const names = async (body: unknown) =>
      (await problem(await po.post(links(), body), 422)).invalid_params?.map((i) => i.name);
    expect(await names({ guestName: 'A', expiresInDays: 31 })).toEqual(['expiresInDays']);
    expect(await names({ guestName: 'A', expiresInDays: 0 })).toEqual(['expiresInDays']);
    expect(await names({ guestName: 'A\u0000' })).toEqual(['guestName']);
    expect(await names({ guestName: 'A', expiresInDays: '7' })).toEqual(['expiresInDays']);
    await problem(await tester.post(links(), { guestName: 'A' }), 403);
    await problem(await viewer.get(links()), 403);
  });

  it("open the session's cases and the guest's own runs only", async () => {
    await passRun(tester, code, caseKey); // a member's run the guest must not see
    const other = await runningSession(po, code);
    const view = await answer(await anonymous.get(guest(token)), ZUatGuestView);
    expect(view).toMatchObject({ guestName: 'Gina Guest', productCode: code, session: { key: session } });
    expect(view.cases.map((c) => c.key)).toEqual([caseKey]);
    expect(view.runs).toEqual([]);
    await problem(await anonymous.get(guest(token, `/cases/${other.caseKey}`)), 404);
    await problem(await anonymous.post(guest(token, `/cases/${other.caseKey}/runs`), { result: 'pass' }), 404);
    const detail = await answer(await anonymous.get(guest(token, `/cases/${caseKey}`)), ZUatCaseDetail);
    expect(detail.runs).toEqual([]);
  });

  it('record runs and screenshots audited as the guest; a failure raises a defect', async () => {
    const res = await anonymous.post(guest(token, `/cases/${caseKey}/runs`), { result: 'fail', notes: 'broken' });
    await expectStatus(res, 201);
    const recorded = await answer(res, ZUatRunRecorded);
    expect(recorded.run).toMatchObject({ testerName: 'Gina Guest', byGuest: true, result: 'fail' });
    expect(recorded.defect?.state).toBe('open');
    const shot = await answer(
      await upload(anonymous, guest(token, `/runs/${recorded.run.id}/screenshots`), PNG_1PX),
      ZUatScreenshot,
    );
    const file = await anonymous.get(guest(token, `/screenshots/${shot.id}`));
    await expectStatus(file, 200);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const events = await t.deps.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(eq(auditEvents.actorLabel, 'guest: Gina Guest'));
    expect(events.map((e) => e.action).sort()).toEqual([
      'story.created',
      'uat.case_run',
      'uat.defect_raised',
      'uat.screenshot_added',
    ]);
    expect(events.every((e) => e.actorId === null)).toBe(true);
    const view = await answer(await anonymous.get(guest(token)), ZUatGuestView);
    expect(view.runs.map((r) => r.id)).toEqual([recorded.run.id]);
  });

  it("send feedback into the product's inbox as the guest, and see none of the product's other feedback", async () => {
    await po.post(`/api/v1/products/${code}/feedback`, { text: 'The refund list is slow to open' });
    const res = await anonymous.post(guest(token, '/feedback'), {
      text: 'The refund list is slow to open on my phone',
    });
    await expectStatus(res, 201);
    const sent = await answer(res, ZUatGuestFeedback);
    expect(Object.keys(sent).sort()).toEqual(['createdAt', 'key', 'text']);
    const inbox = await json<{ items: { key: string; source: string; author: string; provenance: unknown[] }[] }>(
      await po.get(`/api/v1/products/${code}/feedback?source=guest`),
    );
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ key: sent.key, source: 'guest', author: 'Gina Guest' });
    expect(inbox.items[0]?.provenance).toMatchObject([
      { source: 'guest', originalAuthor: 'Gina Guest', messageRef: `UAT session ${session}` },
    ]);
    const [event] = await t.deps.db
      .select({ actorId: auditEvents.actorId, target: auditEvents.targetLabel })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorLabel, 'guest: Gina Guest'), eq(auditEvents.action, 'feedback.submitted')));
    expect(event).toEqual({ actorId: null, target: sent.key });
    for (const [body, field] of [
      [{ text: '' }, 'text'],
      [{ text: 'a\u0000b' }, 'text'],
      [{ text: 'x'.repeat(8001) }, 'text'],
      [{ text: 42 }, 'text'],
      [{ text: 'ok', author: 'Someone else' }, 'author'],
    ] as const) {
      const refused = await problem(await anonymous.post(guest(token, '/feedback'), body), 422);
      expect(refused.invalid_params?.map((p) => p.name)).toEqual([field]);
    }
    await problem(await anonymous.post(guest('x'.repeat(43), '/feedback'), { text: 'hello' }), 401);
  });

  it("cannot reach a member's run or screenshot, nor any other route", async () => {
    const memberRun = await passRun(tester, code, caseKey);
    const memberShot = await answer(
      await upload(tester, `/api/v1/products/${code}/uat/runs/${memberRun}/screenshots`, PNG_1PX),
      ZUatScreenshot,
    );
    await problem(await upload(anonymous, guest(token, `/runs/${memberRun}/screenshots`), PNG_1PX), 404);
    await problem(await anonymous.get(guest(token, `/screenshots/${memberShot.id}`)), 404);
    await problem(await anonymous.get(`/api/v1/products/${code}/uat/sessions`), 401);
    await problem(await anonymous.get(`/api/v1/products/${code}/uat/sessions/${session}/guest-links`), 401);
    const withHeader = await anonymous.get(`/api/v1/products/${code}/uat/sessions`, {
      headers: { authorization: `Guest ${token}` },
    });
    await problem(withHeader, 401);
    await problem(await anonymous.get(guest('x'.repeat(43))), 401);
    await problem(await anonymous.get(guest('short')), 422);
  });

  it('answer 401 at once when revoked', async () => {
    const other = await guestLink(po, code, session, 'Rita Revoked');
    await expectStatus(await anonymous.get(guest(other.token)), 200);
    const revoked = await po.post(`/api/v1/products/${code}/uat/guest-links/${other.id}/revoke`);
    await expectStatus(revoked, 200);
    expect((await answer(revoked, ZUatGuestLink)).state).toBe('revoked');
    expect((await problem(await anonymous.get(guest(other.token)), 401)).code).toBe('invalid_guest_link');
    await problem(await anonymous.post(guest(other.token, `/cases/${caseKey}/runs`), { result: 'pass' }), 401);
    await expectStatus(await po.post(`/api/v1/products/${code}/uat/guest-links/${other.id}/revoke`), 200);
    await problem(await tester.post(`/api/v1/products/${code}/uat/guest-links/${other.id}/revoke`), 403);
  });

  it('answer 401 once expired', async () => {
    const short = await guestLink(po, code, session, 'Eve Expiring');
    const res = await po.post(links(), { guestName: 'One day', expiresInDays: 1 });
    const oneDay = await answer(res, ZUatGuestLinkCreated);
    now = new Date(now.getTime() + DAY + 1000);
    await problem(await anonymous.get(guest(oneDay.token)), 401);
    await expectStatus(await anonymous.get(guest(short.token)), 200);
    now = new Date(now.getTime() + 7 * DAY);
    await problem(await anonymous.get(guest(short.token)), 401);
    await problem(
      await upload(anonymous, guest(short.token, `/runs/${crypto.randomUUID()}/screenshots`), PNG_1PX),
      401,
    );
  });
});
