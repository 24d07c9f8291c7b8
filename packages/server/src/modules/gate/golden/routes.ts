import { ZIdParams } from '@pi-studio/core/contract/common';
import { ZGoldenBody, ZGoldenExample, ZGoldenList, ZGoldenQuery } from '@pi-studio/core/contract/gate';
import { defineRoute } from '../../../http/route.ts';
import { addGolden, goldenList, removeGolden } from './service.ts';

const tag = 'gate';

export const goldenRoutes = [
  defineRoute({
    method: 'get',
    path: '/golden',
    summary: 'The Golden PRD library (studio-wide): approved passages by criterion, subsidiary and product type',
    tag,
    access: 'authenticated',
    query: ZGoldenQuery,
    response: ZGoldenList,
    handler: async (ctx, { query }) => ({ body: await goldenList(ctx, query) }),
  }),
  defineRoute({
    method: 'post',
    path: '/golden',
    summary: 'Mark a passage of a passed PRD version golden for a criterion (default: the section it is about)',
    tag,
    access: { permission: 'gate.review' },
    body: ZGoldenBody,
    response: ZGoldenExample,
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
