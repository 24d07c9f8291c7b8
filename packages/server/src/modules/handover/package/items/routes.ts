// A checklist item's evidence files and its history.
import {
  ZEvidenceFile,
  ZEvidenceFileBody,
  ZEvidenceFileParams,
  ZItemHistory,
} from '@pi-studio/core/contract/handover-items';
import { ZHandoverPackage, ZPackageItemParams } from '@pi-studio/core/contract/handover-package';
import { z } from 'zod';
import { attachment } from '../../../../http/download.ts';
import { defineRoute } from '../../../../http/route.ts';
import { addEvidenceFile, evidenceFileDownload, evidenceFiles, removeEvidenceFile } from './evidence-files.ts';
import { itemHistory } from './history.ts';

const tag = 'handover';
const item = '/products/:code/handover/package/items/:itemId';

export const itemRoutes = [
  defineRoute({
    method: 'post',
    path: `${item}/files`,
    summary: 'Attach an evidence file to a checklist item (PDF, PNG, JPEG, plain text, Markdown or .docx, ≤ 10 MB)',
    description:
      'Multipart, one `file` field. The type is read from the bytes, never from the name or the declared type (an ' +
      'executable named .pdf or an HTML page declared as PNG answers 415 `unsupported_file_type`); UTF-8 text named ' +
      '.md or .markdown is kept as Markdown; a .docx must be a Word archive within the zip guard’s limits. At most ' +
      '20 files per item (409 `too_many_files`). A file counts as evidence for readiness. An accepted package is ' +
      'closed (409 `package_accepted`). Audited `handover.evidence_added`.',
    tag,
    access: { permission: 'handover.write' },
    params: ZPackageItemParams,
    body: ZEvidenceFileBody,
    bodyKind: 'multipart',
    response: ZEvidenceFile,
    problems: {
      400: ['empty_file'],
      404: ['no_handover_package'],
      409: ['package_accepted', 'too_many_files'],
      413: ['file_too_large'],
      415: ['unsupported_file_type'],
    },
    handler: async (ctx, { params, body }) => ({
      body: await addEvidenceFile(ctx, params.code, params.itemId, body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${item}/files`,
    summary: 'The evidence files of a checklist item, oldest first',
    tag,
    access: { permission: 'product.read' },
    params: ZPackageItemParams,
    response: z.strictObject({ items: z.array(ZEvidenceFile) }),
    problems: { 404: ['no_handover_package'] },
    handler: async (ctx, { params }) => ({ body: await evidenceFiles(ctx, params.code, params.itemId) }),
  }),
  defineRoute({
    method: 'get',
    path: `${item}/files/:fileId`,
    summary: 'Download an evidence file (an attachment, application/octet-stream, nosniff; its type is in the listing)',
    tag,
    access: { permission: 'product.read' },
    params: ZEvidenceFileParams,
    response: z.string(),
    produces: 'application/octet-stream',
    problems: { 404: ['no_handover_package'] },
    handler: async (ctx, { params }) => {
      const file = await evidenceFileDownload(ctx, params.code, params.itemId, params.fileId);
      return attachment(file.bytes, file.fileName, 'application/octet-stream');
    },
  }),
  defineRoute({
    method: 'delete',
    path: `${item}/files/:fileId`,
    summary: 'Remove an evidence file from a checklist item; answers the whole package (the readiness may change)',
    description: 'Only while the package is open (409 `package_accepted`). Audited `handover.evidence_removed`.',
    tag,
    access: { permission: 'handover.write' },
    params: ZEvidenceFileParams,
    response: ZHandoverPackage,
    problems: { 404: ['no_handover_package'], 409: ['package_accepted'] },
    handler: async (ctx, { params }) => ({
      body: await removeEvidenceFile(ctx, params.code, params.itemId, params.fileId),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${item}/history`,
    summary: 'A checklist item’s history: status, owner, evidence and required changes and files, with who and when',
    description: 'Read from the audit trail (the events written with each change), newest first.',
    tag,
    access: { permission: 'product.read' },
    params: ZPackageItemParams,
    response: ZItemHistory,
    problems: { 404: ['no_handover_package'] },
    handler: async (ctx, { params }) => ({ body: await itemHistory(ctx, params.code, params.itemId) }),
  }),
];
