// The adoption module's routes (issue #15): a product's versioned tracking plan, the PRD checked against it, and the
// event ingest. Guide: docs/adoption.md.
import {
  ADOPTION_LIMITS,
  ZEventBatchBody,
  ZEventBatchResult,
  ZPrdPlanCheck,
  ZTrackingPlan,
  ZTrackingPlanBody,
  ZTrackingPlanVersions,
} from '@pi-studio/core/contract/adoption';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../http/route.ts';
import { ingestEvents } from './ingest.ts';
import { getPlan, planEtag, planVersions, prdPlanCheck, savePlan } from './service.ts';

const tag = 'adoption';

export const adoptionRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/tracking-plan',
    summary: "The product's current tracking plan (version 0 with no events while it has none); ETag is its version",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZTrackingPlan,
    handler: async (ctx, { params }) => {
      const plan = await getPlan(ctx, params.code);
      return { body: plan, headers: { etag: planEtag(plan.version) } };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/products/:code/tracking-plan',
    summary: 'Save the tracking plan as a new version (the whole list of events, at most 500); If-Match required',
    description:
      'If-Match carries the ETag of the version edited (`"0"` for a product without a plan): missing → 428 ' +
      '`precondition_required`, another version current → 409 `stale_version` with `current`. Event names follow ' +
      'the envelope rule (`object_action`, lowercase snake_case); a name or property listed twice is a 422 naming it.',
    tag,
    access: { permission: 'adoption.write' },
    params: ZCodeParams,
    body: ZTrackingPlanBody,
    response: ZTrackingPlan,
    problems: { 409: ['stale_version'], 428: ['precondition_required'] },
    handler: async (ctx, { params, body }) => {
      const plan = await savePlan(ctx, params.code, body, ctx.header('if-match'));
      return { body: plan, headers: { etag: planEtag(plan.version) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/tracking-plan/versions',
    summary: "Every version of the product's tracking plan, newest first",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZTrackingPlanVersions,
    handler: async (ctx, { params }) => ({ body: await planVersions(ctx, params.code) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/tracking-plan/prd-check',
    summary:
      "The PRD's analytics section against the current plan: events named but not planned, live events never named",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZPrdPlanCheck,
    handler: async (ctx, { params }) => ({ body: await prdPlanCheck(ctx, params.code) }),
  }),
  defineRoute({
    method: 'post',
    path: '/events',
    summary:
      'Send adoption events (at most 1,000 and 1 MB per request); each record is accepted, a duplicate, or refused',
    description:
      'Each record is checked on its own (docs/adoption.md): refusals list `{index, event_id, field, code, message}`. ' +
      '200 when at least one record was accepted or was a duplicate, else 400 `no_events_accepted` with the same ' +
      '`rejected`. A record is refused `unknown_product` for a product the caller cannot see and `product_forbidden` ' +
      'without events.send on it. Tokens need the `events` or `write` scope.',
    tag,
    access: 'authenticated',
    tokenScope: 'events',
    body: ZEventBatchBody,
    response: ZEventBatchResult,
    rawBodyLimit: ADOPTION_LIMITS.batchBytes,
    problems: { 400: ['no_events_accepted'], 413: ['too_many_events'] },
    successStatus: 200,
    handler: async (ctx, { body }) => ({ body: await ingestEvents(ctx, body) }),
  }),
];
