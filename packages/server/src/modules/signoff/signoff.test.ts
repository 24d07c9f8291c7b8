// Sign-offs through the real app (issue #13): the PO/VB signs a session and a release, each record chained to the
// one before; who may sign; hostile input; evidence files checked by their bytes; verification, and tampering with
// a stored sign-off, a signed story or an evidence file showing up in it.
import { createHash } from 'node:crypto';
import { ZEvidence, ZSignoff, ZSignoffList, ZSignoffVerify } from '@pi-studio/core/contract/signoff';
import { canonicalJson } from '@pi-studio/core/signoff/canonical';
import { GENESIS_HASH } from '@pi-studio/core/signoff/chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { expectStatus, json, makeTypedProduct, type Problem } from '../gate/test-kit.ts';
import {
  addSession,
  addStories,
  fileForm,
  type SeededSession,
  type SeededStory,
  setOwner,
  TINY_PDF,
} from './test-kit.ts';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

let t: TestContext;
let po: TestClient;
let poId: string;
let otherVb: TestClient;
let subAdmin: TestClient;
let admin: TestClient;
let builder: TestClient;
let viewer: TestClient;
let foreignPo: TestClient;
let code: string;
let stories: SeededStory[];
let session: SeededSession;
let emptySession: SeededSession;

beforeAll(async () => {
  t = await createTestContext();
  const poUser = await t.user({ roles: { FINTX: 'po' } });
  poId = poUser.id;
  po = await t.client(poUser).login();
  otherVb = await t.client(await t.user({ roles: { FINTX: 'vb' } })).login();
  subAdmin = await t.client(await t.user({ roles: { FINTX: 'admin' } })).login();
  admin = await t.client(await t.user({ isAdmin: true })).login();
  builder = await t.client(await t.user({ roles: { FINTX: 'builder' } })).login();
  viewer = await t.client(await t.user({ roles: { FINTX: 'viewer' } })).login();
  foreignPo = await t.client(await t.user({ roles: { NXN: 'po' } })).login();
  code = await makeTypedProduct(t, 'FINTX', 'SIGN');
  await setOwner(t.deps.handle, code, poId);
  stories = await addStories(t.deps.handle, code, 3);
  await addStories(t.deps.handle, code, 1, { from: 4, status: 'in_progress' });
  session = await addSession(t.deps.handle, code, 1, '1.4.0', stories.slice(0, 2));
  emptySession = await addSession(t.deps.handle, code, 2, '1.4.1', [], { extraCases: 1 });
});
afterAll(async () => t?.close());

const base = () => `/api/v1/products/${code}/signoffs`;
const sign = (c: TestClient, body: unknown) => c.post(base(), body);
const verify = async (c: TestClient = viewer) => answer(await c.get(`${base()}/verify`), ZSignoffVerify);

async function expectProblem(res: Response, status: number, code: string, field?: string): Promise<Problem> {
  const text = await res.clone().text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const p = await json<Problem>(res);
  expect(p.code, text).toBe(code);
  if (field)
    expect(
      p.invalid_params?.map((i) => i.name),
      text,
    ).toContain(field);
  return p;
}

const storyHash = (n: number) =>
  sha256(
    canonicalJson({
      title: `Story ${n} of ${code}`,
      narrative: 'As a buyer I want to pay',
      acceptance: 'Given a card When I pay Then it is charged',
      type: 'story',
      priority: 'must',
    }),
  );

describe('signing off', () => {
  let first: string;

  it('the PO/VB signs a session: its cases’ stories with revisions and content hashes, the first link of the chain', async () => {
    const res = await sign(po, { scope: 'session', sessionId: session.id, decision: 'signed' });
    await expectStatus(res, 201);
    const so = await answer(res, ZSignoff);
    expect(so).toMatchObject({
      key: `${code}-SO-1`,
      number: 1,
      scope: 'session',
      session: { id: session.id, key: session.key },
      buildVersion: '1.4.0',
      decision: 'signed',
      conditions: '',
      prevHash: GENESIS_HASH,
      evidence: [],
    });
    expect(so.signedStories).toEqual([
      { key: `${code}-S-1`, revision: 1, contentHash: storyHash(1) },
      { key: `${code}-S-2`, revision: 1, contentHash: storyHash(2) },
    ]);
    expect(so.contentHash).toBe(sha256(canonicalJson(so.signedStories)));
    expect(so.recordHash).toMatch(/^[0-9a-f]{64}$/);
    first = so.recordHash;
    const [event] = await t.deps.handle.raw(
      "select target_label, after from audit_events where action = 'signoff.recorded' order by id desc limit 1",
    );
    expect(event).toMatchObject({ target_label: so.key, after: { decision: 'signed', recordHash: so.recordHash } });
  });

  it('a release signed with conditions covers the done stories and links to the record before', async () => {
    const res = await sign(admin, {
      scope: 'release',
      buildVersion: ' 1.4.0 ',
      decision: 'signed_with_conditions',
      conditions: 'Fix the receipt font before go-live',
    });
    await expectStatus(res, 201);
    const so = await answer(res, ZSignoff);
    expect(so).toMatchObject({ key: `${code}-SO-2`, scope: 'release', session: null, buildVersion: '1.4.0' });
    expect(so.prevHash).toBe(first);
    expect(so.signedStories.map((s) => s.key)).toEqual([`${code}-S-1`, `${code}-S-2`, `${code}-S-3`]);
  });

  it('a subsidiary administrator may sign; many at once still make one unbroken chain', async () => {
    const body = { scope: 'session', sessionId: session.id, decision: 'refused', conditions: 'Receipts are wrong' };
    const answers = await Promise.all([sign(subAdmin, body), sign(po, body), sign(admin, body)]);
    for (const res of answers) await expectStatus(res, 201);
    const list = await answer(await viewer.get(base()), ZSignoffList);
    expect(list.items.map((s) => s.number)).toEqual([1, 2, 3, 4, 5]);
    expect(await verify()).toMatchObject({ ok: true, checked: 5, broken: [], changedSinceSignoff: [] });
  });

  it('refuses those who may not sign: 403 for roles without uat.signoff or another PO/VB, 404 outside', async () => {
    const body = { scope: 'session', sessionId: session.id, decision: 'signed' };
    await expectProblem(await sign(viewer, body), 403, 'forbidden');
    await expectProblem(await sign(builder, body), 403, 'forbidden');
    const p = await expectProblem(await sign(otherVb, body), 403, 'not_product_owner');
    expect(p.detail).toContain('PO/VB');
    await expectProblem(await sign(foreignPo, body), 404, 'not_found');
    await expectProblem(await t.client().post(base(), body), 401, 'unauthenticated');
  });

  it('needs conditions with signed_with_conditions, and none with a plain signature', async () => {
    const withConditions = { scope: 'session', sessionId: session.id, decision: 'signed_with_conditions' };
    await expectProblem(await sign(po, withConditions), 422, 'validation_failed', 'conditions');
    await expectProblem(
      await sign(po, { ...withConditions, conditions: '   ' }),
      422,
      'validation_failed',
      'conditions',
    );
    await expectProblem(
      await sign(po, { ...withConditions, decision: 'signed', conditions: 'x' }),
      422,
      'validation_failed',
      'conditions',
    );
  });

  it('answers hostile and wrong input with 422 naming the field, storing nothing', async () => {
    const before = (await verify()).checked;
    const ok = { scope: 'release', buildVersion: '2.0', decision: 'refused' };
    const cases: [unknown, string][] = [
      [{ ...ok, conditions: 'bad \u0000 byte' }, 'conditions'],
      [{ ...ok, conditions: 'half \ud800 pair' }, 'conditions'],
      [{ ...ok, conditions: 'x'.repeat(4001) }, 'conditions'],
      [{ ...ok, buildVersion: 'v\u0000' }, 'buildVersion'],
      [{ ...ok, buildVersion: 'x'.repeat(101) }, 'buildVersion'],
      [{ ...ok, buildVersion: 42 }, 'buildVersion'],
      [{ ...ok, decision: 'maybe' }, 'decision'],
      [{ ...ok, decision: ['signed'] }, 'decision'],
      [{ scope: 'session', sessionId: 'not-a-uuid', decision: 'signed' }, 'sessionId'],
      [{ ...ok, extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) await expectProblem(await sign(po, body), 422, 'validation_failed', field);
    await expectProblem(await sign(po, { ...ok, scope: 'everything' }), 422, 'validation_failed', 'scope');
    const unknown = { scope: 'session', sessionId: '00000000-0000-4000-8000-000000000000', decision: 'signed' };
    await expectProblem(await sign(po, unknown), 422, 'unknown_session', 'sessionId');
    const res = await po.request('POST', base(), {
      rawBody: '{"scope":',
      headers: { 'content-type': 'application/json' },
    });
    await expectProblem(res, 400, 'malformed_json');
    expect((await verify()).checked).toBe(before);
  });

  it('a session whose cases test no story has nothing to sign (409)', async () => {
    const res = await sign(po, { scope: 'session', sessionId: emptySession.id, decision: 'signed' });
    await expectProblem(res, 409, 'nothing_to_sign');
  });

  it('reads one sign-off by key; an unknown key is 404', async () => {
    const so = await answer(await viewer.get(`${base()}/${code}-SO-2`), ZSignoff);
    expect(so.conditions).toBe('Fix the receipt font before go-live');
    await expectProblem(await viewer.get(`${base()}/${code}-SO-99`), 404, 'not_found');
    await expectProblem(await foreignPo.get(`${base()}/${code}-SO-2`), 404, 'not_found');
  });
});

describe('evidence', () => {
  const upload = (c: TestClient, form: FormData, key = `${code}-SO-1`) =>
    c.request('POST', `${base()}/${key}/evidence`, { rawBody: form });

  it('keeps a PDF with its sha256 and own time, lists it, and serves it as an attachment', async () => {
    const nul = await upload(po, fileForm(TINY_PDF, 'minutes\u0000.pdf'));
    await expectProblem(nul, 422, 'validation_failed', 'file.name');
    const res = await upload(po, fileForm(TINY_PDF, 'C:\\minutes\\..\\x/../sign-off.pdf', 'text/html'));
    await expectStatus(res, 201);
    const e = await answer(res, ZEvidence);
    expect(e).toMatchObject({ fileName: 'sign-off.pdf', mediaType: 'application/pdf', size: TINY_PDF.length });
    expect(e.sha256).toBe(sha256(TINY_PDF));
    const so = await answer(await viewer.get(`${base()}/${code}-SO-1`), ZSignoff);
    expect(so.evidence).toEqual([e]);
    const file = await viewer.get(`${base()}/${code}-SO-1/evidence/${e.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="sign-off.pdf"/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(TINY_PDF);
    // Evidence is not part of the signed record: the chain still verifies, and lists its hash.
    const v = await verify();
    expect(v.ok).toBe(true);
    expect(v.evidence).toEqual([
      { signoff: `${code}-SO-1`, fileName: 'sign-off.pdf', sha256: e.sha256, addedAt: e.addedAt },
    ]);
    const [event] = await t.deps.handle.raw(
      "select after from audit_events where action = 'signoff.evidence_added' order by id desc limit 1",
    );
    expect(event?.after).toMatchObject({ sha256: e.sha256, mediaType: 'application/pdf' });
  });

  it('accepts PNG, JPEG and UTF-8 text whatever they are called', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0,
    ]);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0xff, 0xd9]);
    const types = [];
    for (const [bytes, name] of [
      [png, 'screen.bin'],
      [jpeg, 'photo'],
      ['Agreed in the call — ✓ مرحبا', 'notes.md'],
    ] as const) {
      const res = await upload(po, fileForm(bytes, name));
      await expectStatus(res, 201);
      types.push((await answer(res, ZEvidence)).mediaType);
    }
    expect(types).toEqual(['image/png', 'image/jpeg', 'text/plain']);
  });

  it('refuses disguised, empty and oversized files, naming `file`', async () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0]);
    await expectProblem(
      await upload(po, fileForm(gif, 'notes.txt', 'text/plain')),
      415,
      'unsupported_file_type',
      'file',
    );
    const html = '<html><script>alert(1)</script>\u0000</html>';
    await expectProblem(
      await upload(po, fileForm(html, 'a.pdf', 'application/pdf')),
      415,
      'unsupported_file_type',
      'file',
    );
    await expectProblem(await upload(po, fileForm('%PDF-1.7 no end', 'cut.pdf')), 415, 'unsupported_file_type', 'file');
    await expectProblem(await upload(po, fileForm(new Uint8Array(), 'empty.txt')), 400, 'empty_file', 'file');
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61);
    await expectProblem(await upload(po, fileForm(big, 'big.txt')), 413, 'file_too_large', 'file');
    const noFile = new FormData();
    noFile.set('file', 'just a string');
    await expectProblem(await upload(po, noFile), 422, 'validation_failed', 'file');
    const asJson = await po.post(`${base()}/${code}-SO-1/evidence`, { file: 'x' });
    await expectProblem(asJson, 415, 'unsupported_media_type');
  });

  it('only the PO/VB or an administrator adds evidence; anyone who reads the product downloads it', async () => {
    await expectProblem(await upload(otherVb, fileForm('note', 'n.txt')), 403, 'not_product_owner');
    await expectProblem(await upload(viewer, fileForm('note', 'n.txt')), 403, 'forbidden');
    await expectProblem(await upload(po, fileForm('note', 'n.txt'), `${code}-SO-77`), 404, 'not_found');
    const so = await answer(await viewer.get(`${base()}/${code}-SO-1`), ZSignoff);
    const id = so.evidence[0]?.id;
    await expectProblem(await foreignPo.get(`${base()}/${code}-SO-1/evidence/${id}`), 404, 'not_found');
    await expectProblem(await viewer.get(`${base()}/${code}-SO-2/evidence/${id}`), 404, 'not_found');
  });
});

describe('verification', () => {
  const raw = (q: string, p: unknown[] = []) => t.deps.handle.raw(q, p);

  it('flags a sign-off whose stored conditions were changed by SQL, and is whole again once restored', async () => {
    const key = `${code}-SO-2`;
    await raw('update uat_signoffs set conditions = $1 where key = $2', ['No conditions at all', key]);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.broken).toEqual([{ key, reason: expect.stringContaining('does not match the record') }]);
    await raw('update uat_signoffs set conditions = $1 where key = $2', ['Fix the receipt font before go-live', key]);
    expect((await verify()).ok).toBe(true);
  });

  it('flags a deleted record by its successor’s link and by the counter', async () => {
    const [row] = await raw('select * from uat_signoffs where key = $1', [`${code}-SO-5`]);
    await raw('delete from uat_signoffs where key = $1', [`${code}-SO-5`]);
    const v = await verify();
    expect(v.broken).toEqual([{ key: `${code}-SO-4`, reason: expect.stringContaining('the newest are missing') }]);
    const r = row as Record<string, unknown>;
    await raw(
      `insert into uat_signoffs (id, product_id, number, key, scope, session_id, build_version, decision, conditions,
        signed_stories, content_hash, signer_id, signer_name, signed_at, prev_hash, record_hash)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10::jsonb,$11,$12,$13,$14,$15,$16)`,
      [
        r.id,
        r.product_id,
        r.number,
        r.key,
        r.scope,
        r.session_id,
        r.build_version,
        r.decision,
        r.conditions,
        JSON.stringify(r.signed_stories),
        r.content_hash,
        r.signer_id,
        r.signer_name,
        r.signed_at,
        r.prev_hash,
        r.record_hash,
      ],
    );
    expect((await verify()).ok).toBe(true);
  });

  it('flags evidence whose stored bytes changed', async () => {
    await raw("update uat_attachments set bytes = 'tampered'::bytea where file_name = 'notes.md'");
    const v = await verify();
    expect(v.broken).toEqual([{ key: `${code}-SO-1`, reason: expect.stringContaining('evidence notes.md') }]);
    await raw("update uat_attachments set bytes = convert_to($1, 'UTF8') where file_name = $2", [
      'Agreed in the call — ✓ مرحبا',
      'notes.md',
    ]);
    expect((await verify()).ok).toBe(true);
  });

  it('lists a signed story changed since its sign-off (any later change to signed content is flagged)', async () => {
    await raw('update stories set title = $1, revision = revision + 1 where key = $2', [
      'Pay by card, changed',
      `${code}-S-3`,
    ]);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.broken).toEqual([]);
    expect(v.changedSinceSignoff).toEqual([
      { signoff: `${code}-SO-2`, storyKey: `${code}-S-3`, signedRevision: 1, currentRevision: 2 },
    ]);
    // Signing the changed content again settles it.
    await expectStatus(await sign(po, { scope: 'release', buildVersion: '1.4.2', decision: 'signed' }), 201);
    expect(await verify()).toMatchObject({ ok: true, changedSinceSignoff: [] });
  });

  it('the studio-wide verification is for studio administrators', async () => {
    const v = await answer(await admin.get('/api/v1/signoffs/verify'), ZSignoffVerify);
    expect(v).toMatchObject({ ok: true, checked: 6 });
    await expectProblem(await subAdmin.get('/api/v1/signoffs/verify'), 403, 'forbidden');
    await expectProblem(await foreignPo.get(`${base()}/verify`), 404, 'not_found');
  });
});
