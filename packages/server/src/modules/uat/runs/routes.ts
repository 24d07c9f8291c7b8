import {
  ZUatCaseDetail,
  ZUatCaseParams,
  ZUatIdParams,
  ZUatRunBody,
  ZUatRunParams,
  ZUatRunRecorded,
  ZUatScreenshot,
  ZUatScreenshotQuery,
} from '@pi-studio/core/contract/uat';
import { z } from 'zod';
import { defineRoute } from '../../../http/route.ts';
import { SCREENSHOT_WIRE_LIMIT, screenshotResponse } from './screenshot-response.ts';
import { addScreenshot, caseDetail, recordRun, screenshotFile } from './service.ts';

const tag = 'uat';

export const SCREENSHOT_PROBLEMS = {
  409: ['session_closed', 'too_many_screenshots'],
  413: ['file_too_large'],
  415: ['unsupported_media_type'],
} as const;

export const RUN_PROBLEMS = { 409: ['session_not_running', 'no_fixed_defect'] } as const;

export const runRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/uat/cases/:caseKey',
    summary: 'One test case with its runs (newest first, with their screenshots) and its defects',
    tag,
    access: { permission: 'product.read' },
    params: ZUatCaseParams,
    response: ZUatCaseDetail,
    handler: async (ctx, { params }) => ({ body: await caseDetail(ctx, params.code, params.caseKey) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/uat/cases/:caseKey/runs',
    summary:
      'Record a run of a case in a running session: pass, fail (raises a defect: a bug in the backlog) or blocked; kind `retest` verifies or reopens the case’s fixed defect',
    tag,
    access: { permission: 'uat.run' },
    params: ZUatCaseParams,
    body: ZUatRunBody,
    response: ZUatRunRecorded,
    problems: RUN_PROBLEMS,
    handler: async (ctx, { params, body }) => ({ body: await recordRun(ctx, params.code, params.caseKey, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/uat/runs/:runId/screenshots',
    summary:
      'Attach a screenshot to a run (body: the image itself; PNG, JPEG or WebP recognised by content, up to 5 MB, 5 per run)',
    tag,
    access: { permission: 'uat.run' },
    params: ZUatRunParams,
    query: ZUatScreenshotQuery,
    response: ZUatScreenshot,
    rawBodyLimit: SCREENSHOT_WIRE_LIMIT,
    problems: SCREENSHOT_PROBLEMS,
    handler: async (ctx, { params, query }) => {
      const bytes = new Uint8Array(await ctx.hono.req.arrayBuffer());
      return { body: await addScreenshot(ctx, params.code, params.runId, bytes, query.fileName) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/uat/screenshots/:id',
    summary: 'Download a screenshot (its stored image type, as an attachment, nosniff)',
    tag,
    access: { permission: 'product.read' },
    params: ZUatIdParams,
    response: z.string(),
    produces: 'image/*',
    handler: async (ctx, { params }) => screenshotResponse(await screenshotFile(ctx, params.code, params.id)),
  }),
];
