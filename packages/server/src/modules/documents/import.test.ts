import type { Problem } from '@pi-studio/core/contract/common';
import { ZDocument } from '@pi-studio/core/contract/documents';
import { buildDocx } from '@pi-studio/core/docx/docx-fixture';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { plainDocx } from '../../../test/heavy-inputs.ts';
import { createJobPool } from '../../lib/jobs/pool.ts';
import { makeProduct, upload } from './test-fixtures.ts';

let t: TestContext;
let po: TestClient;

beforeAll(async () => {
  t = await createTestContext();
  po = await t.client(await t.user({ roles: { EMX: 'po' } })).login();
});
afterAll(async () => t?.close());

const json = async <T>(res: Response) => (await res.json()) as T;
const importTo = (code: string, form: FormData, headers: Record<string, string> = {}) =>
  po.request('POST', `/api/v1/products/${code}/documents/import`, { rawBody: form, headers });
const documentCount = async () => Number((await t.deps.handle.raw('select count(*) as n from documents'))[0]?.n);

async function expectRefused(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const p = await json<Problem>(res);
  expect(p.code).toBe(code);
  expect(p.invalid_params?.map((i) => i.name)).toContain('file');
}

describe('importing Markdown and text', () => {
  it('imports .md with front matter as metadata and its title, audited', async () => {
    const code = await makeProduct(t, 'EMX', 'IMPA', 'Import A');
    const md =
      '---\ntitle: Instant payouts\nowner: Ana\nstatus: draft\n---\n# Heading that is not the title\n\nBody é ✓\n';
    const res = await importTo(code, upload({ kind: 'prd' }, { name: 'payouts-prd.md', bytes: md }));
    expect(res.status, await res.clone().text()).toBe(201);
    const doc = await answer(res, ZDocument);
    expect(doc).toMatchObject({ title: 'Instant payouts', code: `${code}-PRD`, revision: 1 });
    expect(doc.currentVersion).toMatchObject({
      version: '1.0',
      sourceFile: 'payouts-prd.md',
      metadata: { title: 'Instant payouts', owner: 'Ana', status: 'draft' },
      body: md,
      note: 'Imported from payouts-prd.md',
    });
    const audit = await t.deps.handle.raw('select action from audit_events where target_id = $1', [doc.id]);
    expect(audit.map((a) => a.action)).toEqual(['document.imported']);
  });

  it('takes the title from the first H1, else from the file name', async () => {
    const a = await makeProduct(t, 'EMX', 'IMPB', 'Import B');
    const withH1 = await importTo(
      a,
      upload({ kind: 'context' }, { name: 'notes.markdown', bytes: '\uFEFFintro\r\n# Market context\r\n' }),
    );
    expect(await answer(withH1, ZDocument)).toMatchObject({
      title: 'Market context',
      currentVersion: { body: 'intro\n# Market context\n' },
    });
    const plain = await importTo(
      a,
      upload({ kind: 'prd' }, { name: 'Payout requirements.txt', bytes: '---\nnot: yaml [\n---\nplain text\n' }),
    );
    expect(plain.status).toBe(201);
    expect(await answer(plain, ZDocument)).toMatchObject({
      title: 'Payout requirements',
      currentVersion: { metadata: {} },
    });
  });

  it('imports a new version of an existing document with If-Match', async () => {
    const code = await makeProduct(t, 'EMX', 'IMPC', 'Import C');
    const first = await answer(
      await importTo(code, upload({ kind: 'prd' }, { name: 'v1.md', bytes: '# PRD\n\nv1\n' })),
      ZDocument,
    );
    const form = () =>
      upload(
        { kind: 'prd', documentId: first.id, bump: 'major', note: 'from Word' },
        { name: 'v2.md', bytes: '# PRD\n\nv2\n' },
      );
    await expectStatus(importTo(code, form()), 428);
    await expectStatus(importTo(code, form(), { 'if-match': '"7"' }), 409);
    const res = await importTo(code, form(), { 'if-match': '"1"' });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await answer(res, ZDocument)).toMatchObject({
      id: first.id,
      currentVersion: { version: '2.0', note: 'from Word', sourceFile: 'v2.md' },
    });
    const wrongKind = upload({ kind: 'context', documentId: first.id }, { name: 'v3.md', bytes: '# v3\n' });
    const bad = await importTo(code, wrongKind, { 'if-match': '"2"' });
    expect(bad.status).toBe(422);
    expect((await json<Problem>(bad)).invalid_params?.[0]?.name).toBe('documentId');
  });

  it('refuses invalid UTF-8, binary text, empty files and unknown types, storing nothing', async () => {
    const code = await makeProduct(t, 'EMX', 'IMPD', 'Import D');
    const before = await documentCount();
    const latin1 = new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]); // "# Café" in Latin-1
    await expectRefused(
      await importTo(code, upload({ kind: 'prd' }, { name: 'latin1.md', bytes: latin1 })),
      400,
      'invalid_utf8',
    );
    const nul = new Uint8Array([0x61, 0x00, 0x62]);
    await expectRefused(
      await importTo(code, upload({ kind: 'prd' }, { name: 'bin.txt', bytes: nul })),
      400,
      'invalid_text',
    );
    await expectRefused(
      await importTo(code, upload({ kind: 'prd' }, { name: 'empty.md', bytes: ' \n' })),
      400,
      'empty_file',
    );
    await expectRefused(
      await importTo(code, upload({ kind: 'prd' }, { name: 'spec.pdf', bytes: '%PDF-1.7' })),
      415,
      'unsupported_file_type',
    );
    const badYaml = await importTo(code, upload({ kind: 'prd' }, { name: 'fm.md', bytes: '---\na: [\n---\n# x\n' }));
    await expectRefused(badYaml, 422, 'validation_failed');
    const noFile = new FormData();
    noFile.append('kind', 'prd');
    noFile.append('file', 'just a string');
    const r = await importTo(code, noFile);
    expect(r.status).toBe(422);
    expect((await json<Problem>(r)).invalid_params?.map((p) => p.name)).toEqual(['file']);
    expect(await documentCount()).toBe(before);
  });

  it('refuses a file over 10 MB with 413 naming the file', async () => {
    const code = await makeProduct(t, 'EMX', 'IMPE', 'Import E');
    const big = new Uint8Array(10 * 1024 * 1024 + 10).fill(0x61);
    await expectRefused(
      await importTo(code, upload({ kind: 'prd' }, { name: 'big.md', bytes: big })),
      413,
      'file_too_large',
    );
  });
});

describe('importing Word documents', () => {
  it('converts headings, paragraphs, bold text and tables to Markdown', async () => {
    const code = await makeProduct(t, 'EMX', 'DOCX', 'Docx import');
    const docx = buildDocx([
      { heading: 1, text: 'Instant Payouts PRD' },
      { heading: 2, text: 'Problem' },
      { text: 'Merchants wait 3.2 days (median) for payouts; ', bold: 'that costs us 4% churn.' },
      {
        table: [
          ['Id', 'Requirement', 'Priority'],
          ['FR-1', 'Payout in < 60 s', 'Must'],
        ],
      },
    ]);
    const res = await importTo(code, upload({ kind: 'prd' }, { name: 'C:\\Users\\ana\\Payouts.docx', bytes: docx }));
    expect(res.status, await res.clone().text()).toBe(201);
    const doc = await answer(res, ZDocument);
    expect(doc.title).toBe('Instant Payouts PRD');
    expect(doc.currentVersion?.sourceFile).toBe('Payouts.docx');
    expect(doc.currentVersion?.body).toBe(
      [
        '# Instant Payouts PRD',
        '',
        '## Problem',
        '',
        'Merchants wait 3.2 days (median) for payouts; **that costs us 4% churn.**',
        '',
        '| Id | Requirement | Priority |',
        '| --- | --- | --- |',
        '| FR-1 | Payout in \\< 60 s | Must |',
        '',
      ].join('\n'),
    );
  });

  it('refuses a .docx that is not a zip', async () => {
    const code = await makeProduct(t, 'EMX', 'NOZIP', 'Not a zip');
    const res = await importTo(
      code,
      upload({ kind: 'prd' }, { name: 'fake.docx', bytes: '# I am Markdown pretending' }),
    );
    await expectRefused(res, 400, 'not_a_docx');
  });

  it('refuses a zip that is not a Word document', async () => {
    const code = await makeProduct(t, 'EMX', 'ZIPNOTDOC', 'Zip not doc');
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    await expectRefused(
      await importTo(code, upload({ kind: 'prd' }, { name: 'x.docx', bytes: zip })),
      400,
      'not_a_docx',
    );
  });

  it('refuses a zip bomb (60 MB of zeros) before decompressing it', async () => {
    const code = await makeProduct(t, 'EMX', 'BOMB', 'Bomb');
    const before = await documentCount();
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRefused(
      await importTo(code, upload({ kind: 'prd' }, { name: 'bomb.docx', bytes: bomb })),
      400,
      'zip_bomb',
    );
    expect(await documentCount()).toBe(before);
  });

  it('refuses more XML than a document within the body limit needs with 413 before converting it', async () => {
    const code = await makeProduct(t, 'EMX', 'XMLHEAVY', 'Heavy');
    const docx = plainDocx(9 * 1024 * 1024);
    const res = await importTo(code, upload({ kind: 'prd' }, { name: 'heavy.docx', bytes: docx }));
    expect(res.status).toBe(413);
    expect(await json<Problem>(res)).toMatchObject({
      code: 'document_too_large',
      invalid_params: [{ name: 'file', reason: 'its XML parts would expand to 9.0 MB (limit 8 MB)' }],
    });
  });
});

describe('importing .docx through the job pool', () => {
  const docx = buildDocx([{ heading: 1, text: 'Payouts PRD' }, { text: 'Merchants wait.' }]);

  it('answers 422 docx_too_complex naming file when the conversion runs past its time limit', async () => {
    const code = await makeProduct(t, 'EMX', 'SLOWDOCX', 'Slow');
    const jobs = t.deps.jobs;
    // 1 ms: even a small document cannot convert in time (the worker has to load mammoth first).
    t.deps.jobs = createJobPool({ maxThreads: 1, timeLimitMs: 1 });
    try {
      const res = await importTo(code, upload({ kind: 'prd' }, { name: 'slow.docx', bytes: docx }));
      expect(res.status).toBe(422);
      expect(await json<Problem>(res)).toMatchObject({
        code: 'docx_too_complex',
        invalid_params: [{ name: 'file', reason: 'converting it ran past the time limit' }],
      });
    } finally {
      await t.deps.jobs.close();
      t.deps.jobs = jobs;
    }
    // The server's own pool is unaffected and converts the same file.
    await expectStatus(importTo(code, upload({ kind: 'prd' }, { name: 'ok.docx', bytes: docx })), 201);
  });

  it('answers 503 busy with Retry-After when the job queue is full', async () => {
    const code = await makeProduct(t, 'EMX', 'BUSYDOCX', 'Busy');
    const jobs = t.deps.jobs;
    t.deps.jobs = createJobPool({ maxThreads: 1, maxQueue: 0 });
    try {
      const res = await importTo(code, upload({ kind: 'prd' }, { name: 'busy.docx', bytes: docx }));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await json<Problem>(res)).code).toBe('busy');
    } finally {
      await t.deps.jobs.close();
      t.deps.jobs = jobs;
    }
  });
});

async function expectStatus(res: Promise<Response>, status: number) {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
}
