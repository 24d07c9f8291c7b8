import {
  PACK_MEDIA_TYPES,
  ZPackKindParams,
  ZPackListParams,
  ZPackOverview,
  ZPackUploadQuery,
  ZPackVersionDetail,
  ZPackVersionList,
  ZPackVersionParams,
} from '@pi-studio/core/contract/handover';
import { z } from 'zod';
import { attachment } from '../../../http/download.ts';
import { mediaType } from '../../../http/media-type.ts';
import { defineRoute } from '../../../http/route.ts';
import { MAX_PACK_BYTES } from './read-pack.ts';
import { packOverview, packText, packVersion, packVersions, uploadPack } from './service.ts';

const tag = 'handover';

/** The masked Markdown as a download: an attachment, never sniffed or rendered by the browser. */
export const markdownDownload = (text: string, fileName: string) =>
  attachment(text, fileName, 'text/markdown; charset=utf-8');

export const packRoutes = [
  defineRoute({
    method: 'post',
    path: '/products/:code/handover/packs',
    summary:
      'Upload a QA, security, runbook, release-notes or documentation pack (body: the file — text/markdown, text/plain or a .docx); validated and stored as the kind’s next version, secrets masked',
    description:
      'Validated against the product record (name, code, owners). Secrets found (API keys, private keys, passwords in ' +
      'URLs…) are blocker findings, so the verdict is fail; the stored text has them masked and `maskedLines` names ' +
      'their lines. The raw upload is never stored or returned. Refusals name `body`: 415 `unsupported_media_type`, ' +
      '400 `empty_file`, `invalid_utf8`, `invalid_text` (NUL), `not_a_docx`, `zip_bomb`; 413 `payload_too_large` ' +
      '(over 10 MB), `document_too_large` (over 5,000,000 characters); 422 `docx_too_complex`. Audited ' +
      '`handover.pack_uploaded`.',
    tag,
    access: { permission: 'handover.write' },
    params: ZPackListParams,
    query: ZPackUploadQuery,
    response: ZPackVersionDetail,
    consumes: Object.values(PACK_MEDIA_TYPES),
    rawBodyLimit: MAX_PACK_BYTES,
    problems: {
      400: ['empty_file', 'invalid_utf8', 'invalid_text', 'not_a_docx', 'zip_bomb'],
      413: ['payload_too_large', 'document_too_large', 'file_too_large'],
      415: ['unsupported_media_type'],
      422: ['docx_too_complex'],
      503: ['busy'],
    },
    handler: async (ctx, { params, query }) => {
      const type = mediaType(ctx.hono.req.header('content-type'));
      const bytes = new Uint8Array(await ctx.hono.req.arrayBuffer());
      return { body: await uploadPack(ctx, params.code, query, type, bytes) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/handover/packs',
    summary: 'Every pack kind of the product: its newest version (verdict, score, blockers) and its version count',
    tag,
    access: { permission: 'product.read' },
    params: ZPackListParams,
    response: ZPackOverview,
    handler: async (ctx, { params }) => ({ body: await packOverview(ctx, params.code) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/handover/packs/:kind',
    summary: 'The versions of one pack kind, newest first',
    tag,
    access: { permission: 'product.read' },
    params: ZPackKindParams,
    response: ZPackVersionList,
    handler: async (ctx, { params }) => ({ body: await packVersions(ctx, params.code, params.kind) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/handover/packs/:kind/:version',
    summary: 'One pack version with its validation findings',
    tag,
    access: { permission: 'product.read' },
    params: ZPackVersionParams,
    response: ZPackVersionDetail,
    handler: async (ctx, { params }) => ({
      body: await packVersion(ctx, params.code, params.kind, params.version),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/handover/packs/:kind/:version/text',
    summary: 'Download a pack version’s stored text: Markdown with its secrets masked (an attachment, nosniff)',
    tag,
    access: { permission: 'product.read' },
    params: ZPackVersionParams,
    response: z.string(),
    produces: 'text/markdown',
    handler: async (ctx, { params }) => {
      const file = await packText(ctx, params.code, params.kind, params.version);
      return markdownDownload(file.text, file.fileName);
    },
  }),
];
