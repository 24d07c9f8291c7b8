import { ZGateMetrics, ZMetricsQuery } from '@pi-studio/core/contract/gate';
import { defineRoute } from '../../../http/route.ts';
import { metrics } from './service.ts';

const tag = 'gate';

export const metricsRoutes = [
  defineRoute({
    method: 'get',
    path: '/gate/metrics',
    summary: 'First-time pass rate, verdicts and top rejection reasons by ISO week, subsidiary, product type, author',
    tag,
    access: 'authenticated',
    query: ZMetricsQuery,
    response: ZGateMetrics,
    handler: async (ctx, { query }) => ({ body: await metrics(ctx, query) }),
  }),
];
