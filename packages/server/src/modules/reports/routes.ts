import { ZReportSnapshot, ZWeeklyReportQuery } from '@pi-studio/core/contract/reports';
import { z } from 'zod';
import { attachment } from '../../http/download.ts';
import { defineRoute } from '../../http/route.ts';
import { weeklyIntake, weeklyIntakePdf } from './service.ts';

const tag = 'reports';

export const reportRoutes = [
  defineRoute({
    method: 'get',
    path: '/reports/weekly-intake',
    summary:
      'The weekly intake-quality report of an ISO week (default: the last complete one): tiles with the week before, rejection reasons, the review queue, subsidiaries, asks; with its Markdown',
    tag,
    access: 'authenticated',
    query: ZWeeklyReportQuery,
    response: ZReportSnapshot,
    handler: async (ctx, { query }) => ({ body: await weeklyIntake(ctx, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/reports/weekly-intake.md',
    summary: 'The weekly intake-quality report as a Markdown file',
    tag,
    access: 'authenticated',
    query: ZWeeklyReportQuery,
    response: z.string(),
    produces: 'text/markdown',
    handler: async (ctx, { query }) => {
      const report = await weeklyIntake(ctx, query);
      return attachment(report.markdown, `${report.id}.md`, 'text/markdown; charset=utf-8');
    },
  }),
  defineRoute({
    method: 'get',
    path: '/reports/weekly-intake.pdf',
    summary: 'The weekly intake-quality report as a PDF',
    tag,
    access: 'authenticated',
    query: ZWeeklyReportQuery,
    response: z.string(),
    produces: 'application/pdf',
    problems: { 503: ['busy'] },
    handler: async (ctx, { query }) => {
      const file = await weeklyIntakePdf(ctx, query);
      return attachment(file.bytes, file.fileName, 'application/pdf');
    },
  }),
];
