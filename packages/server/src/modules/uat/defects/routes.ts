import { ZUatDefectList, ZUatSessionParams } from '@pi-studio/core/contract/uat';
import { defineRoute } from '../../../http/route.ts';
import { defectList } from './service.ts';

export const defectRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/uat/sessions/:key/defects',
    summary:
      "A session's defects: bug key and status, case, story, requirements, and state (open, fixed — the bug is done —, verified, reopened)",
    tag: 'uat',
    access: { permission: 'product.read' },
    params: ZUatSessionParams,
    response: ZUatDefectList,
    handler: async (ctx, { params }) => ({ body: await defectList(ctx, params.code, params.key) }),
  }),
];
