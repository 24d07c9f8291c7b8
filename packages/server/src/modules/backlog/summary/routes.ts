import { ZBacklogSummary } from '@pi-studio/core/contract/backlog';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { backlogSummary } from './service.ts';

export const summaryRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/backlog/summary',
    summary:
      'The backlog at a glance: stories and bugs by status, coverage and gaps, open drift, pending change ' +
      'requests, the active sprint and whether the product may move to UAT',
    tag: 'backlog',
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZBacklogSummary,
    handler: async (ctx, { params }) => ({ body: await backlogSummary(ctx, params.code) }),
  }),
];
