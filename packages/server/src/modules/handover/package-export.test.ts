// The package export through the real server (issue #14): the zip holds the package as Markdown, PDF and DOCX, the
// artifacts' newest versions, the packs' masked texts and a manifest whose sha256 hashes match every file; the PDF
// and DOCX download alone; characters the PDF's fonts lack still reach the Markdown and the DOCX; nothing leaks a
// pack's secret; a product without a package answers 404.
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { expectStatus, json } from '../backlog/test-kit.ts';
import { makeProduct } from '../documents/test-fixtures.ts';
import { addStories, setStage } from '../signoff/test-kit.ts';
import { PLANTED_AWS_KEY, packMarkdown, uploadPack } from './packs/test-kit.ts';

let t: TestContext;
let po: TestClient;
let code: string;

const pkgPath = (rest = '') => `/api/v1/products/${code}/handover/package${rest}`;
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

beforeAll(async () => {
  t = await createTestContext();
  po = await t.client(await t.user({ roles: { EDC: 'po' } })).login();
  code = await makeProduct(t, 'EDC', 'LEDGER', 'Ledger 账本 ✓');
  await setStage(t.deps.handle, code, 'handover');
  await addStories(t.deps.handle, code, 3);
  await expectStatus(await po.post(pkgPath(), { type: 'API', flags: ['pii'], release: '2.1.0' }), 201);
  await expectStatus(
    await po.request('PATCH', pkgPath('/items/SCP-1'), {
      body: { status: 'done', owner: 'Zoë', evidence: [{ kind: 'link', ref: 'https://ci.example.org/1' }] },
    }),
    200,
  );
  const draft = await json<{ body: string }>(await po.get(pkgPath('/artifacts/release_notes/draft')));
  await expectStatus(await po.post(pkgPath('/artifacts/release_notes'), { body: draft.body, baseVersion: 0 }), 201);
  const runbook = await json<{ body: string }>(await po.get(pkgPath('/artifacts/runbook/draft')));
  await expectStatus(await po.post(pkgPath('/artifacts/runbook'), { body: runbook.body, baseVersion: 0 }), 201);
  const leaked = packMarkdown('security', code, [`aws_access_key_id = ${PLANTED_AWS_KEY}`]);
  await expectStatus(await uploadPack(po, code, 'security', leaked), 201);
});
afterAll(async () => t?.close());

describe('exporting a handover package', () => {
  it('zips Markdown, PDF, DOCX, artifacts, masked packs and a manifest whose hashes match', async () => {
    const res = await po.get(pkgPath('/export.zip'));
    await expectStatus(res, 200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain(`filename="${code}-handover-2.1.0.zip"`);
    const files = unzipSync(await bytesOf(res));
    expect(Object.keys(files).sort()).toEqual([
      'artifacts/release-notes-v1.md',
      'artifacts/runbook-v1.md',
      'manifest.json',
      'package.docx',
      'package.md',
      'package.pdf',
      'packs/security-v1.md',
    ]);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as {
      release: string;
      files: { path: string; bytes: number; sha256: string }[];
    };
    expect(manifest.release).toBe('2.1.0');
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      Object.keys(files)
        .filter((p) => p !== 'manifest.json')
        .sort(),
    );
    for (const f of manifest.files) {
      const body = files[f.path] as Uint8Array;
      expect(f.bytes).toBe(body.length);
      expect(f.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    }
    const md = strFromU8(files['package.md'] as Uint8Array);
    expect(md).toContain(`# Handover package: Ledger 账本 ✓ (${code}), release 2.1.0`);
    expect(md).toContain('### Release notes (version 1)');
    expect(md).toContain('| SCP-1 |');
    expect(md).toContain('Zoë');
    expect(strFromU8(files['package.pdf'] as Uint8Array).startsWith('%PDF-')).toBe(true);
    const docx = unzipSync(files['package.docx'] as Uint8Array);
    expect(strFromU8(docx['word/document.xml'] as Uint8Array)).toContain('Ledger 账本 ✓');
    for (const body of Object.values(files)) expect(strFromU8(body, true)).not.toContain(PLANTED_AWS_KEY);
  });

  it('downloads the PDF and the DOCX alone', async () => {
    const pdf = await po.get(pkgPath('/export.pdf'));
    await expectStatus(pdf, 200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(strFromU8((await bytesOf(pdf)).slice(0, 5))).toBe('%PDF-');
    const docx = await po.get(pkgPath('/export.docx'));
    await expectStatus(docx, 200);
    expect(docx.headers.get('content-disposition')).toContain('.docx');
    expect(Object.keys(unzipSync(await bytesOf(docx)))).toContain('word/document.xml');
  });

  it('answers 404 no_handover_package for a product without one', async () => {
    const bare = await makeProduct(t, 'EDC', 'BARE', 'Bare');
    const res = await po.get(`/api/v1/products/${bare}/handover/package/export.zip`);
    await expectStatus(res, 404);
    expect((await json<{ code: string }>(res)).code).toBe('no_handover_package');
  });
});
