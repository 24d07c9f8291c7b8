import {
  ZEvidence,
  ZEvidenceBody,
  ZEvidenceParams,
  ZReportParams,
  ZReportQuery,
  ZSignoff,
  ZSignoffBody,
  ZSignoffList,
  ZSignoffParams,
  ZSignoffVerify,
} from '@pi-studio/core/contract/signoff';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { z } from 'zod';
import { attachment } from '../../http/download.ts';
import { defineRoute } from '../../http/route.ts';
import { sessionReport } from './report/service.ts';
import {
  addEvidence,
  downloadEvidence,
  getSignoff,
  productSignoffs,
  recordSignoff,
  verifyProductSignoffs,
  verifyStudioSignoffs,
} from './service.ts';

const tag = 'signoff';

const VERIFY_DESCRIPTION =
  'Recomputes every sign-off record hash and link (prevHash → the previous record’s recordHash, 64 zeros for the ' +
  'first), the numbering and each content hash, re-hashes the evidence files, and compares each signed story with ' +
  'what it says now (`changedSinceSignoff`). `ok` is false when anything is broken or changed.';

export const signoffRoutes = [
  defineRoute({
    method: 'post',
    path: '/products/:code/signoffs',
    summary: 'Sign off a UAT session or a release: signed, signed with conditions, or refused',
    description:
      'The product’s PO/VB (its assigned `po`) or an administrator (else 403 `not_product_owner`). Scope `session` ' +
      '(`sessionId`: the stories its cases test, at the session’s build) or `release` (`buildVersion`: the ' +
      'product’s done stories). Records each story’s key, revision and content hash, the hash over them, and the ' +
      'record’s place in the product’s hash chain. `conditions` are required with signed_with_conditions (422 ' +
      'naming `conditions`). Nothing to sign answers 409 `nothing_to_sign`. Audited `signoff.recorded`.',
    tag,
    access: { permission: 'uat.signoff' },
    params: ZCodeParams,
    body: ZSignoffBody,
    response: ZSignoff,
    problems: { 403: ['not_product_owner'], 409: ['nothing_to_sign'], 422: ['unknown_session'] },
    handler: async (ctx, { params, body }) => ({ body: await recordSignoff(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/signoffs',
    summary: 'The product’s sign-offs in chain order, and whether it may move from UAT to handover now',
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZSignoffList,
    handler: async (ctx, { params }) => ({ body: await productSignoffs(ctx, params.code) }),
  }),
  // Before `/signoffs/:key`, so `verify` is not read as a key.
  defineRoute({
    method: 'get',
    path: '/products/:code/signoffs/verify',
    summary: 'Verify the product’s sign-off chain and flag signed stories changed since their sign-off',
    description: VERIFY_DESCRIPTION,
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZSignoffVerify,
    handler: async (ctx, { params }) => ({ body: await verifyProductSignoffs(ctx, params.code) }),
  }),
  defineRoute({
    method: 'get',
    path: '/signoffs/verify',
    summary: 'Verify every product’s sign-off chain (studio administrators)',
    description: VERIFY_DESCRIPTION,
    tag,
    access: 'admin',
    response: ZSignoffVerify,
    handler: async (ctx) => ({ body: await verifyStudioSignoffs(ctx) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/signoffs/:key',
    summary: 'One sign-off: what was signed, its hashes and its evidence',
    tag,
    access: { permission: 'product.read' },
    params: ZSignoffParams,
    response: ZSignoff,
    handler: async (ctx, { params }) => ({ body: await getSignoff(ctx, params.code, params.key) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/signoffs/:key/evidence',
    summary:
      'Add an evidence file to a sign-off (PDF, PNG, JPEG or UTF-8 text, ≤ 10 MB; the type is read from the bytes)',
    description:
      'The product’s PO/VB or an administrator. Evidence keeps its own time and sha256; it is not part of the signed ' +
      'record, so adding it after signing changes nothing that was signed. Audited `signoff.evidence_added`.',
    tag,
    access: { permission: 'uat.signoff' },
    params: ZSignoffParams,
    body: ZEvidenceBody,
    bodyKind: 'multipart',
    response: ZEvidence,
    problems: {
      400: ['empty_file'],
      403: ['not_product_owner'],
      413: ['file_too_large'],
      415: ['unsupported_file_type'],
    },
    handler: async (ctx, { params, body }) => ({ body: await addEvidence(ctx, params.code, params.key, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/signoffs/:key/evidence/:id',
    summary: 'Download an evidence file (an attachment, application/octet-stream; its type is in the listing)',
    tag,
    access: { permission: 'product.read' },
    params: ZEvidenceParams,
    response: z.string(),
    produces: 'application/octet-stream',
    handler: async (ctx, { params }) => {
      const file = await downloadEvidence(ctx, params.code, params.key, params.id);
      return attachment(file.bytes, file.fileName, 'application/octet-stream');
    },
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/uat/sessions/:key/report',
    summary: 'The UAT report of a session as Markdown (default) or PDF: scope, cases and results, defects, sign-off',
    tag,
    access: { permission: 'product.read' },
    params: ZReportParams,
    query: ZReportQuery,
    response: z.string(),
    produces: 'text/markdown',
    handler: async (ctx, { params, query }) => {
      const report = await sessionReport(ctx, params.code, params.key, query.format);
      return attachment(report.bytes, report.fileName, report.mediaType);
    },
  }),
];
