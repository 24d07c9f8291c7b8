import { requireStudioRole } from '../../http/policy.ts';
import { defineRoute } from '../../http/route.ts';
import { activate, createRubric, rubricDetail, rubricList } from './rubrics.service.ts';
import { ZIdParams, ZRubricBody } from './schemas.ts';

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
    successStatus: 200,
    handler: async (ctx, { params }) => {
      requireStudioRole(ctx, RUBRIC_EDITORS);
      return { body: await activate(ctx, params.id) };
    },
  }),
];
