import { ZIdParams } from '@pi-studio/core/contract/common';
import { ZRubricBody, ZRubricDetail, ZRubricList } from '@pi-studio/core/contract/gate';
import { defineRoute } from '../../../http/route.ts';
import { activate, createRubric, rubricDetail, rubricList } from './service.ts';

const tag = 'gate';

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
    handler: async (ctx) => ({ body: await rubricList(ctx) }),
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
    handler: async (ctx, { params }) => ({ body: await rubricDetail(ctx, params.id) }),
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
    handler: async (ctx, { body }) => ({ body: await createRubric(ctx, body) }),
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
    handler: async (ctx, { params }) => ({ body: await activate(ctx, params.id) }),
  }),
];
