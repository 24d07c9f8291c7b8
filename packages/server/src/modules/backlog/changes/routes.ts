import {
  ZChangeRequest,
  ZChangeRequestBody,
  ZChangeRequestDecision,
  ZChangeRequestList,
  ZChangeRequestParams,
} from '@pi-studio/core/contract/backlog';
import { ZCodeParams } from '@pi-studio/core/contract/workspace';
import { defineRoute } from '../../../http/route.ts';
import { changeRequestList, decideChange, getChangeRequest, raiseChangeRequest } from './service.ts';

const tag = 'backlog';

export const changeRequestRoutes = [
  defineRoute({
    method: 'get',
    path: '/products/:code/change-requests',
    summary: "The product's change requests by number, with their decisions",
    tag,
    access: { permission: 'product.read' },
    params: ZCodeParams,
    response: ZChangeRequestList,
    handler: async (ctx, { params }) => ({ body: await changeRequestList(ctx, params.code) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/change-requests',
    summary: 'Raise a change request (what changes, why, impact; optionally the proposed PRD text)',
    tag,
    access: { permission: 'backlog.write' },
    params: ZCodeParams,
    body: ZChangeRequestBody,
    response: ZChangeRequest,
    handler: async (ctx, { params, body }) => {
      const cr = await raiseChangeRequest(ctx, params.code, body);
      return { body: cr, headers: { location: `/api/v1/products/${params.code}/change-requests/${cr.key}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/products/:code/change-requests/:key',
    summary: 'One change request',
    tag,
    access: { permission: 'product.read' },
    params: ZChangeRequestParams,
    response: ZChangeRequest,
    handler: async (ctx, { params }) => ({ body: await getChangeRequest(ctx, params.code, params.key) }),
  }),
  defineRoute({
    method: 'post',
    path: '/products/:code/change-requests/:key/decision',
    summary:
      "Approve or reject a change request with a rationale (the product's PO/VB only; an approval with a PRD text saves the PRD's next minor version)",
    tag,
    access: { permission: 'backlog.write' },
    params: ZChangeRequestParams,
    body: ZChangeRequestDecision,
    response: ZChangeRequest,
    problems: { 403: ['not_product_owner'], 409: ['already_decided', 'stale_version'] },
    successStatus: 200,
    handler: async (ctx, { params, body }) => ({ body: await decideChange(ctx, params.code, params.key, body) }),
  }),
];
