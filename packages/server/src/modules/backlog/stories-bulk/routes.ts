import { ZStoryBulkBody, ZStoryBulkResult } from '@pi-studio/core/contract/backlog-bulk';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { bulkUpdateStories } from './service.ts';

// Declared before the stories' `:key` routes (backlog/routes.ts), so `stories/bulk` is never read as a story key.
export const storyBulkRoutes = [
  defineRoute({
    method: 'post',
    path: '/products/:code/stories/bulk',
    summary:
      'Set the status, sprint or priority of up to 500 stories at once, all or nothing (unknown key: 422 `keys.N`)',
    tag: 'backlog',
    access: { permission: 'backlog.write' },
    params: ZCodeParams,
    body: ZStoryBulkBody,
    response: ZStoryBulkResult,
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await bulkUpdateStories(ctx, params.code, body) }),
  }),
];
