import { ZElsUpdate } from '@pi-studio/core/contract/handover-items';
import {
  ZArtifactDraft,
  ZArtifactHistory,
  ZArtifactParams,
  ZArtifactSave,
  ZArtifactVersion,
  ZArtifactVersionParams,
  ZCheckpoint,
  ZGapReport,
  ZGapStats,
  ZHandoverPackage,
  ZItemUpdate,
  ZOwnershipConfirm,
  ZPackageCreate,
  ZPackageItemParams,
  ZPackageParams,
  ZPostHandoverGap,
  ZReviewAgenda,
  ZReviewCreate,
} from '@pi-studio/core/contract/handover-package';
import { z } from 'zod';
import { attachment } from '../../../http/download.ts';
import { defineRoute } from '../../../http/route.ts';
import { markdownDownload } from '../packs/routes.ts';
import { artifactDraft, artifactHistory, artifactVersion, saveArtifact } from './artifacts.ts';
import { checkpoint, checkpointPdf } from './checkpoint.ts';
import { changeEls } from './els.ts';
import { packageDocument, packageZip } from './export/service.ts';
import { gapStats } from './gap-stats.ts';
import { gapLog, reportGap } from './gaps.ts';
import { confirmOwnership } from './ownership.ts';
import { agenda, recordReview } from './reviews.ts';
import { createPackage, packageAnswer, updateItem } from './service.ts';

const tag = 'handover';

const EXPORT_TYPES = {
  zip: 'application/zip',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
const EXPORT_SUMMARIES = {
  zip: 'The whole package as a zip: package.md, package.pdf, package.docx, the artifacts, the packs (masked) and a manifest with sha256 hashes',
  pdf: 'The whole package as one PDF',
  docx: 'The whole package as one Word document',
} as const;
const base = '/products/:code/handover/package';

export const packageRoutes = [
  defineRoute({
    method: 'get',
    path: base,
    summary:
      'The product’s handover package: checklist items with their state, readiness score and blockers, artifacts, reviews',
    description:
      'The open package, or after IT accepted it the accepted one. 404 `no_handover_package` before one is created.',
    tag,
    access: { permission: 'product.read' },
    params: ZPackageParams,
    response: ZHandoverPackage,
    problems: { 404: ['no_handover_package'] },
    handler: async (ctx, { params }) => ({ body: await packageAnswer(ctx, params.code) }),
  }),
  defineRoute({
    method: 'post',
    path: base,
    summary: 'Create the product’s handover package for a release, from the current readiness checklist template',
    description:
      'The product must be in UAT or handover (409 `not_ready_for_package`); one open package per product and one ' +
      'per release (409 `package_exists`). The checklist follows the product type and flags (`ext`: internet-facing, ' +
      '`pii`: personal or financial data, `stateful`: owns data). The newest accepting UAT sign-off is recorded as ' +
      'what the package hands over. Audited `handover.package_created`.',
    tag,
    access: { permission: 'handover.write' },
    params: ZPackageParams,
    body: ZPackageCreate,
    response: ZHandoverPackage,
    problems: { 409: ['not_ready_for_package', 'package_exists'] },
    handler: async (ctx, { params, body }) => ({ body: await createPackage(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/items/:itemId`,
    summary:
      'Update one checklist item: status, owner, evidence (links or records), waiver reason and approver, required or optional',
    description:
      'Answers the whole package (the readiness changes). `If-Match: "<item revision>"` (0 for an item never edited) ' +
      'makes a concurrent edit answer 409 `stale_version`. A link must be an http(s) URL (422 naming ' +
      '`evidence.N.ref`). A record `pack:<kind>:<version>` counts with that stored pack’s verdict: a failed pack ' +
      'keeps the item blocking. Done needs evidence; waived and not applicable need a reason and an approver. ' +
      '`required` overrides the template’s level (true required, false optional; the template’s own level clears ' +
      'it); making a required item optional needs `requiredReason` (422 naming it), an item the template finds not ' +
      'applicable cannot be overridden (422 naming `required`). An ' +
      'accepted package is closed (409 `package_accepted`). Audited `handover.item_updated`.',
    tag,
    access: { permission: 'handover.write' },
    params: ZPackageItemParams,
    body: ZItemUpdate,
    response: ZHandoverPackage,
    problems: { 404: ['no_handover_package'], 409: ['stale_version', 'package_accepted'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({
      body: await updateItem(ctx, params.code, params.itemId, body, ctx.header('if-match')),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/artifacts/:kind`,
    summary:
      'The versions of one artifact (release notes, runbook-lite, support flow, escalation matrix, ownership), newest first',
    tag,
    access: { permission: 'product.read' },
    params: ZArtifactParams,
    response: ZArtifactHistory,
    problems: { 404: ['no_handover_package'] },
    handler: async (ctx, { params }) => ({ body: await artifactHistory(ctx, params.code, params.kind) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/artifacts/:kind/draft`,
    summary:
      'A starting text: the template, or for release notes the draft from the stories and bugs done since the last accepted release',
    tag,
    access: { permission: 'product.read' },
    params: ZArtifactParams,
    response: ZArtifactDraft,
    problems: { 404: ['no_handover_package'] },
    handler: async (ctx, { params }) => ({ body: await artifactDraft(ctx, params.code, params.kind) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/artifacts/:kind/versions/:version`,
    summary: 'One artifact version with its text; runbook-lite and release notes with the pack validator’s findings',
    tag,
    access: { permission: 'product.read' },
    params: ZArtifactVersionParams,
    response: ZArtifactVersion,
    problems: { 404: ['no_handover_package'] },
    handler: async (ctx, { params }) => ({
      body: await artifactVersion(ctx, params.code, params.kind, params.version),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/artifacts/:kind`,
    summary: 'Save the next version of an artifact (Markdown)',
    description:
      '`baseVersion` is the version the edit started from (0 for the first); a save in between answers 409 ' +
      '`stale_version`. A text holding what looks like a secret is refused (422 `secret_in_artifact` naming `body` ' +
      'and its lines): artifacts say where secrets live. An accepted package is closed (409 `package_accepted`). ' +
      'Audited `handover.artifact_saved`.',
    tag,
    access: { permission: 'handover.write' },
    params: ZArtifactParams,
    body: ZArtifactSave,
    response: ZArtifactVersion,
    problems: { 404: ['no_handover_package'], 409: ['stale_version', 'package_accepted'], 422: ['secret_in_artifact'] },
    handler: async (ctx, { params, body }) => ({ body: await saveArtifact(ctx, params.code, params.kind, body) }),
  }),
  ...(['zip', 'pdf', 'docx'] as const).map((format) =>
    defineRoute({
      method: 'get',
      path: `${base}/export.${format}`,
      summary: EXPORT_SUMMARIES[format],
      description:
        'Rendered from one Markdown document of the whole package (readiness, checklist, artifacts, packs, reviews, ' +
        'ownership, gaps) in the job pool; 503 `busy` when the pool is full. The PDF uses the standard fonts ' +
        '(Windows-1252; other characters print as "?"); the Markdown and DOCX keep every character. An attachment.',
      tag,
      access: { permission: 'product.read' as const },
      params: ZPackageParams,
      response: z.string(),
      produces: EXPORT_TYPES[format],
      problems: { 404: ['no_handover_package'], 422: ['export_too_complex'], 503: ['busy'] },
      handler: async (ctx, { params }) => {
        const file =
          format === 'zip' ? await packageZip(ctx, params.code) : await packageDocument(ctx, params.code, format);
        return attachment(file.bytes, file.fileName, EXPORT_TYPES[format]);
      },
    }),
  ),
  defineRoute({
    method: 'get',
    path: `${base}/agenda`,
    summary: 'The readiness review’s agenda, generated from the package (sections and Markdown)',
    tag,
    access: { permission: 'product.read' },
    params: ZPackageParams,
    response: ZReviewAgenda,
    problems: { 404: ['no_handover_package'] },
    handler: async (ctx, { params }) => ({ body: await agenda(ctx, params.code) }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/reviews`,
    summary:
      'Record the handover readiness review: attendees, IT’s decision and gaps; an acceptance moves the product to live',
    description:
      'Only the product’s IT owner or a studio administrator (403 `not_it_owner`); the product must be in handover ' +
      '(409 `not_in_handover`). The decision is checked against the readiness now: accepted needs no blocking item, ' +
      'accepted with gaps needs every blocking item listed as a gap with an owner and a due date within early life ' +
      'support (`elsDays` from the review date, default 30), none critical and none in security, rollback (OPS-3) or escalation (SUP-2); a rejection ' +
      'names the items. Refused: 422 `review_invalid` with `findings`. Accepted and accepted with gaps move the ' +
      'product to live and record `acceptedOnFirstHandover` (no earlier rejection of this package). Audited ' +
      '`handover.review_recorded` and `product.stage_changed`.',
    tag,
    access: { permission: 'handover.accept' },
    params: ZPackageParams,
    body: ZReviewCreate,
    response: ZHandoverPackage,
    problems: {
      403: ['not_it_owner'],
      404: ['no_handover_package'],
      409: ['not_in_handover', 'package_accepted'],
      422: ['review_invalid'],
    },
    handler: async (ctx, { params, body }) => ({ body: await recordReview(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/ownership`,
    summary: 'The IT owner confirms, after acceptance, who runs and supports the product and the open items',
    description:
      'Only the product’s IT owner or a studio administrator (403 `not_it_owner`), once IT accepted the package ' +
      '(409 `not_accepted`). Confirming again replaces it. Audited `handover.ownership_confirmed`.',
    tag,
    access: { permission: 'handover.accept' },
    params: ZPackageParams,
    body: ZOwnershipConfirm,
    response: ZHandoverPackage,
    problems: { 403: ['not_it_owner'], 404: ['no_handover_package'], 409: ['not_accepted'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await confirmOwnership(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/els`,
    summary: 'Change the early-life-support window of the accepted package (days from the acceptance day)',
    description:
      'IT sets it at the review (`elsDays`, default 30); afterwards a studio administrator or the product’s ' +
      'ProductOps changes it (403 `not_productops` for the other roles). Only once IT accepted (409 `not_accepted`). ' +
      'Gaps reported within the window count as early-life gaps. Audited `handover.els_changed`.',
    tag,
    access: { permission: 'handover.write' },
    params: ZPackageParams,
    body: ZElsUpdate,
    response: ZHandoverPackage,
    problems: { 403: ['not_productops'], 404: ['no_handover_package'], 409: ['not_accepted'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await changeEls(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/handover/gaps',
    summary: 'The post-handover gap log: what IT found missing after handover, newest first',
    tag,
    access: { permission: 'product.read' },
    params: ZPackageParams,
    response: z.strictObject({ items: z.array(ZPostHandoverGap) }),
    handler: async (ctx, { params }) => ({ body: await gapLog(ctx, params.code) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/handover/gaps',
    summary: 'Log a post-handover gap: severity and the checklist item that should have caught it',
    description: 'Only for a live product whose package IT accepted (409 `not_live`). Audited `handover.gap_reported`.',
    tag,
    access: { permission: 'handover.accept' },
    params: ZPackageParams,
    body: ZGapReport,
    response: ZPostHandoverGap,
    problems: { 409: ['not_live'] },
    handler: async (ctx, { params, body }) => ({ body: await reportGap(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/handover/checkpoint',
    summary: 'The weekly handover readiness checkpoint: products in UAT or handover with readiness and blockers',
    tag,
    access: 'authenticated',
    response: ZCheckpoint,
    handler: async (ctx) => ({ body: await checkpoint(ctx) }),
  }),
  defineRoute({
    method: 'get',
    path: '/handover/checkpoint.md',
    summary: 'The weekly handover readiness checkpoint as a Markdown file',
    tag,
    access: 'authenticated',
    response: z.string(),
    produces: 'text/markdown',
    handler: async (ctx) => {
      const cp = await checkpoint(ctx);
      return markdownDownload(cp.markdown, `handover-checkpoint-${cp.generatedAt.slice(0, 10)}.md`);
    },
  }),
  defineRoute({
    method: 'get',
    path: '/handover/checkpoint.pdf',
    summary: 'The weekly handover readiness checkpoint as a PDF',
    tag,
    access: 'authenticated',
    response: z.string(),
    produces: 'application/pdf',
    problems: { 503: ['busy'] },
    handler: async (ctx) => {
      const file = await checkpointPdf(ctx);
      return attachment(file.bytes, file.fileName, 'application/pdf');
    },
  }),
  defineRoute({
    method: 'get',
    path: '/handover/gap-stats',
    summary:
      'What handover keeps missing: post-handover gaps per checklist item, and the first-handover acceptance rate',
    description:
      'Over the products the reader can see. Items worst first (critical, then major gaps, then the count); the ' +
      'input for the checklist template’s next version.',
    tag,
    access: 'authenticated',
    response: ZGapStats,
    handler: async (ctx) => ({ body: await gapStats(ctx) }),
  }),
];
