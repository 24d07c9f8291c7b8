import {
  ZFeedbackBulkTriageBody,
  ZFeedbackBulkTriaged,
  ZFeedbackCommitBody,
  ZFeedbackDistinctBody,
  ZFeedbackDistinctPair,
  ZFeedbackDistinctPairs,
  ZFeedbackImportCommitted,
  ZFeedbackImportParams,
  ZFeedbackImportPreview,
  ZFeedbackImportQuery,
  ZFeedbackPage,
  ZFeedbackParams,
  ZFeedbackQuery,
  ZFeedbackSubmitBody,
  ZFeedbackSubmitted,
  ZFeedbackSummary,
  ZFeedbackTriageBody,
  ZFeedbackTriaged,
} from '@pi-studio/core/contract/feedback';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { AppError } from '../../http/errors.ts';
import { mediaType } from '../../http/media-type.ts';
import { defineRoute } from '../../http/route.ts';
import { distinctPairs, markDistinct } from './distinct/service.ts';
import { commitImport, MAX_IMPORT_BYTES, previewImport } from './imports/service.ts';
import { feedbackPage, feedbackSummary, submitFeedback } from './service.ts';
import { bulkTriage, triageFeedback } from './triage.ts';

const tag = 'feedback';

/** What a chat export arrives as: WhatsApp .txt, a zip (Slack, WhatsApp with media), Teams JSON. */
const EXPORT_TYPES = new Set([
  'text/plain',
  'application/zip',
  'application/x-zip-compressed',
  'application/json',
  'application/octet-stream',
]);

export const feedbackRoutes = [
  defineRoute({
    method: 'post',
    path: '/products/:code/feedback',
    summary:
      'Submit feedback (source `form` from a session, `api` from a token); answers the item and its near duplicates among the open items',
    tag,
    access: { permission: 'feedback.submit' },
    params: ZCodeParams,
    body: ZFeedbackSubmitBody,
    response: ZFeedbackSubmitted,
    handler: async (ctx, { params, body }) => ({ body: await submitFeedback(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/feedback',
    summary: "The product's feedback, newest first, keyset-paged by number; `ageDays` on items waiting for triage",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    query: ZFeedbackQuery,
    response: ZFeedbackPage,
    handler: async (ctx, { params, query }) => ({ body: await feedbackPage(ctx, params.code, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/feedback/summary',
    summary: 'Feedback counted by status and source, and the untriaged by age (<2 days, 2–7, >7)',
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZFeedbackSummary,
    handler: async (ctx, { params }) => ({ body: await feedbackSummary(ctx, params.code) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/feedback/imports',
    summary:
      'Preview a chat export (body: the file — text/plain WhatsApp .txt, application/zip Slack or WhatsApp with media, application/json Teams); stored as a draft for 24 hours',
    tag,
    access: { permission: 'feedback.triage' },
    params: ZCodeParams,
    query: ZFeedbackImportQuery,
    response: ZFeedbackImportPreview,
    rawBodyLimit: MAX_IMPORT_BYTES,
    problems: {
      413: ['file_too_large'],
      415: ['unsupported_media_type'],
      422: ['unreadable_export', 'file_too_complex'],
    },
    handler: async (ctx, { params, query }) => {
      const type = mediaType(ctx.hono.req.header('content-type'));
      if (!type || !EXPORT_TYPES.has(type)) {
        throw new AppError(
          415,
          'unsupported_media_type',
          'send the export as text/plain (WhatsApp .txt), application/zip (Slack, WhatsApp with media) or application/json (Teams)',
        );
      }
      const bytes = new Uint8Array(await ctx.hono.req.arrayBuffer());
      return { body: await previewImport(ctx, params.code, bytes, query) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/feedback/imports/:id/commit',
    summary:
      'Create one feedback item per selected message of a previewed import, all in one transaction; messages imported before are skipped',
    tag,
    access: { permission: 'feedback.triage' },
    params: ZFeedbackImportParams,
    body: ZFeedbackCommitBody,
    response: ZFeedbackImportCommitted,
    problems: { 409: ['already_committed'] },
    handler: async (ctx, { params, body }) => ({ body: await commitImport(ctx, params.code, params.id, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/feedback/triage',
    summary: 'Decline many items, or mark them duplicates of one, all or nothing (up to 500 keys)',
    tag,
    access: { permission: 'feedback.triage' },
    params: ZCodeParams,
    body: ZFeedbackBulkTriageBody,
    response: ZFeedbackBulkTriaged,
    problems: { 409: ['already_triaged'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await bulkTriage(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/feedback/:key/triage',
    summary:
      'Triage one item: into a story or bug (linked to the best-matching requirement), a duplicate, a sprint clarification, or declined',
    tag,
    access: { permission: 'feedback.triage' },
    params: ZFeedbackParams,
    body: ZFeedbackTriageBody,
    response: ZFeedbackTriaged,
    problems: { 409: ['already_triaged', 'sprint_ended'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({
      body: await triageFeedback(ctx, params.code, params.key, body),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/feedback/:key/distinct',
    summary:
      'Record that two items are not duplicates ("Not a duplicate"), for everyone: the inbox no longer suggests the pair; recording it again changes nothing',
    tag,
    access: { permission: 'feedback.triage' },
    params: ZFeedbackParams,
    body: ZFeedbackDistinctBody,
    response: ZFeedbackDistinctPair,
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await markDistinct(ctx, params.code, params.key, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/feedback/distinct',
    summary: 'The pairs of items recorded as not duplicates, newest first (at most 5,000)',
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZFeedbackDistinctPairs,
    handler: async (ctx, { params }) => ({ body: await distinctPairs(ctx, params.code) }),
  }),
];
