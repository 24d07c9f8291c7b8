import { ZIdParams } from '@pi-studio/core/contract/common';
import {
  ZConditionBody,
  ZConditionParams,
  ZConditionPatch,
  ZDecisionBody,
  ZGateReview,
  ZOverrideBody,
  ZOverrideParams,
  ZQueue,
  ZQueueQuery,
  ZReviewList,
  ZReviewsQuery,
  ZSubmitBody,
  ZWaiverBody,
  ZWaiverParams,
} from '@pi-studio/core/contract/gate-reviews';
import { defineRoute } from '../../http/route.ts';
import { decide } from './decide.service.ts';
import {
  addCondition,
  overrideCriterion,
  patchCondition,
  removeOverride,
  removeWaiver,
  waiveFinding,
} from './items.service.ts';
import { reviewFor } from './policy.ts';
import { gateQueue, presentReviewRecord, reviewList } from './reviews.service.ts';
import { submitToGate } from './submit.service.ts';

const tag = 'gate';

export const reviewRoutes = [
  defineRoute({
    method: 'post',
    path: '/documents/:id/gate',
    summary: 'Submit a PRD version (default: the current one) to the gate; the product moves intake → gate',
    tag,
    access: { permission: 'document.write' },
    params: ZIdParams,
    body: ZSubmitBody,
    response: ZGateReview,
    // Versions over 32,000 characters are scored in the job pool.
    problems: {
      409: ['already_submitted', 'no_active_rubric'],
      422: ['not_a_prd', 'document_too_complex'],
      503: ['busy'],
    },
    handler: async (ctx, { params, body }) => ({ body: await submitToGate(ctx, params.id, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/gate/queue',
    summary: 'Reviews waiting for ProductOps, oldest first, with their age in hours',
    tag,
    access: 'authenticated',
    query: ZQueueQuery,
    response: ZQueue,
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      ctx.markAuthorized();
      return { body: await gateQueue(ctx.deps, actor, query.subsidiary) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/gate/reviews',
    summary: 'Gate reviews you can see, newest first, by product, document or status',
    tag,
    access: 'authenticated',
    query: ZReviewsQuery,
    response: ZReviewList,
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      ctx.markAuthorized();
      return { body: await reviewList(ctx.deps, actor, query) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/gate/reviews/:id',
    summary: 'A review: engine report, effective criterion scores, findings with waivers, conditions, changes',
    tag,
    access: { permission: 'document.read' },
    params: ZIdParams,
    response: ZGateReview,
    handler: async (ctx, { params }) => {
      const review = await reviewFor(ctx, params.id, 'document.read');
      return { body: await presentReviewRecord(ctx.deps, review) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/gate/reviews/:id/overrides',
    summary: 'Override a criterion score (0–1) with a reason; the effective score is recomputed',
    tag,
    access: { permission: 'gate.review' },
    params: ZIdParams,
    body: ZOverrideBody,
    response: ZGateReview,
    problems: { 409: ['review_decided', 'review_superseded'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await overrideCriterion(ctx, params.id, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/gate/reviews/:id/waivers',
    summary: 'Waive a finding until a date; waived findings do not count toward the suggested verdict',
    tag,
    access: { permission: 'gate.review' },
    params: ZIdParams,
    body: ZWaiverBody,
    response: ZGateReview,
    problems: { 409: ['review_decided', 'review_superseded'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await waiveFinding(ctx, params.id, body) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/gate/reviews/:id/overrides/:criterion',
    summary: "Remove a criterion's override: the engine's score counts again (404 when there is none)",
    tag,
    access: { permission: 'gate.review' },
    params: ZOverrideParams,
    response: ZGateReview,
    problems: { 409: ['review_decided', 'review_superseded'] },
    handler: async (ctx, { params }) => ({ body: await removeOverride(ctx, params.id, params.criterion) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/gate/reviews/:id/waivers/:findingId',
    summary: "Remove a finding's waiver: it counts toward the suggested verdict again (404 when there is none)",
    tag,
    access: { permission: 'gate.review' },
    params: ZWaiverParams,
    response: ZGateReview,
    problems: { 409: ['review_decided', 'review_superseded'] },
    handler: async (ctx, { params }) => ({ body: await removeWaiver(ctx, params.id, params.findingId) }),
  }),
  defineRoute({
    method: 'post',
    path: '/gate/reviews/:id/conditions',
    summary: 'Add a condition (a fix with an owner and a due date) to a review awaiting its verdict',
    tag,
    access: { permission: 'gate.review' },
    params: ZIdParams,
    body: ZConditionBody,
    response: ZGateReview,
    problems: { 409: ['review_decided', 'review_superseded'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await addCondition(ctx, params.id, body) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/gate/reviews/:id/conditions/:conditionId',
    summary: 'Tick a condition done (PRD editors) or change its text, owner or due date (ProductOps)',
    tag,
    access: { permission: 'document.write' },
    params: ZConditionParams,
    body: ZConditionPatch,
    response: ZGateReview,
    // Ticking a condition off stays possible after the verdict.
    problems: { 409: ['review_superseded'] },
    handler: async (ctx, { params, body }) => ({
      body: await patchCondition(ctx, params.id, params.conditionId, body),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/gate/reviews/:id/decision',
    summary: 'Record the verdict: pass/conditional move the product to build and freeze the baseline; fail → intake',
    tag,
    access: { permission: 'gate.review' },
    params: ZIdParams,
    body: ZDecisionBody,
    response: ZGateReview,
    problems: { 409: ['review_decided', 'review_superseded'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await decide(ctx, params.id, body) }),
  }),
];
