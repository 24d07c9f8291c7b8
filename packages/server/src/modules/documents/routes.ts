import { ZIdParams } from '@pi-studio/core/contract/common';
import {
  ZCreateDocumentBody,
  ZDiff,
  ZDiffQuery,
  ZDocument,
  ZDocumentList,
  ZImportBody,
  ZProductParams,
  ZSaveVersionBody,
  ZVersion,
  ZVersionList,
  ZVersionParams,
  ZVersionWithBody,
} from '@pi-studio/core/contract/documents';
import { defineRoute } from '../../http/route.ts';
import { etag } from './content.ts';
import { presentDocument, presentDocumentSummary, presentVersion, presentVersionWithBody } from './presenters.ts';
import {
  createDocument,
  type DocumentView,
  diffVersions,
  getDocument,
  getVersion,
  importDocument,
  listDocuments,
  listVersionsOf,
  saveVersion,
} from './service.ts';
import { templateRoutes } from './templates/routes.ts';

const tag = 'documents';

const documentResponse = (view: DocumentView) => ({
  body: presentDocument(view.doc, view.current),
  headers: { ETag: etag(view.doc.revision) },
});

export const documentRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/documents',
    summary: "A product's documents with their current version",
    tag,
    access: { permission: 'document.read' },
    params: ZProductParams,
    response: ZDocumentList,
    handler: async (ctx, { params }) => {
      const { product, items } = await listDocuments(ctx, params.code);
      return { body: { items: items.map((d) => presentDocumentSummary(d, product.code)) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/documents',
    summary: "Create a document (v1.0) from a body or from the kind's template",
    tag,
    access: { permission: 'document.write' },
    params: ZProductParams,
    body: ZCreateDocumentBody,
    response: ZDocument,
    problems: { 409: ['document_exists'], 413: ['document_too_large'] },
    handler: async (ctx, { params, body }) => documentResponse(await createDocument(ctx, params.code, body)),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/documents/import',
    summary:
      'Import a .md, .markdown, .txt or .docx file (≤ 10 MB) as a new document, or as a new version with documentId',
    tag,
    access: { permission: 'document.write' },
    params: ZProductParams,
    body: ZImportBody,
    bodyKind: 'multipart',
    response: ZDocument,
    // As a new version (documentId), the save's problems too: If-Match is required.
    problems: {
      400: ['not_a_docx', 'zip_bomb', 'invalid_utf8', 'invalid_text', 'empty_file'],
      409: ['document_exists', 'stale_version'],
      413: ['file_too_large', 'document_too_large'],
      415: ['unsupported_file_type'],
      422: ['docx_too_complex', 'no_change'],
      428: ['precondition_required'],
      503: ['busy'],
    },
    handler: async (ctx, { params, body }) => {
      // If-Match matters only for a new version of an existing document.
      const ifMatch = body.documentId ? ctx.header('if-match') : undefined;
      return documentResponse(await importDocument(ctx, params.code, body, ifMatch));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/documents/:id',
    summary: 'A document with its current version; the ETag is its revision, for If-Match on the next save',
    tag,
    access: { permission: 'document.read' },
    params: ZIdParams,
    response: ZDocument,
    handler: async (ctx, { params }) => documentResponse(await getDocument(ctx, params.id)),
  }),
  defineRoute({
    method: 'post',
    path: '/documents/:id/versions',
    summary: 'Save a new immutable version (needs If-Match with the ETag; a stale one gets 409 stale_version)',
    tag,
    access: { permission: 'document.write' },
    params: ZIdParams,
    body: ZSaveVersionBody,
    response: ZVersion,
    problems: {
      409: ['stale_version'],
      413: ['document_too_large'],
      422: ['no_change'],
      428: ['precondition_required'],
    },
    handler: async (ctx, { params, body }) => {
      const r = await saveVersion(ctx, params.id, ctx.header('if-match'), body);
      return { body: presentVersion(r.version), headers: { ETag: etag(r.revision) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/documents/:id/versions',
    summary: "A document's versions, newest first",
    tag,
    access: { permission: 'document.read' },
    params: ZIdParams,
    response: ZVersionList,
    handler: async (ctx, { params }) => ({
      body: { items: (await listVersionsOf(ctx, params.id)).map(presentVersion) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/documents/:id/versions/:version',
    summary: 'One version with its body',
    tag,
    access: { permission: 'document.read' },
    params: ZVersionParams,
    response: ZVersionWithBody,
    problems: { 404: ['version_not_found'] },
    handler: async (ctx, { params }) => ({
      body: presentVersionWithBody(await getVersion(ctx, params.id, params.version)),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/documents/:id/diff',
    summary: 'Line diff between two versions (default: the previous version → the current one)',
    tag,
    access: { permission: 'document.read' },
    params: ZIdParams,
    query: ZDiffQuery,
    response: ZDiff,
    // Large diffs run in the job pool.
    problems: { 404: ['version_not_found'], 422: ['diff_too_complex'], 503: ['busy'] },
    handler: async (ctx, { params, query }) => ({ json: await diffVersions(ctx, params.id, query.from, query.to) }),
  }),
  ...templateRoutes,
];
