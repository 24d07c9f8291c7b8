import { defineRoute } from '../../http/route.ts';
import { addGolden, goldenList, removeGolden } from './golden.service.ts';
import { metrics } from './metrics.service.ts';
import { ZGoldenBody, ZGoldenQuery, ZIdParams, ZMetricsQuery } from './schemas.ts';

const tag = 'gate';

export const goldenRoutes = [
  defineRoute({
    method: 'get',
    path: '/gate/metrics',
    summary: 'First-time pass rate, verdicts and top rejection reasons by ISO week, subsidiary, product type, author',
    tag,
    access: 'authenticated',
    query: ZMetricsQuery,
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
