import { ZIdParams } from '@pi-studio/core/contract/common';
import { ZRubricBody, ZRubricDetail, ZRubricList } from '@pi-studio/core/contract/gate';
import { defineRoute } from '../../http/route.ts';
import { requireStudioRole } from '../../use-case/policy.ts';
import { activate, createRubric, rubricDetail, rubricList } from './rubrics.service.ts';

const tag = 'gate';
const RUBRIC_EDITORS = ['admin', 'productops'] as const;

// Rubrics are studio-wide data: everyone signed in reads them (the editor scores with them); admins and
// ProductOps add and activate versions.
export const rubricRoutes = [
  defineRoute({
    method: 'get',
    path: '/rubrics',
    summary: 'Rubric versions, newest first per rubric; `active` marks the one new submissions use',
    tag,
    access: 'authenticated',
    response: ZRubricList,
    handler: async (ctx) => {
      ctx.markAuthorized();
      return { body: await rubricList(ctx.deps) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/rubrics/:id',
    summary: 'One rubric version with its definition (criteria, weights, checks, word lists, verdict rules)',
    tag,
    access: 'authenticated',
    params: ZIdParams,
    response: ZRubricDetail,
    problems: { 404: ['not_found'] },
    handler: async (ctx, { params }) => {
      ctx.markAuthorized();
      return { body: await rubricDetail(ctx.deps, params.id) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/rubrics',
    summary: 'Add a rubric version (validated: weights sum to 100, known checks and rules); not active yet',
    tag,
    access: 'authenticated',
    body: ZRubricBody,
    response: ZRubricDetail,
    problems: { 409: ['rubric_version_taken'], 422: ['invalid_rubric'] },
    handler: async (ctx, { body }) => {
      requireStudioRole(ctx, RUBRIC_EDITORS);
      return { body: await createRubric(ctx, body) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/rubrics/:id/activate',
    summary: 'Make this rubric version the one new gate submissions are scored with',
    tag,
    access: 'authenticated',
    params: ZIdParams,
    response: ZRubricDetail,
    problems: { 404: ['not_found'] },
    successStatus: 200,
    handler: async (ctx, { params }) => {
      requireStudioRole(ctx, RUBRIC_EDITORS);
      return { body: await activate(ctx, params.id) };
    },
  }),
];
