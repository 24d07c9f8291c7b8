// The feedback backlog through the real server (issue #13): submit from the form and the API with near duplicates,
// the list and summary with ageing on a controlled clock, chat-export imports (WhatsApp .txt, Slack zip, Teams JSON)
// previewed and committed — a re-import creates nothing new, a bad index or a hostile file stores nothing — and
// triage into a story linked to the matched requirement, a duplicate, a sprint clarification, a decline, in bulk.
import { ZCreatedToken } from '@pi-studio/core/contract/auth';
import { ZClarificationList, ZRequirementSync, ZSprint, ZStory } from '@pi-studio/core/contract/backlog';
import {
  type FeedbackImportPreview,
  ZFeedbackBulkTriaged,
  ZFeedbackImportCommitted,
  ZFeedbackImportPreview,
  ZFeedbackItem,
  ZFeedbackPage,
  ZFeedbackSubmitted,
  ZFeedbackSummary,
  ZFeedbackTriaged,
} from '@pi-studio/core/contract/feedback';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext, type TestUser } from '../../../test/harness.ts';
import { expectStatus, json, type Problem, passedProduct } from '../backlog/test-kit.ts';
import { CHAT_INLINE_MAX_BYTES, parseExportJob } from './imports/parse-job.ts';

let now = new Date('2026-12-01T09:00:00Z');
const DAY = 86_400_000;
let t: TestContext;
let po: TestClient;
let ops: TestClient;
let it_: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let code: string;

let people: TestUser[] = [];

/** Signs everyone in (again): moving the clock by days ends the sessions opened before. */
async function signIn() {
  const clients = await Promise.all(people.map((u) => t.client(u).login()));
  [po, ops, it_, viewer, outsider] = clients as [TestClient, TestClient, TestClient, TestClient, TestClient];
}

async function advance(ms: number) {
  now = new Date(now.getTime() + ms);
  await signIn();
}

beforeAll(async () => {
  t = await createTestContext({ now: () => now });
  people = [
    await t.user({ roles: { FINTX: 'po' } }),
    await t.user({ roles: { FINTX: 'productops' } }),
    await t.user({ roles: { FINTX: 'it' } }),
    await t.user({ roles: { FINTX: 'viewer' } }),
    await t.user({ roles: { NXN: 'po' } }),
  ];
  await signIn();
  ({ code } = await passedProduct(t, po, ops, 'FINTX', 'FBK'));
});
afterAll(async () => t?.close());

const base = () => `/api/v1/products/${code}/feedback`;
const count = async (table: string) =>
  Number((await t.deps.handle.raw(`select count(*)::int as n from ${table}`))[0]?.n ?? 0);
const auditCount = async (action: string) =>
  Number(
    (await t.deps.handle.raw('select count(*)::int as n from audit_events where action = $1', [action]))[0]?.n ?? 0,
  );

async function submit(c: TestClient, text: string, author?: string) {
  const res = await c.post(base(), author ? { text, author } : { text });
  await expectStatus(res, 201);
  return answer(res, ZFeedbackSubmitted);
}

async function upload(c: TestClient, body: Uint8Array | string, type: string, query = '') {
  return c.request('POST', `${base()}/imports${query}`, { headers: { 'content-type': type }, rawBody: body });
}

async function preview(body: Uint8Array | string, type: string, query = ''): Promise<FeedbackImportPreview> {
  const res = await upload(po, body, type, query);
  await expectStatus(res, 201);
  return answer(res, ZFeedbackImportPreview);
}

async function commit(id: string, indices: number[]) {
  const res = await po.post(`${base()}/imports/${id}/commit`, { indices });
  await expectStatus(res, 201);
  return answer(res, ZFeedbackImportCommitted);
}

async function tokenClient(owner: TestClient, scopes: string[]) {
  const res = await owner.post('/api/v1/tokens', { name: `feedback-test ${scopes.join(',')}`, scopes });
  await expectStatus(res, 201);
  const headers = { authorization: `Bearer ${ZCreatedToken.parse(await res.json()).token}` };
  const anon = t.client();
  return {
    get: (path: string) => anon.get(path, { headers }),
    post: (path: string, body?: unknown) => anon.post(path, body, { headers }),
  };
}

const WHATSAPP = [
  '05/11/2026, 09:02 - Ana Pilot: The checkout declines my debit card every time',
  '05/11/2026, 09:03 - Messages and calls are end-to-end encrypted.',
  '05/11/2026, 09:05 - Ben Pilot: My card got declined at checkout, every time!!',
  '05/11/2026, 09:07 - Ana Pilot: Also the payout report shows the wrong currency',
  'for payouts to Kenya',
  '',
].join('\n');

describe('submitting feedback', () => {
  it('from a session is `form`, from a token `api`, numbered per product; near duplicates are explained', async () => {
    const first = await submit(po, 'The checkout declines my debit card every time');
    expect(first.item).toMatchObject({
      key: `${code}-FB-1`,
      number: 1,
      source: 'form',
      status: 'new',
      ageDays: 0,
      story: null,
      triagedAt: null,
    });
    expect(first.item.provenance).toEqual([
      expect.objectContaining({ source: 'form', fileHash: null, messageRef: null, importId: null }),
    ]);
    expect(first.similar).toEqual([]);

    const bot = await tokenClient(it_, ['write']);
    const res = await bot.post(base(), { text: 'My card got declined at checkout, every time!!', author: 'Caller 7' });
    await expectStatus(res, 201);
    const second = await answer(res, ZFeedbackSubmitted);
    expect(second.item).toMatchObject({ key: `${code}-FB-2`, source: 'api', author: 'Caller 7' });
    expect(second.similar).toEqual([
      {
        key: `${code}-FB-1`,
        percent: 83,
        shared: expect.arrayContaining(['card', 'declined', 'checkout']),
        explanation: expect.stringMatching(new RegExp(`^similar to ${code}-FB-1: 83% — shared: `)),
      },
    ]);
    expect(await auditCount('feedback.submitted')).toBe(2);
  });

  it('refuses viewers (403), hides the product from other subsidiaries (404), checks the text', async () => {
    await expectStatus(await viewer.post(base(), { text: 'I may not' }), 403);
    await expectStatus(await outsider.post(base(), { text: 'Nor I' }), 404);
    await expectStatus(await outsider.get(base()), 404);
    const empty = await po.post(base(), { text: '   ' });
    await expectStatus(empty, 422);
    expect((await json<Problem>(empty)).invalid_params?.[0]?.name).toBe('text');
    await expectStatus(await po.post(base(), { text: 'x'.repeat(8001) }), 422);
    const reader = await tokenClient(po, ['read']);
    await expectStatus(await reader.post(base(), { text: 'read tokens do not write' }), 403);
  });
});

describe('the list and the summary', () => {
  it('ages untriaged items by the clock, pages newest first, counts by status, source and age', async () => {
    await advance(3 * DAY);
    await submit(po, 'Export to CSV would help our accountants');
    await advance(6 * DAY);
    await submit(po, 'Dark mode please');

    const page1 = await answer(await viewer.get(`${base()}?limit=2`), ZFeedbackPage);
    expect(page1.items.map((i) => [i.number, i.ageDays])).toEqual([
      [4, 0],
      [3, 6],
    ]);
    expect(page1.nextCursor).toBe('3');
    const page2 = await answer(await viewer.get(`${base()}?limit=2&cursor=3`), ZFeedbackPage);
    expect(page2.items.map((i) => [i.number, i.ageDays])).toEqual([
      [2, 9],
      [1, 9],
    ]);
    expect(page2.nextCursor).toBeNull();
    const api = await answer(await viewer.get(`${base()}?source=api`), ZFeedbackPage);
    expect(api.items.map((i) => i.number)).toEqual([2]);

    const summary = await answer(await viewer.get(`${base()}/summary`), ZFeedbackSummary);
    expect(summary).toEqual({
      total: 4,
      byStatus: { new: 4, accepted: 0, duplicate: 0, clarification: 0, declined: 0 },
      bySource: { form: 3, guest: 0, api: 1, whatsapp: 0, slack: 0, teams: 0 },
      untriaged: { total: 4, under2Days: 1, from2To7Days: 1, over7Days: 2, oldestAgeDays: 9 },
    });
    await expectStatus(await viewer.get(`${base()}?cursor=abc`), 422);
    await expectStatus(await viewer.get(`${base()}?status=open`), 422);
  });
});

describe('importing chat exports', () => {
  let draft: FeedbackImportPreview;

  it('previews a WhatsApp .txt: messages, authors, span, near duplicates in the file and among the items', async () => {
    draft = await preview(WHATSAPP, 'text/plain; charset=utf-8', '?fileName=pilot.txt');
    expect(draft).toMatchObject({
      status: 'draft',
      source: 'whatsapp',
      fileName: 'pilot.txt',
      messages: 3,
      alreadyImported: false,
      from: '2026-11-05T09:02:00.000Z',
      to: '2026-11-05T09:07:00.000Z',
      authors: [
        { name: 'Ana Pilot', count: 2 },
        { name: 'Ben Pilot', count: 1 },
      ],
    });
    expect(draft.dropped.system).toBe(1);
    expect(draft.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(draft.items[0]).toMatchObject({
      index: 0,
      author: 'Ana Pilot',
      messageRef: 'line 1',
      duplicateOfIndex: null,
    });
    expect(draft.items[0]?.similar[0]).toMatchObject({ key: `${code}-FB-1`, percent: 100 });
    expect(draft.items[1]).toMatchObject({ duplicateOfIndex: 0, alreadyImported: false });
    expect(draft.items[2]?.text).toBe('Also the payout report shows the wrong currency\nfor payouts to Kenya');
    expect(draft.clusters).toEqual([
      { members: [0, 1], links: [{ index: 1, similarTo: 0, percent: 83, shared: expect.any(Array) }] },
    ]);
  });

  it('a bad index refuses the whole commit (422 naming it), nothing stored', async () => {
    const before = await count('feedback_items');
    const res = await po.post(`${base()}/imports/${draft.id}/commit`, { indices: [0, 7] });
    await expectStatus(res, 422);
    expect((await json<Problem>(res)).invalid_params).toEqual([{ name: 'indices.1', reason: expect.any(String) }]);
    await expectStatus(await po.post(`${base()}/imports/${draft.id}/commit`, { indices: [2, 2] }), 422);
    expect(await count('feedback_items')).toBe(before);
  });

  it('commits the selected messages with provenance; the draft cannot be committed twice', async () => {
    const done = await commit(draft.id, [0, 2]);
    expect(done).toMatchObject({ importId: draft.id, skipped: 0, skippedIndices: [] });
    expect(done.created.map((i) => [i.key, i.source, i.author])).toEqual([
      [`${code}-FB-5`, 'whatsapp', 'Ana Pilot'],
      [`${code}-FB-6`, 'whatsapp', 'Ana Pilot'],
    ]);
    expect(done.created[1]?.provenance).toEqual([
      {
        source: 'whatsapp',
        originalAuthor: 'Ana Pilot',
        originalTime: '2026-11-05T09:07:00.000Z',
        fileHash: draft.fileHash,
        messageRef: 'line 4',
        importId: draft.id,
      },
    ]);
    const again = await po.post(`${base()}/imports/${draft.id}/commit`, { indices: [1] });
    await expectStatus(again, 409);
    expect((await json<Problem>(again)).code).toBe('already_committed');
    await expectStatus(
      await po.post(`${base()}/imports/00000000-0000-4000-8000-000000000000/commit`, { indices: [0] }),
      404,
    );
    expect(await auditCount('feedback.imported')).toBe(1);
  });

  it('re-importing the same file creates nothing new: imported messages are skipped and counted', async () => {
    const second = await preview(WHATSAPP, 'text/plain');
    expect(second.alreadyImported).toBe(true);
    expect(second.items.map((i) => i.alreadyImported)).toEqual([true, false, true]);
    const done = await commit(second.id, [0, 1, 2]);
    expect(done.created.map((i) => i.author)).toEqual(['Ben Pilot']);
    expect(done).toMatchObject({ skipped: 2, skippedIndices: [0, 2] });
    const third = await preview(WHATSAPP, 'text/plain');
    const none = await commit(third.id, [0, 1, 2]);
    expect(none).toMatchObject({ created: [], skipped: 3 });
    // The same chat exported again (another file, same messages): skipped by source, author, time and text.
    const longer = `${WHATSAPP}06/11/2026, 10:00 - Ben Pilot: New one about refunds taking too long\n`;
    const fourth = await preview(longer, 'text/plain');
    expect(fourth.alreadyImported).toBe(false);
    expect(fourth.items.map((i) => i.alreadyImported)).toEqual([true, true, true, false]);
  });

  it('previews and commits a Slack zip and Teams JSON', async () => {
    const slack = zipSync({
      'users.json': strToU8(JSON.stringify([{ id: 'U1', name: 'omar', real_name: 'Omar Haddad' }])),
      'channels.json': strToU8('[]'),
      'pilot/2026-12-01.json': strToU8(
        JSON.stringify([
          { type: 'message', user: 'U1', text: 'Refund status is never updated in the app', ts: '1764579900.000100' },
          { type: 'message', subtype: 'channel_join', user: 'U1', text: '<@U1> has joined', ts: '1764579800.000100' },
        ]),
      ),
    });
    const s = await preview(slack, 'application/zip');
    expect(s).toMatchObject({ source: 'slack', messages: 1, authors: [{ name: 'Omar Haddad', count: 1 }] });
    expect(s.items[0]?.messageRef).toBe('pilot/1764579900.000100');
    const sd = await commit(s.id, [0]);
    expect(sd.created[0]).toMatchObject({ source: 'slack', author: 'Omar Haddad' });

    const teams = {
      value: [
        {
          id: '1764579900000',
          messageType: 'message',
          createdDateTime: '2026-12-01T09:05:00.123Z',
          deletedDateTime: null,
          from: { user: { id: 'u1', displayName: 'Leila Farouk', userIdentityType: 'aadUser' } },
          body: { contentType: 'html', content: '<p>Invoices &amp; receipts should be downloadable as PDF</p>' },
        },
      ],
    };
    const tm = await preview(JSON.stringify(teams), 'application/json');
    expect(tm).toMatchObject({ source: 'teams', messages: 1 });
    expect(tm.items[0]).toMatchObject({
      messageRef: '1764579900000',
      text: 'Invoices & receipts should be downloadable as PDF',
    });
    const td = await commit(tm.id, [0]);
    expect(td.created[0]).toMatchObject({ source: 'teams', author: 'Leila Farouk' });
  });

  it('refuses hostile and foreign files with 422 naming `body`, storing nothing', async () => {
    const zip = zipSync({ 'pilot/2026-12-01.json': strToU8('[]') });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const cases: [string, Uint8Array | string, string][] = [
      ['empty', '', 'text/plain'],
      ['truncated zip', zip.slice(0, zip.length - 30), 'application/zip'],
      ['an image renamed .txt', png, 'text/plain'],
      ['NUL', '05/11/2026, 09:02 - Ana: a\u0000b\n', 'text/plain'],
      [
        'lone surrogate',
        '{"value":[{"id":"1","messageType":"message","createdDateTime":"2026-12-01T09:00:00Z","from":{"user":{"displayName":"A"}},"body":{"contentType":"text","content":"\\ud800"}}]}',
        'application/json',
      ],
      ['another app', '{"name":"Telegram export","messages":[]}', 'application/json'],
      ['not UTF-8', new Uint8Array([0xff, 0xfe, 0xfd, 0x41, 0xc3]), 'text/plain'],
    ];
    const drafts = await count('feedback_imports');
    for (const [what, body, type] of cases) {
      const res = await upload(po, body, type);
      expect(res.status, what).toBe(422);
      const problem = await json<Problem>(res);
      expect(problem.invalid_params?.[0]?.name, what).toBe('body');
      expect(problem.detail, what).not.toContain('\n');
    }
    expect(await count('feedback_imports')).toBe(drafts);
    await expectStatus(await upload(po, WHATSAPP, 'image/png'), 415);
    await expectStatus(await upload(po, WHATSAPP, 'text/plain', '?source=slack'), 422);
  });

  it('parses an export over 64 KB in the job pool, with the same result as inline', async () => {
    const lines = Array.from(
      { length: 1200 },
      (_, i) =>
        `06/11/2026, ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} - Pilot ${i % 7}: Message number ${i} about the payout screen ${i}`,
    );
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(CHAT_INLINE_MAX_BYTES);
    const big = await preview(text, 'text/plain');
    const inline = parseExportJob({ bytes: new TextEncoder().encode(text), source: 'auto', openItems: [] });
    if (!inline.ok) throw new Error(inline.message);
    expect(big.messages).toBe(1200);
    expect(big.items.map((i) => [i.author, i.timestamp, i.text, i.duplicateOfIndex])).toEqual(
      inline.result.items.map((item, i) => [
        item.author,
        item.timestamp,
        item.text,
        inline.clusters.flatMap((c) => c.links).find((l) => l.item === i)?.similarTo ?? null,
      ]),
    );
  });

  it('takes an export over the 2 MB JSON body limit (the route reads up to 50 MB), and refuses one over 50 MB', async () => {
    // One message with ~3 MB of text: the HTTP layer must not answer 413 at 2 MB.
    const text = `06/11/2026, 09:00 - Pilot: ${'The payout screen is slow. '.repeat(120_000)}\n`;
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
    expect((await preview(text, 'text/plain')).messages).toBe(1);
    const tooBig = await upload(po, new Uint8Array(50 * 1024 * 1024 + 1), 'application/zip');
    expect(tooBig.status).toBe(413);
  });

  it('a draft expires after 24 hours: its commit answers 404 and the next preview deletes it', async () => {
    const late = await preview(`${WHATSAPP}07/11/2026, 10:00 - Cy: Expiring message about exports\n`, 'text/plain');
    await advance(25 * 3_600_000);
    const res = await po.post(`${base()}/imports/${late.id}/commit`, { indices: [3] });
    await expectStatus(res, 404);
    expect((await json<Problem>(res)).invalid_params?.[0]?.name).toBe('path.id');
    await preview(WHATSAPP, 'text/plain');
    const left = await t.deps.handle.raw('select count(*)::int as n from feedback_imports where id = $1', [late.id]);
    expect(left[0]?.n).toBe(0);
  });

  it('reads UTF-16 exports; only triagers import', async () => {
    const text = '05/11/2026, 09:02 - Zoë: Statements in UTF-16 still read fine\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const p = await preview(utf16, 'text/plain');
    expect(p.items[0]).toMatchObject({ author: 'Zoë', text: 'Statements in UTF-16 still read fine' });
    await expectStatus(await upload(it_, WHATSAPP, 'text/plain'), 403);
    await expectStatus(await upload(outsider, WHATSAPP, 'text/plain'), 404);
  });
});

describe('triage', () => {
  let requirement: { id: string; key: string; text: string };

  beforeAll(async () => {
    const synced = await answer(await po.post(`/api/v1/products/${code}/requirements/sync`), ZRequirementSync);
    const fr = synced.items.find((r) => r.key === 'FR-1') ?? synced.items[0];
    if (!fr) throw new Error('no requirements');
    requirement = fr;
  });

  it('into a story: prefilled, linked to the best-matching requirement, the item accepted', async () => {
    const { item } = await submit(it_, requirement.text, 'Maria');
    const res = await ops.post(`${base()}/${item.key}/triage`, { action: 'story' });
    await expectStatus(res, 200);
    const triaged = await answer(res, ZFeedbackTriaged);
    expect(triaged.requirement).toMatchObject({ key: requirement.key, how: 'matched', score: 100 });
    expect(triaged.item).toMatchObject({ status: 'accepted', ageDays: null, story: { type: 'story' } });
    expect(triaged.item.triagedBy).not.toBeNull();
    const story = await answer(await po.get(`/api/v1/products/${code}/stories/${triaged.story?.key}`), ZStory);
    expect(story.requirements.map((r) => r.key)).toEqual([requirement.key]);
    expect(story.narrative).toMatch(new RegExp(`^As Maria \\(feedback ${item.key}\\), I want `));
    expect(story.acceptance).toMatch(/^Scenario: /);
    expect(story.priority).not.toBeNull();

    const again = await ops.post(`${base()}/${item.key}/triage`, { action: 'decline', reason: 'late' });
    await expectStatus(again, 409);
    expect((await json<Problem>(again)).code).toBe('already_triaged');
  });

  it('into a bug with a title and priority, and no requirement when none matches', async () => {
    const { item } = await submit(po, 'Zebra giraffe elephant tapioca marmalade');
    const triaged = await answer(
      await po.post(`${base()}/${item.key}/triage`, { action: 'bug', title: 'Animal names crash', priority: 'Must' }),
      ZFeedbackTriaged,
    );
    expect(triaged.requirement).toBeNull();
    expect(triaged.story).toMatchObject({ type: 'bug', title: 'Animal names crash' });
    expect(triaged.story?.key).toMatch(/-BUG-\d+$/);
    const unknownReq = await submit(po, 'Another one for a given requirement');
    const res = await po.post(`${base()}/${unknownReq.item.key}/triage`, {
      action: 'story',
      requirementId: '00000000-0000-4000-8000-000000000000',
    });
    await expectStatus(res, 422);
    expect((await json<Problem>(res)).invalid_params?.[0]?.name).toBe('requirementId');
  });

  it('as a duplicate: the original keeps both provenances', async () => {
    const original = await submit(po, 'Login with fingerprint on Android please');
    const copy = await answer(
      await (await tokenClient(po, ['write'])).post(base(), { text: 'Fingerprint login for Android' }),
      ZFeedbackSubmitted,
    );
    const triaged = await answer(
      await po.post(`${base()}/${copy.item.key}/triage`, { action: 'duplicate', of: original.item.key }),
      ZFeedbackTriaged,
    );
    expect(triaged.item).toMatchObject({ status: 'duplicate', duplicateOf: original.item.key });
    const page = await answer(await po.get(`${base()}?status=new&limit=500`), ZFeedbackPage);
    const merged = page.items.find((i) => i.key === original.item.key);
    expect(merged?.provenance.map((p) => p.source)).toEqual(['form', 'api']);
    const self = await po.post(`${base()}/${original.item.key}/triage`, { action: 'duplicate', of: original.item.key });
    await expectStatus(self, 422);
    const missing = await po.post(`${base()}/${original.item.key}/triage`, { action: 'duplicate', of: 'NOPE-FB-1' });
    await expectStatus(missing, 422);
    expect((await json<Problem>(missing)).invalid_params?.[0]?.name).toBe('of');
  });

  it("as a clarification: the question lands in the sprint's log", async () => {
    const sprint = await answer(
      await po.post(`/api/v1/products/${code}/sprints`, { name: 'Feedback sprint' }),
      ZSprint,
    );
    const { item } = await submit(po, 'Does "payout" include refunds?');
    const triaged = await answer(
      await po.post(`${base()}/${item.key}/triage`, { action: 'clarification', sprintId: sprint.id }),
      ZFeedbackTriaged,
    );
    expect(triaged.item.status).toBe('clarification');
    const log = await answer(
      await po.get(`/api/v1/products/${code}/sprints/${sprint.id}/clarifications`),
      ZClarificationList,
    );
    expect(log.items.map((c) => c.id)).toEqual([triaged.item.clarification?.id]);
    expect(log.items[0]?.question).toContain(item.key);
    // A clarified item is decided later.
    const declined = await answer(
      await po.post(`${base()}/${item.key}/triage`, { action: 'decline', reason: 'Answered: no' }),
      ZFeedbackTriaged,
    );
    expect(declined.item).toMatchObject({ status: 'declined', declineReason: 'Answered: no' });
    const noSprint = await po.post(`${base()}/${(await submit(po, 'Another question')).item.key}/triage`, {
      action: 'clarification',
      sprintId: '00000000-0000-4000-8000-000000000000',
    });
    await expectStatus(noSprint, 422);
  });

  it('declining needs a reason; viewers and other subsidiaries cannot triage', async () => {
    const { item } = await submit(po, 'Make the logo bigger');
    await expectStatus(await po.post(`${base()}/${item.key}/triage`, { action: 'decline' }), 422);
    await expectStatus(await po.post(`${base()}/${item.key}/triage`, { action: 'decline', reason: ' ' }), 422);
    await expectStatus(await viewer.post(`${base()}/${item.key}/triage`, { action: 'decline', reason: 'no' }), 403);
    await expectStatus(await it_.post(`${base()}/${item.key}/triage`, { action: 'decline', reason: 'no' }), 403);
    await expectStatus(await outsider.post(`${base()}/${item.key}/triage`, { action: 'decline', reason: 'no' }), 404);
    await expectStatus(await po.post(`${base()}/${code}-FB-99999/triage`, { action: 'decline', reason: 'no' }), 404);
  });

  it('in bulk: all or nothing', async () => {
    const a = (await submit(po, 'Bulk one')).item.key;
    const b = (await submit(po, 'Bulk two')).item.key;
    const c = (await submit(po, 'Bulk three')).item.key;
    await po.post(`${base()}/${c}/triage`, { action: 'decline', reason: 'first' });

    const mixed = await po.post(`${base()}/triage`, { action: 'decline', keys: [a, c], reason: 'bulk' });
    await expectStatus(mixed, 409);
    expect((await json<Problem>(mixed)).invalid_params).toEqual([{ name: 'keys.1', reason: expect.any(String) }]);
    const unknown = await po.post(`${base()}/triage`, { action: 'decline', keys: [a, 'NOPE'], reason: 'bulk' });
    await expectStatus(unknown, 422);
    expect((await json<Problem>(unknown)).invalid_params?.[0]?.name).toBe('keys.1');
    const still = await answer(await po.get(`${base()}?status=new&limit=500`), ZFeedbackPage);
    expect(still.items.map((i) => i.key)).toEqual(expect.arrayContaining([a, b]));

    const done = await answer(
      await po.post(`${base()}/triage`, { action: 'duplicate', keys: [a, b], of: c }),
      ZFeedbackBulkTriaged,
    );
    expect(done.items.map((i) => [i.key, i.status, i.duplicateOf])).toEqual([
      [a, 'duplicate', c],
      [b, 'duplicate', c],
    ]);
    for (const i of done.items) ZFeedbackItem.parse(i);
    const tooMany = await po.post(`${base()}/triage`, {
      action: 'decline',
      keys: Array.from({ length: 501 }, (_, i) => `K-${i}`),
      reason: 'x',
    });
    await expectStatus(tooMany, 422);
    expect(await auditCount('feedback.triaged')).toBeGreaterThanOrEqual(7);
  });
});
