import { ZJiraImportPlan, ZJiraImportQuery, ZStoryExportQuery } from '@pi-studio/core/contract/backlog';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { z } from 'zod';
import { AppError } from '../../../http/errors.ts';
import { defineRoute } from '../../../http/route.ts';
import { csvResponse } from './csv-response.ts';
import { exportStories, importJira } from './service.ts';

const tag = 'backlog';

export const exchangeRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/stories/export.csv',
    summary: "The product's stories and bugs as CSV for Jira's importer (`format=jira`) or Azure DevOps' (`azure`)",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    query: ZStoryExportQuery,
    response: z.string(),
    produces: 'text/csv',
    handler: async (ctx, { params, query }) =>
      csvResponse(await exportStories(ctx, params.code, query.format), `${params.code}-stories-${query.format}.csv`),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/stories/import/jira',
    summary:
      'Update statuses from a Jira CSV export (body: text/csv, UTF-8, at most 10 MB), matched on our key; `dryRun=true` (the default) answers the plan only, a real run applies all of it or nothing',
    tag,
    access: { permission: 'backlog.write' },
    params: ZCodeParams,
    query: ZJiraImportQuery,
    consumes: 'text/csv',
    response: ZJiraImportPlan,
    problems: { 413: ['file_too_large'], 415: ['unsupported_media_type'], 422: ['import_refused'] },
    successStatus: 200,
    handler: async (ctx, { params, query }) => {
      const type = ctx.hono.req.header('content-type')?.trim() ?? '';
      if (!/^text\/csv\s*(;|$)/i.test(type)) {
        throw new AppError(415, 'unsupported_media_type', 'send the Jira export as text/csv');
      }
      const bytes = new Uint8Array(await ctx.hono.req.arrayBuffer());
      return { body: await importJira(ctx, params.code, bytes, query.dryRun) };
    },
  }),
];
