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
import { validationFailed } from '../../use-case/errors.ts';
import { etag } from './content.ts';
import { diffVersions, getVersion } from './history.ts';
import { readUpload } from './import.ts';
import { documentFor, productFor } from './policy.ts';
import { presentDocument, presentDocumentSummary, presentVersion, presentVersionWithBody } from './presenters.ts';
import { listDocumentSummaries, listVersions } from './repo.ts';
import { createDocument, loadDocumentView, saveVersion } from './service.ts';
import { templateRoutes } from './templates-routes.ts';

const tag = 'documents';

const documentResponse = (view: Awaited<ReturnType<typeof loadDocumentView>>) => ({
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
      const product = await productFor(ctx, params.code, 'document.read');
      const items = await listDocumentSummaries(ctx.deps.db, product.id);
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
    handler: async (ctx, { params, body }) => {
      const product = await productFor(ctx, params.code, 'document.write');
      return documentResponse(await createDocument(ctx.deps, ctx.requireActor(), ctx.who(), product, body));
    },
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
      const product = await productFor(ctx, params.code, 'document.write');
      const actor = ctx.requireActor();
      const imported = await readUpload(body.file, ctx.deps.jobs);
      if (!body.documentId) {
        const view = await createDocument(ctx.deps, actor, ctx.who(), product, {
          kind: body.kind,
          title: body.title,
          imported,
        });
        return documentResponse(view);
      }
      const doc = await documentFor(ctx, body.documentId, 'document.write');
      if (doc.product.id !== product.id || doc.kind !== body.kind) {
        throw notInProduct(product.code, body.kind);
      }
      await saveVersion(ctx.deps, actor, ctx.who(), doc.id, ctx.header('if-match'), {
        body: imported.content.body,
        bump: body.bump ?? 'minor',
        note: body.note,
        title: body.title,
        imported,
      });
      return documentResponse(await loadDocumentView(ctx.deps, doc.id));
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
    handler: async (ctx, { params }) => {
      await documentFor(ctx, params.id, 'document.read');
      return documentResponse(await loadDocumentView(ctx.deps, params.id));
    },
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
      await documentFor(ctx, params.id, 'document.write');
      const r = await saveVersion(ctx.deps, ctx.requireActor(), ctx.who(), params.id, ctx.header('if-match'), body);
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
    handler: async (ctx, { params }) => {
      const doc = await documentFor(ctx, params.id, 'document.read');
      return { body: { items: (await listVersions(ctx.deps.db, doc.id)).map(presentVersion) } };
    },
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
    handler: async (ctx, { params }) => {
      const doc = await documentFor(ctx, params.id, 'document.read');
      return { body: presentVersionWithBody(await getVersion(ctx.deps, doc, params.version)) };
    },
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
    handler: async (ctx, { params, query }) => {
      const doc = await documentFor(ctx, params.id, 'document.read');
      return { json: await diffVersions(ctx.deps, doc, query.from, query.to) };
    },
  }),
  ...templateRoutes,
];

function notInProduct(productCode: string, kind: string) {
  return validationFailed([{ name: 'documentId', reason: `is not the ${kind} document of ${productCode}` }]);
}
