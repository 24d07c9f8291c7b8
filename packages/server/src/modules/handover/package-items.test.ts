// A checklist item's evidence files, its required/optional override and its history, through the real server
// (issue #14): files recognised by their bytes and counted as evidence, disguised and oversized files refused naming
// `file`, removal only while the package is open; the override moving the readiness; the history from the audit trail.
import { type EvidenceFile, ZEvidenceFile, ZItemHistory } from '@pi-studio/core/contract/handover-items';
import { type HandoverPackage, ZHandoverPackage } from '@pi-studio/core/contract/handover-package';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { answer } from '../../../test/answer.ts';
import { expectStatus, json } from '../backlog/test-kit.ts';
import { fileForm, TINY_PDF } from '../signoff/test-kit.ts';
import {
  closeBlockers,
  created,
  evidence,
  fieldsOf,
  it_,
  outsider,
  patchItem,
  pkgPath,
  po,
  problem,
  product,
  review,
  setUpPackageTests,
  viewer,
} from './package/test-kit.ts';

setUpPackageTests();

const enc = (s: string) => new TextEncoder().encode(s);
const DOCX = zipSync({ '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': enc('<w:document/>') });
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, 0xb8, 0, 0, 0]);

const filesPath = (code: string, itemId: string, rest = '') => pkgPath(code, `/items/${itemId}/files${rest}`);
const upload = (code: string, itemId: string, form: FormData, client = po) =>
  client.request('POST', filesPath(code, itemId), { rawBody: form });
const uploaded = async (code: string, itemId: string, form: FormData): Promise<EvidenceFile> => {
  const res = await upload(code, itemId, form);
  await expectStatus(res, 201);
  return answer(res, ZEvidenceFile);
};
const pkgOf = async (code: string): Promise<HandoverPackage> => answer(await po.get(pkgPath(code)), ZHandoverPackage);
const itemOf = (pkg: HandoverPackage, id: string) => {
  const item = pkg.items.find((i) => i.id === id);
  if (!item) throw new Error(`no ${id}`);
  return item;
};
const blocking = (pkg: HandoverPackage) => pkg.readiness.blocking.map((b) => b.itemId);

describe('evidence files', () => {
  it('keeps PDF, Markdown and Word files by their bytes, counts them as evidence and serves them as attachments', async () => {
    const code = await product('FILES');
    await created(code);
    await expectStatus(await patchItem(code, 'SCP-1', { status: 'done' }), 200);
    expect(blocking(await pkgOf(code))).toContain('SCP-1');

    const pdf = await uploaded(code, 'SCP-1', fileForm(TINY_PDF, 'C:\\scope\\..\\scope.pdf', 'text/html'));
    expect(pdf).toMatchObject({ itemId: 'SCP-1', fileName: 'scope.pdf', mediaType: 'application/pdf' });
    expect(pdf.size).toBe(TINY_PDF.length);
    const md = await uploaded(code, 'SCP-1', fileForm('# Scope\n\nIn: payouts.', 'scope.md', 'image/png'));
    expect(md.mediaType).toBe('text/markdown');
    const docx = await uploaded(code, 'SCP-1', fileForm(DOCX, 'minutes.pdf'));
    expect(docx).toMatchObject({
      mediaType: expect.stringContaining('wordprocessingml'),
      fileName: 'minutes.pdf.docx',
    });

    const pkg = await pkgOf(code);
    expect(blocking(pkg)).not.toContain('SCP-1');
    expect(itemOf(pkg, 'SCP-1').files.map((f) => f.id)).toEqual([pdf.id, md.id, docx.id]);
    const list = await json<{ items: EvidenceFile[] }>(await viewer.get(filesPath(code, 'SCP-1')));
    expect(list.items).toEqual([pdf, md, docx]);

    const file = await viewer.get(filesPath(code, 'SCP-1', `/${pdf.id}`));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/octet-stream');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="scope.pdf"/);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(TINY_PDF);
    // Another item's path, an unknown id, an outsider: 404.
    await problem(await viewer.get(filesPath(code, 'SCP-2', `/${pdf.id}`)), 404);
    await problem(await viewer.get(filesPath(code, 'SCP-1', '/00000000-0000-4000-8000-000000000000')), 404);
    await problem(await outsider.get(filesPath(code, 'SCP-1', `/${pdf.id}`)), 404);

    // Without its files the done item has no evidence again: it blocks.
    let last: HandoverPackage | null = null;
    for (const f of [pdf, md, docx])
      last = await answer(await po.request('DELETE', filesPath(code, 'SCP-1', `/${f.id}`)), ZHandoverPackage);
    expect(last && blocking(last)).toContain('SCP-1');
  });

  it('refuses disguised, empty, oversized and malformed uploads naming the field, and readers cannot upload', async () => {
    const code = await product('FILEBAD');
    await created(code);
    const refused = async (form: FormData, status: number, code_: string, field = 'file') => {
      const p = await problem(await upload(code, 'SCP-1', form), status);
      expect(p.code).toBe(code_);
      expect(fieldsOf(p)).toContain(field);
    };
    await refused(fileForm(EXE, 'setup.pdf', 'application/pdf'), 415, 'unsupported_file_type');
    await refused(
      fileForm('<html><script>alert(1)</script>\u0000</html>', 'a.png', 'image/png'),
      415,
      'unsupported_file_type',
    );
    await refused(fileForm(zipSync({ 'a.txt': enc('hi') }), 'a.docx'), 415, 'unsupported_file_type');
    await refused(fileForm('%PDF-1.7 cut short', 'cut.pdf'), 415, 'unsupported_file_type');
    await refused(fileForm(new Uint8Array(), 'empty.txt'), 400, 'empty_file');
    await refused(fileForm(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61), 'big.txt'), 413, 'file_too_large');
    await refused(fileForm(TINY_PDF, 'scope\u0000.pdf'), 422, 'validation_failed', 'file.name');
    const notAFile = new FormData();
    notAFile.set('file', 'just text');
    await refused(notAFile, 422, 'validation_failed');
    expect((await problem(await po.post(filesPath(code, 'SCP-1'), { file: 'x' }), 415)).code).toBe(
      'unsupported_media_type',
    );
    expect(fieldsOf(await problem(await upload(code, 'ZZZ-9', fileForm('x', 'x.txt')), 404))).toEqual(['path.itemId']);
    expect(fieldsOf(await problem(await upload(code, 'scp-1', fileForm('x', 'x.txt')), 422))).toEqual(['path.itemId']);
    expect(fieldsOf(await problem(await viewer.get(filesPath(code, 'SCP-1', '/not-a-uuid')), 422))).toEqual([
      'path.fileId',
    ]);
    await problem(await upload(code, 'SCP-1', fileForm('x', 'x.txt'), viewer), 403);
    await problem(await upload(code, 'SCP-1', fileForm('x', 'x.txt'), it_), 403);
    await problem(await upload(code, 'SCP-1', fileForm('x', 'x.txt'), outsider), 404);
    expect(itemOf(await pkgOf(code), 'SCP-1').files).toEqual([]);
  });

  it('keeps at most 20 files per item', async () => {
    const code = await product('FILEMAX');
    await created(code);
    for (let i = 0; i < 20; i++) await uploaded(code, 'SCP-3', fileForm(`note ${i}`, `n${i}.txt`));
    expect((await problem(await upload(code, 'SCP-3', fileForm('one more', 'n.txt')), 409)).code).toBe(
      'too_many_files',
    );
  });

  it('removes a file while the package is open (the readiness follows); an accepted package keeps its files', async () => {
    const code = await product('FILEDEL', 'handover');
    await created(code);
    await closeBlockers(code, ['SCP-2']);
    await expectStatus(await patchItem(code, 'SCP-2', { status: 'done' }), 200);
    const kept = await uploaded(code, 'SCP-2', fileForm(TINY_PDF, 'signoff.pdf'));
    const extra = await uploaded(code, 'SCP-2', fileForm('extra', 'extra.txt'));
    expect((await pkgOf(code)).readiness.ready).toBe(true);
    await problem(await viewer.request('DELETE', filesPath(code, 'SCP-2', `/${extra.id}`)), 403);
    const after = await answer(await po.request('DELETE', filesPath(code, 'SCP-2', `/${extra.id}`)), ZHandoverPackage);
    expect(itemOf(after, 'SCP-2').files.map((f) => f.id)).toEqual([kept.id]);
    await problem(await po.request('DELETE', filesPath(code, 'SCP-2', `/${extra.id}`)), 404);

    await expectStatus(await it_.post(pkgPath(code, '/reviews'), review('accepted')), 201);
    expect((await problem(await po.request('DELETE', filesPath(code, 'SCP-2', `/${kept.id}`)), 409)).code).toBe(
      'package_accepted',
    );
    expect((await problem(await upload(code, 'SCP-2', fileForm('late', 'late.txt')), 409)).code).toBe(
      'package_accepted',
    );
    const history = await answer(await viewer.get(pkgPath(code, '/items/SCP-2/history')), ZItemHistory);
    expect(history.items.slice(0, 3).map((e) => [e.action, e.changes])).toEqual([
      ['handover.evidence_removed', [{ field: 'file', label: 'Evidence file', before: 'extra.txt', after: null }]],
      ['handover.evidence_added', [{ field: 'file', label: 'Evidence file', before: null, after: 'extra.txt' }]],
      ['handover.evidence_added', [{ field: 'file', label: 'Evidence file', before: null, after: 'signoff.pdf' }]],
    ]);
  });
});

describe('required or optional', () => {
  it('makes a required item optional only with a reason, an optional one required, and the readiness follows', async () => {
    const code = await product('LEVEL');
    const pkg = await created(code);
    const req = itemOf(pkg, 'SCP-3');
    const opt = pkg.items.find((i) => i.level === 'optional');
    const na = pkg.items.find((i) => i.level === 'not_applicable');
    if (!opt || !na) throw new Error('fixture: WEB has optional and N/A items');
    expect(req).toMatchObject({ level: 'required', templateLevel: 'required', levelOverride: null });

    const noReason = await problem(await patchItem(code, 'SCP-3', { required: false }), 422);
    expect(fieldsOf(noReason)).toEqual(['requiredReason']);
    expect(fieldsOf(await problem(await patchItem(code, 'SCP-3', { required: 'no' }), 422))).toEqual(['required']);
    expect(fieldsOf(await problem(await patchItem(code, na.id, { required: true }), 422))).toEqual(['required']);
    expect(
      fieldsOf(await problem(await patchItem(code, 'SCP-3', { required: false, requiredReason: 'a\u0000b' }), 422)),
    ).toEqual(['requiredReason']);
    expect(
      fieldsOf(
        await problem(await patchItem(code, 'SCP-3', { required: false, requiredReason: 'x'.repeat(2001) }), 422),
      ),
    ).toEqual(['requiredReason']);

    const optional = await answer(
      await patchItem(
        code,
        'SCP-3',
        { required: false, requiredReason: 'No known issues in a first release' },
        {
          'if-match': '"0"',
        },
      ),
      ZHandoverPackage,
    );
    expect(itemOf(optional, 'SCP-3')).toMatchObject({
      level: 'optional',
      templateLevel: 'required',
      levelOverride: { required: false, reason: 'No known issues in a first release' },
      revision: 1,
    });
    expect(blocking(optional)).not.toContain('SCP-3');
    expect(optional.readiness.required.total).toBe(pkg.readiness.required.total - 1);
    expect(optional.readiness.openRecommended.map((i) => i.itemId)).toContain('SCP-3');

    const required = await answer(await patchItem(code, opt.id, { required: true }), ZHandoverPackage);
    expect(itemOf(required, opt.id)).toMatchObject({ level: 'required', levelOverride: { required: true } });
    expect(blocking(required)).toContain(opt.id);

    // Back to the template's level: the override goes, and so does its reason.
    const back = await answer(await patchItem(code, 'SCP-3', { required: true }), ZHandoverPackage);
    expect(itemOf(back, 'SCP-3')).toMatchObject({ level: 'required', levelOverride: null });
    expect(blocking(back)).toContain('SCP-3');
    expect(
      (
        await problem(
          await patchItem(code, 'SCP-3', { required: false, requiredReason: 'x' }, { 'if-match': '"1"' }),
          409,
        )
      ).code,
    ).toBe('stale_version');
  });
});

describe('item history', () => {
  it('lists status, owner, evidence and required changes with who and when, newest first', async () => {
    const code = await product('HIST');
    await created(code);
    await expectStatus(await patchItem(code, 'SCP-1', { status: 'in_progress', owner: 'Pat' }), 200);
    await expectStatus(await patchItem(code, 'SCP-1', { status: 'done', evidence: evidence() }), 200);
    await expectStatus(await patchItem(code, 'SCP-1', { required: false, requiredReason: 'Covered by PRD' }), 200);
    await expectStatus(await patchItem(code, 'SCP-2', { owner: 'Somebody else' }), 200);
    const h = await answer(await viewer.get(pkgPath(code, '/items/SCP-1/history')), ZItemHistory);
    expect(h.itemId).toBe('SCP-1');
    expect(h.label).toMatch(/scope/i);
    expect(h.items.map((e) => e.changes)).toEqual([
      [{ field: 'required', label: 'Required', before: 'Required', after: 'Optional: Covered by PRD' }],
      [
        { field: 'status', label: 'Status', before: 'In progress', after: 'Done' },
        { field: 'evidence', label: 'Evidence', before: '0 items', after: '1 item' },
      ],
      [
        { field: 'status', label: 'Status', before: 'Open', after: 'In progress' },
        { field: 'owner', label: 'Owner', before: null, after: 'Pat' },
      ],
    ]);
    expect(new Set(h.items.map((e) => e.by)).size).toBe(1);
    expect(h.items[0]?.by).toContain('@');
    expect(h.items.every((e) => e.actionLabel === 'Updated')).toBe(true);
    const empty = await answer(await viewer.get(pkgPath(code, '/items/SCP-4/history')), ZItemHistory);
    expect(empty.items).toEqual([]);
    expect(fieldsOf(await problem(await viewer.get(pkgPath(code, '/items/ZZZ-1/history')), 404))).toEqual([
      'path.itemId',
    ]);
    await problem(await outsider.get(pkgPath(code, '/items/SCP-1/history')), 404);
  });
});
