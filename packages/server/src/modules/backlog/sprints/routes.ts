import { ZSprint, ZSprintBody, ZSprintList, ZSprintParams } from '@pi-studio/core/contract/backlog';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { createSprint, endSprint, sprintList, startSprint } from './service.ts';

const tag = 'backlog';

export const sprintRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/sprints',
    summary: "The product's sprints, newest first, with their baseline and committed stories",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZSprintList,
    handler: async (ctx, { params }) => ({ body: await sprintList(ctx, params.code) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/sprints',
    summary: 'Plan a sprint; stories join it with PATCH /products/:code/stories/:key {sprintId}',
    tag,
    access: { permission: 'backlog.write' },
    params: ZCodeParams,
    body: ZSprintBody,
    response: ZSprint,
    handler: async (ctx, { params, body }) => ({ body: await createSprint(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/sprints/:id/start',
    summary:
      'Start a planned sprint: records the PRD baseline and the stories it commits to; one active sprint per product',
    tag,
    access: { permission: 'backlog.write' },
    params: ZSprintParams,
    response: ZSprint,
    problems: { 409: ['sprint_not_planned', 'sprint_already_active'] },
    successStatus: 200,
    handler: async (ctx, { params }) => ({ body: await startSprint(ctx, params.code, params.id) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/sprints/:id/end',
    summary: 'End the active sprint',
    tag,
    access: { permission: 'backlog.write' },
    params: ZSprintParams,
    response: ZSprint,
    problems: { 409: ['sprint_not_active'] },
    successStatus: 200,
    handler: async (ctx, { params }) => ({ body: await endSprint(ctx, params.code, params.id) }),
  }),
];
