import {
  ZGenerateBody,
  ZStory,
  ZStoryBody,
  ZStoryChecks,
  ZStoryList,
  ZStoryPage,
  ZStoryParams,
  ZStoryPatch,
  ZStoryQuery,
} from '@pi-studio/core/contract/backlog';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { storyChecks } from './checks.ts';
import { generateStories } from './generate.ts';
import { storyEtag } from './presenters.ts';
import { createStory, deleteStory, getStory, storyPage, updateStory } from './service.ts';

const tag = 'backlog';

export const storyRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/stories',
    summary: "The product's stories and bugs by number, filtered by status, type, sprint (`none`) or requirement",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    query: ZStoryQuery,
    response: ZStoryPage,
    handler: async (ctx, { params, query }) => ({ body: await storyPage(ctx, params.code, query) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/stories',
    summary: 'Add a story or a bug; its key follows the naming convention (`<PRODUCT>-S-12`, `<PRODUCT>-BUG-3`)',
    tag,
    access: { permission: 'backlog.write' },
    params: ZCodeParams,
    body: ZStoryBody,
    response: ZStory,
    handler: async (ctx, { params, body }) => {
      const story = await createStory(ctx, params.code, body);
      return {
        body: story,
        headers: { etag: storyEtag(story.revision), location: `/api/v1/products/${params.code}/stories/${story.key}` },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/stories/generate',
    summary:
      'Draft stories (narrative and Gherkin prefilled) for requirements no story covers yet, or for the ones named',
    tag,
    access: { permission: 'backlog.write' },
    params: ZCodeParams,
    body: ZGenerateBody,
    response: ZStoryList,
    handler: async (ctx, { params, body }) => ({ body: await generateStories(ctx, params.code, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/stories/:key/checks',
    summary: "A story's quality checks (INVEST-style, Gherkin well-formedness) as findings in the gate's format",
    tag,
    access: { permission: 'product.read' },
    params: ZStoryParams,
    response: ZStoryChecks,
    handler: async (ctx, { params }) => ({ body: await storyChecks(ctx, params.code, params.key) }),
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/stories/:key',
    summary: 'One story or bug with its requirement links; header `ETag`',
    tag,
    access: { permission: 'product.read' },
    params: ZStoryParams,
    response: ZStory,
    handler: async (ctx, { params }) => {
      const story = await getStory(ctx, params.code, params.key);
      return { body: story, headers: { etag: storyEtag(story.revision) } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/products/:code/stories/:key',
    summary: 'Change a story (fields, status, sprint, links); If-Match optional (stale: 409 stale_version)',
    tag,
    access: { permission: 'backlog.write' },
    params: ZStoryParams,
    body: ZStoryPatch,
    response: ZStory,
    problems: { 409: ['stale_version'] },
    handler: async (ctx, { params, body }) => {
      const story = await updateStory(ctx, params.code, params.key, body, ctx.header('if-match'));
      return { body: story, headers: { etag: storyEtag(story.revision) } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/products/:code/stories/:key',
    summary: 'Delete a story (its key is not given again); If-Match optional (stale: 409 stale_version)',
    tag,
    access: { permission: 'backlog.write' },
    params: ZStoryParams,
    problems: { 409: ['stale_version'] },
    successStatus: 204,
    handler: async (ctx, { params }) => {
      await deleteStory(ctx, params.code, params.key, ctx.header('if-match'));
      return { status: 204 };
    },
  }),
];
