import { ZDrift, ZTraceMatrix } from '@pi-studio/core/contract/backlog';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import { csvResponse } from '../exchange/csv-response.ts';
import { traceDrift, traceMatrix, traceMatrixCsv } from './service.ts';

const tag = 'backlog';

export const traceRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/trace/matrix',
    summary:
      'The coverage matrix: each requirement with its stories and bugs, and down to UAT test cases, latest results, defects and retests; uncovered requirements, orphan stories, coverage %, requirements without a case, cases never run, open defects',
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZTraceMatrix,
    handler: async (ctx, { params }) => ({ body: await traceMatrix(ctx, params.code) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/trace/matrix.csv',
    summary: 'The coverage matrix as CSV (a download named after the product)',
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: z.string(),
    produces: 'text/csv',
    handler: async (ctx, { params }) =>
      csvResponse(await traceMatrixCsv(ctx, params.code), `${params.code}-trace-matrix.csv`),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/trace/drift',
    summary:
      'Scope drift against the gate baseline: stories without requirement, requirement changes without an approved change request, stories added after a sprint started',
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZDrift,
    handler: async (ctx, { params }) => ({ body: await traceDrift(ctx, params.code) }),
  }),
];
