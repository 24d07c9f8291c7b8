import { ZRequirementList, ZRequirementSync } from '@pi-studio/core/contract/backlog';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { requirementList, syncRequirements } from './service.ts';

const tag = 'backlog';

export const requirementRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/requirements',
    summary: "The product's requirements with the PRD line and version they come from, and the current baseline",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZRequirementList,
    handler: async (ctx, { params }) => ({ body: await requirementList(ctx, params.code) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/requirements/sync',
    summary:
      'Read the requirements of the PRD version that passed the gate: same key keeps its identity, text changes are recorded, missing ones are marked removed',
    tag,
    access: { permission: 'backlog.write' },
    params: ZCodeParams,
    response: ZRequirementSync,
    problems: { 409: ['no_baseline'] },
    successStatus: 200,
    handler: async (ctx, { params }) => ({ body: await syncRequirements(ctx, params.code) }),
  }),
];
