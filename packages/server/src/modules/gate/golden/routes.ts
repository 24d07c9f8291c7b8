import { ZIdParams } from '@pi-studio/core/contract/common';
import {
  ZGateMetrics,
  ZGoldenBody,
  ZGoldenExample,
  ZGoldenList,
  ZGoldenQuery,
  ZMetricsQuery,
} from '@pi-studio/core/contract/gate';
import { defineRoute } from '../../http/route.ts';
import { addGolden, goldenList, removeGolden } from './golden.service.ts';
import { metrics } from './metrics.service.ts';

const tag = 'gate';

export const goldenRoutes = [
  defineRoute({
    method: 'get',
    path: '/gate/metrics',
    summary: 'First-time pass rate, verdicts and top rejection reasons by ISO week, subsidiary, product type, author',
    tag,
    access: 'authenticated',
    query: ZMetricsQuery,
    response: ZGateMetrics,
    handler: async (ctx, { query }) => {
      const actor = ctx.requireActor();
      ctx.markAuthorized();
      return { body: await metrics(ctx.deps, actor, query) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/golden',
    summary: 'The Golden PRD library (studio-wide): approved passages by criterion, subsidiary and product type',
    tag,
    access: 'authenticated',
    query: ZGoldenQuery,
    response: ZGoldenList,
    handler: async (ctx, { query }) => {
      ctx.requireActor();
      ctx.markAuthorized();
      return { body: await goldenList(ctx.deps, query) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/golden',
    summary: 'Mark a passage of a passed PRD version golden for a criterion (default: the section it is about)',
    tag,
    access: { permission: 'gate.review' },
    body: ZGoldenBody,
    response: ZGoldenExample,
    handler: async (ctx, { body }) => ({ body: await addGolden(ctx, body) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/golden/:id',
    summary: 'Remove a passage from the Golden library',
    tag,
    access: { permission: 'gate.review' },
    params: ZIdParams,
    handler: async (ctx, { params }) => {
      await removeGolden(ctx, params.id);
      return { status: 204 };
    },
  }),
];
