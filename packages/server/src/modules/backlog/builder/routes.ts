// The builder API: the only routes a token of scope `builder` alone may call (`tokenScope`); read tokens may read
// them and write tokens change through them as well, and signed-in sessions, all within backlog.write.
import {
  ZBuilderStatusBody,
  ZBuilderStoryPage,
  ZBuilderStoryParams,
  ZBuilderStoryQuery,
  ZStory,
} from '@pi-studio/core/contract/backlog';
import { defineRoute } from '../../../http/route.ts';
import { storyEtag } from '../stories/presenters.ts';
import { builderStories, setStoryStatus } from './service.ts';

const tag = 'backlog';

export const builderRoutes = [
  defineRoute({
    method: 'get',
    path: '/builder/stories',
    summary:
      'Stories of a product to build (default status ready) with their Gherkin acceptance criteria and the linked ' +
      'requirements’ text; token scope builder (or read)',
    tag,
    access: { permission: 'backlog.write' },
    tokenScope: 'builder',
    query: ZBuilderStoryQuery,
    response: ZBuilderStoryPage,
    handler: async (ctx, { query }) => ({ body: await builderStories(ctx, query) }),
  }),
  defineRoute({
    method: 'post',
    path: '/builder/stories/:key/status',
    summary:
      'Move a story’s status as PATCH …/stories/:key does (same checks and audit); `ifMatch` or header If-Match ' +
      'optional (stale: 409 stale_version); token scope builder (or write)',
    tag,
    access: { permission: 'backlog.write' },
    tokenScope: 'builder',
    params: ZBuilderStoryParams,
    body: ZBuilderStatusBody,
    response: ZStory,
    problems: { 409: ['stale_version', 'ambiguous_key'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => {
      const story = await setStoryStatus(ctx, params.key, body, ctx.header('if-match'));
      return { body: story, headers: { etag: storyEtag(story.revision) } };
    },
  }),
];
