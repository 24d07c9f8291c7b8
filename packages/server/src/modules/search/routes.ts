import { ZSearchQuery, ZSearchResponse } from '@pi-studio/core/contract/search';
import { defineRoute } from '../../http/route.ts';
import { search } from './service.ts';

export const searchRoutes = [
  defineRoute({
    method: 'get',
    path: '/search',
    summary: 'Full-text search over the current version of every document you may see, with highlighted snippets',
    tag: 'search',
    access: 'authenticated',
    query: ZSearchQuery,
    response: ZSearchResponse,
    // Visibility is applied inside the query (the subsidiaries the actor has a role in; admins all).
    handler: async (ctx, { query }) => ({ body: { items: await search(ctx, query) } }),
  }),
];
