// Handover packs through the real server (issue #14): each kind uploaded as Markdown, plain text or .docx, validated
// against the product record and stored as numbered versions per product and kind; a planted AWS key makes the
// verdict fail with a blocker, is masked in the stored copy and appears in no answer and no audit event; hostile
// uploads are refused with 4xx naming the field and store nothing; reading and uploading follow the product's roles.
import { createHash } from 'node:crypto';
import {
  PACK_MEDIA_TYPES,
  ZPackOverview,
  ZPackVersionDetail,
  ZPackVersionList,
} from '@pi-studio/core/contract/handover';
import { PACK_KINDS } from '@pi-studio/core/handover/types';
import { count, eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { auditEvents } from '../../db/schema/audit.ts';
import { handoverPacks } from '../../db/schema/handover.ts';
import { expectStatus, json, type Problem } from '../backlog/test-kit.ts';
import { makeProduct } from '../documents/test-fixtures.ts';
import { PLANTED_AWS_KEY, packDocx, packMarkdown, uploadPack } from './packs/test-kit.ts';
import { PACK_INLINE_MAX_CHARS, validatePackJob } from './packs/validate-job.ts';

let t: TestContext;
let po: TestClient;
let builder: TestClient;
let it_: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let code: string;

const packs = (rest = '') => `/api/v1/products/${code}/handover/packs${rest}`;

beforeAll(async () => {
  t = await createTestContext();
  const people = [
    await t.user({ roles: { FINTX: 'po' } }),
    await t.user({ roles: { FINTX: 'builder' } }),
    await t.user({ roles: { FINTX: 'it' } }),
    await t.user({ roles: { FINTX: 'viewer' } }),
    await t.user({ roles: { NXN: 'po' } }),
  ];
  [po, builder, it_, viewer, outsider] = (await Promise.all(people.map((u) => t.client(u).login()))) as [
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
  ];
  code = await makeProduct(t, 'FINTX', 'PAYOUTS', 'Payouts');
});
afterAll(async () => t?.close());

async function uploaded(res: Response) {
  await expectStatus(res, 201);
  return answer(res, ZPackVersionDetail);
}

async function problem(res: Response, status: number): Promise<Problem> {
  await expectStatus(res, status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return json<Problem>(res);
}

const fieldsOf = (p: Problem) => (p.invalid_params ?? []).map((i) => i.name);

async function storedCounts() {
  const [packRows] = await t.deps.db.select({ n: count() }).from(handoverPacks);
  const [events] = await t.deps.db.select({ n: count() }).from(auditEvents);
  return { packs: packRows?.n, events: events?.n };
}

describe('uploading packs', () => {
  it.each(PACK_KINDS.map((k) => [k]))('stores a %s pack as version 1 with its report, audited', async (kind) => {
    const product = await makeProduct(t, 'FINTX', `K${PACK_KINDS.indexOf(kind)}`, `Kind ${kind}`);
    const text = packMarkdown(kind, product);
    const pack = await uploaded(await uploadPack(po, product, kind, text, { fileName: `C:\\packs\\${kind}.md` }));
    expect(pack).toMatchObject({ productCode: product, kind, version: 1, fileName: `${kind}.md`, maskedLines: [] });
    expect(pack.mediaType).toBe(PACK_MEDIA_TYPES.markdown);
    expect(pack.size).toBe(Buffer.byteLength(text));
    expect(pack.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(pack.score).toBeGreaterThan(0);
    expect(pack.blockers).toBe(pack.findings.filter((f) => f.severity === 'blocker').length);
    expect(pack.uploadedBy?.name).toBeTruthy();
    const [event] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, pack.id));
    expect(event).toMatchObject({ action: 'handover.pack_uploaded', targetType: 'handover_pack' });
    expect(event?.after).toMatchObject({ kind, version: 1, score: pack.score, verdict: pack.verdict });
  });

  it('reads plain text and a Word document as the same kind of pack', async () => {
    const product = await makeProduct(t, 'FINTX', 'FORMATS', 'Formats');
    const plain = await uploaded(
      await uploadPack(builder, product, 'doc', packMarkdown('doc', product), { type: 'text/plain; charset=utf-8' }),
    );
    expect(plain).toMatchObject({ version: 1, mediaType: PACK_MEDIA_TYPES.text, fileName: 'doc.md' });
    const docx = await uploaded(
      await uploadPack(po, product, 'doc', packDocx('doc', product), { type: PACK_MEDIA_TYPES.docx }),
    );
    expect(docx).toMatchObject({ version: 2, mediaType: PACK_MEDIA_TYPES.docx, fileName: 'doc.docx' });
    const text = await po.get(`/api/v1/products/${product}/handover/packs/doc/2/text`);
    await expectStatus(text, 200);
    const body = await text.text();
    expect(body).toContain(`# ${product} doc pack`);
    expect(body).toContain('## Getting started');
  });
});

describe('a large pack', () => {
  it('is validated in the job pool with the same result as inline, the secret masked there too', async () => {
    const product = await makeProduct(t, 'FINTX', 'LARGE', 'Large');
    const filler = Array.from(
      { length: 1500 },
      (_, i) => `- Step ${i}: check the ${product} payout queue and note the lag.`,
    );
    const text = packMarkdown('runbook', product, [
      `Secret for the job: aws_access_key_id = ${PLANTED_AWS_KEY}`,
      ...filler,
    ]);
    expect(text.length).toBeGreaterThan(PACK_INLINE_MAX_CHARS);
    const res = await uploadPack(po, product, 'runbook', text);
    expect(await res.clone().text()).not.toContain(PLANTED_AWS_KEY);
    const pooled = await uploaded(res);
    const inline = validatePackJob({ text, kind: 'runbook', product: { code: product, name: 'Large' } });
    expect({ verdict: pooled.verdict, blockers: pooled.blockers, masked: pooled.maskedLines }).toEqual({
      verdict: inline.report.verdict,
      blockers: inline.findings.filter((f) => f.severity === 'blocker').length,
      masked: inline.maskedLines,
    });
    expect(pooled.findings.map((f) => f.rule)).toEqual(inline.findings.map((f) => f.rule));
  });
});

describe('a pack with a secret pasted in', () => {
  const line = `Deploy with aws_access_key_id = ${PLANTED_AWS_KEY} from the CI box.`;
  let pack: Awaited<ReturnType<typeof uploaded>>;
  let secretLine: number;

  beforeAll(async () => {
    const text = packMarkdown('security', code, [line]);
    secretLine = text.split('\n').indexOf(line) + 1;
    const res = await uploadPack(po, code, 'security', text, { fileName: 'security.md' });
    expect(await res.clone().text()).not.toContain(PLANTED_AWS_KEY);
    pack = await uploaded(res);
  });

  it('fails with a blocker on the line, which is masked', () => {
    expect(pack.verdict).toBe('fail');
    expect(pack.blockers).toBeGreaterThan(0);
    expect(pack.maskedLines).toEqual([secretLine]);
    const secret = pack.findings.find((f) => f.severity === 'blocker' && f.line === secretLine);
    expect(secret?.rule).toMatch(/secret/);
  });

  it('stores and answers the masked text only', async () => {
    const paths = [packs(), packs('/security'), packs(`/security/${pack.version}`)];
    for (const path of paths) {
      const res = await po.get(path);
      await expectStatus(res, 200);
      expect(await res.text(), path).not.toContain(PLANTED_AWS_KEY);
    }
    const download = await po.get(packs(`/security/${pack.version}/text`));
    await expectStatus(download, 200);
    const text = await download.text();
    expect(text).not.toContain(PLANTED_AWS_KEY);
    expect(text.split('\n')[secretLine - 1]).toContain(`${PLANTED_AWS_KEY.slice(0, 4)}********`);
  });

  it('leaves the key out of the stored rows and the audit log', async () => {
    const rows = await t.deps.db.select().from(handoverPacks);
    const events = await t.deps.db.select().from(auditEvents);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(PLANTED_AWS_KEY);
    expect(JSON.stringify(events)).not.toContain(PLANTED_AWS_KEY);
    const event = events.find((e) => e.targetId === pack.id);
    expect(event?.after).toMatchObject({ verdict: 'fail', maskedLines: [secretLine] });
  });
});

describe('a pack too short to validate, with a key in it', () => {
  it('is stored as a failed version whose refusal finding does not quote the key', async () => {
    const product = await makeProduct(t, 'FINTX', 'SHORT', 'Short');
    const res = await uploadPack(po, product, 'qa', `Our deploy key is ${PLANTED_AWS_KEY} for now.`);
    expect(await res.clone().text()).not.toContain(PLANTED_AWS_KEY.slice(4));
    const pack = await uploaded(res);
    expect(pack).toMatchObject({ verdict: 'fail', maskedLines: [1] });
    expect(pack.findings.map((f) => f.rule)).toEqual(['pack.document.not_a_pack']);
    const rows = await t.deps.db.select().from(handoverPacks).where(eq(handoverPacks.id, pack.id));
    expect(JSON.stringify(rows)).not.toContain(PLANTED_AWS_KEY.slice(4));
  });
});

describe('a private key pasted into a runbook', () => {
  it('masks every line of the key body and names those lines', async () => {
    const product = await makeProduct(t, 'FINTX', 'KEYS', 'Keys');
    const body = [
      'MIIEowIBAAKCAQEA7bq9w2Xk4r8Jm5tYvQz1Lp0sNcD3fGhRtUiOpA',
      'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jj1Hh0Gg9Ff8Ee7Dd6Cc5Bb4Aa3',
    ];
    const key = ['-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----'];
    const text = packMarkdown('runbook', product, ['The deploy key:', '', ...key]);
    const first = text.split('\n').indexOf(body[0] as string) + 1;
    const pack = await uploaded(await uploadPack(po, product, 'runbook', text));
    expect(pack.verdict).toBe('fail');
    expect(pack.maskedLines).toEqual([first, first + 1]);
    const stored = await (await po.get(`/api/v1/products/${product}/handover/packs/runbook/1/text`)).text();
    for (const part of body) expect(stored).not.toContain(part.slice(4));
    expect(stored).toContain(key[0]);
  });
});

describe('versions', () => {
  it('numbers each kind per product and lists the newest first', async () => {
    const product = await makeProduct(t, 'FINTX', 'VERSIONS', 'Versions');
    const base = `/api/v1/products/${product}/handover/packs`;
    const qa = [];
    for (const n of [1, 2, 3]) {
      const text = packMarkdown('qa', product, n === 2 ? ['[Insert test lead here]'] : []);
      qa.push(await uploaded(await uploadPack(po, product, 'qa', text, { fileName: `qa-${n}.md` })));
    }
    expect(qa.map((v) => v.version)).toEqual([1, 2, 3]);
    expect((await uploaded(await uploadPack(po, product, 'runbook', packMarkdown('runbook', product)))).version).toBe(
      1,
    );

    const list = await answer(await po.get(`${base}/qa`), ZPackVersionList);
    expect(list.items.map((v) => [v.version, v.fileName])).toEqual([
      [3, 'qa-3.md'],
      [2, 'qa-2.md'],
      [1, 'qa-1.md'],
    ]);
    const overview = await answer(await viewer.get(base), ZPackOverview);
    expect(overview.items.map((i) => [i.kind, i.versions, i.latest?.version ?? null])).toEqual([
      ['qa', 3, 3],
      ['security', 0, null],
      ['runbook', 1, 1],
      ['release-notes', 0, null],
      ['doc', 0, null],
    ]);
    const second = await answer(await viewer.get(`${base}/qa/2`), ZPackVersionDetail);
    expect(second).toMatchObject({ version: 2, fileName: 'qa-2.md' });
    expect(second.findings).toEqual(qa[1]?.findings);
    expect(second.findings).not.toEqual(qa[0]?.findings);
  });

  it('downloads the stored text as a Markdown attachment, never sniffed', async () => {
    const product = await makeProduct(t, 'FINTX', 'DOWNLOAD', 'Download');
    const text = packMarkdown('runbook', product);
    await uploaded(await uploadPack(po, product, 'runbook', text));
    const res = await viewer.get(`/api/v1/products/${product}/handover/packs/runbook/1/text`);
    await expectStatus(res, 200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="FINTX-DOWNLOAD-runbook-v1-runbook\.md"/,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(text);
  });

  it('answers 404 naming the version that does not exist', async () => {
    for (const path of [packs('/qa/99'), packs('/qa/99/text')]) {
      const p = await problem(await po.get(path), 404);
      expect(fieldsOf(p)).toEqual(['path.version']);
    }
    const p = await problem(await po.get(packs('/sales')), 422);
    expect(fieldsOf(p)).toEqual(['path.kind']);
  });
});

describe('hostile uploads', () => {
  const docx = PACK_MEDIA_TYPES.docx;
  const cases: [
    string,
    { body: RequestInit['body']; kind?: string; type?: string; fileName?: string },
    number,
    string,
    string,
  ][] = [
    ['NUL bytes', { body: 'pack\u0000text '.repeat(20) }, 400, 'invalid_text', 'body'],
    [
      'a lone surrogate (CESU-8 bytes)',
      { body: Uint8Array.from([0x23, 0x20, 0xed, 0xa0, 0x80]) },
      400,
      'invalid_utf8',
      'body',
    ],
    [
      'bytes that are not UTF-8',
      { body: Uint8Array.from([0x23, 0x20, 0xff, 0xfe, 0x41]) },
      400,
      'invalid_utf8',
      'body',
    ],
    ['an empty body', { body: '' }, 400, 'empty_file', 'body'],
    ['blank lines only', { body: '\n\n   \n' }, 400, 'empty_file', 'body'],
    ['an unknown kind', { body: 'x', kind: 'sales' }, 422, 'validation_failed', 'query.kind'],
    ['no kind', { body: 'x', kind: '' }, 422, 'validation_failed', 'query.kind'],
    ['NUL in the file name', { body: 'x', fileName: 'a\u0000b.md' }, 422, 'validation_failed', 'query.fileName'],
    ['6 MB of text', { body: `# Big\n\n${'word '.repeat(1_200_000)}` }, 413, 'document_too_large', 'body'],
    ['a body over 10 MB', { body: 'x'.repeat(11 * 1024 * 1024) }, 413, 'payload_too_large', ''],
    ['Markdown sent as a .docx', { body: '# Not a zip', type: docx }, 400, 'not_a_docx', 'body'],
    [
      'a zip that is no Word document',
      { body: zipSync({ 'readme.txt': strToU8('hello') }), type: docx },
      400,
      'not_a_docx',
      'body',
    ],
    ['JSON', { body: '{"text":"# pack"}', type: 'application/json' }, 415, 'unsupported_media_type', 'body'],
    ['an image', { body: 'GIF89a', type: 'image/gif' }, 415, 'unsupported_media_type', 'body'],
  ];

  it.each(cases)('refuses %s with %i %s naming %s, storing nothing', async (_what, c, status, errCode, field) => {
    const before = await storedCounts();
    const query = new URLSearchParams({
      ...(c.kind !== '' ? { kind: c.kind ?? 'qa' } : {}),
      ...(c.fileName ? { fileName: c.fileName } : {}),
    });
    const res = await po.request('POST', `${packs()}?${query}`, {
      headers: { 'content-type': c.type ?? 'text/markdown' },
      rawBody: c.body,
    });
    const p = await problem(res, status);
    expect(p.code).toBe(errCode);
    if (field) expect(fieldsOf(p)).toContain(field);
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses a request without a content type with 415', async () => {
    const before = await storedCounts();
    const res = await po.request('POST', `${packs()}?kind=qa`, {
      rawBody: new Uint8Array(strToU8(packMarkdown('qa', code))),
    });
    expect((await problem(res, 415)).code).toBe('unsupported_media_type');
    expect(await storedCounts()).toEqual(before);
  });
});

describe('who may', () => {
  it('lets the product’s IT and viewers read but not upload', async () => {
    for (const c of [it_, viewer]) {
      await expectStatus(await c.get(packs()), 200);
      const p = await problem(await uploadPack(c, code, 'qa', packMarkdown('qa', code)), 403);
      expect(p.code).toBe('forbidden');
    }
  });

  it('answers 404 to people of another subsidiary and for unknown products, storing nothing', async () => {
    const before = await storedCounts();
    await problem(await outsider.get(packs()), 404);
    await problem(await outsider.get(packs('/qa')), 404);
    await problem(await uploadPack(outsider, code, 'qa', packMarkdown('qa', code)), 404);
    await problem(await uploadPack(po, 'FINTX-NOPE', 'qa', packMarkdown('qa', code)), 404);
    expect(await storedCounts()).toEqual(before);
  });
});
